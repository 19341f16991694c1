// material-common.wgsl: the uniform block every material kernel shares, prepended to each kernel
// (after material-noise.wgsl where a kernel needs noise). Mirrors materialUniforms() in
// src/core/materials/uniforms.ts; the layout is derived from this text, so a field renamed here fails
// loudly on the TypeScript side.
//
// The field buffer every pass after the pattern reads: one vec4f per texel, row-major, row 0 at the
// top: x = height 0..1 (0 the deepest groove), y = the texel's cell value 0..1 (constant over one
// brick, tile, plank or cell; slow noise where a pattern has no cells), z = surface mask (1 on the
// surface, 0 in grooves, mortar, cracks, holes), w = fine detail noise 0..1.

struct MaterialUniforms {
  // Texels per side of level 0 (a power of two).
  size: u32,
  // Index into MATERIAL_PATTERNS.
  pattern: u32,
  seed: u32,
  // Pattern repeats per tile (integer: the tile wraps).
  scale: u32,
  density: f32,
  groove: f32,
  jitter: f32,
  warp: f32,
  detail: f32,
  stretch: f32,
  height: f32,
  ao: f32,
  colorVariation: f32,
  wear: f32,
  emissiveStrength: f32,
  // Index into EMISSIVE_MASKS.
  emissiveMask: u32,
  // Linear RGB colours, each followed by a scalar that packs into the same 16 bytes.
  color0: vec3f,
  roughnessMin: f32,
  color1: vec3f,
  roughnessMax: f32,
  color2: vec3f,
  metalnessMin: f32,
  emissiveColor: vec3f,
  metalnessMax: f32,
}
