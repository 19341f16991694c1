// fixed-noise.wgsl: Q16.16 fixed-point lattice noise on 32-bit integers, for terrain. Integer
// arithmetic is exact on every GPU, so these functions give bit-identical results to their CPU
// reference (src/core/terrain/fixed-point.ts and fixed-noise.ts), function for function.

const ONE: i32 = 65536;

// (a * b) >> 16 for u32 operands, exact through 16-bit limbs, wrapping modulo 2^32.
fn mul_q16_u(a: u32, b: u32) -> u32 {
  let ah = a >> 16u;
  let al = a & 0xffffu;
  let bh = b >> 16u;
  let bl = b & 0xffffu;
  return ((ah * bh) << 16u) + ah * bl + al * bh + ((al * bl) >> 16u);
}

// (a * t) >> 16 for signed a and t >= 0, truncating toward zero.
fn mul_q16_s(a: i32, t: u32) -> i32 {
  let m = i32(mul_q16_u(u32(abs(a)), t));
  return select(m, -m, a < 0);
}

// Cubic fade 3t^2 - 2t^3 for t in [0, 65535]: exactly floor(2^16 * fade), hence monotonic.
fn fade_q16(t: u32) -> i32 {
  let p = t * (98304u - t);
  return i32(mul_q16_u(t, p) >> 15u);
}

fn lerp_q16(a: i32, b: i32, t: i32) -> i32 {
  return a + mul_q16_s(b - a, u32(t));
}

fn mix32(x: u32) -> u32 {
  var h = x;
  h ^= h >> 16u;
  h *= 0x7feb352du;
  h ^= h >> 15u;
  h *= 0x846ca68bu;
  h ^= h >> 16u;
  return h;
}

fn hash2(x: u32, y: u32, seed: u32) -> u32 {
  return mix32(x ^ mix32(y ^ mix32(seed)));
}

fn value_corner(cx: u32, cy: u32, seed: u32) -> i32 {
  return i32(hash2(cx, cy, seed) >> 15u) - ONE;
}

fn value_noise_q16(x: u32, y: u32, seed: u32) -> i32 {
  let cx = x >> 16u;
  let cy = y >> 16u;
  let u = fade_q16(x & 0xffffu);
  let v = fade_q16(y & 0xffffu);
  let a = lerp_q16(value_corner(cx, cy, seed), value_corner(cx + 1u, cy, seed), u);
  let b = lerp_q16(value_corner(cx, cy + 1u, seed), value_corner(cx + 1u, cy + 1u, seed), u);
  return lerp_q16(a, b, v);
}

fn grad_dot(h: u32, fx: i32, fy: i32) -> i32 {
  switch (h & 7u) {
    case 0u: { return fx + fy; }
    case 1u: { return -fx + fy; }
    case 2u: { return fx - fy; }
    case 3u: { return -fx - fy; }
    case 4u: { return fx; }
    case 5u: { return -fx; }
    case 6u: { return fy; }
    default: { return -fy; }
  }
}

fn gradient_noise_q16(x: u32, y: u32, seed: u32) -> i32 {
  let cx = x >> 16u;
  let cy = y >> 16u;
  let fx = i32(x & 0xffffu);
  let fy = i32(y & 0xffffu);
  let u = fade_q16(u32(fx));
  let v = fade_q16(u32(fy));
  let d00 = grad_dot(hash2(cx, cy, seed), fx, fy);
  let d10 = grad_dot(hash2(cx + 1u, cy, seed), fx - ONE, fy);
  let d01 = grad_dot(hash2(cx, cy + 1u, seed), fx, fy - ONE);
  let d11 = grad_dot(hash2(cx + 1u, cy + 1u, seed), fx - ONE, fy - ONE);
  return lerp_q16(lerp_q16(d00, d10, u), lerp_q16(d01, d11, u), v);
}
