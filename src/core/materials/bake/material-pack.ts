// CPU reference of shaders/material-pack.wgsl: float maps → stored texels (RGBA8 bytes in r, g, b,
// a order, or f32 heights), with the same sRGB encode and byte rounding.
import { clamp, srgbEncode, toByte } from './texels';

/** The kernel's modes. */
export const PACK_MODES = { colour: 0, normal: 1, linear: 2, height: 3 } as const;
export type PackMode = keyof typeof PACK_MODES;

/** RGBA8 bytes of a vec4 float map. `scale` multiplies colours before encoding (emissive). */
export function packRgba8Cpu(
  source: Float32Array,
  mode: Exclude<PackMode, 'height'>,
  scale = 1,
): Uint8Array<ArrayBuffer> {
  const count = source.length / 4;
  const out = new Uint8Array(count * 4);
  const s = Math.fround(scale);
  for (let t = 0; t < count; t++) {
    const o = t * 4;
    for (let k = 0; k < 3; k++) {
      const x = source[o + k]!;
      out[o + k] =
        mode === 'colour'
          ? toByte(srgbEncode(x * s))
          : mode === 'normal'
            ? toByte(x * 0.5 + 0.5)
            : toByte(x);
    }
    out[o + 3] = 255;
  }
  return out;
}

/** The height map: each texel's x clamped to [0, 1]. */
export function packHeightCpu(field: Float32Array): Float32Array<ArrayBuffer> {
  const count = field.length / 4;
  const out = new Float32Array(count);
  for (let t = 0; t < count; t++) out[t] = clamp(field[t * 4]!, 0, 1);
  return out;
}
