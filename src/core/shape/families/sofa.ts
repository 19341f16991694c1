// Sofas and armchairs: a rounded base, a back, two arms, and seat cushions.
import type { Prng } from '../../prng';
import { box, roundedBox, translate, union, type Sdf } from '../sdf';
import { randomYaw, type ShapeFamily } from './family';

function make(prng: Prng): Sdf {
  const seats = prng.int(1, 3);
  const w = prng.range(0.35, 0.5) * seats + prng.range(0, 0.2);
  const d = prng.range(0.35, 0.55);
  const baseH = prng.range(0.15, 0.3);
  const round = prng.range(0.03, 0.1);
  const legH = prng.chance(0.5) ? prng.range(0.05, 0.15) : 0;
  const parts: Sdf[] = [translate(roundedBox(w, baseH / 2, d, round), 0, legH + baseH / 2, 0)];
  const backT = prng.range(0.1, 0.2);
  const backH = prng.range(0.35, 0.7);
  parts.push(
    translate(
      roundedBox(w, backH / 2, backT, round),
      0,
      legH + baseH + backH / 2 - 0.05,
      -d + backT,
    ),
  );
  const armW = prng.range(0.08, 0.18);
  const armH = prng.range(0.15, 0.4);
  for (const sx of [-1, 1]) {
    parts.push(
      translate(
        roundedBox(armW, armH / 2 + baseH / 2, d, round),
        sx * (w - armW),
        legH + (baseH + armH) / 2,
        0,
      ),
    );
  }
  const cushionT = prng.range(0.04, 0.1);
  const inner = w - 2 * armW;
  for (let i = 0; i < seats; i++) {
    const cw = inner / seats;
    const x = -inner + cw * (2 * i + 1);
    parts.push(
      translate(
        roundedBox(cw * 0.97, cushionT, d - backT, cushionT * 0.8),
        x,
        legH + baseH + cushionT * 0.8,
        backT,
      ),
    );
  }
  if (legH > 0) {
    const leg = 0.035;
    for (const sx of [-1, 1]) {
      for (const sz of [-1, 1]) {
        parts.push(
          translate(box(leg, legH / 2 + 0.01, leg), sx * (w - 0.08), legH / 2, sz * (d - 0.08)),
        );
      }
    }
  }
  return randomYaw(prng, union(...parts));
}

export const sofa: ShapeFamily = { id: 'sofa', name: 'Sofa', make };
