// Q16.16 fixed-point arithmetic on 32-bit integers, written to give exactly the results of the WGSL
// in shaders/fixed-noise.wgsl (u32 wrap-around, truncation toward zero). Terrain is computed in these
// integers so the GPU kernels and this CPU reference agree bit for bit, which keeps a scene's bytes
// (and its hash) the same whether its terrain was made on a GPU, in a browser's CPU or in Node.

/** 1.0 in Q16. */
export const ONE = 65536;

/** (a * b) >> 16 for u32 a and b, exact through 16-bit limbs; wraps modulo 2^32 like WGSL u32. */
export function mulQ16U(a: number, b: number): number {
  const ah = a >>> 16;
  const al = a & 0xffff;
  const bh = b >>> 16;
  const bl = b & 0xffff;
  return ((Math.imul(ah, bh) << 16) + ah * bl + al * bh + ((al * bl) >>> 16)) >>> 0;
}

/** (a * t) >> 16 for a signed a (|a| < 2^31) and t in [0, 2^32), truncating toward zero. */
export function mulQ16S(a: number, t: number): number {
  const m = mulQ16U(Math.abs(a) >>> 0, t >>> 0);
  return a < 0 ? -m | 0 : m | 0;
}

/**
 * Cubic fade 3t^2 - 2t^3 of t in [0, 65535] (Q16), exactly floor(2^16 * fade(t / 2^16)), so it is
 * monotonic (a truncated quintic is not: its rounding errors make it dip). With p = t(3*2^15 - t),
 * fade * 2^16 = t * p / 2^31, and t * p fits the limb multiply.
 */
export function fadeQ16(t: number): number {
  const p = t * (3 * 32768 - t);
  return mulQ16U(t, p) >>> 15;
}

/** a + (b - a) * t for Q16 a, b and t in [0, 65536]. */
export function lerpQ16(a: number, b: number, t: number): number {
  return (a + mulQ16S((b - a) | 0, t)) | 0;
}

/**
 * A 32-bit integer mix (xorshift-multiply, two rounds): u32 in, well-spread u32 out. A lattice point
 * (x, y) hashes as mix32(x ^ mix32(y ^ mix32(seed))), as hash2 in fixed-noise.wgsl.
 */
export function mix32(x: number): number {
  let h = x >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x7feb352d) >>> 0;
  h ^= h >>> 15;
  h = Math.imul(h, 0x846ca68b) >>> 0;
  h ^= h >>> 16;
  return h >>> 0;
}
