// Teapots and kettles: a round body, a lid with a knob, a spout and a handle.
import type { Prng } from '../../prng';
import {
  capsule,
  intersect,
  lathe,
  scale3,
  smoothProfile,
  smoothUnion,
  sphere,
  torus,
  translate,
  union,
  type Sdf,
} from '../sdf';
import { randomYaw, type ShapeFamily } from './family';

function make(prng: Prng): Sdf {
  const r = prng.range(0.45, 0.7);
  const h = r * prng.range(0.8, 1.5);
  const body = lathe(
    smoothProfile(
      [
        [r * 0.6, 0],
        [r, h * 0.4],
        [r * 0.85, h * 0.8],
        [r * 0.5, h],
      ],
      4,
    ),
  );
  const knob = translate(sphere(prng.range(0.05, 0.09)), 0, h + 0.1, 0);
  const lid = lathe([
    [r * 0.55, h - 0.02],
    [r * 0.3, h + 0.05],
    [0.03, h + 0.08],
  ]);
  const spoutLen = prng.range(0.25, 0.45);
  const spout = capsule(
    r * 0.7,
    h * 0.35,
    0,
    r + spoutLen * 0.8,
    h * prng.range(0.7, 1.1),
    0,
    prng.range(0.05, 0.09),
  );
  const tube = prng.range(0.04, 0.06);
  const flat = torus(h * prng.range(0.3, 0.42), tube);
  const ring = scale3((x, y, z) => flat(x, z, y), prng.range(0.9, 1.3), 1, 1);
  // The half of the ring outside the body (x < -0.85 r).
  const handle = intersect(translate(ring, -r * 0.9, h * 0.5, 0), (x) => x + r * 0.85);
  const shape = union(smoothUnion(body, spout, 0.06), lid, knob, handle);
  return randomYaw(prng, shape);
}

export const teapot: ShapeFamily = { id: 'teapot', name: 'Teapot', make };
