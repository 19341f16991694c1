// Simplex noise in 2D and 3D (kernel radius 0.5, so the field is continuous everywhere). Mirrors
// simplex2 and simplex3 in shaders/noise.wgsl.
import { grad2dot, grad3dot } from './gradient';
import { cell, hash2i, hash3i } from './hash';

const F2 = 0.36602540378;
const G2 = 0.2113248654;
const F3 = 1 / 3;
const G3 = 1 / 6;

function corner2(dx: number, dy: number, h: number): number {
  const t = 0.5 - (dx * dx + dy * dy);
  if (t <= 0) return 0;
  const t2 = t * t;
  return t2 * t2 * grad2dot(h, dx, dy);
}

export function simplex2(px: number, py: number, seed: number): number {
  const s = (px + py) * F2;
  const ix = Math.floor(px + s);
  const iy = Math.floor(py + s);
  const t = (ix + iy) * G2;
  const d0x = px - (ix - t);
  const d0y = py - (iy - t);
  const ox = d0x > d0y ? 1 : 0;
  const oy = 1 - ox;
  const d1x = d0x - ox + G2;
  const d1y = d0y - oy + G2;
  const d2x = d0x - (1 - 2 * G2);
  const d2y = d0y - (1 - 2 * G2);
  const cx = cell(ix);
  const cy = cell(iy);
  const n =
    corner2(d0x, d0y, hash2i(cx, cy, seed)) +
    corner2(d1x, d1y, hash2i(cx + ox, cy + oy, seed)) +
    corner2(d2x, d2y, hash2i(cx + 1, cy + 1, seed));
  return 99 * n;
}

function corner3(dx: number, dy: number, dz: number, h: number): number {
  const t = 0.5 - (dx * dx + dy * dy + dz * dz);
  if (t <= 0) return 0;
  const t2 = t * t;
  return t2 * t2 * grad3dot(h, dx, dy, dz);
}

export function simplex3(px: number, py: number, pz: number, seed: number): number {
  const s = (px + py + pz) * F3;
  const ix = Math.floor(px + s);
  const iy = Math.floor(py + s);
  const iz = Math.floor(pz + s);
  const t = (ix + iy + iz) * G3;
  const d0x = px - (ix - t);
  const d0y = py - (iy - t);
  const d0z = pz - (iz - t);
  // Rank the components of d0 to find which of the cube's six simplices holds p.
  const gxy = d0x >= d0y ? 1 : 0;
  const gyz = d0y >= d0z ? 1 : 0;
  const gxz = d0x >= d0z ? 1 : 0;
  const o1x = gxy & gxz;
  const o1y = (1 - gxy) & gyz;
  const o1z = (1 - gxz) & (1 - gyz);
  const o2x = gxy | gxz;
  const o2y = (1 - gxy) | gyz;
  const o2z = (1 - gxz) | (1 - gyz);
  const cx = cell(ix);
  const cy = cell(iy);
  const cz = cell(iz);
  const k = 1 - 3 * G3;
  const n =
    corner3(d0x, d0y, d0z, hash3i(cx, cy, cz, seed)) +
    corner3(
      d0x - o1x + G3,
      d0y - o1y + G3,
      d0z - o1z + G3,
      hash3i(cx + o1x, cy + o1y, cz + o1z, seed),
    ) +
    corner3(
      d0x - o2x + 2 * G3,
      d0y - o2y + 2 * G3,
      d0z - o2z + 2 * G3,
      hash3i(cx + o2x, cy + o2y, cz + o2z, seed),
    ) +
    corner3(d0x - k, d0y - k, d0z - k, hash3i(cx + 1, cy + 1, cz + 1, seed));
  return 76 * n;
}
