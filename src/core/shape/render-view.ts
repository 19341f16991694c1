// The conditioning renderer: sphere-traces a normalised shape from the fixed SHAPE_VIEW with an
// orthographic camera and returns the three pictures the model is trained on (shaded, silhouette,
// line sketch) plus the depth buffer. Pure CPU, deterministic for a given shape and options.
import { Prng } from '../prng';
import type { Shape } from './families';
import { SHAPE_EXTENT, SHAPE_VIEW, type RgbaImage } from './shape-types';

export type Vec3 = [number, number, number];

export interface ViewBasis {
  /** Screen right, screen up, and the viewing direction (from the camera into the scene). */
  right: Vec3;
  up: Vec3;
  forward: Vec3;
}

/** Half side of the (fixed) square the orthographic camera sees, in shape-box units. */
export const VIEW_HALF_SIZE = (SHAPE_EXTENT / 2) * Math.sqrt(3) * 1.03;

/** The camera basis of SHAPE_VIEW (yaw about +y from +z towards +x, elevation up from xz). */
export function viewBasis(): ViewBasis {
  const yaw = (SHAPE_VIEW.yawDeg * Math.PI) / 180;
  const el = (SHAPE_VIEW.elevationDeg * Math.PI) / 180;
  // Direction from the origin to the camera.
  const cx = Math.sin(yaw) * Math.cos(el);
  const cy = Math.sin(el);
  const cz = Math.cos(yaw) * Math.cos(el);
  const forward: Vec3 = [-cx, -cy, -cz];
  // right = forward × world up, normalised; up = right × forward.
  const rl = Math.sqrt(cz * cz + cx * cx);
  const right: Vec3 = [cz / rl, 0, -cx / rl];
  const up: Vec3 = [
    right[1] * forward[2] - right[2] * forward[1],
    right[2] * forward[0] - right[0] * forward[2],
    right[0] * forward[1] - right[1] * forward[0],
  ];
  return { right, up, forward };
}

export interface RenderOptions {
  /** Background of the shaded picture; default drawn from the shape's seed (60% transparent). */
  background?: 'transparent' | 'white';
  /** Base colour of the shaded picture (linear 0..1); default drawn from the seed. */
  tint?: Vec3;
  /** Sketch line width in pixels; default drawn from the seed (1 or 2). */
  lineWidth?: 1 | 2;
}

export interface ShapeRender {
  shaded: RgbaImage;
  silhouette: RgbaImage;
  sketch: RgbaImage;
  /**
   * Depth along the view direction from the plane through the origin (negative = nearer the
   * camera), row-major, top row first; +Infinity where the ray misses the shape.
   */
  depth: Float32Array;
}

const HIT_EPS = 4e-4;
const MAX_STEPS = 160;
/** The normalised shape fits in ±SHAPE_EXTENT/2; rays are clipped to a slightly larger cube. */
const CLIP = SHAPE_EXTENT / 2 + 0.01;
/** Normals whose angle exceeds this across neighbouring pixels draw a crease line. */
const CREASE_COS = Math.cos((38 * Math.PI) / 180);
/** Depth jumps below this (shape-box units) never draw a contour. */
const MIN_JUMP = 0.03;

function slab(o: number, d: number, tNear: number, tFar: number): [number, number] {
  if (Math.abs(d) < 1e-12) return o < -CLIP || o > CLIP ? [1, 0] : [tNear, tFar];
  const a = (-CLIP - o) / d;
  const b = (CLIP - o) / d;
  return [Math.max(tNear, Math.min(a, b)), Math.min(tFar, Math.max(a, b))];
}

export function renderShape(shape: Shape, size = 128, options: RenderOptions = {}): ShapeRender {
  const style = new Prng(shape.seed).fork(`render:${shape.family}`);
  const background = options.background ?? (style.chance(0.6) ? 'transparent' : 'white');
  const tint: Vec3 = options.tint ?? [
    style.range(0.35, 0.9),
    style.range(0.35, 0.9),
    style.range(0.35, 0.9),
  ];
  const lineWidth = options.lineWidth ?? (style.chance(0.5) ? 1 : 2);
  const ambient = style.range(0.2, 0.4);
  const { right, up, forward } = viewBasis();
  const f = forward;
  const light = normalise([
    -0.45 * right[0] + 0.65 * up[0] - 0.6 * f[0],
    -0.45 * right[1] + 0.65 * up[1] - 0.6 * f[1],
    -0.45 * right[2] + 0.65 * up[2] - 0.6 * f[2],
  ]);
  const sdf = shape.sdf;
  const n = size * size;
  const depth = new Float32Array(n).fill(Infinity);
  const normals = new Float32Array(n * 3);
  const hit = new Uint8Array(n);
  const start = 2; // the ray origin lies 2 units behind the view plane through the origin
  const e = 1e-3;
  for (let py = 0; py < size; py++) {
    const v = VIEW_HALF_SIZE * (1 - ((py + 0.5) / size) * 2);
    for (let px = 0; px < size; px++) {
      const u = VIEW_HALF_SIZE * (((px + 0.5) / size) * 2 - 1);
      const ox = u * right[0] + v * up[0] - start * f[0];
      const oy = u * right[1] + v * up[1] - start * f[1];
      const oz = u * right[2] + v * up[2] - start * f[2];
      let [t0, t1] = slab(ox, f[0], 0, 10);
      [t0, t1] = slab(oy, f[1], t0, t1);
      [t0, t1] = slab(oz, f[2], t0, t1);
      if (t0 > t1) continue;
      let t = t0;
      let found = false;
      for (let s = 0; s < MAX_STEPS && t <= t1; s++) {
        const d = sdf(ox + t * f[0], oy + t * f[1], oz + t * f[2]);
        if (d < HIT_EPS) {
          found = true;
          break;
        }
        t += d;
      }
      if (!found) continue;
      const i = py * size + px;
      hit[i] = 1;
      depth[i] = t - start;
      const x = ox + t * f[0];
      const y = oy + t * f[1];
      const z = oz + t * f[2];
      // Tetrahedral central differences (4 samples).
      const a = sdf(x + e, y - e, z - e);
      const b = sdf(x - e, y - e, z + e);
      const c = sdf(x - e, y + e, z - e);
      const dd = sdf(x + e, y + e, z + e);
      const nx = a - b - c + dd;
      const ny = -a - b + c + dd;
      const nz = -a + b - c + dd;
      const len = Math.sqrt(nx * nx + ny * ny + nz * nz) || 1;
      normals[i * 3] = nx / len;
      normals[i * 3 + 1] = ny / len;
      normals[i * 3 + 2] = nz / len;
    }
  }

  const shaded = new Uint8ClampedArray(n * 4);
  const silhouette = new Uint8ClampedArray(n * 4);
  for (let i = 0; i < n; i++) {
    const o = i * 4;
    if (hit[i]) {
      const lambert = Math.max(
        0,
        normals[i * 3]! * light[0] +
          normals[i * 3 + 1]! * light[1] +
          normals[i * 3 + 2]! * light[2],
      );
      const k = ambient + (1 - ambient) * lambert;
      shaded[o] = Math.round(255 * tint[0] * k);
      shaded[o + 1] = Math.round(255 * tint[1] * k);
      shaded[o + 2] = Math.round(255 * tint[2] * k);
      shaded[o + 3] = 255;
      silhouette[o + 3] = 255;
    } else {
      silhouette[o] = silhouette[o + 1] = silhouette[o + 2] = silhouette[o + 3] = 255;
      if (background === 'white') shaded[o] = shaded[o + 1] = shaded[o + 2] = shaded[o + 3] = 255;
    }
  }
  const lines = sketchLines(hit, depth, normals, size, lineWidth);
  const sketch = new Uint8ClampedArray(n * 4);
  for (let i = 0; i < n; i++) {
    const g = lines[i] ? 0 : 255;
    sketch[i * 4] = sketch[i * 4 + 1] = sketch[i * 4 + 2] = g;
    sketch[i * 4 + 3] = 255;
  }
  return {
    shaded: { width: size, height: size, data: shaded },
    silhouette: { width: size, height: size, data: silhouette },
    sketch: { width: size, height: size, data: sketch },
    depth,
  };
}

/**
 * Line pixels of a drawing: the outline (object pixels touching background), occluding contours
 * (a depth jump to a neighbour behind) and creases (a sharp turn of the normal). Ink always goes
 * on object pixels, so a filled outline reproduces the silhouette.
 */
export function sketchLines(
  hit: Uint8Array,
  depth: Float32Array,
  normals: Float32Array,
  size: number,
  lineWidth: 1 | 2,
): Uint8Array {
  const pixel = (2 * VIEW_HALF_SIZE) / size;
  const { right, up, forward } = viewBasis();
  // Depth step to the next pixel along right / up that the surface's own slope explains: a plane
  // with normal n changes depth by pixel * |n·axis| / |n·forward| per pixel. A jump well beyond
  // what either side's slope explains is an occluding contour; near a curved outline the slope is
  // steep, so no second line is drawn just inside it.
  const slope = (i: number, axis: Vec3): number => {
    const nx = normals[i * 3]!;
    const ny = normals[i * 3 + 1]!;
    const nz = normals[i * 3 + 2]!;
    const nf = Math.max(Math.abs(nx * forward[0] + ny * forward[1] + nz * forward[2]), 0.02);
    return (pixel * Math.abs(nx * axis[0] + ny * axis[1] + nz * axis[2])) / nf;
  };
  const lines = new Uint8Array(size * size);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const i = y * size + x;
      if (!hit[i]) continue;
      let ink = false;
      const neighbours = [
        x > 0 ? i - 1 : -1,
        x < size - 1 ? i + 1 : -1,
        y > 0 ? i - size : -1,
        y < size - 1 ? i + size : -1,
      ];
      for (let k = 0; k < 4 && !ink; k++) {
        const j = neighbours[k]!;
        if (j < 0 || !hit[j]) {
          ink = true;
          break;
        }
        const jump = depth[j]! - depth[i]!;
        if (jump > MIN_JUMP) {
          const axis = k < 2 ? right : up;
          if (jump > 2.5 * Math.max(slope(i, axis), slope(j, axis)) + pixel) ink = true;
        }
        // Creases: compare with the right and lower neighbours only, for 1 px lines.
        if (
          (k === 1 || k === 3) &&
          normals[i * 3]! * normals[j * 3]! +
            normals[i * 3 + 1]! * normals[j * 3 + 1]! +
            normals[i * 3 + 2]! * normals[j * 3 + 2]! <
            CREASE_COS
        ) {
          ink = true;
        }
      }
      if (ink) lines[i] = 1;
    }
  }
  if (lineWidth === 1) return lines;
  const thick = new Uint8Array(lines);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const i = y * size + x;
      if (!lines[i]) continue;
      // Grow inwards only (onto object pixels), so the outline stays where it was.
      if (x > 0 && hit[i - 1]) thick[i - 1] = 1;
      if (x < size - 1 && hit[i + 1]) thick[i + 1] = 1;
      if (y > 0 && hit[i - size]) thick[i - size] = 1;
      if (y < size - 1 && hit[i + size]) thick[i + size] = 1;
    }
  }
  return thick;
}

function normalise(v: Vec3): Vec3 {
  const l = Math.sqrt(v[0] * v[0] + v[1] * v[1] + v[2] * v[2]);
  return [v[0] / l, v[1] / l, v[2] / l];
}
