// A small software renderer for the panel's preview of a generated shape: an orthographic view from
// a yaw and elevation (the model's own input view by default, so the preview faces the way the
// picture did), a depth buffer, normals interpolated across each triangle and one soft light.
// It draws into plain RGBA bytes, so the panel shows the coarse preview and the refined mesh without
// a second WebGPU renderer (three stays inside viewport/) and it is testable in Node.
import type { ShapeMesh } from '../../core/shape/shape-types';

export interface RasterOptions {
  /** Output side in pixels (square). */
  size: number;
  /** Degrees about +y, from +z towards +x. */
  yawDeg: number;
  /** Degrees up from the xz plane. */
  elevationDeg: number;
  /** RGB of the empty background. */
  background?: readonly [number, number, number];
  /** RGB of the surface at full light. */
  colour?: readonly [number, number, number];
}

type V3 = [number, number, number];

const dot = (a: V3, b: V3) => a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
const cross = (a: V3, b: V3): V3 => [
  a[1] * b[2] - a[2] * b[1],
  a[2] * b[0] - a[0] * b[2],
  a[0] * b[1] - a[1] * b[0],
];
const normalise = (a: V3): V3 => {
  const l = Math.hypot(a[0], a[1], a[2]) || 1;
  return [a[0] / l, a[1] / l, a[2] / l];
};

/** The camera's axes: right, up, and toward the viewer. */
export function viewAxes(yawDeg: number, elevationDeg: number): { right: V3; up: V3; toward: V3 } {
  const yaw = (yawDeg * Math.PI) / 180;
  const el = (elevationDeg * Math.PI) / 180;
  const toward: V3 = [Math.sin(yaw) * Math.cos(el), Math.sin(el), Math.cos(yaw) * Math.cos(el)];
  const right: V3 = [Math.cos(yaw), 0, -Math.sin(yaw)];
  return { right, up: cross(toward, right), toward };
}

/** Renders the mesh; returns size x size RGBA bytes, top row first. */
export function rasterizeMesh(mesh: ShapeMesh, options: RasterOptions): Uint8ClampedArray {
  const { size } = options;
  const background = options.background ?? [16, 18, 22];
  const colour = options.colour ?? [214, 210, 200];
  const out = new Uint8ClampedArray(size * size * 4);
  for (let i = 0; i < size * size; i++) {
    out[i * 4] = background[0];
    out[i * 4 + 1] = background[1];
    out[i * 4 + 2] = background[2];
    out[i * 4 + 3] = 255;
  }
  const { positions, normals, indices } = mesh;
  const count = positions.length / 3;
  if (indices.length === 0 || count === 0) return out;

  // Fit the mesh's bounding sphere in the frame, with a margin.
  const lo: V3 = [Infinity, Infinity, Infinity];
  const hi: V3 = [-Infinity, -Infinity, -Infinity];
  for (let v = 0; v < count; v++) {
    for (let k = 0; k < 3; k++) {
      const p = positions[v * 3 + k]!;
      if (p < lo[k]!) lo[k] = p;
      if (p > hi[k]!) hi[k] = p;
    }
  }
  const centre: V3 = [(lo[0] + hi[0]) / 2, (lo[1] + hi[1]) / 2, (lo[2] + hi[2]) / 2];
  const radius = Math.max(1e-6, Math.hypot(hi[0] - lo[0], hi[1] - lo[1], hi[2] - lo[2]) / 2);
  const scale = (size * 0.46) / radius;
  const half = size / 2;

  const { right, up, toward } = viewAxes(options.yawDeg, options.elevationDeg);
  const light = normalise([
    toward[0] + 0.6 * up[0] - 0.5 * right[0],
    toward[1] + 0.6 * up[1] - 0.5 * right[1],
    toward[2] + 0.6 * up[2] - 0.5 * right[2],
  ]);

  // Screen position, depth (larger is nearer) and brightness per vertex.
  const sx = new Float32Array(count);
  const sy = new Float32Array(count);
  const sz = new Float32Array(count);
  const lit = new Float32Array(count);
  const facing = new Float32Array(count);
  for (let v = 0; v < count; v++) {
    const p: V3 = [
      positions[v * 3]! - centre[0],
      positions[v * 3 + 1]! - centre[1],
      positions[v * 3 + 2]! - centre[2],
    ];
    sx[v] = half + dot(p, right) * scale;
    sy[v] = half - dot(p, up) * scale;
    sz[v] = dot(p, toward);
    const n = normalise([normals[v * 3] ?? 0, normals[v * 3 + 1] ?? 0, normals[v * 3 + 2] ?? 0]);
    lit[v] = Math.max(0, dot(n, light));
    facing[v] = dot(n, toward);
  }

  const depth = new Float32Array(size * size).fill(-Infinity);
  for (let t = 0; t < indices.length; t += 3) {
    const a = indices[t]!;
    const b = indices[t + 1]!;
    const c = indices[t + 2]!;
    const ax = sx[a]!;
    const ay = sy[a]!;
    const bx = sx[b]!;
    const by = sy[b]!;
    const cx = sx[c]!;
    const cy = sy[c]!;
    const area = (bx - ax) * (cy - ay) - (by - ay) * (cx - ax);
    if (Math.abs(area) < 1e-12) continue;
    const x0 = Math.max(0, Math.floor(Math.min(ax, bx, cx)));
    const x1 = Math.min(size - 1, Math.ceil(Math.max(ax, bx, cx)));
    const y0 = Math.max(0, Math.floor(Math.min(ay, by, cy)));
    const y1 = Math.min(size - 1, Math.ceil(Math.max(ay, by, cy)));
    // A triangle seen from behind (an open surface's inside) is drawn darker.
    const back = (facing[a]! + facing[b]! + facing[c]!) / 3 < 0 ? 0.45 : 1;
    for (let y = y0; y <= y1; y++) {
      const py = y + 0.5;
      for (let x = x0; x <= x1; x++) {
        const px = x + 0.5;
        const wa = ((bx - px) * (cy - py) - (by - py) * (cx - px)) / area;
        const wb = ((cx - px) * (ay - py) - (cy - py) * (ax - px)) / area;
        const wc = 1 - wa - wb;
        if (wa < 0 || wb < 0 || wc < 0) continue;
        const z = wa * sz[a]! + wb * sz[b]! + wc * sz[c]!;
        const at = y * size + x;
        if (z <= depth[at]!) continue;
        depth[at] = z;
        const shade = (0.28 + 0.72 * (wa * lit[a]! + wb * lit[b]! + wc * lit[c]!)) * back;
        out[at * 4] = colour[0] * shade;
        out[at * 4 + 1] = colour[1] * shade;
        out[at * 4 + 2] = colour[2] * shade;
      }
    }
  }
  return out;
}
