// Gradient (Perlin) noise and the gradient sets shared with simplex noise. Mirrors grad2dot,
// grad3dot, perlin2 and perlin3 in shaders/noise.wgsl.
import { cell, fade, hash2i, hash3i, lerp } from './hash';

const DIAG = 0.70710678;

/** One of 8 unit directions (4 axes, 4 diagonals) chosen by the hash, dotted with (dx, dy). */
export function grad2dot(h: number, dx: number, dy: number): number {
  const k = h & 7;
  const sa = (k & 1) === 1 ? -1 : 1;
  const sb = (k & 2) === 2 ? -DIAG : DIAG;
  if (k < 2) return sa * dx;
  if (k < 4) return sa * dy;
  return sa * DIAG * dx + sb * dy;
}

/** One of the 12 cube-edge directions (four repeated to make 16), dotted with (dx, dy, dz). */
export function grad3dot(h: number, dx: number, dy: number, dz: number): number {
  const k = h & 15;
  const u = k < 8 ? dx : dy;
  const w = k === 12 || k === 14 ? dx : dz;
  const v = k < 4 ? dy : w;
  return ((k & 1) === 1 ? -u : u) + ((k & 2) === 2 ? -v : v);
}

export function perlin2(px: number, py: number, seed: number): number {
  const fx = px - Math.floor(px);
  const fy = py - Math.floor(py);
  const cx = cell(px);
  const cy = cell(py);
  const n00 = grad2dot(hash2i(cx, cy, seed), fx, fy);
  const n10 = grad2dot(hash2i(cx + 1, cy, seed), fx - 1, fy);
  const n01 = grad2dot(hash2i(cx, cy + 1, seed), fx, fy - 1);
  const n11 = grad2dot(hash2i(cx + 1, cy + 1, seed), fx - 1, fy - 1);
  const ux = fade(fx);
  const uy = fade(fy);
  return 1.41421356 * lerp(lerp(n00, n10, ux), lerp(n01, n11, ux), uy);
}

export function perlin3(px: number, py: number, pz: number, seed: number): number {
  const fx = px - Math.floor(px);
  const fy = py - Math.floor(py);
  const fz = pz - Math.floor(pz);
  const cx = cell(px);
  const cy = cell(py);
  const cz = cell(pz);
  const ux = fade(fx);
  const uy = fade(fy);
  const uz = fade(fz);
  const n = (dx: number, dy: number, dz: number) =>
    grad3dot(hash3i(cx + dx, cy + dy, cz + dz, seed), fx - dx, fy - dy, fz - dz);
  const x0 = lerp(lerp(n(0, 0, 0), n(1, 0, 0), ux), lerp(n(0, 1, 0), n(1, 1, 0), ux), uy);
  const x1 = lerp(lerp(n(0, 0, 1), n(1, 0, 1), ux), lerp(n(0, 1, 1), n(1, 1, 1), ux), uy);
  return 0.9 * lerp(x0, x1, uz);
}
