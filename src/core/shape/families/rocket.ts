// Rockets: a lathe body with a pointed nose, three or four fins and a nozzle.
import type { Prng } from '../../prng';
import { box, frustum, lathe, rotate, smoothProfile, translate, union, type Sdf } from '../sdf';
import { randomYaw, type ShapeFamily } from './family';

function make(prng: Prng): Sdf {
  const r = prng.range(0.15, 0.3);
  const bodyH = prng.range(0.8, 1.6);
  const noseH = prng.range(0.25, 0.6);
  const y0 = 0.15;
  const body = lathe(
    smoothProfile(
      [
        [r * prng.range(0.7, 1), y0],
        [r, y0 + bodyH * 0.3],
        [r, y0 + bodyH],
        [r * 0.6, y0 + bodyH + noseH * 0.5],
        [0, y0 + bodyH + noseH],
      ],
      4,
    ),
  );
  const nozzle = translate(frustum(r * 0.6, r * 0.4, 0.08), 0, y0 - 0.07, 0);
  const parts: Sdf[] = [body, nozzle];
  const finH = prng.range(0.25, 0.5);
  const finOut = prng.range(0.15, 0.35);
  const finT = prng.range(0.025, 0.04);
  const fins = prng.chance(0.5) ? 3 : 4;
  const fin = translate(box(finOut / 2, finH / 2, finT), r + finOut / 2 - 0.02, finH / 2, 0);
  const dirs =
    fins === 4
      ? [
          [1, 0],
          [0, 1],
          [-1, 0],
          [0, -1],
        ]
      : [
          [1, 0],
          [-0.5, Math.sqrt(3) / 2],
          [-0.5, -Math.sqrt(3) / 2],
        ];
  for (const [c, s] of dirs as Array<[number, number]>) {
    parts.push(rotate(fin, [c, 0, s, 0, 1, 0, -s, 0, c]));
  }
  return randomYaw(prng, union(...parts));
}

export const rocket: ShapeFamily = { id: 'rocket', name: 'Rocket', make };
