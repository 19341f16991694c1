// material-surface.wgsl: the field and the ao pass's aux → one material's float maps, prepended by
// material-common.wgsl. Per texel:
// - albedo (linear rgb, w = slope stashed for the modifier): color0 and color1 mixed by the detail
//   noise and the cell value; colorVariation tints each cell (brightness and a slight hue tilt, both
//   smooth functions of the cell value so GPU and CPU agree at cell borders); color2 in grooves
//   (1 - mask); built-in wear (params.wear) lightens raised edges (positive curvature).
// - orm (ao, roughness, metalness, w = curvature stashed for the modifier): roughness from
//   [roughnessMin, roughnessMax] by detail and grooves (rougher), metalness from its range by the
//   surface mask and detail; worn edges are smoother and show the top of the metalness range.
// - emissive (linear rgb * strength): emissiveColor where EMISSIVE_MASKS says (1 groove,
//   2 surface, 3 detail, 4 all), zero elsewhere. Written only where an emissive buffer is bound (a
//   bake without emissive binds a 16-byte stand-in, too short for any texel).
// CPU reference: src/core/materials/bake/material-surface.ts.

@group(0) @binding(0) var<uniform> params: MaterialUniforms;
@group(0) @binding(1) var<storage, read> field: array<vec4f>;
@group(0) @binding(2) var<storage, read_write> albedo: array<vec4f>;
// In: aux from the ao pass (ao, curvature, slope, 0). Out: ao, roughness, metalness, curvature.
@group(0) @binding(3) var<storage, read_write> orm: array<vec4f>;
@group(0) @binding(4) var<storage, read_write> emissive: array<vec4f>;

override WG_X: u32 = 8u;
override WG_Y: u32 = 8u;

const TAU: f32 = 6.2831853;

fn surface_emissive_mask(mask: f32, detail: f32) -> f32 {
  switch (params.emissiveMask) {
    case 1u: { return 1.0 - mask; }
    case 2u: { return mask; }
    case 3u: { return smoothstep(0.6, 0.85, detail); }
    case 4u: { return 1.0; }
    default: { return 0.0; }
  }
}

@compute @workgroup_size(WG_X, WG_Y, 1)
fn main(@builtin(global_invocation_id) gid: vec3u) {
  let size = params.size;
  if (gid.x >= size || gid.y >= size) {
    return;
  }
  let idx = gid.y * size + gid.x;
  let f = field[idx];
  let a = orm[idx];
  let cell = f.y;
  let mask = clamp(f.z, 0.0, 1.0);
  let detail = f.w;
  let ao = a.x;
  let curvature = a.y;
  let slope = a.z;

  let cv = params.colorVariation;
  let t = smoothstep(0.15, 0.85, detail * 0.7 + cell * 0.3);
  var colour = mix(params.color0, params.color1, t);
  let v = cell - 0.5;
  let tilt = vec3f(cos(TAU * cell), cos(TAU * (cell + 0.33333334)), cos(TAU * (cell + 0.6666667)));
  colour = colour * max(vec3f(1.0) + cv * (0.6 * v + 0.15 * tilt), vec3f(0.0));
  colour = mix(params.color2, colour, mask);

  let worn = params.wear * smoothstep(0.05, 0.35, curvature) * mask;
  colour = mix(colour, min(colour * 1.5 + vec3f(0.03), vec3f(1.0)), worn);
  colour = clamp(colour, vec3f(0.0), vec3f(1.0));

  let roughT = clamp(0.55 * detail + 0.45 * (1.0 - mask) + 0.2 * v * cv, 0.0, 1.0);
  var roughness = mix(params.roughnessMin, params.roughnessMax, roughT);
  roughness = mix(roughness, params.roughnessMin, 0.5 * worn);
  var metalness = mix(params.metalnessMin, params.metalnessMax, clamp(mask * (0.7 + 0.3 * detail), 0.0, 1.0));
  metalness = mix(metalness, params.metalnessMax, worn);

  albedo[idx] = vec4f(colour, slope);
  orm[idx] = vec4f(ao, roughness, metalness, curvature);
  if (arrayLength(&emissive) >= size * size) {
    let glow = surface_emissive_mask(mask, detail) * params.emissiveStrength;
    emissive[idx] = vec4f(params.emissiveColor * glow, 0.0);
  }
}
