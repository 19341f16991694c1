// CPU reference of shaders/material-mip.wgsl: each level a 2x2 box of the one above, down to 1x1.
// sRGB colours average in linear space, normals are renormalised, linear bytes average as integers
// (exactly as the kernel does), heights average in f32 steps (bit-exact with the kernel).
import { srgbDecode, srgbEncode, toByte } from './texels';

export type MipMode = 'colour' | 'normal' | 'linear';

/** srgbDecode(k / 255) for every byte k: the same numbers, computed once. */
const DECODE = Float64Array.from({ length: 256 }, (_, k) => srgbDecode(k / 255));

/** The next RGBA8 level (half the side) of a level `size` texels wide. */
export function mipRgba8Cpu(src: Uint8Array, size: number, mode: MipMode): Uint8Array<ArrayBuffer> {
  const d = Math.max(1, size >> 1);
  const out = new Uint8Array(d * d * 4);
  const q = [0, 0, 0, 0];
  for (let y = 0; y < d; y++) {
    for (let x = 0; x < d; x++) {
      const base = (2 * y * size + 2 * x) * 4;
      q[0] = base;
      q[1] = base + 4;
      q[2] = base + size * 4;
      q[3] = base + size * 4 + 4;
      const o = (y * d + x) * 4;
      const linear = (k: number) =>
        Math.trunc((src[q[0]! + k]! + src[q[1]! + k]! + src[q[2]! + k]! + src[q[3]! + k]! + 2) / 4);
      out[o + 3] = linear(3);
      if (mode === 'linear') {
        for (let k = 0; k < 3; k++) out[o + k] = linear(k);
      } else if (mode === 'colour') {
        for (let k = 0; k < 3; k++) {
          let sum = 0;
          for (const p of q) sum += DECODE[src[p + k]!]!;
          out[o + k] = toByte(srgbEncode(sum * 0.25));
        }
      } else {
        let nx = 0;
        let ny = 0;
        let nz = 0;
        for (const p of q) {
          nx += (src[p]! / 255) * 2 - 1;
          ny += (src[p + 1]! / 255) * 2 - 1;
          nz += (src[p + 2]! / 255) * 2 - 1;
        }
        const len = Math.sqrt(nx * nx + ny * ny + nz * nz);
        const [ux, uy, uz] = len > 1e-6 ? [nx / len, ny / len, nz / len] : [0, 0, 1];
        out[o] = toByte(ux * 0.5 + 0.5);
        out[o + 1] = toByte(uy * 0.5 + 0.5);
        out[o + 2] = toByte(uz * 0.5 + 0.5);
      }
    }
  }
  return out;
}

/** The next height level, summed in f32 steps as the kernel does. */
export function mipHeightCpu(src: Float32Array, size: number): Float32Array<ArrayBuffer> {
  const d = Math.max(1, size >> 1);
  const out = new Float32Array(d * d);
  const f = Math.fround;
  for (let y = 0; y < d; y++) {
    for (let x = 0; x < d; x++) {
      const b = 2 * y * size + 2 * x;
      const sum = f(f(f(src[b]! + src[b + 1]!) + src[b + size]!) + src[b + size + 1]!);
      out[y * d + x] = f(sum * 0.25);
    }
  }
  return out;
}

/** Level 0 followed by every smaller level down to 1x1. */
export function mipChainRgba8(
  level0: Uint8Array<ArrayBuffer>,
  size: number,
  mode: MipMode,
): Uint8Array<ArrayBuffer>[] {
  const levels = [level0];
  for (let s = size; s > 1; s >>= 1) levels.push(mipRgba8Cpu(levels[levels.length - 1]!, s, mode));
  return levels;
}

export function mipChainHeight(
  level0: Float32Array<ArrayBuffer>,
  size: number,
): Float32Array<ArrayBuffer>[] {
  const levels = [level0];
  for (let s = size; s > 1; s >>= 1) levels.push(mipHeightCpu(levels[levels.length - 1]!, s));
  return levels;
}
