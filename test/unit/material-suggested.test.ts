import { describe, expect, it } from 'vitest';
import { findPreset, SHIPPED_PRESETS } from '../../src/core/materials/library';
import {
  DEFAULT_PRESETS,
  defaultPresetFor,
  FALLBACK_PRESET,
  SUGGESTED_MATERIALS,
  SUGGESTION_OBJECTS,
  suggestedMaterials,
} from '../../src/core/materials/suggested';
import { SCENE_MATERIALS } from '../../src/core/scene/material-factors';
import { PROP_KINDS } from '../../src/core/spec/schema';

const exists = (id: string) => findPreset(SHIPPED_PRESETS, id) !== undefined;

describe('suggested materials', () => {
  it('gives every palette material id a default preset, and only those', () => {
    expect(Object.keys(DEFAULT_PRESETS).sort()).toEqual(Object.keys(SCENE_MATERIALS).sort());
  });

  it('refers only to shipped presets', () => {
    const missing: string[] = [];
    for (const [key, id] of Object.entries(DEFAULT_PRESETS))
      if (!exists(id)) missing.push(`${key} → ${id}`);
    for (const [kind, list] of Object.entries(SUGGESTED_MATERIALS)) {
      for (const s of list) if (!exists(s.preset)) missing.push(`${kind} → ${s.preset}`);
    }
    if (!exists(FALLBACK_PRESET)) missing.push(`fallback → ${FALLBACK_PRESET}`);
    expect(missing).toEqual([]);
  });

  it('picks presets that fit the palette entry', () => {
    const family = (key: string) => findPreset(SHIPPED_PRESETS, DEFAULT_PRESETS[key]!)!.family;
    expect(family('dungeon:stone-floor')).toBe('stone');
    expect(DEFAULT_PRESETS['dungeon:stone-floor']).toMatch(/flagstone/);
    expect(family('dungeon:stone-wall')).toBe('stone');
    expect(family('prop:wood')).toBe('wood');
    expect(family('terrain:grass')).toBe('nature');
    expect(family('terrain:snow')).toBe('ground');
    expect(family('scatter:bark')).toBe('nature');
    expect(
      findPreset(SHIPPED_PRESETS, DEFAULT_PRESETS['prop:torch']!)!.params.emissive,
    ).toBeDefined();
  });

  it('falls back sensibly for ids nobody listed', () => {
    expect(defaultPresetFor('terrain:grass')).toBe(DEFAULT_PRESETS['terrain:grass']);
    expect(defaultPresetFor('prop:iron-bars')).toBe('metal/iron-wrought');
    expect(defaultPresetFor('Wooden_Planks')).toBe('wood/oak-planks');
    expect(defaultPresetFor('default:box')).toBe(FALLBACK_PRESET);
    expect(defaultPresetFor('constructor')).toBe(FALLBACK_PRESET);
    expect(defaultPresetFor('__proto__')).toBe(FALLBACK_PRESET);
    expect(defaultPresetFor('')).toBe(FALLBACK_PRESET);
  });

  it('suggests several materials, each with a role, for every object kind', () => {
    for (const kind of PROP_KINDS) expect(SUGGESTION_OBJECTS).toContain(kind);
    for (const kind of SUGGESTION_OBJECTS) {
      const list = suggestedMaterials(kind);
      expect(list.length, kind).toBeGreaterThanOrEqual(3);
      for (const s of list) expect(s.role.length).toBeGreaterThan(0);
      expect(new Set(list.map((s) => s.preset)).size, kind).toBe(list.length);
    }
    expect(suggestedMaterials('barrel').map((s) => s.role)).toEqual(
      expect.arrayContaining(['staves', 'bands']),
    );
    expect(suggestedMaterials('spaceship')).toEqual([]);
    expect(suggestedMaterials('toString')).toEqual([]);
  });
});
