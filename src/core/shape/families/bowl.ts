// Bowls and pots: a wide, shallow hollow lathe on a small foot ring or flat base.
import type { Prng } from '../../prng';
import { smoothProfile, union, torus, translate, type Sdf } from '../sdf';
import { hollowLathe, type ShapeFamily } from './family';

function make(prng: Prng): Sdf {
  const rim = prng.range(0.6, 1);
  const height = rim * prng.range(0.3, 0.8);
  const base = rim * prng.range(0.3, 0.6);
  const flare = prng.range(0.75, 1);
  const profile = smoothProfile(
    [
      [base, 0],
      [rim * flare * 0.85, height * 0.35],
      [rim * flare, height * 0.75],
      [rim, height],
    ],
    4,
  );
  const bowl = hollowLathe(profile, prng.range(0.04, 0.07), height * 0.08);
  if (!prng.chance(0.35)) return bowl;
  // A rolled rim.
  return union(bowl, translate(torus(rim - 0.02, prng.range(0.03, 0.05)), 0, height, 0));
}

export const bowl: ShapeFamily = { id: 'bowl', name: 'Bowl', make };
