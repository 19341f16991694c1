// marching-tets.wgsl: marching tetrahedra on an occupancy grid of (n+1)^3 values, in three steps:
//   classify        per grid point: its crossing-edge mask, and for the cell it is the lowest corner
//                   of, the 8-corner inside mask; vertex and triangle counts into `counts`
//   scan_blocks +   a multi-level exclusive prefix sum of `counts` (vec2: vertices, triangles),
//   add_offsets     one level per dispatch, SCAN_BLOCK * SCAN_ITEMS_PER_THREAD elements per workgroup
//   emit_triangles  per cell: indices in (tet, triangle) order, at its compacted offset, and each
//                   triangle's face normal
//   emit_vertices   per crossing edge: position, and the normal as the sum of the face normals
//                   around it (gathered, no atomics), at its compacted index
// The CPU reference, with the conventions (inside = value >= iso, border forced outside, edge
// codes, vertex placement, winding), is src/core/shape/marching-tets.ts; the tetrahedra and their
// triangle table come from there as the `table` buffer. Work is linearised over a 2D dispatch
// (workgroup x + y * groups in x), so large grids stay under the per-dimension workgroup limit.

struct SurfaceParams {
  // Cells per side; the grid has n + 1 points per side.
  n: u32,
  pointCount: u32,
  iso: f32,
  bound: f32,
  // Grid spacing, 2 * bound / n.
  step: f32,
}

@group(0) @binding(0) var<uniform> params: SurfaceParams;
@group(0) @binding(1) var<storage, read> values: array<f32>;
// Per point: bits 0-6 crossing mask (bit code - 1), bits 8-15 inside mask of its cell's 8 corners.
@group(0) @binding(2) var<storage, read_write> info: array<u32>;
// Per point: (vertices, triangles); after the scan, the exclusive prefix sums.
@group(0) @binding(3) var<storage, read_write> counts: array<vec2u>;
@group(0) @binding(4) var<storage, read> table: array<u32>;
@group(0) @binding(5) var<storage, read_write> scan_data: array<vec2u>;
@group(0) @binding(6) var<storage, read_write> scan_sums: array<vec2u>;
@group(0) @binding(7) var<storage, read_write> positions: array<f32>;
@group(0) @binding(8) var<storage, read_write> normals: array<f32>;
@group(0) @binding(9) var<storage, read_write> indices: array<u32>;
// Per triangle: its face normal (b - a) x (c - a), area-weighted, for the vertex normals.
@group(0) @binding(10) var<storage, read_write> faces: array<f32>;

override WG: u32 = 64u;
// Set by surface-pass.ts from the constants of the same names in marching-tets.ts.
override TET_ENTRY_STRIDE: u32 = 8u;
override TET_CORNERS_OFFSET: u32 = 768u;
override EDGE_T_MIN: f32 = 0.0009765625;

// Must match SCAN_BLOCK in surface-pass.ts.
const SCAN_BLOCK: u32 = 256u;
override SCAN_ITEMS_PER_THREAD: u32 = 4u;
var<workgroup> scratch: array<vec2u, SCAN_BLOCK>;

fn linear_id(wid: vec3u, groups: vec3u, lid: u32, size: u32) -> u32 {
  return (wid.x + wid.y * groups.x) * size + lid;
}

fn code_vec(code: u32) -> vec3u {
  return vec3u(code & 1u, (code >> 1u) & 1u, code >> 2u);
}

fn point_index(p: vec3u) -> u32 {
  let np = params.n + 1u;
  return p.x + np * (p.y + np * p.z);
}

fn point_of(i: u32) -> vec3u {
  let np = params.n + 1u;
  return vec3u(i % np, (i / np) % np, i / (np * np));
}

fn is_border(p: vec3u) -> bool {
  let n = params.n;
  return p.x == 0u || p.y == 0u || p.z == 0u || p.x == n || p.y == n || p.z == n;
}

fn is_inside(p: vec3u) -> bool {
  return !is_border(p) && values[point_index(p)] >= params.iso;
}

fn tet_mask(cube: u32, tet: u32) -> u32 {
  var mask = 0u;
  for (var k = 0u; k < 4u; k++) {
    mask |= ((cube >> table[TET_CORNERS_OFFSET + tet * 4u + k]) & 1u) << k;
  }
  return mask;
}

fn entry_base(tet: u32, mask: u32) -> u32 {
  return (tet * 16u + mask) * TET_ENTRY_STRIDE;
}

@compute @workgroup_size(WG)
fn classify(
  @builtin(workgroup_id) wid: vec3u,
  @builtin(num_workgroups) groups: vec3u,
  @builtin(local_invocation_index) lid: u32,
) {
  let i = linear_id(wid, groups, lid, WG);
  if (i >= params.pointCount) {
    return;
  }
  let n = params.n;
  let p = point_of(i);
  // Inside flags of the 8 points p + code_vec(c); points past the grid count as outside.
  var corners = 0u;
  for (var c = 0u; c < 8u; c++) {
    let q = p + code_vec(c);
    if (all(q <= vec3u(n)) && is_inside(q)) {
      corners |= 1u << c;
    }
  }
  var mask = 0u;
  for (var code = 1u; code < 8u; code++) {
    let q = p + code_vec(code);
    if (all(q <= vec3u(n)) && ((corners >> code) & 1u) != (corners & 1u)) {
      mask |= 1u << (code - 1u);
    }
  }
  var cube = 0u;
  var triangles = 0u;
  if (all(p < vec3u(n)) && corners != 0u && corners != 255u) {
    cube = corners;
    for (var t = 0u; t < 6u; t++) {
      triangles += table[entry_base(t, tet_mask(cube, t))];
    }
  }
  info[i] = mask | (cube << 8u);
  counts[i] = vec2u(countOneBits(mask), triangles);
}

// Exclusive scan of SCAN_BLOCK * SCAN_ITEMS_PER_THREAD elements per workgroup, a run of
// SCAN_ITEMS_PER_THREAD per invocation; the block's total goes to scan_sums.
@compute @workgroup_size(SCAN_BLOCK)
fn scan_blocks(
  @builtin(workgroup_id) wid: vec3u,
  @builtin(num_workgroups) groups: vec3u,
  @builtin(local_invocation_index) lid: u32,
) {
  let group_index = wid.x + wid.y * groups.x;
  let count = arrayLength(&scan_data);
  let items = SCAN_BLOCK * SCAN_ITEMS_PER_THREAD;
  if (count <= group_index * items) {
    return;
  }
  let first = group_index * items + lid * SCAN_ITEMS_PER_THREAD;
  let last = min(first + SCAN_ITEMS_PER_THREAD, count);
  var own = vec2u(0u);
  for (var k = first; k < last; k++) {
    own += scan_data[k];
  }
  scratch[lid] = own;
  workgroupBarrier();
  // Hillis-Steele inclusive scan of the invocations' totals in shared memory.
  for (var offset = 1u; offset < SCAN_BLOCK; offset <<= 1u) {
    var add = vec2u(0u);
    if (lid >= offset) {
      add = scratch[lid - offset];
    }
    workgroupBarrier();
    scratch[lid] += add;
    workgroupBarrier();
  }
  var running = scratch[lid] - own;
  for (var k = first; k < last; k++) {
    let item = scan_data[k];
    scan_data[k] = running;
    running += item;
  }
  if (lid == SCAN_BLOCK - 1u) {
    scan_sums[group_index] = scratch[lid];
  }
}

// Adds each block's offset (the scanned scan_sums) to its elements, one per invocation.
@compute @workgroup_size(SCAN_BLOCK)
fn add_offsets(
  @builtin(workgroup_id) wid: vec3u,
  @builtin(num_workgroups) groups: vec3u,
  @builtin(local_invocation_index) lid: u32,
) {
  let i = (wid.x + wid.y * groups.x) * SCAN_BLOCK + lid;
  if (i < arrayLength(&scan_data)) {
    scan_data[i] += scan_sums[i / (SCAN_BLOCK * SCAN_ITEMS_PER_THREAD)];
  }
}

/** Fraction along edge p → p + code_vec(code) where its vertex lies (edgeFraction on the CPU). */
fn edge_fraction(p: vec3u, code: u32) -> f32 {
  let va = values[point_index(p)];
  let vb = values[point_index(p + code_vec(code))];
  let a_inside = is_inside(p);
  let vi = select(va, vb, !a_inside);
  let vo = select(vb, va, !a_inside);
  var s = 0.5;
  if (vo < params.iso) {
    s = clamp((vi - params.iso) / (vi - vo), EDGE_T_MIN, 1.0 - EDGE_T_MIN);
  }
  return select(1.0 - s, s, a_inside);
}

/** Index of the vertex on edge `edge` (corner | code << 3) of the cell whose lowest corner is p. */
fn vertex_index(p: vec3u, edge: u32) -> u32 {
  let owner = point_index(p + code_vec(edge & 7u));
  let below = info[owner] & ((1u << ((edge >> 3u) - 1u)) - 1u);
  return counts[owner].x + countOneBits(below & 0x7fu);
}

/** Position of the vertex on edge `edge` of the cell at p, in grid units relative to p. */
fn local_position(p: vec3u, edge: u32) -> vec3f {
  let corner = code_vec(edge & 7u);
  let code = edge >> 3u;
  return vec3f(corner) + edge_fraction(p + corner, code) * vec3f(code_vec(code));
}

// Runs before emit_vertices: the vertex normals gather the face normals written here.
@compute @workgroup_size(WG)
fn emit_triangles(
  @builtin(workgroup_id) wid: vec3u,
  @builtin(num_workgroups) groups: vec3u,
  @builtin(local_invocation_index) lid: u32,
) {
  let i = linear_id(wid, groups, lid, WG);
  if (i >= params.pointCount) {
    return;
  }
  let cube = info[i] >> 8u;
  if (cube == 0u || cube == 255u) {
    return;
  }
  let p = point_of(i);
  var triangle = counts[i].y;
  for (var t = 0u; t < 6u; t++) {
    let base = entry_base(t, tet_mask(cube, t));
    let edges = table[base] * 3u;
    // Face normal (b - a) x (c - a), relative to the cell in grid units so that slivers keep their
    // precision (the CPU reference does the same).
    var a = vec3f(0.0);
    var b = vec3f(0.0);
    for (var k = 0u; k < edges; k++) {
      let edge = table[base + 1u + k];
      let out = triangle * 3u + k % 3u;
      indices[out] = vertex_index(p, edge);
      let position = local_position(p, edge);
      switch (k % 3u) {
        case 0u: {
          a = position;
        }
        case 1u: {
          b = position;
        }
        default: {
          let normal = cross(b - a, position - a);
          faces[triangle * 3u] = normal.x;
          faces[triangle * 3u + 1u] = normal.y;
          faces[triangle * 3u + 2u] = normal.z;
          triangle++;
        }
      }
    }
  }
}

/**
 * Sum of the face normals of the triangles that use the vertex on edge p → p + code: they lie in
 * the tetrahedra of the (up to 4) cells that contain the edge.
 */
fn face_normal_sum(p: vec3u, code: u32) -> vec3f {
  let n = params.n;
  let free = 7u & ~code;
  var sum = vec3f(0.0);
  for (var s = 0u; s < 8u; s++) {
    let shift = code_vec(s);
    if ((s & free) != s || any(p < shift)) {
      continue;
    }
    let cell = p - shift;
    if (cell.x >= n || cell.y >= n || cell.z >= n) {
      continue;
    }
    let cell_index = point_index(cell);
    let cube = info[cell_index] >> 8u;
    let own_edge = s | (code << 3u);
    var triangle = counts[cell_index].y;
    for (var t = 0u; t < 6u; t++) {
      let base = entry_base(t, tet_mask(cube, t));
      let triangles = table[base];
      for (var k = 0u; k < triangles; k++) {
        let e = base + 1u + k * 3u;
        if (table[e] == own_edge || table[e + 1u] == own_edge || table[e + 2u] == own_edge) {
          sum += vec3f(faces[triangle * 3u], faces[triangle * 3u + 1u], faces[triangle * 3u + 2u]);
        }
        triangle++;
      }
    }
  }
  return sum;
}

@compute @workgroup_size(WG)
fn emit_vertices(
  @builtin(workgroup_id) wid: vec3u,
  @builtin(num_workgroups) groups: vec3u,
  @builtin(local_invocation_index) lid: u32,
) {
  let i = linear_id(wid, groups, lid, WG);
  if (i >= params.pointCount) {
    return;
  }
  let mask = info[i] & 0x7fu;
  if (mask == 0u) {
    return;
  }
  let p = point_of(i);
  var v = counts[i].x;
  for (var code = 1u; code < 8u; code++) {
    if ((mask & (1u << (code - 1u))) == 0u) {
      continue;
    }
    let t = edge_fraction(p, code);
    let position = -params.bound + params.step * (vec3f(p) + t * vec3f(code_vec(code)));
    var normal = face_normal_sum(p, code);
    if (all(normal == vec3f(0.0))) {
      // From the inside end of the edge to the outside end.
      normal = vec3f(code_vec(code)) * select(-1.0, 1.0, is_inside(p));
    }
    // Scale before normalising: the sums can be small enough for their squares to underflow.
    normal = normalize(normal / max(max(abs(normal.x), abs(normal.y)), abs(normal.z)));
    positions[v * 3u] = position.x;
    positions[v * 3u + 1u] = position.y;
    positions[v * 3u + 2u] = position.z;
    normals[v * 3u] = normal.x;
    normals[v * 3u + 1u] = normal.y;
    normals[v * 3u + 2u] = normal.z;
    v++;
  }
}
