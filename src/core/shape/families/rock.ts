// Rocks: an ellipsoid whose radius is displaced by two octaves of value noise over the direction
// from its centre (a star-shaped solid, so it never sheds floating islands), often with a flat base.
import type { Prng } from '../../prng';
import { VALUE_NOISE_GRADIENT_BOUND, valueNoise3, type Sdf } from '../sdf';
import { flatBottom, type ShapeFamily } from './family';

function make(prng: Prng): Sdf {
  const rx = prng.range(0.5, 1);
  const ry = prng.range(0.3, 0.8);
  const rz = prng.range(0.4, 1);
  const n1 = valueNoise3(prng.nextU32());
  const n2 = valueNoise3(prng.nextU32());
  const f1 = prng.range(1, 2.2);
  const a1 = prng.range(0.08, 0.22);
  const f2 = f1 * 2.3;
  const a2 = a1 * prng.range(0.2, 0.45);
  const ox = prng.range(0, 100);
  const oz = prng.range(0, 100);
  // In the unit-sphere space the radius varies by at most (a1 f1 + a2 f2) * bound per radian; at
  // the surface (radius >= 1 - a1 - a2) that bounds the distance's gradient by `lip`.
  const lip = 1 + ((a1 * f1 + a2 * f2) * VALUE_NOISE_GRADIENT_BOUND) / (1 - a1 - a2);
  const k = Math.min(rx, ry, rz) / lip;
  const rock: Sdf = (x, y, z) => {
    const qx = x / rx;
    const qy = y / ry;
    const qz = z / rz;
    const r = Math.sqrt(qx * qx + qy * qy + qz * qz);
    if (r < 1e-9) return -(1 - a1 - a2) * k;
    const ux = qx / r;
    const uy = qy / r;
    const uz = qz / r;
    const radius =
      1 +
      a1 * n1(ux * f1 + ox, uy * f1, uz * f1 + oz) +
      a2 * n2(ux * f2 + oz, uy * f2, uz * f2 + ox);
    return (r - radius) * k;
  };
  return prng.chance(0.7) ? flatBottom(rock, -ry * prng.range(0.4, 0.8)) : rock;
}

export const rock: ShapeFamily = { id: 'rock', name: 'Rock', make };
