// material-normal.wgsl: the tangent-space normal map from the final height, prepended by
// material-common.wgsl. Wrap-around central differences (so the map tiles), scaled by the relief
// depth in tile units (params.height * 0.25 / scale, the larger of the two for a blend):
//   n = normalize(-dh/dx * depth, +dh/drow * depth, 1), x to the right, rows downward.
//
// Convention: +X right, +Y up the IMAGE (toward row 0), +Z out of the surface: a bump's side that
// faces row 0 (its upper side as the image is viewed) has n.y > 0. This is glTF's convention for its
// images, whose UV origin (0, 0) is also the top-left texel. The viewport uploads these arrays as
// three DataTextures with flipY = false, so row 0 lands at v = 0 and +v runs DOWN the image: it must
// negate the normal's Y the way three's GLTFLoader does for glTF (normalScale = (s, -s)) when the
// mesh has no tangents, exactly as for any glTF normal map.
//
// Output: xyz = the unit normal (not yet offset), w = 0. CPU reference:
// src/core/materials/bake/material-normal.ts.

struct NormalUniforms {
  size: u32,
  // Relief depth in tile units: the height difference 1 spans this many tile widths.
  depth: f32,
}

@group(0) @binding(0) var<uniform> normalParams: NormalUniforms;
@group(0) @binding(1) var<storage, read> field: array<vec4f>;
@group(0) @binding(2) var<storage, read_write> normals: array<vec4f>;

override WG_X: u32 = 8u;
override WG_Y: u32 = 8u;

fn nm_height(i: i32, j: i32) -> f32 {
  let n = i32(normalParams.size);
  let x = ((i % n) + n) % n;
  let y = ((j % n) + n) % n;
  return field[u32(y * n + x)].x;
}

@compute @workgroup_size(WG_X, WG_Y, 1)
fn main(@builtin(global_invocation_id) gid: vec3u) {
  let size = normalParams.size;
  if (gid.x >= size || gid.y >= size) {
    return;
  }
  let i = i32(gid.x);
  let j = i32(gid.y);
  // Height change per tile unit, times the depth: the surface's rise per unit of run.
  let k = f32(size) * 0.5 * normalParams.depth;
  let dx = (nm_height(i + 1, j) - nm_height(i - 1, j)) * k;
  let drow = (nm_height(i, j + 1) - nm_height(i, j - 1)) * k;
  normals[gid.y * size + gid.x] = vec4f(normalize(vec3f(-dx, drow, 1.0)), 0.0);
}
