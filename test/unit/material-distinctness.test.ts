// The shipped library is genuinely distinct: every preset is baked on the CPU, described by what a
// person sees (src/core/materials/descriptor.ts) and compared with every other. The measure is shown
// not to be vacuous first: a re-seeded bake of a preset and a slightly tinted copy of it must count
// as near-duplicates, so passing means the presets differ in colour, finish or structure, not that
// the measure calls everything different.
import { beforeAll, describe, expect, it } from 'vitest';
import { bakeMaterialCpu } from '../../src/core/materials/bake/bake-cpu';
import {
  deltaE,
  descriptorDistance,
  descriptorDistanceValue,
  materialDescriptor,
  NEAR_DUPLICATE_THRESHOLD,
  type MaterialDescriptor,
} from '../../src/core/materials/descriptor';
import { SHIPPED_PRESETS } from '../../src/core/materials/library';
import type { MaterialMaps } from '../../src/core/materials/maps';
import type { MaterialParams, MaterialPreset } from '../../src/core/materials/preset';

/** Big enough for five octave bands of structure, small enough to bake all presets quickly. */
const SIZE = 64;

function bake(params: MaterialParams): MaterialMaps {
  return bakeMaterialCpu({ params, size: SIZE });
}

function describe_(p: MaterialPreset, params = p.params): MaterialDescriptor {
  return materialDescriptor(bake(params), p.look);
}

/** Shifts a '#rrggbb' colour a little toward red: about 2 ΔE, below what reads as another colour. */
function tint(hex: string): string {
  const c = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
  const shifted = [c[0]! + 5, c[1]!, c[2]! - 4].map((x) => Math.min(255, Math.max(0, x)));
  return `#${shifted.map((x) => x.toString(16).padStart(2, '0')).join('')}`;
}

function problemsIn(maps: MaterialMaps): string[] {
  const problems: string[] = [];
  maps.height.levels.forEach((level, l) => {
    for (let i = 0; i < level.length; i++) {
      const h = level[i]!;
      if (!Number.isFinite(h) || h < 0 || h > 1) {
        problems.push(`height level ${l} texel ${i} = ${h}`);
        break;
      }
    }
  });
  for (const name of ['albedo', 'normal', 'orm'] as const) {
    const levels = maps[name].levels;
    if (levels[0]!.length !== maps.size * maps.size * 4) problems.push(`${name}: wrong size`);
    for (let i = 3; i < levels[0]!.length; i += 4) {
      if (levels[0]![i] !== 255) {
        problems.push(`${name}: alpha ${levels[0]![i]} at texel ${(i - 3) / 4}`);
        break;
      }
    }
  }
  // A unit normal never points into the surface: z (stored as z*0.5+0.5) stays above the middle.
  const n = maps.normal.levels[0]!;
  for (let i = 0; i < n.length; i += 4) {
    if (n[i + 2]! < 128) {
      problems.push(`normal: z below 0 at texel ${i / 4}`);
      break;
    }
  }
  return problems;
}

describe('material distinctness', () => {
  const descriptors: MaterialDescriptor[] = [];
  const bakeProblems: string[] = [];

  beforeAll(() => {
    const t0 = performance.now();
    for (const p of SHIPPED_PRESETS) {
      const maps = bake(p.params);
      for (const problem of problemsIn(maps)) bakeProblems.push(`${p.id}: ${problem}`);
      descriptors.push(materialDescriptor(maps, p.look));
    }
    console.log(
      `baked and described ${SHIPPED_PRESETS.length} presets at ${SIZE}px in ` +
        `${((performance.now() - t0) / 1000).toFixed(1)} s`,
    );
  }, 120_000);

  it('bakes every shipped preset without NaN/Inf, with maps in range', () => {
    expect(bakeProblems).toEqual([]);
    for (const d of descriptors) {
      for (const x of [...d.lab, d.roughness, d.metalness, ...d.lightnessBands, ...d.slopeBands]) {
        expect(Number.isFinite(x)).toBe(true);
      }
    }
  });

  it('is not fooled by seeds: a re-seeded bake is a near-duplicate of the preset', () => {
    let worst = { distance: 0, id: '', part: '' };
    SHIPPED_PRESETS.forEach((p, i) => {
      const seed = (p.params.seed ^ 0x9e3779b9) >>> 0;
      const r = descriptorDistance(descriptors[i]!, describe_(p, { ...p.params, seed }));
      if (r.distance > worst.distance) {
        const part = Object.entries(r.parts).sort((a, b) => b[1] - a[1])[0]![0];
        worst = { distance: r.distance, id: p.id, part };
      }
    });
    console.log(
      `largest re-seed distance: ${worst.distance.toFixed(2)} (${worst.id}, ${worst.part})`,
    );
    expect(
      worst.distance,
      `re-seeding ${worst.id} moved it ${worst.distance.toFixed(2)} (${worst.part})`,
    ).toBeLessThan(NEAR_DUPLICATE_THRESHOLD);
  }, 60_000);

  it('is not fooled by recolouring: a slightly tinted copy is a near-duplicate', () => {
    for (const id of [
      'wood/oak-planks',
      'stone/marble-carrara',
      'fabric/denim',
      'metal/gold-brushed',
    ]) {
      const i = SHIPPED_PRESETS.findIndex((p) => p.id === id);
      const p = SHIPPED_PRESETS[i]!;
      const colors = p.params.colors.map(tint) as MaterialParams['colors'];
      const tinted = describe_(p, { ...p.params, colors });
      const shift = deltaE(descriptors[i]!.lab, tinted.lab);
      expect(shift, `${id}: tint moved the colour by ΔE ${shift.toFixed(2)}`).toBeGreaterThan(1);
      expect(shift).toBeLessThan(4);
      const r = descriptorDistance(descriptors[i]!, tinted);
      expect(r.distance, `${id} vs its tinted copy: ${JSON.stringify(r.parts)}`).toBeLessThan(
        NEAR_DUPLICATE_THRESHOLD,
      );
    }
  });

  it('tells clearly different materials apart', () => {
    const at = (id: string) => descriptors[SHIPPED_PRESETS.findIndex((p) => p.id === id)]!;
    expect(
      descriptorDistance(at('metal/gold-polished'), at('nature/grass')).distance,
    ).toBeGreaterThan(3);
    // Same colour family, different structure: planks vs parquet vs grain.
    expect(
      descriptorDistance(at('wood/oak-planks'), at('wood/oak-parquet')).distance,
    ).toBeGreaterThan(NEAR_DUPLICATE_THRESHOLD);
  });

  it('has no near-duplicates: every pair of shipped presets looks different', () => {
    let min = Infinity;
    let pair: [number, number] = [0, 0];
    const near: string[] = [];
    for (let i = 0; i < descriptors.length; i++) {
      for (let j = i + 1; j < descriptors.length; j++) {
        const d = descriptorDistanceValue(descriptors[i]!, descriptors[j]!, Math.max(min, 1.5));
        if (d < min) {
          min = d;
          pair = [i, j];
        }
        if (d < NEAR_DUPLICATE_THRESHOLD)
          near.push(`${SHIPPED_PRESETS[i]!.id} ~ ${SHIPPED_PRESETS[j]!.id}`);
      }
    }
    const [a, b] = [SHIPPED_PRESETS[pair[0]]!, SHIPPED_PRESETS[pair[1]]!];
    const parts = descriptorDistance(descriptors[pair[0]]!, descriptors[pair[1]]!).parts;
    const report =
      `minimum pairwise distance ${min.toFixed(3)} between ${a.id} and ${b.id} ` +
      `(${Object.entries(parts)
        .map(([k, v]) => `${k} ${v.toFixed(2)}`)
        .join(', ')}); near-duplicate below ${NEAR_DUPLICATE_THRESHOLD}`;
    console.log(report);
    expect(near, report).toEqual([]);
    expect(min, report).toBeGreaterThanOrEqual(NEAR_DUPLICATE_THRESHOLD);
  });
});
