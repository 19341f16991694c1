// Tables: a rectangular or round top on four legs, a pedestal or two trestles; sometimes a shelf.
import type { Prng } from '../../prng';
import { box, cylinder, lathe, roundedBox, translate, union, type Sdf } from '../sdf';
import { randomYaw, type ShapeFamily } from './family';

function make(prng: Prng): Sdf {
  const height = prng.range(0.5, 1.1);
  const topT = prng.range(0.03, 0.08);
  const roundTop = prng.chance(0.35);
  const w = prng.range(0.5, 1.3);
  const d = roundTop ? w : prng.range(0.35, 1);
  const parts: Sdf[] = [];
  parts.push(
    roundTop
      ? translate(cylinder(w, topT), 0, height - topT, 0)
      : translate(roundedBox(w, topT, d, prng.range(0, 0.03)), 0, height - topT, 0),
  );
  const legH = (height - 2 * topT) / 2;
  const style = roundTop && prng.chance(0.6) ? 1 : prng.chance(0.15) ? 2 : 0;
  if (style === 1) {
    const stem = prng.range(0.05, 0.12);
    const foot = prng.range(0.25, 0.6) * w;
    parts.push(
      lathe([
        [foot, 0],
        [foot, 0.04],
        [stem, 0.12],
        [stem, height - topT],
      ]),
    );
  } else if (style === 2) {
    const t = prng.range(0.04, 0.08);
    for (const sx of [-1, 1]) {
      parts.push(translate(box(t, legH, d * 0.8), sx * w * 0.75, legH, 0));
    }
    parts.push(translate(box(w * 0.75, t, t), 0, legH * 0.6, 0));
  } else {
    const leg = prng.range(0.03, 0.07);
    const inset = prng.range(1, 3) * leg;
    const round = prng.chance(0.5);
    const lx = roundTop ? w * 0.65 : w - inset;
    const lz = roundTop ? w * 0.65 : d - inset;
    for (const sx of [-1, 1]) {
      for (const sz of [-1, 1]) {
        parts.push(
          translate(round ? cylinder(leg, legH) : box(leg, legH, leg), sx * lx, legH, sz * lz),
        );
      }
    }
    if (prng.chance(0.3)) {
      parts.push(
        translate(box(lx, prng.range(0.015, 0.03), lz), 0, legH * prng.range(0.3, 0.8), 0),
      );
    }
  }
  return randomYaw(prng, union(...parts));
}

export const table: ShapeFamily = { id: 'table', name: 'Table', make };
