// Stools: a round or square seat on three or four splayed legs, sometimes with a ring rung.
import type { Prng } from '../../prng';
import { capsule, roundedBox, roundedCylinder, torus, translate, union, type Sdf } from '../sdf';
import { randomYaw, type ShapeFamily } from './family';

function make(prng: Prng): Sdf {
  const height = prng.range(0.5, 1.3);
  const seatR = prng.range(0.25, 0.5);
  const seatT = prng.range(0.04, 0.1);
  const legs = prng.chance(0.4) ? 3 : 4;
  const leg = prng.range(0.03, 0.06);
  const splay = prng.range(1, 1.5);
  const square = legs === 4 && prng.chance(0.3);
  const parts: Sdf[] = [
    square
      ? translate(roundedBox(seatR, seatT, seatR, 0.03), 0, height, 0)
      : translate(roundedCylinder(seatR, seatT, seatT * 0.5), 0, height, 0),
  ];
  // Leg directions: fixed unit vectors for 3 (120°) or 4 (diagonals), no trigonometry.
  const dirs =
    legs === 3
      ? [
          [1, 0],
          [-0.5, Math.sqrt(3) / 2],
          [-0.5, -Math.sqrt(3) / 2],
        ]
      : [
          [Math.SQRT1_2, Math.SQRT1_2],
          [-Math.SQRT1_2, Math.SQRT1_2],
          [-Math.SQRT1_2, -Math.SQRT1_2],
          [Math.SQRT1_2, -Math.SQRT1_2],
        ];
  const topR = seatR * 0.7;
  const footR = topR * splay;
  for (const [dx, dz] of dirs as Array<[number, number]>) {
    parts.push(capsule(dx * topR, height, dz * topR, dx * footR, leg, dz * footR, leg));
  }
  if (prng.chance(0.5)) {
    const t = prng.range(0.3, 0.5);
    const ringR = topR + (footR - topR) * (1 - t);
    parts.push(translate(torus(ringR, leg * 0.7), 0, height * t, 0));
  }
  return randomYaw(prng, union(...parts));
}

export const stool: ShapeFamily = { id: 'stool', name: 'Stool', make };
