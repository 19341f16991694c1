// Benches: a long seat on slab ends or legs, with or without a backrest.
import type { Prng } from '../../prng';
import { box, roundedBox, translate, union, type Sdf } from '../sdf';
import { randomYaw, type ShapeFamily } from './family';

function make(prng: Prng): Sdf {
  const w = prng.range(0.9, 1.5);
  const d = prng.range(0.2, 0.4);
  const seatY = prng.range(0.4, 0.7);
  const seatT = prng.range(0.03, 0.08);
  const parts: Sdf[] = [translate(roundedBox(w, seatT, d, 0.02), 0, seatY, 0)];
  const legH = (seatY - seatT) / 2;
  if (prng.chance(0.5)) {
    const t = prng.range(0.04, 0.08);
    const x = w * prng.range(0.7, 0.9);
    for (const sx of [-1, 1]) parts.push(translate(box(t, legH, d * 0.9), sx * x, legH, 0));
  } else {
    const leg = prng.range(0.035, 0.06);
    for (const sx of [-1, 1]) {
      for (const sz of [-1, 1]) {
        parts.push(translate(box(leg, legH, leg), sx * (w - 3 * leg), legH, sz * (d - 1.5 * leg)));
      }
    }
  }
  if (prng.chance(0.5)) {
    const backH = prng.range(0.25, 0.55);
    const t = prng.range(0.03, 0.05);
    const slats = prng.int(1, 3);
    const z = -d + t;
    for (let i = 0; i < slats; i++) {
      const y = seatY + seatT + backH * ((i + 0.7) / slats);
      parts.push(translate(box(w, (backH / slats) * 0.3, t), 0, y, z));
    }
    for (const sx of [-1, 1]) {
      parts.push(translate(box(t * 1.2, backH / 2 + seatT, t), sx * w * 0.8, seatY + backH / 2, z));
    }
  }
  return randomYaw(prng, union(...parts));
}

export const bench: ShapeFamily = { id: 'bench', name: 'Bench', make };
