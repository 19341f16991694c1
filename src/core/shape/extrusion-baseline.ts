// The baseline that needs no learning: extrude the image's silhouette along the view direction, as
// deep as it is wide, then normalise it like every training shape (bounding box centred, largest
// side SHAPE_EXTENT). `npm run eval:shape` scores the model against it.
import { SHAPE_EXTENT, type ShapeImage } from './shape-types';

export type Vec3 = readonly [number, number, number];

export interface ViewAxes {
  right: Vec3;
  up: Vec3;
  forward: Vec3;
}

/** Inside test of the extruded, normalised silhouette at a point of the shape box. */
export type InsideTest = (x: number, y: number, z: number) => boolean;

function dot(a: Vec3, x: number, y: number, z: number): number {
  return a[0] * x + a[1] * y + a[2] * z;
}

/** The extruded solid of the image's mask (channel 0 above 0.5); null when the mask is empty. */
export function extrudeSilhouette(image: ShapeImage, view: ViewAxes): InsideTest | null {
  const s = image.size;
  const mask = new Uint8Array(s * s);
  let uMin = Infinity;
  let uMax = -Infinity;
  for (let j = 0; j < s; j++) {
    for (let i = 0; i < s; i++) {
      if (image.data[j * s + i]! > 0.5) {
        mask[j * s + i] = 1;
        uMin = Math.min(uMin, i / s - 0.5);
        uMax = Math.max(uMax, (i + 1) / s - 0.5);
      }
    }
  }
  if (!(uMax > uMin)) return null;
  const halfDepth = (uMax - uMin) / 2;
  // The solid's bounding box in world axes: every covered pixel's corners at both depths.
  const lo = [Infinity, Infinity, Infinity];
  const hi = [-Infinity, -Infinity, -Infinity];
  for (let j = 0; j < s; j++) {
    for (let i = 0; i < s; i++) {
      if (!mask[j * s + i]) continue;
      for (let c = 0; c < 8; c++) {
        const u = (i + (c & 1)) / s - 0.5;
        const v = 0.5 - (j + ((c >> 1) & 1)) / s;
        const w = c & 4 ? halfDepth : -halfDepth;
        for (let d = 0; d < 3; d++) {
          const p = u * view.right[d]! + v * view.up[d]! + w * view.forward[d]!;
          lo[d] = Math.min(lo[d]!, p);
          hi[d] = Math.max(hi[d]!, p);
        }
      }
    }
  }
  const centre = [0, 1, 2].map((d) => (lo[d]! + hi[d]!) / 2);
  const largest = Math.max(hi[0]! - lo[0]!, hi[1]! - lo[1]!, hi[2]! - lo[2]!);
  const inv = largest / SHAPE_EXTENT;
  return (x, y, z) => {
    const qx = x * inv + centre[0]!;
    const qy = y * inv + centre[1]!;
    const qz = z * inv + centre[2]!;
    if (Math.abs(dot(view.forward, qx, qy, qz)) > halfDepth) return false;
    const i = Math.floor((dot(view.right, qx, qy, qz) + 0.5) * s);
    const j = Math.floor((0.5 - dot(view.up, qx, qy, qz)) * s);
    return i >= 0 && j >= 0 && i < s && j < s && mask[j * s + i] === 1;
  };
}
