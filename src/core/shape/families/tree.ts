// Trees: a tapered trunk with a round crown of blobs, a stack of cones (conifer) or a lollipop.
import type { Prng } from '../../prng';
import { frustum, smoothUnion, sphere, translate, union, type Sdf } from '../sdf';
import { ellipsoid, type ShapeFamily } from './family';

function make(prng: Prng): Sdf {
  const trunkH = prng.range(0.4, 1.2);
  const trunkR = prng.range(0.05, 0.14);
  const trunk = translate(
    frustum(trunkR * prng.range(1.1, 1.6), trunkR, trunkH / 2),
    0,
    trunkH / 2,
    0,
  );
  const kind = prng.int(0, 2);
  if (kind === 0) {
    const layers = prng.int(2, 4);
    const baseR = prng.range(0.35, 0.7);
    const layerH = prng.range(0.3, 0.6);
    const parts: Sdf[] = [trunk];
    let y = trunkH * prng.range(0.4, 0.9);
    for (let i = 0; i < layers; i++) {
      const r = baseR * (1 - (i / layers) * 0.6);
      parts.push(translate(frustum(r, 0, layerH / 2), 0, y + layerH / 2, 0));
      y += layerH * prng.range(0.4, 0.65);
    }
    return union(...parts);
  }
  const crownR = prng.range(0.3, 0.7);
  const crownY = trunkH + crownR * prng.range(0.4, 0.8);
  if (kind === 1) {
    return union(
      trunk,
      translate(ellipsoid(crownR, crownR * prng.range(0.7, 1.5), crownR), 0, crownY, 0),
    );
  }
  let crown: Sdf = translate(sphere(crownR), 0, crownY, 0);
  const blobs = prng.int(2, 5);
  for (let i = 0; i < blobs; i++) {
    const r = crownR * prng.range(0.5, 0.8);
    const x = prng.range(-1, 1) * crownR * 0.8;
    const z = prng.range(-1, 1) * crownR * 0.8;
    const yy = crownY + prng.range(-0.5, 0.6) * crownR;
    crown = smoothUnion(crown, translate(sphere(r), x, yy, z), crownR * 0.3);
  }
  return union(trunk, crown);
}

export const tree: ShapeFamily = { id: 'tree', name: 'Tree', make };
