// CPU reference of shaders/noise-bake.wgsl: the same field, texel for texel, as a texture-ready
// array. Used by tests, by benchmarks, and as the fallback where the browser has no WebGPU.
import { resolveNoiseBakeParams, type NoiseBakeParams, type NoiseFormat } from './bake-params';
import { createNoiseField } from './fractal';

export interface NoiseField {
  width: number;
  height: number;
  format: NoiseFormat;
  /** r32f: one float per texel. rgba8: four bytes per texel (grey in rgb, alpha 255). */
  data: Float32Array<ArrayBuffer> | Uint8Array<ArrayBuffer>;
}

/** The noise-space point the bake samples for texel (x, y), as the kernel computes it. */
export function texelPoint(p: NoiseBakeParams, x: number, y: number): [number, number, number] {
  const u = (x + 0.5) / p.width;
  const v = (y + 0.5) / p.height;
  return [
    (p.origin[0] + u * p.scale[0]) * p.frequency,
    (p.origin[1] + v * p.scale[1]) * p.frequency,
    p.origin[2] * p.frequency,
  ];
}

/** pack4x8unorm's rounding for one channel. */
export function unormByte(v: number): number {
  return Math.floor(0.5 + 255 * Math.min(1, Math.max(0, v)));
}

export function bakeNoiseCpu(input: Partial<NoiseBakeParams>): NoiseField {
  const p = resolveNoiseBakeParams(input);
  const field = createNoiseField(p);
  const { width, height } = p;
  if (p.format === 'r32f') {
    const data = new Float32Array(width * height);
    for (let y = 0; y < height; y++) {
      for (let x = 0; x < width; x++) {
        const [px, py, pz] = texelPoint(p, x, y);
        data[y * width + x] = field(px, py, pz) * p.outScale + p.outBias;
      }
    }
    return { width, height, format: 'r32f', data };
  }
  const data = new Uint8Array(width * height * 4);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const [px, py, pz] = texelPoint(p, x, y);
      const c = unormByte(field(px, py, pz) * p.outScale + p.outBias);
      const i = (y * width + x) * 4;
      data[i] = c;
      data[i + 1] = c;
      data[i + 2] = c;
      data[i + 3] = 255;
    }
  }
  return { width, height, format: 'rgba8', data };
}
