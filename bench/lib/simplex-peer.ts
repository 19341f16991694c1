// The peer for the noise benchmark: the `simplex-noise` npm package, summed into the same FBM as
// ours (octaves, lacunarity 2, gain 0.5, normalised) over the same texel grid, into a Float32Array.
import { createNoise2D } from 'simplex-noise';

/** mulberry32: a seeded source for simplex-noise's permutation table (benchmarks only). */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function peerFbm(
  width: number,
  height: number,
  octaves: number,
  frequency: number,
  seed: number,
): Float32Array {
  const noise = createNoise2D(seeded(seed));
  const out = new Float32Array(width * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const px = ((x + 0.5) / width) * frequency;
      const py = ((y + 0.5) / height) * frequency;
      let sum = 0;
      let amp = 1;
      let norm = 0;
      let f = 1;
      for (let o = 0; o < octaves; o++) {
        sum += amp * noise(px * f, py * f);
        norm += amp;
        amp *= 0.5;
        f *= 2;
      }
      out[y * width + x] = sum / norm;
    }
  }
  return out;
}
