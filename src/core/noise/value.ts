// Value noise: random values at lattice points, smoothly interpolated. Mirrors value2/value3 in
// shaders/noise.wgsl.
import { cell, fade, hash2i, hash3i, lerp, signed1 } from './hash';

export function value2(px: number, py: number, seed: number): number {
  const fx = px - Math.floor(px);
  const fy = py - Math.floor(py);
  const cx = cell(px);
  const cy = cell(py);
  const a = signed1(hash2i(cx, cy, seed));
  const b = signed1(hash2i(cx + 1, cy, seed));
  const d = signed1(hash2i(cx, cy + 1, seed));
  const e = signed1(hash2i(cx + 1, cy + 1, seed));
  const ux = fade(fx);
  const uy = fade(fy);
  return lerp(lerp(a, b, ux), lerp(d, e, ux), uy);
}

export function value3(px: number, py: number, pz: number, seed: number): number {
  const fx = px - Math.floor(px);
  const fy = py - Math.floor(py);
  const fz = pz - Math.floor(pz);
  const cx = cell(px);
  const cy = cell(py);
  const cz = cell(pz);
  const ux = fade(fx);
  const uy = fade(fy);
  const uz = fade(fz);
  const h = (dx: number, dy: number, dz: number) =>
    signed1(hash3i(cx + dx, cy + dy, cz + dz, seed));
  const a0 = lerp(h(0, 0, 0), h(1, 0, 0), ux);
  const b0 = lerp(h(0, 1, 0), h(1, 1, 0), ux);
  const a1 = lerp(h(0, 0, 1), h(1, 0, 1), ux);
  const b1 = lerp(h(0, 1, 1), h(1, 1, 1), ux);
  return lerp(lerp(a0, b0, uy), lerp(a1, b1, uy), uz);
}
