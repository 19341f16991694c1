// Lamps: a base (disc or dome), a stem, and a shade (open drum, cone, or closed dome).
import type { Prng } from '../../prng';
import {
  cylinder,
  lathe,
  polygon2,
  revolve,
  smoothProfile,
  translate,
  union,
  type Sdf,
} from '../sdf';
import { type ShapeFamily } from './family';

function make(prng: Prng): Sdf {
  const baseR = prng.range(0.2, 0.45);
  const baseH = prng.range(0.04, 0.2);
  const stemH = prng.range(0.5, 1.6);
  const stemR = prng.range(0.025, 0.05);
  const parts: Sdf[] = [];
  if (prng.chance(0.5)) {
    parts.push(translate(cylinder(baseR, baseH / 2), 0, baseH / 2, 0));
  } else {
    parts.push(
      lathe(
        smoothProfile(
          [
            [baseR, 0],
            [baseR * 0.9, baseH * 0.5],
            [baseR * 0.5, baseH],
            [stemR * 2, baseH * 1.5],
          ],
          3,
        ),
      ),
    );
  }
  parts.push(translate(cylinder(stemR, stemH / 2), 0, stemH / 2, 0));
  const shadeH = prng.range(0.25, 0.6);
  const bottomR = prng.range(0.25, 0.6);
  const topR = bottomR * prng.range(0.4, 1);
  const shadeY = stemH - shadeH * prng.range(0.2, 0.6);
  const kind = prng.int(0, 2);
  if (kind < 2) {
    const t = prng.range(0.02, 0.04);
    const y0 = shadeY;
    const y1 = shadeY + shadeH;
    const r1 = kind === 0 ? topR : bottomR * 0.15;
    // An open ring wall revolved about y (does not touch the axis).
    parts.push(revolve(polygon2([bottomR, y0, r1, y1, r1 + t, y1, bottomR + t, y0])));
    parts.push(translate(cylinder(Math.max(r1, stemR * 2), 0.015), 0, y1 - 0.015, 0));
  } else {
    parts.push(
      lathe(
        smoothProfile(
          [
            [bottomR, shadeY],
            [bottomR * 0.85, shadeY + shadeH * 0.5],
            [bottomR * 0.4, shadeY + shadeH * 0.9],
            [0, shadeY + shadeH],
          ],
          3,
        ),
      ),
    );
  }
  return union(...parts);
}

export const lamp: ShapeFamily = { id: 'lamp', name: 'Lamp', make };
