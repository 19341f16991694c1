// What a shape family is, and the helpers the families share: random yaw without trigonometry,
// hollow lathes (open vessels), ellipsoids and half-spaces.
import type { Prng } from '../../prng';
import {
  axisRotation,
  intersect,
  lathe,
  rationalAngle,
  rotate,
  scale3,
  sphere,
  subtract,
  type Sdf,
} from '../sdf';

/**
 * A procedural family. `make` draws every parameter from the PRNG it is given and returns the raw
 * SDF: y up, resting roughly on its base, inside about [-1.5, 1.5]^3 (makeShape normalises size and
 * position). Parts should be at least ~3% of the largest side thick, so grids at 1/64 see them.
 */
export interface ShapeFamily {
  id: string;
  name: string;
  make(prng: Prng): Sdf;
}

/** Rotates a shape about y by a random angle (full circle), computed without trigonometry. */
export function randomYaw(prng: Prng, sdf: Sdf): Sdf {
  const { cos, sin } = rationalAngle(prng.range(-1, 1));
  const flip = prng.chance(0.5) ? -1 : 1;
  return rotate(sdf, axisRotation('y', cos * flip, sin * flip));
}

/** Ellipsoid with radii (rx, ry, rz) as a distance bound. */
export function ellipsoid(rx: number, ry: number, rz: number): Sdf {
  return scale3(sphere(1), rx, ry, rz);
}

/** Half-space n·p <= d (n need not be unit length; the distance is exact). */
export function halfSpace(nx: number, ny: number, nz: number, d: number): Sdf {
  const len = Math.sqrt(nx * nx + ny * ny + nz * nz);
  const ax = nx / len;
  const ay = ny / len;
  const az = nz / len;
  const ad = d / len;
  return (x, y, z) => ax * x + ay * y + az * z - ad;
}

/**
 * An open vessel: the solid lathe of `profile` ([radius, y], bottom to top) minus a cavity that
 * follows the wall `thickness` inside it from `floorY` up through the top opening.
 */
export function hollowLathe(
  profile: ReadonlyArray<readonly [number, number]>,
  thickness: number,
  floorY: number,
): Sdf {
  const outer = lathe(profile);
  const top = profile[profile.length - 1]![1];
  const cavity: Array<[number, number]> = [];
  for (const [r, y] of profile) {
    if (y >= floorY) cavity.push([Math.max(r - thickness, 0), y]);
  }
  if (cavity.length === 0) return outer;
  const last = cavity[cavity.length - 1]!;
  cavity.push([last[0], top + 1]);
  return subtract(outer, lathe(cavity));
}

/** Clips a shape to the half-space y >= y0 (a flat bottom). */
export function flatBottom(sdf: Sdf, y0: number): Sdf {
  return intersect(sdf, (_x, y) => y0 - y);
}
