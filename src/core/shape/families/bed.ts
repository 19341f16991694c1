// Beds: a frame on legs, a mattress, a headboard and sometimes a footboard and pillow.
import type { Prng } from '../../prng';
import { box, roundedBox, translate, union, type Sdf } from '../sdf';
import { randomYaw, type ShapeFamily } from './family';

function make(prng: Prng): Sdf {
  const w = prng.range(0.45, 0.9);
  const len = prng.range(0.9, 1.1);
  const frameY = prng.range(0.15, 0.35);
  const frameT = prng.range(0.05, 0.1);
  const parts: Sdf[] = [translate(box(w, frameT, len), 0, frameY, 0)];
  const mattT = prng.range(0.06, 0.14);
  parts.push(
    translate(roundedBox(w * 0.97, mattT, len * 0.97, 0.04), 0, frameY + frameT + mattT, 0),
  );
  const leg = 0.05;
  for (const sx of [-1, 1]) {
    for (const sz of [-1, 1]) {
      parts.push(
        translate(box(leg, frameY / 2, leg), sx * (w - leg), frameY / 2, sz * (len - leg)),
      );
    }
  }
  const headH = prng.range(0.3, 0.7);
  const t = prng.range(0.03, 0.06);
  parts.push(
    translate(roundedBox(w, (frameY + headH) / 2, t, 0.02), 0, (frameY + headH) / 2, -len - t),
  );
  if (prng.chance(0.5)) {
    const footH = headH * prng.range(0.3, 0.7);
    parts.push(
      translate(roundedBox(w, (frameY + footH) / 2, t, 0.02), 0, (frameY + footH) / 2, len + t),
    );
  }
  if (prng.chance(0.6)) {
    parts.push(
      translate(
        roundedBox(w * 0.6, 0.06, 0.15, 0.05),
        0,
        frameY + frameT + 2 * mattT + 0.04,
        -len + 0.25,
      ),
    );
  }
  return randomYaw(prng, union(...parts));
}

export const bed: ShapeFamily = { id: 'bed', name: 'Bed', make };
