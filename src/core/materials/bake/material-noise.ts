// Periodic (tileable) noise for the material bakes: the CPU mirror of shaders/material-noise.wgsl,
// function for function. Every function takes an integer period per axis (px, py >= 1): the result
// at (x + px, y + py) equals the result at (x, y). Hashes are exact u32 arithmetic (Math.imul, >>> 0),
// so they match the GPU bit for bit; floats are f64 here and f32 there, so they differ by rounding.
//
// API (mirrors the mn_ functions of the WGSL):
//   mnPcg(v) -> u32, mnHash(a, seed) -> u32, mnHash2(x, y, seed) -> u32, mnUnit(h) -> [0, 1),
//   mnWrap(c, period) -> [0, period), mnCell(x, y, px, py, seed) -> u32, mnFade(t),
//   mnValue(x, y, px, py, seed) -> [0, 1], mnGradient(x, y, px, py, seed) -> about [-1, 1],
//   mnWorley(x, y, px, py, jitter, seed, out?) -> MnWorley (f1, f2, edge, id, rand, offset),
//   mnOctaveSeed(seed, k), mnFbm / mnFbmValue / mnRidged / mnTurbulence(x, y, px, py, octaves, gain,
//   seed), mnWarp(x, y, px, py, strength, seed, out?) -> [x', y'].

export function mnPcg(v: number): number {
  const state = (Math.imul(v, 747796405) + 2891336453) >>> 0;
  const word = Math.imul((state >>> ((state >>> 28) + 4)) ^ state, 277803737) >>> 0;
  return ((word >>> 22) ^ word) >>> 0;
}

export function mnHash(a: number, seed: number): number {
  return mnPcg((a ^ mnPcg((seed ^ 0x9e3779b9) >>> 0)) >>> 0);
}

// mnPcg(seed ^ 0x85ebca6b) of the last seed seen: a bake hashes thousands of points per seed.
let lastSeed = -1;
let lastSeedHash = 0;

function seedHash(seed: number): number {
  if (seed !== lastSeed) {
    lastSeed = seed;
    lastSeedHash = mnPcg((seed ^ 0x85ebca6b) >>> 0);
  }
  return lastSeedHash;
}

/** Hash of the lattice point (x, y) (i32 each), not wrapped. */
export function mnHash2(x: number, y: number, seed: number): number {
  return mnPcg((x ^ mnPcg(((y >>> 0) + seedHash(seed)) >>> 0)) >>> 0);
}

/** The 24 high bits of a hash as a float in [0, 1). */
export function mnUnit(h: number): number {
  return (h >>> 8) / 16777216;
}

/** Positive modulo into [0, period) (period below 1 counts as 1). */
export function mnWrap(c: number, period: number): number {
  const p = period > 1 ? period : 1;
  const r = c % p;
  // + 0 turns -0 into 0.
  return r < 0 ? r + p : r + 0;
}

/** Hash of the lattice point (x, y) wrapped to the period. */
export function mnCell(x: number, y: number, px: number, py: number, seed: number): number {
  return mnHash2(mnWrap(x, px), mnWrap(y, py), seed);
}

// The four corner hashes of lattice cell (ix, iy), as mnCell gives them, sharing the row hashes
// (mnHash2 hashes y first): h00 (ix, iy), h10 (ix + 1, iy), h01 (ix, iy + 1), h11 (ix + 1, iy + 1).
let h00 = 0;
let h10 = 0;
let h01 = 0;
let h11 = 0;

function corners(ix: number, iy: number, px: number, py: number, seed: number): void {
  const x0 = mnWrap(ix, px);
  const x1 = mnWrap(ix + 1, px);
  const sh = seedHash(seed);
  const r0 = mnPcg((mnWrap(iy, py) + sh) >>> 0);
  const r1 = mnPcg((mnWrap(iy + 1, py) + sh) >>> 0);
  h00 = mnPcg((x0 ^ r0) >>> 0);
  h10 = mnPcg((x1 ^ r0) >>> 0);
  h01 = mnPcg((x0 ^ r1) >>> 0);
  h11 = mnPcg((x1 ^ r1) >>> 0);
}

export function mnFade(t: number): number {
  return t * t * t * (t * (t * 6 - 15) + 10);
}

// ---- value noise -------------------------------------------------------------------------------

export function mnValue(x: number, y: number, px: number, py: number, seed: number): number {
  const ix = Math.floor(x);
  const iy = Math.floor(y);
  const fx = x - ix;
  const fy = y - iy;
  corners(ix, iy, px, py, seed);
  const a = mnUnit(h00);
  const b = mnUnit(h10);
  const d = mnUnit(h01);
  const e = mnUnit(h11);
  const ux = mnFade(fx);
  const uy = mnFade(fy);
  const top = a + (b - a) * ux;
  const bottom = d + (e - d) * ux;
  return top + (bottom - top) * uy;
}

// ---- gradient noise ----------------------------------------------------------------------------

const DIAG = 0.70710678;

/** One of 8 unit directions chosen by the hash, dotted with (dx, dy). */
export function mnGrad(h: number, dx: number, dy: number): number {
  const k = (h >>> 13) & 7;
  const s = (k & 1) === 1 ? -1 : 1;
  if (k < 2) return s * dx;
  if (k < 4) return s * dy;
  const t = (k & 2) === 2 ? -1 : 1;
  return DIAG * (s * dx + t * dy);
}

export function mnGradient(x: number, y: number, px: number, py: number, seed: number): number {
  const ix = Math.floor(x);
  const iy = Math.floor(y);
  const fx = x - ix;
  const fy = y - iy;
  corners(ix, iy, px, py, seed);
  const n00 = mnGrad(h00, fx, fy);
  const n10 = mnGrad(h10, fx - 1, fy);
  const n01 = mnGrad(h01, fx, fy - 1);
  const n11 = mnGrad(h11, fx - 1, fy - 1);
  const ux = mnFade(fx);
  const uy = mnFade(fy);
  const top = n00 + (n10 - n00) * ux;
  const bottom = n01 + (n11 - n01) * ux;
  return 1.41421356 * (top + (bottom - top) * uy);
}

// ---- cellular (Worley) noise -------------------------------------------------------------------

export interface MnWorley {
  /** Distances to the nearest and second-nearest feature points (lattice units). */
  f1: number;
  f2: number;
  /** Distance to the nearest Voronoi border. */
  edge: number;
  /** Hash of the nearest feature's wrapped cell (u32). */
  id: number;
  /** mnUnit(id). */
  rand: number;
  /** Vector from the sample to the nearest feature point. */
  offsetX: number;
  offsetY: number;
}

export function newWorley(): MnWorley {
  return { f1: 0, f2: 0, edge: 0, id: 0, rand: 0, offsetX: 0, offsetY: 0 };
}

// The last feature point from feature(): module scratch, so a bake allocates nothing per texel.
let featX = 0;
let featY = 0;

/** The feature point of a cell with hash h, relative to the cell's corner (mn_feature). */
function feature(h: number, jitter: number): void {
  const a = mnPcg(h);
  const b = mnPcg(a);
  featX = 0.5 + jitter * (mnUnit(a) - 0.5);
  featY = 0.5 + jitter * (mnUnit(b) - 0.5);
}

// First-pass feature offsets (relative to the sample) of the 3x3 cells around it, reused by the
// second pass where its cells overlap.
const firstX = new Float64Array(9);
const firstY = new Float64Array(9);

export function mnWorley(
  x: number,
  y: number,
  px: number,
  py: number,
  jitter: number,
  seed: number,
  out: MnWorley = newWorley(),
): MnWorley {
  const ix = Math.floor(x);
  const iy = Math.floor(y);
  const fx = x - ix;
  const fy = y - iy;
  let d1 = 64;
  let d2 = 64;
  let bx = 0;
  let by = 0;
  let bestId = 0;
  let ox = 0;
  let oy = 0;
  // mnCell(ix + ox0, iy + oy0, ...) with the row hashes and wrapped columns computed once.
  const sh = seedHash(seed);
  const wx0 = mnWrap(ix - 1, px);
  const wx1 = mnWrap(ix, px);
  const wx2 = mnWrap(ix + 1, px);
  for (let oy0 = -1; oy0 <= 1; oy0++) {
    const row = mnPcg((mnWrap(iy + oy0, py) + sh) >>> 0);
    for (let ox0 = -1; ox0 <= 1; ox0++) {
      const h = mnPcg(((ox0 < 0 ? wx0 : ox0 > 0 ? wx2 : wx1) ^ row) >>> 0);
      feature(h, jitter);
      const rx = ox0 + featX - fx;
      const ry = oy0 + featY - fy;
      const k = (oy0 + 1) * 3 + ox0 + 1;
      firstX[k] = rx;
      firstY[k] = ry;
      const d = Math.sqrt(rx * rx + ry * ry);
      if (d < d1) {
        d2 = d1;
        d1 = d;
        bx = ox0;
        by = oy0;
        bestId = h;
        ox = rx;
        oy = ry;
      } else if (d < d2) {
        d2 = d;
      }
    }
  }
  let edge = 64;
  for (let y0 = -1; y0 <= 1; y0++) {
    for (let x0 = -1; x0 <= 1; x0++) {
      if (x0 === 0 && y0 === 0) continue;
      const cx = bx + x0;
      const cy = by + y0;
      let rx: number;
      let ry: number;
      if (cx >= -1 && cx <= 1 && cy >= -1 && cy <= 1) {
        const k = (cy + 1) * 3 + cx + 1;
        rx = firstX[k]!;
        ry = firstY[k]!;
      } else {
        feature(mnCell(ix + cx, iy + cy, px, py, seed), jitter);
        rx = cx + featX - fx;
        ry = cy + featY - fy;
      }
      const dx = rx - ox;
      const dy = ry - oy;
      const len = Math.sqrt(dx * dx + dy * dy);
      if (len > 1e-6) {
        const e = (0.5 * (rx + ox) * dx + 0.5 * (ry + oy) * dy) / len;
        if (e < edge) edge = e;
      }
    }
  }
  out.f1 = d1;
  out.f2 = d2;
  out.edge = Math.max(edge, 0);
  out.id = bestId;
  out.rand = mnUnit(bestId);
  out.offsetX = ox;
  out.offsetY = oy;
  return out;
}

// ---- fractals ----------------------------------------------------------------------------------

export function mnOctaveSeed(seed: number, k: number): number {
  return (seed + Math.imul(k, 1013904223)) >>> 0;
}

type Base = (x: number, y: number, px: number, py: number, seed: number) => number;

function fractal(
  base: Base,
  shape: (n: number) => number,
  x: number,
  y: number,
  px: number,
  py: number,
  octaves: number,
  gain: number,
  seed: number,
): number {
  let sum = 0;
  let amp = 1;
  let norm = 0;
  let qx = x;
  let qy = y;
  let ppx = px;
  let ppy = py;
  for (let k = 0; k < octaves; k++) {
    sum += amp * shape(base(qx, qy, ppx, ppy, mnOctaveSeed(seed, k)));
    norm += amp;
    amp *= gain;
    qx *= 2;
    qy *= 2;
    ppx *= 2;
    ppy *= 2;
  }
  return sum / Math.max(norm, 1e-6);
}

const same = (n: number): number => n;
const ridge = (n: number): number => {
  const r = 1 - Math.min(Math.abs(n), 1);
  return r * r;
};
const turb = (n: number): number => Math.min(Math.abs(n), 1);

/** Gradient FBM, about [-1, 1]; octave k samples (x, y) * 2^k with period * 2^k. */
export function mnFbm(
  x: number,
  y: number,
  px: number,
  py: number,
  octaves: number,
  gain: number,
  seed: number,
): number {
  // fractal(mnGradient, same, ...) written out: the hot path of every bake.
  let sum = 0;
  let amp = 1;
  let norm = 0;
  let qx = x;
  let qy = y;
  let ppx = px;
  let ppy = py;
  for (let k = 0; k < octaves; k++) {
    sum += amp * mnGradient(qx, qy, ppx, ppy, mnOctaveSeed(seed, k));
    norm += amp;
    amp *= gain;
    qx *= 2;
    qy *= 2;
    ppx *= 2;
    ppy *= 2;
  }
  return sum / Math.max(norm, 1e-6);
}

/** Value-noise FBM, [0, 1]. */
export function mnFbmValue(
  x: number,
  y: number,
  px: number,
  py: number,
  octaves: number,
  gain: number,
  seed: number,
): number {
  return fractal(mnValue, same, x, y, px, py, octaves, gain, seed);
}

/** Ridged FBM (1 - |gradient|)^2, [0, 1]: 1 on the ridges. */
export function mnRidged(
  x: number,
  y: number,
  px: number,
  py: number,
  octaves: number,
  gain: number,
  seed: number,
): number {
  return fractal(mnGradient, ridge, x, y, px, py, octaves, gain, seed);
}

/** FBM of |gradient|, [0, 1]. */
export function mnTurbulence(
  x: number,
  y: number,
  px: number,
  py: number,
  octaves: number,
  gain: number,
  seed: number,
): number {
  return fractal(mnGradient, turb, x, y, px, py, octaves, gain, seed);
}

/** (x, y) displaced by two gradient noises times strength (lattice units), written to out. */
export function mnWarp(
  x: number,
  y: number,
  px: number,
  py: number,
  strength: number,
  seed: number,
  out: [number, number] = [0, 0],
): [number, number] {
  const wx = mnGradient(x, y, px, py, (seed ^ 0x1b873593) >>> 0);
  const wy = mnGradient(x, y, px, py, (seed ^ 0xcc9e2d51) >>> 0);
  out[0] = x + strength * wx;
  out[1] = y + strength * wy;
  return out;
}
