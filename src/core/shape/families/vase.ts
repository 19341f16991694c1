// Vases and bowls: a smooth random profile revolved about y, hollow with an open top.
import type { Prng } from '../../prng';
import { lathe, smoothProfile, type Sdf } from '../sdf';
import { hollowLathe, type ShapeFamily } from './family';

function make(prng: Prng): Sdf {
  const height = prng.range(0.5, 2);
  const base = prng.range(0.2, 0.55);
  const belly = prng.range(0.35, 0.9);
  const bellyAt = prng.range(0.2, 0.65);
  const neck = prng.range(0.12, 0.8) * belly;
  const neckAt = prng.range(Math.max(bellyAt + 0.15, 0.6), 0.92);
  const lip = neck * prng.range(1, 1.6);
  const control: Array<[number, number]> = [
    [base, 0],
    [(base + belly) / 2 + prng.range(-0.05, 0.05), height * bellyAt * 0.5],
    [belly, height * bellyAt],
    [neck, height * neckAt],
    [lip, height],
  ];
  const profile = smoothProfile(control, 5);
  if (prng.chance(0.15)) return lathe(profile);
  const thickness = prng.range(0.04, 0.08);
  return hollowLathe(profile, thickness, prng.range(0.05, 0.15) * height);
}

export const vase: ShapeFamily = { id: 'vase', name: 'Vase', make };
