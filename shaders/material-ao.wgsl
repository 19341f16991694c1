// material-ao.wgsl: ambient occlusion and two shape measures from the field's height, prepended by
// material-common.wgsl. Per texel it writes aux = (ao, curvature, slope, 0) into the buffer the
// surface pass later turns into ORM:
// - ao: 1 open, 0 fully occluded. 8 directions x 3 rings of wrap-around taps; each tap that rises
//   above the texel occludes in proportion to the rise, nearer rings weigh more; params.ao scales it.
// - curvature: height minus the mean of the inner ring, x4, clamped to [-1, 1]; > 0 on ridges and
//   raised edges (wear), < 0 in cavities.
// - slope: sine of the surface angle for a relief depth of params.height * 0.25 / scale tile units
//   (the same depth the normal pass uses), from central differences over the inner ring radius.
// Ring radii grow with the bake size (r0 = max(1, size / 128) texels), so every size sees the same
// shapes. All taps wrap, so the result tiles. CPU reference: src/core/materials/bake/material-ao.ts.

@group(0) @binding(0) var<uniform> params: MaterialUniforms;
@group(0) @binding(1) var<storage, read> field: array<vec4f>;
@group(0) @binding(2) var<storage, read_write> aux: array<vec4f>;

override WG_X: u32 = 8u;
override WG_Y: u32 = 8u;

fn ao_height(i: i32, j: i32) -> f32 {
  let n = i32(params.size);
  let x = ((i % n) + n) % n;
  let y = ((j % n) + n) % n;
  return field[u32(y * n + x)].x;
}

// Occlusion of one tap: how far it rises above the centre, saturating at a quarter of the range.
fn ao_tap(h0: f32, i: i32, j: i32) -> f32 {
  return clamp((ao_height(i, j) - h0) * 4.0, 0.0, 1.0);
}

@compute @workgroup_size(WG_X, WG_Y, 1)
fn main(@builtin(global_invocation_id) gid: vec3u) {
  let size = params.size;
  if (gid.x >= size || gid.y >= size) {
    return;
  }
  let i = i32(gid.x);
  let j = i32(gid.y);
  let h0 = ao_height(i, j);
  let r0 = max(1, i32(size) / 128);

  var occlusion = 0.0;
  var weights = 0.0;
  var ring0 = 0.0;
  var radius = r0;
  var weight = 1.0;
  for (var ring = 0; ring < 3; ring++) {
    // Diagonal taps at about the same distance: integer maths, so both sides agree.
    let d = max(1, (radius * 7 + 5) / 10);
    var sum = 0.0;
    sum += ao_tap(h0, i + radius, j);
    sum += ao_tap(h0, i - radius, j);
    sum += ao_tap(h0, i, j + radius);
    sum += ao_tap(h0, i, j - radius);
    sum += ao_tap(h0, i + d, j + d);
    sum += ao_tap(h0, i - d, j + d);
    sum += ao_tap(h0, i + d, j - d);
    sum += ao_tap(h0, i - d, j - d);
    if (ring == 0) {
      ring0 = ao_height(i + radius, j) + ao_height(i - radius, j) + ao_height(i, j + radius) +
        ao_height(i, j - radius) + ao_height(i + d, j + d) + ao_height(i - d, j + d) +
        ao_height(i + d, j - d) + ao_height(i - d, j - d);
    }
    occlusion += weight * sum;
    weights += weight * 8.0;
    radius *= 2;
    weight *= 0.6;
  }
  let ao = clamp(1.0 - params.ao * 1.25 * (occlusion / weights), 0.0, 1.0);
  let curvature = clamp((h0 - ring0 * 0.125) * 4.0, -1.0, 1.0);

  let depth = params.height * 0.25 / f32(params.scale);
  let scale = f32(size) / f32(2 * r0);
  let gx = (ao_height(i + r0, j) - ao_height(i - r0, j)) * scale * depth;
  let gy = (ao_height(i, j + r0) - ao_height(i, j - r0)) * scale * depth;
  let g2 = gx * gx + gy * gy;
  let slope = sqrt(g2 / (1.0 + g2));

  aux[gid.y * size + gid.x] = vec4f(ao, curvature, slope, 0.0);
}
