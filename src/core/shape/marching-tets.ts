// Marching tetrahedra on an occupancy grid: the CPU reference of shaders/marching-tets.wgsl. Every
// cube is split into the same 6 tetrahedra around its main diagonal (the Freudenthal/Kuhn split), so
// neighbouring cubes share face diagonals and the surface is watertight and 2-manifold by
// construction. The tables are derived here from the split itself and handed to the GPU kernel as
// a buffer, so CPU and GPU can never disagree about them.
//
// Conventions (the GPU pass gives the same mesh, index for index):
// - A point is inside when value >= iso (iso rounded to f32), outside otherwise. Points on the
//   grid's outer border always count as outside, so a surface that reaches the border is closed.
// - Grid edges go from point p to p + d for the 7 vectors d in {0,1}^3 \ {0}, coded
//   dx | dy << 1 | dz << 2; edge id = 7 * p + code - 1. One vertex per crossing edge, in edge-id order.
// - A vertex lies where linear interpolation reaches iso, kept at least EDGE_T_MIN from either end
//   (so no vertex sits on a grid point); where the outside end is a border point forced outside,
//   it lies at the edge's midpoint.
// - Triangles are in (cell index, tetrahedron, triangle) order, counter-clockwise seen from outside.
// - Normals: area-weighted sums of the welded mesh's face normals, normalised; a vertex whose sum
//   vanishes gets its edge's direction from the inside end to the outside end.
import type { OccupancyGrid, ShapeMesh } from './shape-types';

/** Smallest fraction of an edge between a vertex and either end (exact in f32). */
export const EDGE_T_MIN = 1 / 1024;

/** The 6 tetrahedra as cube corners (corner code x | y << 1 | z << 2), all sharing corners 0 and 7. */
export const TETRAHEDRA: readonly (readonly number[])[] = [
  [0, 1, 2],
  [0, 2, 1],
  [1, 0, 2],
  [1, 2, 0],
  [2, 0, 1],
  [2, 1, 0],
].map(([a, b]) => [0, 1 << a!, (1 << a!) | (1 << b!), 7]);

/** u32s per (tetrahedron, inside mask) entry of the table: triangle count, 6 edge refs, padding. */
export const TET_ENTRY_STRIDE = 8;
/** Where the tetrahedra's corners (6 x 4 u32) start in the table buffer. */
export const TET_CORNERS_OFFSET = TETRAHEDRA.length * 16 * TET_ENTRY_STRIDE;

const cornerVec = (c: number) => [c & 1, (c >> 1) & 1, (c >> 2) & 1] as const;

/** An edge between two corners of one tetrahedron: lower corner | (corner difference) << 3. */
function edgeRef(u: number, w: number): number {
  const low = (u & w) === u ? u : w;
  return low | ((u ^ w) << 3);
}

function edgeMidpoint(ref: number): number[] {
  const a = cornerVec(ref & 7);
  const d = cornerVec(ref >> 3);
  return [a[0] + d[0] / 2, a[1] + d[1] / 2, a[2] + d[2] / 2];
}

/** Orders a triangle's edges so that its normal points from the inside corners to the outside ones. */
function orient(tri: number[], inside: number[], outside: number[]): number[] {
  const [a, b, c] = tri.map(edgeMidpoint) as [number[], number[], number[]];
  const u = [b[0]! - a[0]!, b[1]! - a[1]!, b[2]! - a[2]!];
  const v = [c[0]! - a[0]!, c[1]! - a[1]!, c[2]! - a[2]!];
  const normal = [
    u[1]! * v[2]! - u[2]! * v[1]!,
    u[2]! * v[0]! - u[0]! * v[2]!,
    u[0]! * v[1]! - u[1]! * v[0]!,
  ];
  const centre = (cs: number[]) =>
    [0, 1, 2].map((k) => cs.reduce((s, corner) => s + cornerVec(corner)[k]!, 0) / cs.length);
  const ci = centre(inside);
  const co = centre(outside);
  const dot = normal.reduce((s, x, k) => s + x * (co[k]! - ci[k]!), 0);
  return dot > 0 ? tri : [tri[0]!, tri[2]!, tri[1]!];
}

/** Triangles (as edge refs) of one tetrahedron for an inside mask over its 4 corners. */
function tetTriangles(corners: readonly number[], mask: number): number[][] {
  const inside = corners.filter((_, k) => (mask >> k) & 1);
  const outside = corners.filter((_, k) => !((mask >> k) & 1));
  const e = (u: number, w: number) => edgeRef(u, w);
  if (inside.length === 1 || inside.length === 3) {
    const [lone, others] = inside.length === 1 ? [inside[0]!, outside] : [outside[0]!, inside];
    return [
      orient(
        others.map((o) => e(lone, o)),
        inside,
        outside,
      ),
    ];
  }
  if (inside.length === 2) {
    const [i, j] = inside as [number, number];
    const [k, l] = outside as [number, number];
    // The crossing is the quad ik, il, jl, jk; split along ik-jl.
    return [
      orient([e(i, k), e(i, l), e(j, l)], inside, outside),
      orient([e(i, k), e(j, l), e(j, k)], inside, outside),
    ];
  }
  return [];
}

/**
 * The table the kernel reads: for tetrahedron t and inside mask m (bit k = corner k inside), at
 * (t * 16 + m) * TET_ENTRY_STRIDE: triangle count, then 3 edge refs per triangle; then, from
 * TET_CORNERS_OFFSET, each tetrahedron's 4 corners.
 */
export function tetTable(): Uint32Array<ArrayBuffer> {
  const table = new Uint32Array(TET_CORNERS_OFFSET + TETRAHEDRA.length * 4);
  TETRAHEDRA.forEach((corners, t) => {
    for (let m = 0; m < 16; m++) {
      const tris = tetTriangles(corners, m);
      const base = (t * 16 + m) * TET_ENTRY_STRIDE;
      table[base] = tris.length;
      table.set(tris.flat(), base + 1);
    }
    table.set(corners, TET_CORNERS_OFFSET + t * 4);
  });
  return table;
}

/** Per cube inside mask (8 corners): the edge refs of all its triangles in (tet, triangle) order. */
function cubeTable(): { offsets: Uint16Array; refs: Uint8Array } {
  const offsets = new Uint16Array(257);
  const refs: number[] = [];
  for (let m = 0; m < 256; m++) {
    offsets[m] = refs.length;
    for (const corners of TETRAHEDRA) {
      const tetMask = corners.reduce((s, c, k) => s | (((m >> c) & 1) << k), 0);
      for (const tri of tetTriangles(corners, tetMask)) refs.push(...tri);
    }
  }
  offsets[256] = refs.length;
  return { offsets, refs: Uint8Array.from(refs) };
}

const CUBE = cubeTable();

/** Checks a grid's shape and values; throws a RangeError naming what is wrong. */
export function checkOccupancyGrid(grid: OccupancyGrid): void {
  const { n, bound, iso, values } = grid;
  if (!Number.isInteger(n) || n < 1) {
    throw new RangeError(`occupancy grid: n must be a whole number of cells >= 1, got ${n}`);
  }
  if (!(bound > 0) || !Number.isFinite(bound)) {
    throw new RangeError(`occupancy grid: bound must be a positive number, got ${bound}`);
  }
  if (!Number.isFinite(iso)) throw new RangeError(`occupancy grid: iso must be finite, got ${iso}`);
  const expected = (n + 1) ** 3;
  if (values.length !== expected) {
    throw new RangeError(
      `occupancy grid: n = ${n} needs ${expected} values ((n+1)^3), got ${values.length}`,
    );
  }
  for (let i = 0; i < values.length; i++) {
    if (!Number.isFinite(values[i]!)) {
      throw new RangeError(`occupancy grid: value ${i} is ${values[i]} (values must be finite)`);
    }
  }
}

/** Inside flags with the border forced outside. */
function insideFlags(grid: OccupancyGrid, iso: number): Uint8Array {
  const { n, values } = grid;
  const np = n + 1;
  const inside = new Uint8Array(np * np * np);
  for (let z = 1; z < n; z++) {
    for (let y = 1; y < n; y++) {
      const row = np * (y + np * z);
      for (let x = 1; x < n; x++) inside[row + x] = values[row + x]! >= iso ? 1 : 0;
    }
  }
  return inside;
}

/** Fraction along edge p → p + d at which the vertex lies (see the conventions above). */
export function edgeFraction(va: number, vb: number, aInside: boolean, iso: number): number {
  const vi = aInside ? va : vb;
  const vo = aInside ? vb : va;
  let s: number;
  if (vo >= iso)
    s = 0.5; // a border point forced outside
  else s = Math.min(Math.max((vi - iso) / (vi - vo), EDGE_T_MIN), 1 - EDGE_T_MIN);
  return aInside ? s : 1 - s;
}

const popcount7 = (m: number) =>
  (m & 1) +
  ((m >> 1) & 1) +
  ((m >> 2) & 1) +
  ((m >> 3) & 1) +
  ((m >> 4) & 1) +
  ((m >> 5) & 1) +
  ((m >> 6) & 1);

/** The CPU reference: an indexed, welded, watertight mesh of the grid's iso surface. */
export function extractSurfaceCpu(grid: OccupancyGrid): ShapeMesh {
  checkOccupancyGrid(grid);
  const { n, bound, values } = grid;
  const iso = Math.fround(grid.iso);
  const np = n + 1;
  const count = np * np * np;
  const step = (2 * bound) / n;
  const inside = insideFlags(grid, iso);
  const offset = [0, 1, np, 1 + np, np * np, 1 + np * np, np + np * np, 1 + np + np * np];

  // Pass 1: crossing mask per point (bit code - 1) and each point's first vertex.
  const masks = new Uint8Array(count);
  const firstVertex = new Uint32Array(count);
  let vertexCount = 0;
  for (let z = 0; z <= n; z++) {
    for (let y = 0; y <= n; y++) {
      for (let x = 0, p = np * (y + np * z); x <= n; x++, p++) {
        firstVertex[p] = vertexCount;
        const here = inside[p]!;
        let mask = 0;
        for (let code = 1; code < 8; code++) {
          if (x + (code & 1) > n || y + ((code >> 1) & 1) > n || z + (code >> 2) > n) continue;
          if (inside[p + offset[code]!] !== here) mask |= 1 << (code - 1);
        }
        masks[p] = mask;
        vertexCount += popcount7(mask);
      }
    }
  }

  // Pass 2: vertex positions, in edge-id order.
  const positions = new Float32Array(vertexCount * 3);
  const fraction = new Float64Array(vertexCount);
  const vertexEdge = new Uint32Array(vertexCount);
  for (let p = 0, v = 0; p < count; p++) {
    const mask = masks[p]!;
    if (mask === 0) continue;
    const x = p % np;
    const y = Math.floor(p / np) % np;
    const z = Math.floor(p / (np * np));
    for (let code = 1; code < 8; code++) {
      if (!((mask >> (code - 1)) & 1)) continue;
      const t = edgeFraction(values[p]!, values[p + offset[code]!]!, inside[p] === 1, iso);
      positions[v * 3] = -bound + step * (x + t * (code & 1));
      positions[v * 3 + 1] = -bound + step * (y + t * ((code >> 1) & 1));
      positions[v * 3 + 2] = -bound + step * (z + t * (code >> 2));
      fraction[v] = t;
      vertexEdge[v++] = p * 8 + code;
    }
  }

  // Pass 3: triangles per cell, in (cell, tet, triangle) order, and the area-weighted face normal
  // sums, from positions relative to the cell in grid units (slivers keep their precision).
  let indices = new Uint32Array(Math.max(1024, vertexCount * 2));
  let used = 0;
  const sums = new Float64Array(vertexCount * 3);
  const local = new Float64Array(9);
  const tri = [0, 0, 0];
  for (let z = 0; z < n; z++) {
    for (let y = 0; y < n; y++) {
      for (let x = 0, p = np * (y + np * z); x < n; x++, p++) {
        let cube = 0;
        for (let c = 0; c < 8; c++) cube |= inside[p + offset[c]!]! << c;
        if (cube === 0 || cube === 255) continue;
        const from = CUBE.offsets[cube]!;
        const to = CUBE.offsets[cube + 1]!;
        if (used + to - from > indices.length) {
          const grown = new Uint32Array(indices.length * 2);
          grown.set(indices);
          indices = grown;
        }
        for (let r = from; r < to; r += 3) {
          for (let k = 0; k < 3; k++) {
            const ref = CUBE.refs[r + k]!;
            const corner = ref & 7;
            const code = ref >> 3;
            const owner = p + offset[corner]!;
            const v = firstVertex[owner]! + popcount7(masks[owner]! & ((1 << (code - 1)) - 1));
            const t = fraction[v]!;
            local[k * 3] = (corner & 1) + t * (code & 1);
            local[k * 3 + 1] = ((corner >> 1) & 1) + t * ((code >> 1) & 1);
            local[k * 3 + 2] = (corner >> 2) + t * (code >> 2);
            tri[k] = v;
            indices[used++] = v;
          }
          addFaceNormal(sums, local, tri);
        }
      }
    }
  }
  indices = indices.slice(0, used);

  const normals = new Float32Array(vertexCount * 3);
  for (let v = 0; v < vertexCount; v++) {
    let x = sums[v * 3]!;
    let y = sums[v * 3 + 1]!;
    let z = sums[v * 3 + 2]!;
    if (x === 0 && y === 0 && z === 0) {
      // From the inside end of the vertex's edge to its outside end.
      const e = vertexEdge[v]!;
      const sign = inside[Math.floor(e / 8)] ? 1 : -1;
      [x, y, z] = [sign * (e & 1), sign * ((e >> 1) & 1), sign * ((e >> 2) & 1)];
    }
    const len = Math.hypot(x, y, z);
    normals[v * 3] = x / len;
    normals[v * 3 + 1] = y / len;
    normals[v * 3 + 2] = z / len;
  }
  return { positions, normals, indices };
}

/** Adds (b - a) x (c - a) of the triangle at `local` (3 xyz points) to its 3 vertices' sums. */
function addFaceNormal(sums: Float64Array, local: Float64Array, tri: number[]): void {
  const ux = local[3]! - local[0]!;
  const uy = local[4]! - local[1]!;
  const uz = local[5]! - local[2]!;
  const vx = local[6]! - local[0]!;
  const vy = local[7]! - local[1]!;
  const vz = local[8]! - local[2]!;
  const nx = uy * vz - uz * vy;
  const ny = uz * vx - ux * vz;
  const nz = ux * vy - uy * vx;
  for (let k = 0; k < 3; k++) {
    const o = tri[k]! * 3;
    sums[o] = sums[o]! + nx;
    sums[o + 1] = sums[o + 1]! + ny;
    sums[o + 2] = sums[o + 2]! + nz;
  }
}
