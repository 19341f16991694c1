// Chairs: a seat on four legs with a back (solid panel or slats), sometimes arms and stretchers.
import type { Prng } from '../../prng';
import { box, cylinder, roundedBox, translate, union, type Sdf } from '../sdf';
import { randomYaw, type ShapeFamily } from './family';

function make(prng: Prng): Sdf {
  const w = prng.range(0.35, 0.6); // half width (x)
  const d = prng.range(0.35, 0.6); // half depth (z)
  const seatY = prng.range(0.6, 1.1);
  const seatT = prng.range(0.04, 0.1);
  const leg = prng.range(0.035, 0.07);
  const round = prng.chance(0.4);
  const parts: Sdf[] = [translate(roundedBox(w, seatT, d, prng.range(0, 0.04)), 0, seatY, 0)];
  const legH = (seatY - seatT) / 2;
  const inset = leg * prng.range(1, 2);
  for (const sx of [-1, 1]) {
    for (const sz of [-1, 1]) {
      const shape = round ? cylinder(leg, legH) : box(leg, legH, leg);
      parts.push(translate(shape, sx * (w - inset), legH, sz * (d - inset)));
    }
  }
  if (prng.chance(0.4)) {
    const y = seatY * prng.range(0.2, 0.4);
    const t = leg * 0.6;
    parts.push(translate(box(w - inset, t, t), 0, y, d - inset));
    parts.push(translate(box(w - inset, t, t), 0, y, -(d - inset)));
    parts.push(translate(box(t, t, d - inset), w - inset, y, 0));
    parts.push(translate(box(t, t, d - inset), -(w - inset), y, 0));
  }
  const backH = prng.range(0.4, 1.0);
  const backT = prng.range(0.03, 0.07);
  const backZ = -d + backT;
  const backTop = seatY + seatT + backH;
  const style = prng.int(0, 2);
  if (style === 0) {
    parts.push(
      translate(roundedBox(w, backH / 2, backT, 0.02), 0, seatY + seatT + backH / 2, backZ),
    );
  } else {
    // Posts with a top rail and vertical or horizontal slats.
    const post = Math.max(leg, backT);
    for (const sx of [-1, 1]) {
      parts.push(translate(box(post, backH / 2, post), sx * (w - inset), seatY + backH / 2, backZ));
    }
    const rail = prng.range(0.06, 0.14);
    parts.push(translate(box(w, rail, backT), 0, backTop - rail, backZ));
    const slats = prng.int(1, 4);
    for (let i = 0; i < slats; i++) {
      if (style === 1) {
        const x = (w - inset) * (-1 + (2 * (i + 1)) / (slats + 1));
        parts.push(translate(box(backT, backH / 2, backT * 0.8), x, seatY + backH / 2, backZ));
      } else {
        const y = seatY + seatT + (backH - 2 * rail) * ((i + 0.5) / slats);
        parts.push(translate(box(w - inset, backT, backT * 0.8), 0, y, backZ));
      }
    }
  }
  if (prng.chance(0.3)) {
    const armY = seatY + prng.range(0.2, 0.35);
    const armT = prng.range(0.03, 0.06);
    for (const sx of [-1, 1]) {
      parts.push(translate(box(armT * 1.2, armT, d * 0.9), sx * (w - armT), armY, 0));
      parts.push(
        translate(
          box(armT, (armY - seatY) / 2, armT),
          sx * (w - armT),
          (armY + seatY) / 2,
          d * 0.7,
        ),
      );
    }
  }
  return randomYaw(prng, union(...parts));
}

export const chair: ShapeFamily = { id: 'chair', name: 'Chair', make };
