// The CPU material bake (bakeMaterialCpu, the reference of the GPU bake and the no-WebGPU fallback):
// map formats and chains, value ranges, seamless tiling, determinism, what each modifier claims to
// do, blend masks that track their amount, and request validation.
import { describe, expect, it } from 'vitest';
import { aoCpu } from '../../src/core/materials/bake/material-ao';
import { bakeMaterialCpu, bakeSetCpu } from '../../src/core/materials/bake/bake-cpu';
import { blendUniforms, blendWeight } from '../../src/core/materials/bake/material-blend';
import { rgbToHsv } from '../../src/core/materials/bake/material-modifier';
import { patternFieldCpu } from '../../src/core/materials/bake/pattern';
import { srgbDecode } from '../../src/core/materials/bake/texels';
import { MaterialBakeError, type MaterialBakeRequest } from '../../src/core/materials/bake-request';
import {
  EMISSIVE_RANGE,
  MAP_NAMES,
  levelCount,
  levelSize,
  mapBytes,
  type MaterialMaps,
} from '../../src/core/materials/maps';
import {
  BLEND_MASKS,
  type BlendSettings,
  type MaterialModifiers,
} from '../../src/core/materials/modifiers';
import type { MaterialParams } from '../../src/core/materials/preset';
import { materialUniforms } from '../../src/core/materials/uniforms';
import {
  BRICK,
  COPPER,
  GLOWING_METAL,
  IRON,
  MOSS,
  STONE,
  WOOD,
  blendSettings,
  modifiers,
} from '../support/material-fixtures';

const SIZE = 64;

function bake(
  params: MaterialParams,
  mods?: Partial<MaterialModifiers>,
  size: MaterialBakeRequest['size'] = SIZE,
): MaterialMaps {
  return bakeMaterialCpu({
    params,
    ...(mods ? { modifiers: modifiers(mods) } : {}),
    size,
  });
}

// ---- statistics over level 0 ---------------------------------------------------------------------

interface Stats {
  luma: number;
  r: number;
  g: number;
  b: number;
  hue: number;
  saturation: number;
  ao: number;
  roughness: number;
  metalness: number;
  height: number;
}

/** Linear albedo of texel t. */
function albedoAt(maps: MaterialMaps, t: number): [number, number, number] {
  const a = maps.albedo.levels[0]!;
  return [
    srgbDecode(a[t * 4]! / 255),
    srgbDecode(a[t * 4 + 1]! / 255),
    srgbDecode(a[t * 4 + 2]! / 255),
  ];
}

/** Means over the texels where `where(t)` holds (all by default). */
function stats(maps: MaterialMaps, where: (t: number) => boolean = () => true): Stats {
  const n = maps.size * maps.size;
  const orm = maps.orm.levels[0]!;
  const height = maps.height.levels[0]!;
  const sum: Stats = {
    luma: 0,
    r: 0,
    g: 0,
    b: 0,
    hue: 0,
    saturation: 0,
    ao: 0,
    roughness: 0,
    metalness: 0,
    height: 0,
  };
  const hsv = [0, 0, 0];
  // Hue as a circular mean.
  let hx = 0;
  let hy = 0;
  let count = 0;
  for (let t = 0; t < n; t++) {
    if (!where(t)) continue;
    count++;
    const [r, g, b] = albedoAt(maps, t);
    rgbToHsv(r, g, b, hsv);
    sum.luma += 0.2126 * r + 0.7152 * g + 0.0722 * b;
    sum.r += r;
    sum.g += g;
    sum.b += b;
    sum.saturation += hsv[1]!;
    hx += Math.cos(2 * Math.PI * hsv[0]!) * hsv[1]!;
    hy += Math.sin(2 * Math.PI * hsv[0]!) * hsv[1]!;
    sum.ao += orm[t * 4]! / 255;
    sum.roughness += orm[t * 4 + 1]! / 255;
    sum.metalness += orm[t * 4 + 2]! / 255;
    sum.height += height[t]!;
  }
  const out = Object.fromEntries(
    Object.entries(sum).map(([k, v]) => [k, v / count]),
  ) as unknown as Stats;
  out.hue = (((Math.atan2(hy, hx) / (2 * Math.PI)) % 1) + 1) % 1;
  return out;
}

/** Texels whose height and whose four neighbours' heights are all below `threshold` (low areas). */
function lowInterior(maps: MaterialMaps, threshold: number): (t: number) => boolean {
  const n = maps.size;
  const h = maps.height.levels[0]!;
  const at = (i: number, j: number) => h[((j + n) % n) * n + ((i + n) % n)]!;
  return (t) => {
    const i = t % n;
    const j = Math.floor(t / n);
    return [at(i, j), at(i + 1, j), at(i - 1, j), at(i, j + 1), at(i, j - 1)].every(
      (x) => x < threshold,
    );
  };
}

/** Mean central-difference height change (both axes) over the texels where `where`. */
function heightGradient(maps: MaterialMaps, where: (t: number) => boolean): number {
  const n = maps.size;
  const h = maps.height.levels[0]!;
  const at = (i: number, j: number) => h[((j + n) % n) * n + ((i + n) % n)]!;
  let sum = 0;
  let count = 0;
  for (let t = 0; t < n * n; t++) {
    if (!where(t)) continue;
    const i = t % n;
    const j = Math.floor(t / n);
    sum += Math.abs(at(i + 1, j) - at(i - 1, j)) + Math.abs(at(i, j + 1) - at(i, j - 1));
    count++;
  }
  expect(count, 'texels in the region').toBeGreaterThan(20);
  return sum / count;
}

/** Hue distance in turns (0..0.5). */
function hueDistance(a: number, b: number): number {
  const d = Math.abs(a - b) % 1;
  return Math.min(d, 1 - d);
}

// ---- formats ----------------------------------------------------------------------------------

describe('bakeMaterialCpu: maps, chains and ranges', () => {
  it('every map has its format and a full chain to 1x1; emissive only when something glows', () => {
    const plain = bake(BRICK);
    const glowing = bake(GLOWING_METAL);
    const blended = bakeMaterialCpu({
      params: BRICK,
      blend: {
        params: GLOWING_METAL,
        settings: blendSettings({ mask: 'noise', amount: 0.5, softness: 0.2 }),
      },
      size: 32,
    });
    expect(plain.emissive).toBeUndefined();
    expect(glowing.emissive).toBeDefined();
    expect(blended.emissive).toBeDefined();
    expect(
      bake({ ...GLOWING_METAL, emissive: { ...GLOWING_METAL.emissive!, strength: 0 } }).emissive,
    ).toBeUndefined();
    for (const maps of [plain, glowing, blended]) {
      for (const name of MAP_NAMES) {
        const map = maps[name];
        if (!map) continue;
        expect(map.format).toBe(name === 'height' ? 'r32f' : 'rgba8');
        expect(map.levels.length).toBe(levelCount(maps.size));
        map.levels.forEach((level, k) => {
          const side = levelSize(maps.size, k);
          expect(level.length).toBe(side * side * (map.format === 'rgba8' ? 4 : 1));
          expect(level).toBeInstanceOf(map.format === 'rgba8' ? Uint8Array : Float32Array);
          // Each level owns its buffer (transferable on its own).
          expect(level.byteOffset).toBe(0);
          expect(level.buffer.byteLength).toBe(level.byteLength);
        });
      }
    }
    let expected = 0;
    for (let k = 0; k < levelCount(SIZE); k++) expected += levelSize(SIZE, k) ** 2 * 4 * 4;
    expect(mapBytes(plain)).toBe(expected);
  });

  it('values stay in range: alpha 255, unit normals facing out, height in [0, 1], orm within the params', () => {
    const weathered = bake(WOOD, { weather: 'weathered', wear: 1, dirt: 1 });
    for (const maps of [bake(BRICK), bake(GLOWING_METAL), weathered]) {
      for (const name of ['albedo', 'normal', 'orm', 'emissive'] as const) {
        for (const level of maps[name]?.levels ?? []) {
          expect(level.filter((x, i) => i % 4 === 3 && x !== 255).length, `${name} alpha`).toBe(0);
        }
      }
      for (const level of maps.height.levels) {
        expect(level.every((x) => Number.isFinite(x) && x >= 0 && x <= 1)).toBe(true);
      }
      const normal = maps.normal.levels[0]!;
      let worstLength = 0;
      let lowestZ = 1;
      for (let t = 0; t < normal.length; t += 4) {
        const [x, y, z] = [
          normal[t]! / 127.5 - 1,
          normal[t + 1]! / 127.5 - 1,
          normal[t + 2]! / 127.5 - 1,
        ];
        worstLength = Math.max(worstLength, Math.abs(Math.hypot(x, y, z) - 1));
        lowestZ = Math.min(lowestZ, z);
      }
      expect(worstLength).toBeLessThan(0.02);
      expect(lowestZ).toBeGreaterThan(0);
    }
    // Without modifiers, roughness and metalness stay within the params' ranges (one byte of rounding).
    const orm = bake(BRICK).orm.levels[0]!;
    const roughness = orm.filter((_, i) => i % 4 === 1);
    expect(Math.min(...roughness)).toBeGreaterThanOrEqual(Math.floor(BRICK.roughness[0] * 255));
    expect(Math.max(...roughness)).toBeLessThanOrEqual(Math.ceil(BRICK.roughness[1] * 255));
    expect(Math.max(...orm.filter((_, i) => i % 4 === 2))).toBe(0);
    // Emissive: colour * strength / EMISSIVE_RANGE, sRGB; the groove mask lights the grooves only.
    const glowing = bake(GLOWING_METAL);
    const e = glowing.emissive!.levels[0]!;
    const peak = Math.max(...e.filter((_, i) => i % 4 === 2));
    const blue = (srgbDecode(0xff / 255) * GLOWING_METAL.emissive!.strength) / EMISSIVE_RANGE;
    // The brightest groove texel: full strength, encoded (a groove's mask may not reach 0 exactly).
    expect(peak).toBeLessThanOrEqual(
      Math.floor((1.055 * Math.pow(blue, 1 / 2.4) - 0.055) * 255 + 0.5),
    );
    expect(peak).toBeGreaterThan(150);
    // Raised surfaces stay dark: a share of texels has no glow at all.
    expect(e.filter((x, i) => i % 4 === 2 && x === 0).length).toBeGreaterThan(e.length / 4 / 20);
  });
});

// ---- tiling and determinism ---------------------------------------------------------------------

/**
 * Mean absolute difference across each column boundary (c, c + 1), and across the wrap (n - 1, 0);
 * the same for rows. A seam shows as a wrap difference far above the typical interior one.
 */
function seams(level: ArrayLike<number>, n: number, channels: number) {
  const across = (a: (k: number) => number, b: (k: number) => number) => {
    let sum = 0;
    for (let k = 0; k < n; k++) {
      for (let c = 0; c < channels; c++)
        sum += Math.abs(level[a(k) * channels + c]! - level[b(k) * channels + c]!);
    }
    return sum / (n * channels);
  };
  const columns: number[] = [];
  const rows: number[] = [];
  for (let x = 0; x < n; x++) {
    const x1 = (x + 1) % n;
    columns.push(
      across(
        (k) => k * n + x,
        (k) => k * n + x1,
      ),
    );
    rows.push(
      across(
        (k) => x * n + k,
        (k) => x1 * n + k,
      ),
    );
  }
  const median = (v: number[]) => [...v].sort((p, q) => p - q)[Math.floor(v.length / 2)]!;
  const max = (v: number[]) => Math.max(...v.slice(0, n - 1));
  return {
    wrapColumn: columns[n - 1]!,
    wrapRow: rows[n - 1]!,
    medianColumn: median(columns),
    medianRow: median(rows),
    maxColumn: max(columns),
    maxRow: max(rows),
  };
}

describe('bakeMaterialCpu: tiling and determinism', () => {
  const smooth = (): MaterialMaps =>
    bakeMaterialCpu({
      params: MOSS,
      modifiers: modifiers({ weather: 'wet', wear: 0.5, dirt: 0.5, seed: 4 }),
      blend: {
        params: { ...STONE, pattern: 'noise' },
        settings: { mask: 'noise', amount: 0.5, softness: 0.5, scale: 3, seed: 1 },
      },
      size: 128,
    });

  it('every map of a noise-based blend with modifiers wraps without a seam', () => {
    const maps = smooth();
    for (const name of ['albedo', 'normal', 'orm', 'height'] as const) {
      const channels = name === 'height' ? 1 : 4;
      const s = seams(maps[name].levels[0]!, maps.size, channels);
      // Across the wrap the maps change like anywhere else: within 3x the median boundary and
      // never beyond the largest interior one.
      expect(s.wrapColumn, `${name} columns`).toBeLessThanOrEqual(
        Math.max(3 * s.medianColumn, 1e-3),
      );
      expect(s.wrapRow, `${name} rows`).toBeLessThanOrEqual(Math.max(3 * s.medianRow, 1e-3));
      expect(s.wrapColumn).toBeLessThanOrEqual(s.maxColumn);
      expect(s.wrapRow).toBeLessThanOrEqual(s.maxRow);
    }
  });

  it('the seam check catches a map that does not tile', () => {
    const maps = smooth();
    const n = maps.size;
    // Black out the last column: the wrap boundary becomes a seam.
    const level = maps.albedo.levels[0]!.slice();
    for (let j = 0; j < n; j++) for (let c = 0; c < 3; c++) level[(j * n + n - 1) * 4 + c] = 0;
    const s = seams(level, n, 4);
    expect(s.wrapColumn).toBeGreaterThan(3 * s.medianColumn);
  });

  it('the same request gives identical bytes; another modifier seed gives other bytes', () => {
    const request = (seed: number): MaterialBakeRequest => ({
      params: WOOD,
      modifiers: modifiers({ weather: 'corroded', wear: 0.3, dirt: 0.4, seed }),
      size: SIZE,
    });
    const a = bakeMaterialCpu(request(1));
    const b = bakeMaterialCpu(request(1));
    const c = bakeMaterialCpu(request(2));
    for (const name of MAP_NAMES) {
      a[name]?.levels.forEach((level, k) => {
        expect(Buffer.from(level.buffer).equals(Buffer.from(b[name]!.levels[k]!.buffer))).toBe(
          true,
        );
      });
    }
    expect(
      Buffer.from(a.albedo.levels[0]!.buffer).equals(Buffer.from(c.albedo.levels[0]!.buffer)),
    ).toBe(false);
    expect(
      Buffer.from(a.height.levels[0]!.buffer).equals(Buffer.from(c.height.levels[0]!.buffer)),
    ).toBe(false);
  });

  it('modifiers that change nothing skip the pass: the bytes equal the plain bake', () => {
    const plain = bake(BRICK);
    const identity = bake(BRICK, { hue: 0, wear: 0, dirt: 0, seed: 99 });
    expect(
      Buffer.from(identity.albedo.levels[0]!.buffer).equals(
        Buffer.from(plain.albedo.levels[0]!.buffer),
      ),
    ).toBe(true);
  });
});

// ---- what each modifier claims ------------------------------------------------------------------

describe('weather', () => {
  const dry = bake(WOOD);
  const dryHeight = dry.height.levels[0]!;

  it('wet: darker and smoother overall', () => {
    const wet = bake(WOOD, { weather: 'wet', weatherAmount: 0.8, seed: 1 });
    const d = stats(dry);
    const w = stats(wet);
    expect(w.luma).toBeLessThan(d.luma * 0.8);
    expect(w.roughness).toBeLessThan(d.roughness * 0.8);
  });

  for (const [name, params, threshold] of [
    ['brick mortar', BRICK, 0.3],
    ['the hollows of a noise surface', MOSS, 0.4],
  ] as const) {
    it(`wet: pools fill and flatten ${name}, very smooth`, () => {
      const plain = bake(params, undefined, 128);
      const wet = bake(params, { weather: 'wet', weatherAmount: 0.8, seed: 1 }, 128);
      const low = lowInterior(plain, threshold);
      expect(heightGradient(wet, low)).toBeLessThan(heightGradient(plain, low) * 0.6);
      expect(stats(wet, low).height).toBeGreaterThan(stats(plain, low).height);
      expect(stats(wet, low).roughness).toBeLessThan(0.2);
    });
  }

  it('frozen: a bluish frost with speckles, smooth flat ice in the low areas', () => {
    const d = stats(dry);
    const f = stats(bake(WOOD, { weather: 'frozen', weatherAmount: 0.8, seed: 1 }));
    expect(f.b / f.r).toBeGreaterThan((d.b / d.r) * 2);
    expect(f.luma).toBeGreaterThan(d.luma);
    const plain = bake(BRICK, undefined, 128);
    const frozen = bake(BRICK, { weather: 'frozen', weatherAmount: 0.8, seed: 1 }, 128);
    const low = lowInterior(plain, 0.3);
    expect(stats(frozen, low).roughness).toBeLessThan(stats(plain, low).roughness * 0.5);
    expect(stats(frozen, low).b).toBeGreaterThan(stats(frozen, low).r * 1.5);
    expect(heightGradient(frozen, low)).toBeLessThan(heightGradient(plain, low));
  });

  it('dusty: toward beige, rougher, less metallic, more in cavities', () => {
    const clean = bake(IRON);
    const dusty = bake(IRON, { weather: 'dusty', weatherAmount: 0.8, seed: 1 });
    const c = stats(clean);
    const d = stats(dusty);
    const beige = [0.52, 0.43, 0.3];
    const distance = (s: Stats) => Math.hypot(s.r - beige[0]!, s.g - beige[1]!, s.b - beige[2]!);
    expect(distance(d)).toBeLessThan(distance(c) * 0.6);
    expect(d.roughness).toBeGreaterThan(c.roughness + 0.15);
    expect(d.metalness).toBeLessThan(c.metalness * 0.7);
    // Cavities (low AO) gather more than open areas: roughness rises more there.
    const orm = clean.orm.levels[0]!;
    const cavity = (t: number) => orm[t * 4]! < 200;
    const open = (t: number) => orm[t * 4]! >= 250;
    const rise = (where: (t: number) => boolean) =>
      stats(dusty, where).roughness - stats(clean, where).roughness;
    expect(rise(cavity)).toBeGreaterThan(rise(open));
  });

  it('corroded: iron rusts (redder, metalness drops), copper gets a green patina', () => {
    const iron = stats(bake(IRON));
    const rusty = stats(bake(IRON, { weather: 'corroded', weatherAmount: 0.8, seed: 1 }));
    expect(rusty.metalness).toBeLessThan(iron.metalness * 0.7);
    expect(rusty.r / rusty.b).toBeGreaterThan((iron.r / iron.b) * 1.5);
    expect(rusty.r).toBeGreaterThan(rusty.g);
    const copper = stats(bake(COPPER));
    const patina = stats(bake(COPPER, { weather: 'corroded', weatherAmount: 0.8, seed: 1 }));
    expect(patina.g / patina.r).toBeGreaterThan((copper.g / copper.r) * 1.5);
    expect(patina.metalness).toBeLessThan(copper.metalness * 0.7);
  });

  it('weathered: bleached and desaturated, rougher, with cracks cut into the height', () => {
    const d = stats(dry);
    const weathered = bake(WOOD, { weather: 'weathered', weatherAmount: 0.9, seed: 1 });
    const w = stats(weathered);
    expect(w.saturation).toBeLessThan(d.saturation * 0.7);
    expect(w.luma).toBeGreaterThan(d.luma);
    expect(w.roughness).toBeGreaterThan(d.roughness + 0.1);
    // Some raised texels lose height (the cracks), none gain it.
    const h = weathered.height.levels[0]!;
    let cut = 0;
    for (let t = 0; t < h.length; t++) {
      expect(h[t]!).toBeLessThanOrEqual(dryHeight[t]! + 1e-6);
      if (dryHeight[t]! > 0.5 && h[t]! < dryHeight[t]! - 0.05) cut++;
    }
    expect(cut).toBeGreaterThan(h.length * 0.01);
  });

  it('weatherAmount scales the effect', () => {
    const light = stats(bake(WOOD, { weather: 'wet', weatherAmount: 0.2 }));
    const heavy = stats(bake(WOOD, { weather: 'wet', weatherAmount: 1 }));
    expect(heavy.luma).toBeLessThan(light.luma);
    expect(heavy.roughness).toBeLessThan(light.roughness);
  });
});

describe('seasons', () => {
  const green = stats(bake(MOSS));

  it('the base material is foliage-green', () => {
    expect(green.hue).toBeGreaterThan(0.22);
    expect(green.hue).toBeLessThan(0.4);
  });

  it('spring: fresher yellow-green and brighter', () => {
    const s = stats(bake(MOSS, { season: 'spring' }));
    expect(hueDistance(s.hue, 0.24)).toBeLessThan(hueDistance(green.hue, 0.24));
    expect(s.luma).toBeGreaterThan(green.luma);
  });

  it('summer: deep green, darker', () => {
    const s = stats(bake(MOSS, { season: 'summer' }));
    expect(hueDistance(s.hue, 0.33)).toBeLessThan(0.03);
    expect(s.luma).toBeLessThan(green.luma);
  });

  it('autumn: green shifts toward orange, red and yellow, varying per cell', () => {
    const autumn = bake(MOSS, { season: 'autumn', seed: 3 });
    const s = stats(autumn);
    expect(hueDistance(s.hue, 0.07)).toBeLessThan(0.05);
    expect(hueDistance(s.hue, 0.07)).toBeLessThan(hueDistance(green.hue, 0.07) - 0.15);
    // Several leaf colours, not one: hues spread over red..yellow.
    const hues = new Set<number>();
    const hsv = [0, 0, 0];
    for (let t = 0; t < SIZE * SIZE; t++) {
      rgbToHsv(...albedoAt(autumn, t), hsv);
      hues.add(Math.round(hsv[0]! * 50));
    }
    expect(hues.size).toBeGreaterThan(4);
  });

  it('winter: brown-grey foliage and near-white snow on high areas', () => {
    const winter = bake(MOSS, { season: 'winter', seed: 3 });
    const albedo = winter.albedo.levels[0]!;
    const plain = bake(MOSS).albedo.levels[0]!;
    const white = (a: Uint8Array) => {
      let count = 0;
      for (let t = 0; t < a.length; t += 4)
        if (a[t]! > 215 && a[t + 1]! > 215 && a[t + 2]! > 215) count++;
      return count / (a.length / 4);
    };
    expect(white(plain)).toBe(0);
    expect(white(albedo)).toBeGreaterThan(0.05);
    // Snow sits high: the whitest texels are higher than the mean.
    const h = winter.height.levels[0]!;
    let snowHeight = 0;
    let count = 0;
    for (let t = 0; t < h.length; t++) {
      if (albedo[t * 4]! > 215) {
        snowHeight += h[t]!;
        count++;
      }
    }
    expect(snowHeight / count).toBeGreaterThan(stats(winter).height);
    // Where there is no snow, the greens are gone: saturation drops.
    expect(stats(winter, (t) => albedo[t * 4]! < 150).saturation).toBeLessThan(
      green.saturation * 0.6,
    );
  });

  it('non-foliage hues barely change', () => {
    for (const season of ['spring', 'summer', 'autumn'] as const) {
      const brick = bake(BRICK);
      const changed = bake(BRICK, { season });
      const a = brick.albedo.levels[0]!;
      const b = changed.albedo.levels[0]!;
      let sum = 0;
      for (let i = 0; i < a.length; i++) sum += Math.abs(a[i]! - b[i]!);
      expect(sum / a.length, season).toBeLessThan(2);
    }
  });
});

describe('variation', () => {
  const base = stats(bake(BRICK));

  it('hue shifts the hue by about the amount; saturation -1 greys; value brightens', () => {
    const shifted = stats(bake(BRICK, { hue: 0.25 }));
    expect(hueDistance(shifted.hue, (base.hue + 0.25) % 1)).toBeLessThan(0.03);
    expect(stats(bake(BRICK, { saturation: -1 })).saturation).toBeLessThan(0.01);
    expect(stats(bake(BRICK, { value: 0.5 })).luma).toBeGreaterThan(base.luma * 1.3);
    expect(stats(bake(BRICK, { value: -0.5 })).luma).toBeLessThan(base.luma * 0.5);
  });

  it('wear: raised edges lighter and rougher; painted metal shows its metal there', () => {
    const plain = bake(WOOD);
    const worn = bake(WOOD, { wear: 1, seed: 2 });
    // Edges: where the built-in curvature (stashed by the ao pass) is high.
    const u = materialUniforms(WOOD, SIZE);
    const aux = aoCpu(u, patternFieldCpu(u));
    const edge = (t: number) => aux[t * 4 + 1]! > 0.3;
    const flat = (t: number) => Math.abs(aux[t * 4 + 1]!) < 0.02;
    expect(stats(worn, edge).luma).toBeGreaterThan(stats(plain, edge).luma * 1.2);
    expect(stats(worn, edge).roughness).toBeGreaterThan(stats(plain, edge).roughness);
    expect(Math.abs(stats(worn, flat).luma - stats(plain, flat).luma)).toBeLessThan(0.01);
    // Paint over metal (metalness ranging from paint to metal): worn edges go to the metal's
    // metalness. A material with no metal in its range gains none.
    const painted: MaterialParams = { ...GLOWING_METAL, metalness: [0, 0.9], emissive: undefined };
    const paintedWorn = bake(painted, { wear: 1, seed: 2 });
    const pu = materialUniforms(painted, SIZE);
    const paux = aoCpu(pu, patternFieldCpu(pu));
    const pedge = (t: number) => paux[t * 4 + 1]! > 0.3;
    const before = stats(bake(painted), pedge).metalness;
    const after = stats(paintedWorn, pedge).metalness;
    expect(after).toBeGreaterThan(before + 0.05);
    expect(after).toBeGreaterThan(0.8);
    expect(stats(worn).metalness).toBe(0);
  });

  it('dirt: darkens cavities (low AO) more than open areas', () => {
    const plain = bake(BRICK);
    const dirty = bake(BRICK, { dirt: 1, seed: 2 });
    const orm = plain.orm.levels[0]!;
    const cavity = (t: number) => orm[t * 4]! < 180;
    const open = (t: number) => orm[t * 4]! > 250;
    const drop = (where: (t: number) => boolean) =>
      1 - stats(dirty, where).luma / stats(plain, where).luma;
    expect(drop(cavity)).toBeGreaterThan(0.3);
    expect(drop(cavity)).toBeGreaterThan(drop(open) * 2);
  });
});

// ---- blends -------------------------------------------------------------------------------------

describe('blend', () => {
  const size = 64;
  const ua = materialUniforms(STONE, size);
  const ub = materialUniforms(MOSS, size);
  const a = bakeSetCpu(ua, undefined, false);
  const b = bakeSetCpu(ub, undefined, false);
  const share = (settings: BlendSettings) => {
    const u = blendUniforms(settings, ua, ub);
    let count = 0;
    for (let j = 0; j < size; j++)
      for (let i = 0; i < size; i++) if (blendWeight(u, a, b, i, j) > 0.5) count++;
    return count / (size * size);
  };

  it('the noise mask gives B about `amount` of the texels', () => {
    for (const amount of [0.1, 0.25, 0.5, 0.75, 0.9]) {
      for (const seed of [0, 1]) {
        const s = share({ mask: 'noise', amount, softness: 0.2, scale: 4, seed });
        expect(Math.abs(s - amount), `amount ${amount}, seed ${seed}: ${s}`).toBeLessThan(0.12);
      }
    }
  });

  it('every mask: none of B at amount 0, all of it at 1, more as amount grows', () => {
    for (const mask of BLEND_MASKS) {
      let last = -1;
      for (const amount of [0, 0.2, 0.4, 0.6, 0.8, 1]) {
        const s = share({ mask, amount, softness: 0.3, scale: 4, seed: 3 });
        if (amount === 0) expect(s, mask).toBe(0);
        if (amount === 1) expect(s, mask).toBe(1);
        expect(s, `${mask} at ${amount}`).toBeGreaterThanOrEqual(last);
        last = s;
      }
    }
  });

  it('softness widens the transition', () => {
    const partial = (softness: number) => {
      const u = blendUniforms({ mask: 'noise', amount: 0.5, softness, scale: 4, seed: 0 }, ua, ub);
      let count = 0;
      for (let j = 0; j < size; j++) {
        for (let i = 0; i < size; i++) {
          const w = blendWeight(u, a, b, i, j);
          if (w > 0.05 && w < 0.95) count++;
        }
      }
      return count;
    };
    expect(partial(0.8)).toBeGreaterThan(partial(0.05) * 3);
  });

  it('amount 0 bakes the first material alone, amount 1 the second (same bytes)', () => {
    // STONE has the deeper relief, so its heights are not rescaled and the normals keep its depth.
    const alone = bakeMaterialCpu({ params: STONE, size: 32 });
    const none = bakeMaterialCpu({
      params: STONE,
      blend: {
        params: MOSS,
        settings: blendSettings({ mask: 'noise', amount: 0, softness: 0.3 }),
      },
      size: 32,
    });
    for (const name of ['albedo', 'normal', 'orm', 'height'] as const) {
      none[name].levels.forEach((level, k) => {
        expect(
          Buffer.from(level.buffer).equals(Buffer.from(alone[name].levels[k]!.buffer)),
          `${name} ${k}`,
        ).toBe(true);
      });
    }
    const other = bakeMaterialCpu({ params: STONE, size: 32 });
    const all = bakeMaterialCpu({
      params: MOSS,
      blend: {
        params: STONE,
        settings: blendSettings({ mask: 'height', amount: 1, softness: 0.3 }),
      },
      size: 32,
    });
    expect(
      Buffer.from(all.albedo.levels[0]!.buffer).equals(Buffer.from(other.albedo.levels[0]!.buffer)),
    ).toBe(true);
  });
});

// ---- requests -----------------------------------------------------------------------------------

describe('bad requests', () => {
  const cases: [string, unknown, string[]][] = [
    ['a size that is not a bake size', { params: BRICK, size: 100 }, ['size']],
    ['a pattern scale of 0', { params: { ...BRICK, scale: 0 }, size: 64 }, ['params.scale']],
    [
      'an unknown weather',
      { params: BRICK, modifiers: { weather: 'rainy' }, size: 64 },
      ['modifiers.weather'],
    ],
    [
      'a blend amount above 1 and a bad partner colour',
      {
        params: BRICK,
        blend: {
          params: { ...WOOD, colors: ['#12345', '#000000', '#ffffff'] },
          settings: { mask: 'noise', amount: 2, softness: 0 },
        },
        size: 64,
      },
      ['blend.settings.amount', 'blend.params.colors.0'],
    ],
  ];
  for (const [name, request, fields] of cases) {
    it(`${name} throws MaterialBakeError naming ${fields.join(', ')}`, () => {
      let error: unknown;
      try {
        bakeMaterialCpu(request as MaterialBakeRequest);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(MaterialBakeError);
      for (const field of fields)
        expect((error as MaterialBakeError).message).toContain(`${field}:`);
    });
  }
});

// ---- timing -------------------------------------------------------------------------------------

describe('timing', () => {
  it('a 512x512 bake (brick, modifiers, blended with moss) in Node', () => {
    const request: MaterialBakeRequest = {
      params: BRICK,
      modifiers: modifiers({ weather: 'dusty', wear: 0.5, seed: 4 }),
      blend: {
        params: MOSS,
        settings: blendSettings({ mask: 'noise', amount: 0.3, softness: 0.3 }),
      },
      size: 512,
    };
    const single: MaterialBakeRequest = { params: BRICK, size: 512 };
    bakeMaterialCpu({ ...single, size: 64 });
    const t0 = performance.now();
    bakeMaterialCpu(single);
    const t1 = performance.now();
    bakeMaterialCpu(request);
    const t2 = performance.now();
    console.log(
      `CPU 512x512: brick ${(t1 - t0).toFixed(0)} ms; brick+modifiers+blend ${(t2 - t1).toFixed(0)} ms`,
    );
    expect(t2 - t1).toBeLessThan(20_000);
  });
});
