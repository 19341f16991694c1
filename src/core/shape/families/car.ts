// Cars: a rounded body, a cabin set back on it, and four wheels.
import type { Prng } from '../../prng';
import { cylinder, roundedBox, smoothUnion, translate, union, type Sdf } from '../sdf';
import { randomYaw, type ShapeFamily } from './family';

function make(prng: Prng): Sdf {
  const len = prng.range(0.9, 1.5); // half length (z)
  const w = prng.range(0.4, 0.6); // half width (x)
  const wheelR = prng.range(0.15, 0.28);
  const bodyH = prng.range(0.15, 0.3);
  const bodyY = wheelR * prng.range(0.8, 1.2) + bodyH;
  const body = translate(roundedBox(w, bodyH, len, prng.range(0.05, 0.15)), 0, bodyY, 0);
  const cabinLen = len * prng.range(0.35, 0.7);
  const cabinH = prng.range(0.15, 0.3);
  const cabinZ = len * prng.range(-0.3, 0.15);
  const cabin = translate(
    roundedBox(w * prng.range(0.8, 0.95), cabinH, cabinLen, prng.range(0.05, 0.12)),
    0,
    bodyY + bodyH + cabinH * 0.7,
    cabinZ,
  );
  const parts: Sdf[] = [smoothUnion(body, cabin, 0.06)];
  // Wheels: cylinders along x (swap x and y).
  const wheel = cylinder(wheelR, prng.range(0.06, 0.12));
  const sideways: Sdf = (x, y, z) => wheel(y, x, z);
  const axle = len * prng.range(0.55, 0.75);
  for (const sx of [-1, 1]) {
    for (const sz of [-1, 1]) parts.push(translate(sideways, sx * w * 0.95, wheelR, sz * axle));
  }
  return randomYaw(prng, union(...parts));
}

export const car: ShapeFamily = { id: 'car', name: 'Car', make };
