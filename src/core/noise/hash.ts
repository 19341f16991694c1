// Integer hashing for the noise library: the CPU mirror of pcg/hash2i/hash3i/unit01 in
// shaders/noise.wgsl. Everything is u32 arithmetic (Math.imul, >>> 0), so it matches the GPU bit for bit.

export function pcg(v: number): number {
  const state = (Math.imul(v, 747796405) + 2891336453) >>> 0;
  const word = Math.imul((state >>> ((state >>> 28) + 4)) ^ state, 277803737) >>> 0;
  return ((word >>> 22) ^ word) >>> 0;
}

export function hash2i(x: number, y: number, seed: number): number {
  return pcg(((x >>> 0) + pcg(((y >>> 0) + pcg(seed)) >>> 0)) >>> 0);
}

export function hash3i(x: number, y: number, z: number, seed: number): number {
  return pcg(((x >>> 0) + pcg(((y >>> 0) + pcg(((z >>> 0) + pcg(seed)) >>> 0)) >>> 0)) >>> 0);
}

/** The 24 high bits of a hash as a float in [0, 1). */
export function unit01(h: number): number {
  return (h >>> 8) / 16777216;
}

export function signed1(h: number): number {
  return unit01(h) * 2 - 1;
}

/** Quintic fade curve 6t^5 - 15t^4 + 10t^3. */
export function fade(t: number): number {
  return t * t * t * (t * (t * 6 - 15) + 10);
}

export function lerp(a: number, b: number, t: number): number {
  return a + (b - a) * t;
}

/** floor() to an i32 cell coordinate, as WGSL's vec2i(floor(p)). */
export function cell(v: number): number {
  return Math.floor(v) | 0;
}
