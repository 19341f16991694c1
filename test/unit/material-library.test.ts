import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { findPreset, SHIPPED_PRESETS } from '../../src/core/materials/library';
import { definePresets, seedFor } from '../../src/core/materials/library/define';
import {
  MATERIAL_ANIMATIONS,
  MATERIAL_FAMILIES,
  MATERIAL_PATTERNS,
  MaterialPresetSchema,
  type MaterialParams,
} from '../../src/core/materials/preset';

describe('shipped material library', () => {
  it('has at least 520 presets, each valid against MaterialPresetSchema', () => {
    expect(SHIPPED_PRESETS.length).toBeGreaterThanOrEqual(520);
    const problems: string[] = [];
    for (const p of SHIPPED_PRESETS) {
      const r = v.safeParse(MaterialPresetSchema, p);
      if (!r.success) {
        problems.push(...r.issues.map((i) => `${p.id}.${v.getDotPath(i)}: ${i.message}`));
      }
    }
    expect(problems).toEqual([]);
  });

  it('has unique ids (family/slug, never user/) and unique names', () => {
    const ids = new Set<string>();
    const names = new Set<string>();
    for (const p of SHIPPED_PRESETS) {
      expect(ids.has(p.id), p.id).toBe(false);
      expect(names.has(p.name), p.name).toBe(false);
      ids.add(p.id);
      names.add(p.name);
      expect(p.id.startsWith(`${p.family}/`), p.id).toBe(true);
      expect(p.tags.length).toBeGreaterThan(0);
    }
  });

  it('covers every family with at least 12 presets and uses every pattern', () => {
    for (const f of MATERIAL_FAMILIES) {
      expect(SHIPPED_PRESETS.filter((p) => p.family === f).length, f).toBeGreaterThanOrEqual(12);
    }
    const used = new Set(SHIPPED_PRESETS.map((p) => p.params.pattern));
    expect([...MATERIAL_PATTERNS].filter((p) => !used.has(p))).toEqual([]);
  });

  it('animates several presets of each animated look', () => {
    for (const a of MATERIAL_ANIMATIONS) {
      const n = SHIPPED_PRESETS.filter((p) => p.look?.animation === a).length;
      expect(n, a).toBeGreaterThanOrEqual(3);
    }
  });

  it('has no recolours: no two presets share every param but colours and seed', () => {
    const recipe = (p: MaterialParams) => {
      const { colors: _c, seed: _s, emissive, ...rest } = p;
      return JSON.stringify({ ...rest, emissive: emissive && { ...emissive, color: '' } });
    };
    const seen = new Map<string, string>();
    const copies: string[] = [];
    for (const p of SHIPPED_PRESETS) {
      const key = recipe(p.params);
      const other = seen.get(key);
      if (other) copies.push(`${p.id} = ${other}`);
      else seen.set(key, p.id);
    }
    expect(copies).toEqual([]);
  });

  it('gives every preset a distinct seed derived from its id', () => {
    const seeds = new Set(SHIPPED_PRESETS.map((p) => p.params.seed));
    expect(seeds.size).toBe(SHIPPED_PRESETS.length);
    expect(SHIPPED_PRESETS[0]!.params.seed).toBe(seedFor(SHIPPED_PRESETS[0]!.id));
  });

  it('is frozen, so no caller can change a shipped preset', () => {
    expect(Object.isFrozen(SHIPPED_PRESETS)).toBe(true);
    const p = SHIPPED_PRESETS[0]!;
    expect(
      Object.isFrozen(p) && Object.isFrozen(p.params) && Object.isFrozen(p.params.colors),
    ).toBe(true);
  });

  it('finds presets by id in shipped and in plain lists', () => {
    expect(findPreset(SHIPPED_PRESETS, 'wood/oak-planks')?.name).toBe('Oak Planks');
    expect(findPreset(SHIPPED_PRESETS, 'wood/nope')).toBeUndefined();
    expect(findPreset(SHIPPED_PRESETS, 'constructor')).toBeUndefined();
    const list = definePresets('wood', {}, [
      {
        slug: 'a',
        name: 'A',
        tags: ['x'],
        params: { pattern: 'noise', colors: ['#000000', '#111111', '#222222'] },
      },
    ]);
    expect(findPreset(list, 'wood/a')?.name).toBe('A');
    list.push({ ...list[0]!, id: 'wood/b', name: 'B' });
    expect(findPreset(list, 'wood/b')?.name).toBe('B');
  });
});
