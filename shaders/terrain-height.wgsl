// terrain-height.wgsl: a terrain heightfield from fixed-point lattice noise (fixed-noise.wgsl,
// prepended by src/gpu/terrain-passes.ts): optional domain warp, then an octave sum (plain, FBM or
// ridged). One i32 per sample, Q16 noise units; rows in chunks (rowOffset, rowCount) within the
// device's limits. The CPU reference is heightSampleQ16 in src/core/terrain/fixed-noise.ts.

const MAX_OCTAVES: u32 = 12u;
const POSITION_BIAS: u32 = 1073741824u; // 16384 samples in Q16

struct HeightParams {
  resolution: u32,
  rowOffset: u32,
  rowCount: u32,
  kind: u32,
  fractal: u32,
  octaveCount: u32,
  warpSamples: u32,
  warpSeedX: u32,
  warpSeedY: u32,
  // Per octave: step (lattice units per sample, Q16), offsetX, offsetY (cells), amplitude (Q16).
  octaves: array<vec4u, 12>,
  // Per octave: seed (x); yzw unused.
  seeds: array<vec4u, 12>,
}

@group(0) @binding(0) var<uniform> params: HeightParams;
@group(0) @binding(1) var<storage, read_write> heights: array<i32>;

override WG_X: u32 = 8u;
override WG_Y: u32 = 8u;

fn lattice_noise(x: u32, y: u32, seed: u32) -> i32 {
  if (params.kind == 0u) {
    return value_noise_q16(x, y, seed);
  }
  return gradient_noise_q16(x, y, seed);
}

@compute @workgroup_size(WG_X, WG_Y, 1)
fn main(@builtin(global_invocation_id) gid: vec3u) {
  let i = gid.x;
  let row = gid.y;
  let n = params.resolution;
  if (i >= n || row >= params.rowCount) {
    return;
  }
  let j = row + params.rowOffset;
  var px = i * 65536u + POSITION_BIAS;
  var py = j * 65536u + POSITION_BIAS;
  if (params.warpSamples != 0u && params.octaveCount > 0u) {
    let o = params.octaves[0];
    let bx = mul_q16_u(px, o.x) + o.y * 65536u;
    let by = mul_q16_u(py, o.x) + o.z * 65536u;
    let wx = gradient_noise_q16(bx, by, params.warpSeedX);
    let wy = gradient_noise_q16(bx, by, params.warpSeedY);
    px = px + u32(mul_q16_s(wx, params.warpSamples));
    py = py + u32(mul_q16_s(wy, params.warpSamples));
  }
  var sum: i32 = 0;
  for (var k = 0u; k < min(params.octaveCount, MAX_OCTAVES); k++) {
    let o = params.octaves[k];
    let x = mul_q16_u(px, o.x) + o.y * 65536u;
    let y = mul_q16_u(py, o.x) + o.z * 65536u;
    var v = lattice_noise(x, y, params.seeds[k].x);
    if (params.fractal == 2u) {
      let r = u32(max(0, ONE - abs(v)));
      v = i32(mul_q16_u(r, r));
    }
    sum = sum + mul_q16_s(v, o.w);
  }
  heights[row * n + i] = sum;
}
