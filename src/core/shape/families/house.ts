// Houses: a box with a gable or hip-less flat roof, a chimney, and sometimes a recessed door.
import type { Prng } from '../../prng';
import { box, intersect, subtract, translate, union, type Sdf } from '../sdf';
import { halfSpace, randomYaw, type ShapeFamily } from './family';

function make(prng: Prng): Sdf {
  const w = prng.range(0.4, 0.9);
  const d = prng.range(0.35, 0.8);
  const wallH = prng.range(0.4, 1.0);
  const parts: Sdf[] = [translate(box(w, wallH / 2, d), 0, wallH / 2, 0)];
  const roofH = prng.range(0.2, 0.7);
  const over = prng.range(0, 0.12);
  let roofTop: number;
  if (prng.chance(0.85)) {
    // Gable roof: a prism along z, sloping in x.
    const rw = w + over;
    // The slab starts a fascia below the eaves, so the roof edge has thickness (no razor wedge).
    const fascia = prng.range(0.04, 0.08);
    const slab = translate(
      box(rw, (roofH + fascia) / 2, d + over),
      0,
      wallH + (roofH - fascia) / 2,
      0,
    );
    const left = halfSpace(roofH, rw, 0, rw * (wallH + roofH));
    const right = halfSpace(-roofH, rw, 0, rw * (wallH + roofH));
    parts.push(intersect(intersect(slab, left), right));
    roofTop = wallH + roofH;
  } else {
    parts.push(translate(box(w + over, 0.04, d + over), 0, wallH + 0.04, 0));
    roofTop = wallH + 0.08;
  }
  if (prng.chance(0.6)) {
    const c = prng.range(0.05, 0.1);
    const cx = w * prng.range(-0.6, 0.6);
    const top = roofTop + prng.range(0.05, 0.2);
    parts.push(
      translate(box(c, (top - wallH) / 2, c), cx, (top + wallH) / 2, d * prng.range(-0.5, 0.5)),
    );
  }
  let sdf = union(...parts);
  if (prng.chance(0.6)) {
    const doorW = prng.range(0.08, 0.15);
    const doorH = Math.min(prng.range(0.2, 0.4), wallH * 0.8);
    sdf = subtract(
      sdf,
      translate(box(doorW, doorH / 2, 0.04), prng.range(-0.5, 0.5) * w, doorH / 2, d),
    );
  }
  return randomYaw(prng, sdf);
}

export const house: ShapeFamily = { id: 'house', name: 'House', make };
