// The thumbnail shader: a lit sphere (or tile) from baked maps that shows the key light's side, relief
// from the normal map, a tighter highlight on smoother surfaces, tinted reflections on metals and glow
// from the emissive map, with a transparent, anti-aliased outline. Pure: same maps, same pixels.
import { describe, expect, it } from 'vitest';
import {
  levelCount,
  levelSize,
  type MaterialMaps,
  type Rgba8Map,
} from '../../src/core/materials/maps';
import { shadeThumbnail, type ThumbnailImage } from '../../src/core/materials/thumbnail';

type Rgba = [number, number, number, number];

interface Texel {
  albedo: Rgba;
  normal?: Rgba;
  /** [ao, roughness, metalness] 0..255 */
  orm?: [number, number, number];
  emissive?: Rgba;
}

function chain(size: number, texel: (i: number, j: number) => Rgba): Rgba8Map {
  const levels: Uint8Array<ArrayBuffer>[] = [];
  const top = new Uint8Array(size * size * 4);
  for (let j = 0; j < size; j++) {
    for (let i = 0; i < size; i++) top.set(texel(i, j), (j * size + i) * 4);
  }
  levels.push(top);
  for (let l = 1; l < levelCount(size); l++) {
    const n = levelSize(size, l);
    const prev = levels[l - 1]!;
    const pn = n * 2;
    const out = new Uint8Array(n * n * 4);
    for (let j = 0; j < n; j++) {
      for (let i = 0; i < n; i++) {
        for (let c = 0; c < 4; c++) {
          const at = (x: number, y: number) => prev[(y * pn + x) * 4 + c]!;
          out[(j * n + i) * 4 + c] = Math.round(
            (at(2 * i, 2 * j) +
              at(2 * i + 1, 2 * j) +
              at(2 * i, 2 * j + 1) +
              at(2 * i + 1, 2 * j + 1)) /
              4,
          );
        }
      }
    }
    levels.push(out);
  }
  return { format: 'rgba8', levels };
}

function makeMaps(size: number, at: (i: number, j: number) => Texel, glow = false): MaterialMaps {
  const maps: MaterialMaps = {
    size,
    albedo: chain(size, (i, j) => at(i, j).albedo),
    normal: chain(size, (i, j) => at(i, j).normal ?? [128, 128, 255, 255]),
    orm: chain(size, (i, j) => {
      const [ao, r, m] = at(i, j).orm ?? [255, 160, 0];
      return [ao, r, m, 255];
    }),
    height: {
      format: 'r32f',
      levels: Array.from({ length: levelCount(size) }, (_, l) => {
        const n = levelSize(size, l);
        return new Float32Array(n * n).fill(0.5);
      }),
    },
  };
  if (glow) maps.emissive = chain(size, (i, j) => at(i, j).emissive ?? [0, 0, 0, 255]);
  return maps;
}

const grey = (orm?: [number, number, number]): Texel => ({
  albedo: [150, 150, 150, 255],
  ...(orm ? { orm } : {}),
});

function pixel(img: ThumbnailImage, x: number, y: number): Rgba {
  const o = (y * img.width + x) * 4;
  return [img.data[o]!, img.data[o + 1]!, img.data[o + 2]!, img.data[o + 3]!];
}

const luma = (p: Rgba) => 0.2126 * p[0] + 0.7152 * p[1] + 0.0722 * p[2];

/** Mean luma and its standard deviation over the opaque pixels. */
function stats(img: ThumbnailImage): { mean: number; sd: number; max: number } {
  let n = 0;
  let sum = 0;
  let sq = 0;
  let max = 0;
  for (let y = 0; y < img.height; y++) {
    for (let x = 0; x < img.width; x++) {
      const p = pixel(img, x, y);
      if (p[3] < 255) continue;
      const l = luma(p);
      n++;
      sum += l;
      sq += l * l;
      max = Math.max(max, l);
    }
  }
  const mean = sum / n;
  return { mean, sd: Math.sqrt(Math.max(0, sq / n - mean * mean)), max };
}

describe('shadeThumbnail', () => {
  it('draws an opaque sphere on a transparent background with a soft edge', () => {
    const img = shadeThumbnail(
      makeMaps(32, () => grey()),
      { size: 64 },
    );
    expect(img.width).toBe(64);
    expect(img.height).toBe(64);
    expect(img.data.length).toBe(64 * 64 * 4);
    expect(pixel(img, 32, 32)[3]).toBe(255);
    expect(pixel(img, 0, 0)[3]).toBe(0);
    expect(pixel(img, 63, 63)[3]).toBe(0);
    // Somewhere on the outline alpha is between the two: anti-aliased, not stair-stepped.
    const edge = Array.from({ length: 64 }, (_, x) => pixel(img, x, 32)[3]);
    expect(edge.some((a) => a > 0 && a < 255)).toBe(true);
  });

  it('a background colour fills outside the sphere; a tile is opaque everywhere', () => {
    const maps = makeMaps(16, () => grey());
    const withBg = shadeThumbnail(maps, { size: 32, background: [10, 20, 30, 255] });
    expect(pixel(withBg, 0, 0)).toEqual([10, 20, 30, 255]);
    const tile = shadeThumbnail(maps, { size: 32, shape: 'tile' });
    for (const [x, y] of [
      [0, 0],
      [31, 31],
      [16, 5],
    ] as const) {
      expect(pixel(tile, x, y)[3]).toBe(255);
    }
  });

  it('is lit from the upper left: that side is brighter than the lower right', () => {
    const img = shadeThumbnail(
      makeMaps(32, () => grey()),
      { size: 64 },
    );
    expect(luma(pixel(img, 20, 20))).toBeGreaterThan(luma(pixel(img, 44, 44)) + 30);
  });

  it('shows relief: a bumpy normal map varies more than a flat one of the same colour', () => {
    const flat = shadeThumbnail(
      makeMaps(64, () => grey()),
      { size: 64, shape: 'tile' },
    );
    const bumps = shadeThumbnail(
      makeMaps(64, (i) => {
        // Ridges along y: the normal tilts left and right across each ridge.
        const s = Math.sin((i / 64) * Math.PI * 16);
        return { ...grey(), normal: [Math.round(128 + s * 90), 128, 230, 255] };
      }),
      { size: 64, shape: 'tile' },
    );
    expect(stats(flat).sd).toBeLessThan(1);
    expect(stats(bumps).sd).toBeGreaterThan(stats(flat).sd + 8);
  });

  it('a smooth surface has a brighter highlight than a rough one', () => {
    const smooth = stats(
      shadeThumbnail(
        makeMaps(32, () => grey([255, 20, 0])),
        { size: 64 },
      ),
    );
    const rough = stats(
      shadeThumbnail(
        makeMaps(32, () => grey([255, 240, 0])),
        { size: 64 },
      ),
    );
    expect(smooth.max).toBeGreaterThan(rough.max + 20);
  });

  it('metal reflects in its own colour; a dielectric of the same albedo does not', () => {
    const gold = (metal: number): Texel => ({
      albedo: [230, 180, 60, 255],
      orm: [255, 90, metal],
    });
    const metal = shadeThumbnail(
      makeMaps(32, () => gold(255)),
      { size: 64 },
    );
    const plastic = shadeThumbnail(
      makeMaps(32, () => gold(0)),
      { size: 64 },
    );
    // Where the highlight is (upper left), metal's stays gold (red over blue); plastic's goes white.
    const m = pixel(metal, 22, 20);
    const p = pixel(plastic, 22, 20);
    expect(m[0] - m[2]).toBeGreaterThan(p[0] - p[2]);
  });

  it('ambient occlusion darkens; emissive brightens even in shadow', () => {
    const open = stats(
      shadeThumbnail(
        makeMaps(32, () => grey([255, 180, 0])),
        { size: 48 },
      ),
    );
    const occluded = stats(
      shadeThumbnail(
        makeMaps(32, () => grey([90, 180, 0])),
        { size: 48 },
      ),
    );
    expect(occluded.mean).toBeLessThan(open.mean - 10);

    const dark: Texel = { albedo: [20, 20, 20, 255], emissive: [255, 80, 0, 255] };
    const glowing = shadeThumbnail(
      makeMaps(32, () => dark, true),
      { size: 64 },
    );
    const unlit = shadeThumbnail(
      makeMaps(32, () => ({ albedo: dark.albedo }), true),
      { size: 64 },
    );
    const shadowSide = [46, 46] as const;
    expect(pixel(glowing, ...shadowSide)[0]).toBeGreaterThan(pixel(unlit, ...shadowSide)[0] + 100);
  });

  it('is deterministic, reads the maps without changing them, and picks a mip for small sizes', () => {
    const maps = makeMaps(128, (i, j) => ({
      albedo: [(i * 2) & 255, (j * 2) & 255, 90, 255],
      normal: [128 + ((i % 8) - 4) * 10, 128, 240, 255],
    }));
    const copy = maps.albedo.levels.map((l) => l.slice());
    const a = shadeThumbnail(maps, { size: 32 });
    const b = shadeThumbnail(maps, { size: 32 });
    expect(Buffer.from(a.data).equals(Buffer.from(b.data))).toBe(true);
    maps.albedo.levels.forEach((l, i) => expect(l).toEqual(copy[i]));
    expect(() => shadeThumbnail(maps, { size: 4 })).toThrow(/8\.\.1024/);
    expect(() => shadeThumbnail(maps, { size: 20.5 })).toThrow(RangeError);
  });
});
