// erosion-thermal.wgsl: one iteration of thermal erosion on a Q16 integer heightfield. Wherever the
// height difference to one of the four neighbours exceeds the talus threshold, a share of the excess
// moves downhill. Each cell gathers: it subtracts what it sends and adds what its neighbours send it,
// computed from the same integers on both sides, so material is conserved exactly and the result
// does not depend on thread order. Ping-pong between src and dst, one dispatch per iteration. The
// CPU reference is erodeThermalQ16 in src/core/terrain/erosion.ts.

struct ErosionParams {
  resolution: u32,
  // Largest stable height difference between neighbours, Q16 noise units.
  talus: i32,
  // Share of the excess moved per neighbour pair and iteration, Q16 (at most 1/8).
  rate: u32,
}

@group(0) @binding(0) var<uniform> params: ErosionParams;
@group(0) @binding(1) var<storage, read> src: array<i32>;
@group(0) @binding(2) var<storage, read_write> dst: array<i32>;

override WG_X: u32 = 8u;
override WG_Y: u32 = 8u;

fn flow(excess: i32) -> i32 {
  return i32(mul_q16_u(u32(excess), params.rate));
}

fn exchange(h: i32, neighbour: i32) -> i32 {
  let d = h - neighbour;
  if (d > params.talus) {
    return -flow(d - params.talus);
  }
  if (-d > params.talus) {
    return flow(-d - params.talus);
  }
  return 0;
}

@compute @workgroup_size(WG_X, WG_Y, 1)
fn main(@builtin(global_invocation_id) gid: vec3u) {
  let n = params.resolution;
  let i = gid.x;
  let j = gid.y;
  if (i >= n || j >= n) {
    return;
  }
  let c = j * n + i;
  let h = src[c];
  var delta: i32 = 0;
  if (i > 0u) { delta += exchange(h, src[c - 1u]); }
  if (i + 1u < n) { delta += exchange(h, src[c + 1u]); }
  if (j > 0u) { delta += exchange(h, src[c - n]); }
  if (j + 1u < n) { delta += exchange(h, src[c + n]); }
  dst[c] = h + delta;
}
