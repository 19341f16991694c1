// What the material CPU references share: the float texture set the passes hand each other (the
// same vec4f-per-texel buffers the GPU bake keeps), wrap-around indexing and the small maths the
// kernels use (WGSL's clamp/mix/smoothstep, the exact sRGB transfer, byte quantisation).

/**
 * One material's float maps between passes, vec4 per texel, row 0 at the top:
 * - field: height, cell, mask, detail (shaders/material-common.wgsl)
 * - albedo: linear rgb, w = slope (stashed by the ao pass for the modifier)
 * - orm: ao, roughness, metalness, w = curvature (stashed likewise)
 * - emissive: linear rgb * strength, w = 0; absent when nothing in the bake glows
 */
export interface FloatSet {
  size: number;
  field: Float32Array<ArrayBuffer>;
  albedo: Float32Array<ArrayBuffer>;
  orm: Float32Array<ArrayBuffer>;
  emissive?: Float32Array<ArrayBuffer>;
}

/** Index of texel (i, j) with both coordinates wrapped into the tile. */
export function wrapIndex(i: number, j: number, n: number): number {
  const x = ((i % n) + n) % n;
  const y = ((j % n) + n) % n;
  return y * n + x;
}

export function clamp(x: number, lo: number, hi: number): number {
  return Math.min(Math.max(x, lo), hi);
}

export function mix(a: number, b: number, t: number): number {
  return a * (1 - t) + b * t;
}

/** WGSL smoothstep (edges must be increasing). */
export function smoothstep(e0: number, e1: number, x: number): number {
  const t = clamp((x - e0) / (e1 - e0), 0, 1);
  return t * t * (3 - 2 * t);
}

/** Exact sRGB encode of a linear value in [0, 1]. */
export function srgbEncode(x: number): number {
  const c = clamp(x, 0, 1);
  return c <= 0.0031308 ? c * 12.92 : 1.055 * Math.pow(c, 1 / 2.4) - 0.055;
}

/** Exact sRGB decode to linear. */
export function srgbDecode(x: number): number {
  return x <= 0.04045 ? x / 12.92 : Math.pow((x + 0.055) / 1.055, 2.4);
}

/** A [0, 1] value as a byte: floor(x * 255 + 0.5), as the pack and mip kernels round. */
export function toByte(x: number): number {
  return Math.floor(clamp(x, 0, 1) * 255 + 0.5);
}

/** Texel-centre tile coordinate along one axis. */
export function texelCentre(i: number, n: number): number {
  return (i + 0.5) / n;
}

/** Relief depth in tile units for a material's height and scale (ao slope, normal strength). */
export function reliefDepth(height: number, scale: number): number {
  return (height * 0.25) / scale;
}
