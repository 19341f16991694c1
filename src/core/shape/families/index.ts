// The registry of procedural shape families and makeShape: family + seed → a normalised Shape
// (bounding box centred on the origin, largest side SHAPE_EXTENT).
import { Prng } from '../../prng';
import { SHAPE_EXTENT } from '../shape-types';
import { findBounds, type Box3 } from '../shape-bounds';
import type { Sdf } from '../sdf';
import type { ShapeFamily } from './family';
import { bed } from './bed';
import { bench } from './bench';
import { bowl } from './bowl';
import { cactus } from './cactus';
import { car } from './car';
import { bottle } from './bottle';
import { chair } from './chair';
import { goblet } from './goblet';
import { house } from './house';
import { lamp } from './lamp';
import { mug } from './mug';
import { mushroom } from './mushroom';
import { rock } from './rock';
import { rocket } from './rocket';
import { sofa } from './sofa';
import { stool } from './stool';
import { table } from './table';
import { teapot } from './teapot';
import { tree } from './tree';
import { vase } from './vase';

export type { ShapeFamily } from './family';

export const SHAPE_FAMILIES: readonly ShapeFamily[] = [
  vase,
  bottle,
  mug,
  chair,
  table,
  mushroom,
  tree,
  rock,
  lamp,
  stool,
  goblet,
  bench,
  sofa,
  house,
  bowl,
  car,
  teapot,
  cactus,
  rocket,
  bed,
];

/** A normalised procedural shape: its SDF lives in the shape box. */
export interface Shape {
  family: string;
  seed: number;
  sdf: Sdf;
  /** From makeShape: the raw bounding box before normalisation, and the scale applied. */
  rawBounds?: Box3;
  scale?: number;
}

export function shapeFamily(id: string): ShapeFamily {
  const family = SHAPE_FAMILIES.find((f) => f.id === id);
  if (!family) {
    throw new RangeError(
      `unknown shape family '${id}' (known: ${SHAPE_FAMILIES.map((f) => f.id).join(', ')})`,
    );
  }
  return family;
}

export function makeShape(familyId: string, seed: number): Shape {
  const family = shapeFamily(familyId);
  const raw = family.make(new Prng(seed).fork(`shape:${familyId}`));
  const bounds = findBounds(raw);
  const cx = (bounds.min[0] + bounds.max[0]) / 2;
  const cy = (bounds.min[1] + bounds.max[1]) / 2;
  const cz = (bounds.min[2] + bounds.max[2]) / 2;
  const largest = Math.max(
    bounds.max[0] - bounds.min[0],
    bounds.max[1] - bounds.min[1],
    bounds.max[2] - bounds.min[2],
  );
  const s = SHAPE_EXTENT / largest;
  const inv = 1 / s;
  const sdf: Sdf = (x, y, z) => raw(x * inv + cx, y * inv + cy, z * inv + cz) * s;
  return { family: familyId, seed, sdf, rawBounds: bounds, scale: s };
}
