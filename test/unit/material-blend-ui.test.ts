// The editor's "Blend with…" section without React: the draft → the assignment's blend, the
// searchable picker's choices, why a blend cannot be applied, and applying a blend to the selection
// as one undoable edit (with the browser's projection and scale).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { SHIPPED_PRESETS } from '../../src/core/materials/library';
import { MaterialBlendSchema } from '../../src/core/materials/material-ref';
import { BLEND_MASKS } from '../../src/core/materials/modifiers';
import { generateScene } from '../../src/core/scene/generate-scene';
import type { SceneData } from '../../src/core/scene/scene-data';
import { createStudioMaterialsApi } from '../../src/app/studio-materials';
import type { MaterialService } from '../../src/materials/material-service';
import { allPresets, resolvePreset } from '../../src/state/materials-slice';
import { createStudioStore } from '../../src/state/store';
import {
  applyBlocker,
  applyToSelection,
  materialRefFor,
} from '../../src/ui/materials/apply-material';
import {
  BLEND_FIELDS,
  BLEND_MASK_OPTIONS,
  blendBlocker,
  blendChoices,
  blendChoicesStatus,
  blendFromDraft,
  DEFAULT_BLEND,
  draftFromBlend,
  selectionBlendDraft,
} from '../../src/ui/materials/blend-draft';
import * as v from 'valibot';

let scene: SceneData;
beforeAll(async () => {
  const spec: unknown = JSON.parse(
    readFileSync(path.resolve(__dirname, '../../public/examples/primitives.json'), 'utf8'),
  );
  scene = await generateScene(spec);
});

const STONE = 'stone/cobblestone';
const MOSS = 'nature/moss';

describe('blend draft', () => {
  it('makes no blend until a second material is chosen, and a valid one after', () => {
    expect(blendFromDraft(null)).toBeUndefined();
    expect(blendFromDraft(DEFAULT_BLEND)).toBeUndefined();
    const blend = blendFromDraft({ ...DEFAULT_BLEND, preset: MOSS, mask: 'height', amount: 0.3 });
    expect(blend).toEqual({
      preset: MOSS,
      mask: 'height',
      amount: 0.3,
      softness: DEFAULT_BLEND.softness,
      scale: 4,
      seed: 0,
    });
    expect(v.safeParse(MaterialBlendSchema, blend).success).toBe(true);
    expect(draftFromBlend({ preset: MOSS, mask: 'slope', amount: 1, softness: 0 })).toEqual({
      preset: MOSS,
      mask: 'slope',
      amount: 1,
      softness: 0,
      scale: 4,
      seed: 0,
    });
  });

  it("the sliders' ranges are the schema's", () => {
    expect(BLEND_MASK_OPTIONS.map((o) => o.value)).toEqual([...BLEND_MASKS]);
    for (const f of BLEND_FIELDS) {
      const at = (x: number) =>
        v.safeParse(MaterialBlendSchema, { ...DEFAULT_BLEND, preset: MOSS, [f.field]: x }).success;
      expect(at(f.min), f.field).toBe(true);
      expect(at(f.max), f.field).toBe(true);
      expect(at(f.min - f.step), f.field).toBe(false);
      expect(at(f.max + f.step), f.field).toBe(false);
    }
  });

  it('says why it cannot apply', () => {
    const resolve = (id: string) => SHIPPED_PRESETS.find((p) => p.id === id);
    expect(blendBlocker(null, resolve)).toBeNull();
    expect(blendBlocker(DEFAULT_BLEND, resolve)).toMatch(/Choose a material to blend with/);
    expect(blendBlocker({ ...DEFAULT_BLEND, preset: 'user/gone' }, resolve)).toMatch(
      /Unknown material user\/gone/,
    );
    expect(blendBlocker({ ...DEFAULT_BLEND, preset: MOSS }, resolve)).toBeNull();
  });
});

describe('blend picker choices', () => {
  it('searches like the browser, leaves out the edited material and keeps the choice listed', () => {
    const all = blendChoices(SHIPPED_PRESETS, '', null, STONE, 50);
    expect(all.total).toBe(SHIPPED_PRESETS.length - 1);
    expect(all.options).toHaveLength(50);
    expect(all.shown).toBe(50);
    expect(all.options.some((p) => p.id === STONE)).toBe(false);
    expect(blendChoicesStatus(all)).toBe(
      `First 50 of ${SHIPPED_PRESETS.length - 1}; search to narrow`,
    );

    const moss = blendChoices(SHIPPED_PRESETS, 'moss', null, STONE);
    expect(moss.options.length).toBeGreaterThan(1);
    expect(moss.options.every((p) => /moss/i.test(`${p.name} ${p.tags.join(' ')} ${p.id}`))).toBe(
      true,
    );
    expect(moss.best).toBe(moss.options[0]!.id);
    expect(blendChoicesStatus(moss)).toBe(`${moss.total} materials`);

    // The chosen one stays in the list (first) when the query does not match it.
    const kept = blendChoices(SHIPPED_PRESETS, 'copper', MOSS, STONE);
    expect(kept.options[0]!.id).toBe(MOSS);
    expect(kept.best).not.toBe(MOSS);
    expect(kept.options.slice(1).every((p) => p.id !== MOSS)).toBe(true);

    const none = blendChoices(SHIPPED_PRESETS, 'zzzz-nothing', null, STONE);
    expect(none).toMatchObject({ options: [], total: 0, best: null });
    expect(blendChoicesStatus(none)).toBe('No materials match');
  });
});

describe('applying a blend to the selection', () => {
  it('is one undoable edit with the blend, the projection and the scale', () => {
    const store = createStudioStore({ storage: null });
    store.getState().generationFinished(scene, 'hash');
    const ids = store.getState().doc.index.parts.map((p) => `${p.key}#0`);
    store.getState().select([ids[0]!, ids[1]!]);
    store.getState().materialApplySet({ projection: 'box', scale: 2 });
    const blend = blendFromDraft({ ...DEFAULT_BLEND, preset: MOSS, mask: 'height' })!;
    expect(materialRefFor(store.getState(), STONE, {}, blend)).toEqual({
      preset: STONE,
      projection: 'box',
      scale: 2,
      blend,
    });
    expect(applyToSelection(store, STONE, undefined, blend)).toBe(true);
    for (const id of [ids[0]!, ids[1]!]) {
      expect(store.getState().doc.layer.records[id]!.material).toEqual({
        preset: STONE,
        projection: 'box',
        scale: 2,
        blend,
      });
    }
    const past = store.getState().doc.history.past;
    expect(past).toHaveLength(2);
    expect(past.at(-1)!.label).toContain(`${STONE} + ${MOSS}`);
    // The editor opened on this preset with a blended object selected starts from its blend.
    expect(selectionBlendDraft(store.getState(), STONE)).toEqual(draftFromBlend(blend));
    expect(selectionBlendDraft(store.getState(), MOSS)).toBeNull();
    store.getState().undo();
    expect(store.getState().doc.layer.records[ids[0]!]?.material).toBeUndefined();
    expect(selectionBlendDraft(store.getState(), STONE)).toBeNull();
  });

  it('refuses an unknown second material with a notice, without an edit', () => {
    const store = createStudioStore({ storage: null });
    store.getState().generationFinished(scene, 'hash');
    const id = `${store.getState().doc.index.parts[0]!.key}#0`;
    store.getState().select([id]);
    expect(resolvePreset(store.getState(), 'user/gone')).toBeUndefined();
    expect(applyBlocker(store.getState(), STONE, 'user/gone')).toMatch(
      /Unknown material user\/gone to blend with/,
    );
    const blend = { ...blendFromDraft({ ...DEFAULT_BLEND, preset: MOSS })!, preset: 'user/gone' };
    expect(applyToSelection(store, STONE, undefined, blend)).toBe(false);
    expect(store.getState().doc.history.past).toHaveLength(1);
    expect(store.getState().notices.at(-1)!.text).toMatch(/to blend with/);
  });
});

describe('window.studio.materials.apply with a blend', () => {
  it('passes the blend through as one edit and names what is wrong', () => {
    const store = createStudioStore({ storage: null });
    store.getState().generationFinished(scene, 'hash');
    const id = `${store.getState().doc.index.parts[0]!.key}#0`;
    const api = createStudioMaterialsApi({
      store,
      service: {} as MaterialService,
      presets: () => allPresets(store.getState()),
    });
    api.apply([id], STONE, {
      projection: 'triplanar',
      blend: { preset: MOSS, mask: 'noise', amount: 0.35, softness: 0.1, scale: 8, seed: 5 },
    });
    expect(store.getState().doc.layer.records[id]!.material).toEqual({
      preset: STONE,
      projection: 'triplanar',
      scale: 1,
      blend: { preset: MOSS, mask: 'noise', amount: 0.35, softness: 0.1, scale: 8, seed: 5 },
    });
    const edits = store.getState().doc.history.past.length;
    const bad = (blend: unknown) => () =>
      api.apply([id], STONE, {
        blend: blend as { preset: string; mask: 'noise'; amount: number; softness: number },
      });
    expect(bad({ preset: MOSS, mask: 'spots', amount: 0.5, softness: 0.2 })).toThrow(
      'apply material: blend.mask: expected one of noise, height, slope, got "spots"',
    );
    expect(bad({ preset: MOSS, mask: 'noise', amount: 2, softness: 0.2 })).toThrow(
      'apply material: blend.amount: expected 0..1, got 2',
    );
    expect(
      bad({ preset: 'nature/no-such-moss', mask: 'noise', amount: 0.5, softness: 0.2 }),
    ).toThrow("materials: no preset 'nature/no-such-moss' to blend with");
    expect(store.getState().doc.history.past.length).toBe(edits);
  });
});
