// CPU reference of shaders/material-ao.wgsl: aux = (ao, curvature, slope, 0) per texel from the
// field's height, with the same wrap-around taps, ring radii and weights.
import type { MaterialUniformValues } from '../uniforms';
import { clamp, wrapIndex } from './texels';

export function aoCpu(u: MaterialUniformValues, field: Float32Array): Float32Array<ArrayBuffer> {
  const n = u.size;
  const aux = new Float32Array(n * n * 4);
  const height = (i: number, j: number) => field[wrapIndex(i, j, n) * 4]!;
  const r0 = Math.max(1, Math.trunc(n / 128));
  const depth = (u.height * 0.25) / u.scale;
  const gradScale = n / (2 * r0);
  for (let j = 0; j < n; j++) {
    for (let i = 0; i < n; i++) {
      const h0 = height(i, j);
      const tap = (x: number, y: number) => clamp((height(x, y) - h0) * 4, 0, 1);
      let occlusion = 0;
      let weights = 0;
      let ring0 = 0;
      let radius = r0;
      let weight = 1;
      for (let ring = 0; ring < 3; ring++) {
        const d = Math.max(1, Math.trunc((radius * 7 + 5) / 10));
        const sum =
          tap(i + radius, j) +
          tap(i - radius, j) +
          tap(i, j + radius) +
          tap(i, j - radius) +
          tap(i + d, j + d) +
          tap(i - d, j + d) +
          tap(i + d, j - d) +
          tap(i - d, j - d);
        if (ring === 0) {
          ring0 =
            height(i + radius, j) +
            height(i - radius, j) +
            height(i, j + radius) +
            height(i, j - radius) +
            height(i + d, j + d) +
            height(i - d, j + d) +
            height(i + d, j - d) +
            height(i - d, j - d);
        }
        occlusion += weight * sum;
        weights += weight * 8;
        radius *= 2;
        weight *= 0.6;
      }
      const o = (j * n + i) * 4;
      aux[o] = clamp(1 - u.ao * 1.25 * (occlusion / weights), 0, 1);
      aux[o + 1] = clamp((h0 - ring0 * 0.125) * 4, -1, 1);
      const gx = (height(i + r0, j) - height(i - r0, j)) * gradScale * depth;
      const gy = (height(i, j + r0) - height(i, j - r0)) * gradScale * depth;
      const g2 = gx * gx + gy * gy;
      aux[o + 2] = Math.sqrt(g2 / (1 + g2));
    }
  }
  return aux;
}
