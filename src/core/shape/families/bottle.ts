// Bottles: a round or square body, a shoulder, a neck and sometimes a cap; closed.
import type { Prng } from '../../prng';
import {
  cylinder,
  lathe,
  roundedBox,
  smoothProfile,
  smoothUnion,
  translate,
  union,
  type Sdf,
} from '../sdf';
import { randomYaw, type ShapeFamily } from './family';

function make(prng: Prng): Sdf {
  const radius = prng.range(0.25, 0.55);
  const bodyHeight = prng.range(0.6, 1.6);
  const shoulder = prng.range(0.1, 0.5);
  const neckRadius = radius * prng.range(0.2, 0.45);
  const neckLength = prng.range(0.15, 0.6);
  const top = bodyHeight + shoulder + neckLength;
  let sdf: Sdf;
  if (prng.chance(0.3)) {
    const depth = radius * prng.range(0.5, 1);
    const body = translate(
      roundedBox(radius, bodyHeight / 2, depth, prng.range(0.03, 0.15)),
      0,
      bodyHeight / 2,
      0,
    );
    const neck = lathe([
      [Math.min(radius, depth) * 0.9, bodyHeight - 0.05],
      [neckRadius, bodyHeight + shoulder],
      [neckRadius, top],
    ]);
    sdf = randomYaw(prng, smoothUnion(body, neck, 0.05));
  } else {
    const waist = prng.chance(0.3) ? prng.range(0.75, 0.95) : 1;
    sdf = lathe(
      smoothProfile(
        [
          [radius * 0.95, 0],
          [radius, bodyHeight * 0.3],
          [radius * waist, bodyHeight * 0.6],
          [radius, bodyHeight],
          [(radius + neckRadius) / 2, bodyHeight + shoulder * 0.6],
          [neckRadius, bodyHeight + shoulder],
          [neckRadius, top - neckLength * 0.3],
          [neckRadius * prng.range(1, 1.25), top],
        ],
        4,
      ),
    );
  }
  if (prng.chance(0.5)) {
    const capHeight = prng.range(0.06, 0.2);
    sdf = union(sdf, translate(cylinder(neckRadius * 1.15, capHeight / 2), 0, top, 0));
  }
  return sdf;
}

export const bottle: ShapeFamily = { id: 'bottle', name: 'Bottle', make };
