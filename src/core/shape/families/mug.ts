// Mugs and cups: a (slightly tapered) hollow body with a ring handle on one side.
import type { Prng } from '../../prng';
import { intersect, scale3, torus, translate, union, type Sdf } from '../sdf';
import { hollowLathe, randomYaw, type ShapeFamily } from './family';

function make(prng: Prng): Sdf {
  const height = prng.range(0.6, 1.4);
  const bottom = prng.range(0.3, 0.6);
  const top = bottom * prng.range(0.9, 1.5);
  const thickness = prng.range(0.04, 0.08);
  const body = hollowLathe(
    [
      [bottom, 0],
      [(bottom + top) / 2, height / 2],
      [top, height],
    ],
    thickness,
    prng.range(0.05, 0.12),
  );
  const tube = prng.range(0.04, 0.08);
  const ring = prng.range(0.15, 0.35) * height + tube;
  const stretchY = prng.range(1, 1.6);
  const stretchX = prng.range(0.7, 1.2);
  const mid = (bottom + top) / 2;
  // A torus in the xy plane (swap y and z), stretched, centred on the wall.
  const flat = torus(ring, tube);
  const ringXy = scale3((x, y, z) => flat(x, z, y), stretchX, stretchY, 1);
  const handleY = height * prng.range(0.4, 0.6);
  const handle = intersect(translate(ringXy, mid, handleY, 0), (x) => mid - thickness - x);
  return randomYaw(prng, union(body, handle));
}

export const mug: ShapeFamily = { id: 'mug', name: 'Mug', make };
