// Cacti: a capsule trunk with one to three bent arms, sometimes in a pot.
import type { Prng } from '../../prng';
import { capsule, frustum, smoothUnion, translate, union, type Sdf } from '../sdf';
import { randomYaw, type ShapeFamily } from './family';

function make(prng: Prng): Sdf {
  const height = prng.range(0.9, 1.8);
  const r = prng.range(0.1, 0.2);
  const potH = prng.chance(0.5) ? prng.range(0.2, 0.4) : 0;
  let shape: Sdf = capsule(0, potH, 0, 0, potH + height - r, 0, r);
  const arms = prng.int(1, 3);
  for (let i = 0; i < arms; i++) {
    const side = i % 2 === 0 ? 1 : -1;
    const ar = r * prng.range(0.6, 0.85);
    const y = potH + height * prng.range(0.3, 0.6);
    const out = prng.range(0.2, 0.4);
    const up = prng.range(0.2, 0.5);
    const z = i === 2 ? prng.range(-0.1, 0.1) : 0;
    const elbow = capsule(0, y, 0, side * out, y, z, ar);
    const rise = capsule(side * out, y, z, side * out, y + up, z, ar);
    shape = smoothUnion(shape, union(elbow, rise), 0.05);
  }
  if (potH > 0) {
    const potR = r * prng.range(1.8, 2.8);
    shape = union(shape, translate(frustum(potR * 0.75, potR, potH / 2), 0, potH / 2, 0));
  }
  return randomYaw(prng, shape);
}

export const cactus: ShapeFamily = { id: 'cactus', name: 'Cactus', make };
