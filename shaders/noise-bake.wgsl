// noise-bake.wgsl: bakes a noise field (see noise.wgsl, prepended by src/gpu/noise-bake-pass.ts)
// into a texture-ready buffer, one u32 per texel: R32F as the float's bits, RGBA8 as packed unorm.
// Large fields are baked in row chunks (rowOffset, rowCount) so that no dispatch or binding exceeds
// the device's limits. The CPU reference is src/core/noise/bake.ts.

struct BakeParams {
  width: u32,
  height: u32,
  rowOffset: u32,
  rowCount: u32,
  format: u32,
  kind: u32,
  dims: u32,
  fractal: u32,
  octaves: u32,
  seed: u32,
  lacunarity: f32,
  gain: f32,
  warp: f32,
  frequency: f32,
  outScale: f32,
  outBias: f32,
  origin: vec3f,
  scale: vec2f,
}

const FORMAT_R32F: u32 = 0u;

@group(0) @binding(0) var<uniform> params: BakeParams;
@group(0) @binding(1) var<storage, read_write> texels: array<u32>;

override WG_X: u32 = 8u;
override WG_Y: u32 = 8u;

@compute @workgroup_size(WG_X, WG_Y, 1)
fn main(@builtin(global_invocation_id) gid: vec3u) {
  let x = gid.x;
  let row = gid.y;
  if (x >= params.width || row >= params.rowCount) {
    return;
  }
  let y = params.rowOffset + row;
  let uv = (vec2f(f32(x), f32(y)) + vec2f(0.5, 0.5)) / vec2f(f32(params.width), f32(params.height));
  let p = (params.origin + vec3f(uv * params.scale, 0.0)) * params.frequency;
  let s = NoiseSettings(params.kind, params.dims, params.fractal, params.octaves, params.seed,
    params.lacunarity, params.gain, params.warp);
  let v = noise_field(s, p) * params.outScale + params.outBias;
  let index = row * params.width + x;
  if (params.format == FORMAT_R32F) {
    texels[index] = bitcast<u32>(v);
  } else {
    let c = clamp(v, 0.0, 1.0);
    texels[index] = pack4x8unorm(vec4f(c, c, c, 1.0));
  }
}
