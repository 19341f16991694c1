// Cellular (Worley) noise: distances to the nearest and second-nearest jittered feature points,
// searched over neighbouring cells. Mirrors worley2/worley3 in shaders/noise.wgsl.
import { cell, hash2i, hash3i, pcg, unit01 } from './hash';

export interface WorleyDistances {
  f1: number;
  f2: number;
}

export function worley2(px: number, py: number, seed: number): WorleyDistances {
  const fx = px - Math.floor(px);
  const fy = py - Math.floor(py);
  const cx = cell(px);
  const cy = cell(py);
  let d1 = 8;
  let d2 = 8;
  for (let y = -1; y <= 1; y++) {
    for (let x = -1; x <= 1; x++) {
      const h = hash2i(cx + x, cy + y, seed);
      const dx = x + unit01(h) - fx;
      const dy = y + unit01(pcg(h)) - fy;
      const d = Math.sqrt(dx * dx + dy * dy);
      if (d < d1) {
        d2 = d1;
        d1 = d;
      } else if (d < d2) {
        d2 = d;
      }
    }
  }
  return { f1: d1, f2: d2 };
}

export function worley3(px: number, py: number, pz: number, seed: number): WorleyDistances {
  const fx = px - Math.floor(px);
  const fy = py - Math.floor(py);
  const fz = pz - Math.floor(pz);
  const cx = cell(px);
  const cy = cell(py);
  const cz = cell(pz);
  let d1 = 8;
  let d2 = 8;
  for (let z = -1; z <= 1; z++) {
    for (let y = -1; y <= 1; y++) {
      for (let x = -1; x <= 1; x++) {
        const h = hash3i(cx + x, cy + y, cz + z, seed);
        const h2 = pcg(h);
        const dx = x + unit01(h) - fx;
        const dy = y + unit01(h2) - fy;
        const dz = z + unit01(pcg(h2)) - fz;
        const d = Math.sqrt(dx * dx + dy * dy + dz * dz);
        if (d < d1) {
          d2 = d1;
          d1 = d;
        } else if (d < d2) {
          d2 = d;
        }
      }
    }
  }
  return { f1: d1, f2: d2 };
}
