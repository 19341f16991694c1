// CPU reference of shaders/material-ao.wgsl: aux = (ao, curvature, slope, 0) per texel from the
// field's height, with the same wrap-around taps, ring radii and weights. Sizes are powers of two,
// so wrapping is a mask.
import type { MaterialUniformValues } from '../uniforms';
import { clamp, reliefDepth } from './texels';

export function aoCpu(u: MaterialUniformValues, field: Float32Array): Float32Array<ArrayBuffer> {
  const n = u.size;
  const m = n - 1;
  const aux = new Float32Array(n * n * 4);
  const heights = new Float32Array(n * n);
  for (let t = 0; t < n * n; t++) heights[t] = field[t * 4]!;
  const r0 = Math.max(1, Math.trunc(n / 128));
  const depth = reliefDepth(u.height, u.scale);
  const gradScale = n / (2 * r0);
  // Per ring: radius r, diagonal step d, and the 8 tap offsets as (dx, dy) pairs.
  const rings = [r0, r0 * 2, r0 * 4].map((r) => {
    const d = Math.max(1, Math.trunc((r * 7 + 5) / 10));
    return [r, 0, -r, 0, 0, r, 0, -r, d, d, -d, d, d, -d, -d, -d];
  });
  const inner = rings[0]!;
  for (let j = 0; j < n; j++) {
    for (let i = 0; i < n; i++) {
      const h0 = heights[j * n + i]!;
      let occlusion = 0;
      let weights = 0;
      let weight = 1;
      for (const taps of rings) {
        let sum = 0;
        for (let k = 0; k < 16; k += 2) {
          const rise = (heights[((j + taps[k + 1]!) & m) * n + ((i + taps[k]!) & m)]! - h0) * 4;
          sum += rise <= 0 ? 0 : rise >= 1 ? 1 : rise;
        }
        occlusion += weight * sum;
        weights += weight * 8;
        weight *= 0.6;
      }
      let ring0 = 0;
      for (let k = 0; k < 16; k += 2) {
        ring0 += heights[((j + inner[k + 1]!) & m) * n + ((i + inner[k]!) & m)]!;
      }
      const at = (x: number, y: number) => heights[(y & m) * n + (x & m)]!;
      const o = (j * n + i) * 4;
      aux[o] = clamp(1 - u.ao * 1.25 * (occlusion / weights), 0, 1);
      aux[o + 1] = clamp((h0 - ring0 * 0.125) * 4, -1, 1);
      const gx = (at(i + r0, j) - at(i - r0, j)) * gradScale * depth;
      const gy = (at(i, j + r0) - at(i, j - r0)) * gradScale * depth;
      const g2 = gx * gx + gy * gy;
      aux[o + 2] = Math.sqrt(g2 / (1 + g2));
    }
  }
  return aux;
}
