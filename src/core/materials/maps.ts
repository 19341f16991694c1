// A baked material: texture maps as plain typed arrays (they cross workers by transfer and are
// cached by content hash), each with its whole mip chain.
//
// Conventions (the viewport and glTF export rely on them):
// - albedo: RGBA8, sRGB-encoded colour, alpha 255.
// - normal: RGBA8, tangent space, +X right, +Y up (OpenGL / three.js / glTF), xyz*0.5+0.5, alpha 255.
// - orm: RGBA8, R = ambient occlusion, G = roughness, B = metalness (glTF's packing), alpha 255.
// - height: R32F, 0..1 (relief before the preset's height amount is applied).
// - emissive: RGBA8, sRGB-encoded colour premultiplied by strength / EMISSIVE_RANGE; present only
//   when the material glows.
// Texel (i, j) is row j from the top, column i from the left; texel centres sit at ((i+.5)/size,
// (j+.5)/size) in tile space, and every map tiles seamlessly (the pattern is periodic in the tile).

export const MAP_NAMES = ['albedo', 'normal', 'orm', 'height', 'emissive'] as const;
export type MapName = (typeof MAP_NAMES)[number];

/** Emissive texels store colour * strength / EMISSIVE_RANGE; the renderer multiplies it back. */
export const EMISSIVE_RANGE = 8;

export interface Rgba8Map {
  format: 'rgba8';
  /** Level 0 first, then each half size down to 1x1. */
  levels: Uint8Array<ArrayBuffer>[];
}

export interface R32fMap {
  format: 'r32f';
  levels: Float32Array<ArrayBuffer>[];
}

export interface MaterialMaps {
  /** Texels per side of level 0 (a power of two). */
  size: number;
  albedo: Rgba8Map;
  normal: Rgba8Map;
  orm: Rgba8Map;
  height: R32fMap;
  emissive?: Rgba8Map;
}

/** Side length of mip level `level` for a level-0 size. */
export function levelSize(size: number, level: number): number {
  return Math.max(1, size >> level);
}

/** Number of levels in a full chain down to 1x1. */
export function levelCount(size: number): number {
  return Math.floor(Math.log2(size)) + 1;
}

/** Every ArrayBuffer in the maps, for postMessage transfer. */
export function mapTransferables(maps: MaterialMaps): ArrayBuffer[] {
  const out: ArrayBuffer[] = [];
  for (const name of MAP_NAMES) {
    const map = maps[name];
    if (map) for (const level of map.levels) out.push(level.buffer);
  }
  return out;
}

/** Bytes held by the maps (all levels). */
export function mapBytes(maps: MaterialMaps): number {
  let n = 0;
  for (const name of MAP_NAMES) {
    const map = maps[name];
    if (map) for (const level of map.levels) n += level.byteLength;
  }
  return n;
}
