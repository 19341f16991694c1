// Mushrooms: a stem with a dome, cone or flat cap; sometimes a smaller second one beside it.
import type { Prng } from '../../prng';
import { lathe, smoothProfile, smoothUnion, translate, union, type Sdf } from '../sdf';
import { type ShapeFamily } from './family';

function one(prng: Prng, scaleBy: number): Sdf {
  const stemH = prng.range(0.4, 1.2) * scaleBy;
  const stemR = prng.range(0.08, 0.25) * scaleBy;
  const bulge = prng.range(0.9, 1.6);
  const stem = lathe(
    smoothProfile(
      [
        [stemR * bulge, 0],
        [stemR * (1 + bulge) * 0.5, stemH * 0.3],
        [stemR, stemH * 0.7],
        [stemR * prng.range(0.7, 1), stemH + 0.05 * scaleBy],
      ],
      3,
    ),
  );
  const capR = stemR * prng.range(2, 5);
  const capH = capR * prng.range(0.3, 1.1);
  const under = capH * prng.range(0.05, 0.3);
  const kind = prng.int(0, 2);
  const y0 = stemH - under;
  const capProfile: Array<[number, number]> =
    kind === 0
      ? [
          [stemR, y0],
          [capR * 0.8, y0 + under * 0.2],
          [capR, y0 + under + capH * 0.1],
          [capR * 0.8, y0 + under + capH * 0.6],
          [capR * 0.4, y0 + under + capH * 0.95],
          [0, y0 + under + capH],
        ]
      : kind === 1
        ? [
            [stemR, y0],
            [capR, y0 + under],
            [capR * 0.5, y0 + under + capH * 0.6],
            [0, y0 + under + capH * 1.3],
          ]
        : [
            [stemR, y0],
            [capR, y0 + under],
            [capR * 0.95, y0 + under + capH * 0.3],
            [capR * 0.6, y0 + under + capH * 0.45],
            [0, y0 + under + capH * 0.5],
          ];
  const cap = lathe(kind === 1 ? capProfile : smoothProfile(capProfile, 3));
  return smoothUnion(stem, cap, 0.03 * scaleBy);
}

function make(prng: Prng): Sdf {
  const main = one(prng, 1);
  if (!prng.chance(0.3)) return main;
  const s = prng.range(0.4, 0.7);
  const other = one(prng, s);
  const dx = prng.range(0.35, 0.6);
  const dz = prng.range(-0.3, 0.3);
  return union(main, translate(other, dx, 0, dz));
}

export const mushroom: ShapeFamily = { id: 'mushroom', name: 'Mushroom', make };
