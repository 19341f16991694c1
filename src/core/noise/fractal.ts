// Fractals over the base noises: FBM, ridged multifractal, domain warp, and the full field that the
// bake kernel samples. Mirrors noise_base, fbm, ridged, domain_warp and noise_field in
// shaders/noise.wgsl.
import { perlin2, perlin3 } from './gradient';
import { pcg } from './hash';
import type { NoiseSettings } from './settings';
import { simplex2, simplex3 } from './simplex';
import { value2, value3 } from './value';
import { worley2, worley3 } from './worley';

/** A base noise in about [-1, 1]; Worley maps min(F1, 1) to [-1, 1]. */
export type BaseNoise = (x: number, y: number, z: number, seed: number) => number;

const BASE_2D: Record<NoiseSettings['kind'], BaseNoise> = {
  value: (x, y, _z, s) => value2(x, y, s),
  perlin: (x, y, _z, s) => perlin2(x, y, s),
  simplex: (x, y, _z, s) => simplex2(x, y, s),
  worley: (x, y, _z, s) => Math.min(worley2(x, y, s).f1, 1) * 2 - 1,
};

const BASE_3D: Record<NoiseSettings['kind'], BaseNoise> = {
  value: value3,
  perlin: perlin3,
  simplex: simplex3,
  worley: (x, y, z, s) => Math.min(worley3(x, y, z, s).f1, 1) * 2 - 1,
};

export function baseNoise(kind: NoiseSettings['kind'], dimensions: 2 | 3): BaseNoise {
  return dimensions === 3 ? BASE_3D[kind] : BASE_2D[kind];
}

export function octaveSeed(seed: number, octave: number): number {
  return (seed + Math.imul(octave, 1013904223)) >>> 0;
}

export function fbm(
  base: BaseNoise,
  x: number,
  y: number,
  z: number,
  seed: number,
  octaves: number,
  lacunarity: number,
  gain: number,
): number {
  let sum = 0;
  let amp = 1;
  let norm = 0;
  let qx = x;
  let qy = y;
  let qz = z;
  for (let o = 0; o < octaves; o++) {
    sum += amp * base(qx, qy, qz, octaveSeed(seed, o));
    norm += amp;
    amp *= gain;
    qx *= lacunarity;
    qy *= lacunarity;
    qz *= lacunarity;
  }
  return sum / norm;
}

export function ridged(
  base: BaseNoise,
  x: number,
  y: number,
  z: number,
  seed: number,
  octaves: number,
  lacunarity: number,
  gain: number,
): number {
  let sum = 0;
  let amp = 1;
  let norm = 0;
  let weight = 1;
  let qx = x;
  let qy = y;
  let qz = z;
  for (let o = 0; o < octaves; o++) {
    let n = 1 - Math.abs(base(qx, qy, qz, octaveSeed(seed, o)));
    n = n * n * weight;
    weight = Math.min(Math.max(n * 2, 0), 1);
    sum += amp * n;
    norm += amp;
    amp *= gain;
    qx *= lacunarity;
    qy *= lacunarity;
    qz *= lacunarity;
  }
  return (2 * sum) / norm - 1;
}

/**
 * Samples a whole noise field at (x, y, z): domain warp (if any), then the fractal. Build once per
 * settings and call per point: the settings are resolved up front, not per sample.
 */
export function createNoiseField(s: NoiseSettings): (x: number, y: number, z: number) => number {
  const base = baseNoise(s.kind, s.dimensions);
  const { octaves, lacunarity, gain } = s;
  const seed = s.seed >>> 0;
  const sample =
    s.fractal === 'fbm'
      ? (x: number, y: number, z: number) => fbm(base, x, y, z, seed, octaves, lacunarity, gain)
      : s.fractal === 'ridged'
        ? (x: number, y: number, z: number) =>
            ridged(base, x, y, z, seed, octaves, lacunarity, gain)
        : (x: number, y: number, z: number) => base(x, y, z, seed);
  if (s.warp === 0) return sample;
  const warpOctaves = Math.min(octaves, 4);
  const sx = pcg((seed ^ 0x5bd1e995) >>> 0);
  const sy = pcg((seed ^ 0x27d4eb2f) >>> 0);
  const sz = pcg((seed ^ 0x165667b1) >>> 0);
  const is3d = s.dimensions === 3;
  return (x, y, z) => {
    const wx = fbm(base, x, y, z, sx, warpOctaves, lacunarity, gain);
    const wy = fbm(base, x, y, z, sy, warpOctaves, lacunarity, gain);
    const wz = is3d ? fbm(base, x, y, z, sz, warpOctaves, lacunarity, gain) : 0;
    return sample(x + s.warp * wx, y + s.warp * wy, z + s.warp * wz);
  };
}
