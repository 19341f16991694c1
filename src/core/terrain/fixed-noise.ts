// Fixed-point 2D lattice noise (value and gradient/Perlin, cubic fade) and the octave sum (FBM, ridged) over a
// heightfield, mirrored line for line by shaders/fixed-noise.wgsl and shaders/terrain-height.wgsl.
// Coordinates are Q16 lattice units held in u32 (see heightfield-params.ts for how they stay in
// range); noise values are Q16 in about [-1, 1].
import { fadeQ16, lerpQ16, mix32, mulQ16S, mulQ16U, ONE } from './fixed-point';

export const TERRAIN_NOISE_CODES = { value: 0, perlin: 1 } as const;
export const TERRAIN_FRACTAL_CODES = { none: 0, fbm: 1, ridged: 2 } as const;

/** Value noise: hashed lattice values in [-1, 1), blended with the fade. */
export function valueNoiseQ16(x: number, y: number, seed: number): number {
  const cx = x >> 16;
  const cy = y >> 16;
  const u = fadeQ16(x & 0xffff);
  const v = fadeQ16(y & 0xffff);
  // hash2(x, y, seed) = mix32(x ^ mix32(y ^ mix32(seed))), with the shared inner mixes hoisted.
  const s = mix32(seed);
  const row0 = mix32(cy ^ s);
  const row1 = mix32((cy + 1) ^ s);
  const c00 = ((mix32(cx ^ row0) >>> 15) - ONE) | 0;
  const c10 = ((mix32((cx + 1) ^ row0) >>> 15) - ONE) | 0;
  const c01 = ((mix32(cx ^ row1) >>> 15) - ONE) | 0;
  const c11 = ((mix32((cx + 1) ^ row1) >>> 15) - ONE) | 0;
  return lerpQ16(lerpQ16(c00, c10, u), lerpQ16(c01, c11, u), v);
}

/** Dot product of the hashed corner gradient (one of 8 directions) with the offset (fx, fy). */
function gradDot(h: number, fx: number, fy: number): number {
  switch (h & 7) {
    case 0:
      return fx + fy;
    case 1:
      return -fx + fy;
    case 2:
      return fx - fy;
    case 3:
      return -fx - fy;
    case 4:
      return fx;
    case 5:
      return -fx;
    case 6:
      return fy;
    default:
      return -fy;
  }
}

/** Gradient (Perlin) noise, about [-1, 1]. */
export function gradientNoiseQ16(x: number, y: number, seed: number): number {
  const cx = x >> 16;
  const cy = y >> 16;
  const fx = x & 0xffff;
  const fy = y & 0xffff;
  const u = fadeQ16(fx);
  const v = fadeQ16(fy);
  const s = mix32(seed);
  const row0 = mix32(cy ^ s);
  const row1 = mix32((cy + 1) ^ s);
  const d00 = gradDot(mix32(cx ^ row0), fx, fy);
  const d10 = gradDot(mix32((cx + 1) ^ row0), fx - ONE, fy);
  const d01 = gradDot(mix32(cx ^ row1), fx, fy - ONE);
  const d11 = gradDot(mix32((cx + 1) ^ row1), fx - ONE, fy - ONE);
  return lerpQ16(lerpQ16(d00, d10, u), lerpQ16(d01, d11, u), v);
}

export function latticeNoiseQ16(kind: number, x: number, y: number, seed: number): number {
  return kind === TERRAIN_NOISE_CODES.value
    ? valueNoiseQ16(x, y, seed)
    : gradientNoiseQ16(x, y, seed);
}

/** One octave's share of the heightfield, fixed for the whole field. */
export interface OctaveQ16 {
  /** Lattice units per heightfield sample, Q16. */
  step: number;
  /** Lattice offset of this octave (whole cells), so octaves do not line up. */
  offsetX: number;
  offsetY: number;
  /** Weight, Q16. */
  amplitude: number;
  seed: number;
}

/** Heightfield parameters in the integer form both the kernel and the CPU reference use. */
export interface HeightfieldQ16 {
  resolution: number;
  kind: number;
  fractal: number;
  octaves: OctaveQ16[];
  /** Domain-warp displacement, in heightfield samples (Q16), for a warp noise of 1; 0 = off. */
  warpSamples: number;
  warpSeedX: number;
  warpSeedY: number;
}

/** Sample positions are biased by this many samples (Q16) so warped positions stay positive. */
export const POSITION_BIAS = 16384 * ONE;

/** Height (Q16 noise units) of heightfield sample (i, j). */
export function heightSampleQ16(p: HeightfieldQ16, i: number, j: number): number {
  let px = (i * ONE + POSITION_BIAS) >>> 0;
  let py = (j * ONE + POSITION_BIAS) >>> 0;
  if (p.warpSamples !== 0 && p.octaves.length > 0) {
    const o = p.octaves[0]!;
    const bx = (mulQ16U(px, o.step) + o.offsetX * ONE) >>> 0;
    const by = (mulQ16U(py, o.step) + o.offsetY * ONE) >>> 0;
    const wx = gradientNoiseQ16(bx, by, p.warpSeedX);
    const wy = gradientNoiseQ16(bx, by, p.warpSeedY);
    px = (px + mulQ16S(wx, p.warpSamples)) >>> 0;
    py = (py + mulQ16S(wy, p.warpSamples)) >>> 0;
  }
  let sum = 0;
  for (const o of p.octaves) {
    const x = (mulQ16U(px, o.step) + o.offsetX * ONE) >>> 0;
    const y = (mulQ16U(py, o.step) + o.offsetY * ONE) >>> 0;
    let n = latticeNoiseQ16(p.kind, x, y, o.seed);
    if (p.fractal === TERRAIN_FRACTAL_CODES.ridged) {
      const r = Math.max(0, ONE - Math.abs(n));
      n = mulQ16U(r, r) | 0;
    }
    sum = (sum + mulQ16S(n, o.amplitude)) | 0;
  }
  return sum;
}

/** Fills rows [fromRow, toRow) of `out` (j is the row, i the column). */
export function heightRowsQ16(
  p: HeightfieldQ16,
  out: Int32Array,
  fromRow: number,
  toRow: number,
): void {
  const n = p.resolution;
  for (let j = fromRow; j < toRow; j++) {
    for (let i = 0; i < n; i++) out[j * n + i] = heightSampleQ16(p, i, j);
  }
}

/** The whole heightfield, row-major. CPU reference of the kernel. */
export function heightfieldQ16(p: HeightfieldQ16): Int32Array<ArrayBuffer> {
  const out = new Int32Array(p.resolution * p.resolution);
  heightRowsQ16(p, out, 0, p.resolution);
  return out;
}
