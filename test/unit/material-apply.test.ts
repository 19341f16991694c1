// Applying materials from the browser and the editor: one undoable 'setMaterial' edit with the
// browser's projection and scale and only the modifiers that change something; a reason instead of
// an edit when nothing is selected or the preset is unknown; the Material menu's actions.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { SHIPPED_PRESETS } from '../../src/core/materials/library';
import { generateScene } from '../../src/core/scene/generate-scene';
import type { SceneData } from '../../src/core/scene/scene-data';
import { createStudioStore, type StudioStore } from '../../src/state/store';
import { actionById, type ActionContext } from '../../src/ui/actions/studio-actions';
import {
  applyBlocker,
  applyToSelection,
  cleanModifiers,
  materialRefFor,
} from '../../src/ui/materials/apply-material';

let scene: SceneData;
beforeAll(async () => {
  const spec: unknown = JSON.parse(
    readFileSync(path.resolve(__dirname, '../../public/examples/primitives.json'), 'utf8'),
  );
  scene = await generateScene(spec);
});

function studio(): { store: StudioStore; ids: string[] } {
  const store = createStudioStore({ storage: null });
  store.getState().generationFinished(scene, 'hash');
  const ids = store.getState().doc.index.parts.map((p) => `${p.key}#0`);
  return { store, ids };
}

/** What the actions need: only the store and notices matter here. */
function context(store: StudioStore, notes: string[] = []): ActionContext {
  return {
    store,
    ui: { notify: (_k: string, t: string) => notes.push(t) },
  } as unknown as ActionContext;
}

const preset = SHIPPED_PRESETS[5]!.id;

describe('cleanModifiers', () => {
  it('is undefined when nothing changes and fills defaults otherwise', () => {
    expect(cleanModifiers(undefined)).toBeUndefined();
    expect(cleanModifiers({})).toBeUndefined();
    expect(cleanModifiers({ hue: 0, seed: 7, weatherAmount: 0.9 })).toBeUndefined();
    expect(cleanModifiers({ weather: 'wet', season: undefined })).toEqual({
      weather: 'wet',
      weatherAmount: 0.6,
      hue: 0,
      saturation: 0,
      value: 0,
      wear: 0,
      dirt: 0,
      seed: 0,
    });
    expect(cleanModifiers({ dirt: 0.4, seed: 3 })).toMatchObject({ dirt: 0.4, seed: 3 });
  });
});

describe('applying to the selection', () => {
  it('says why it cannot apply, without an edit', () => {
    const { store, ids } = studio();
    const s = store.getState();
    expect(applyBlocker(s, null)).toMatch(/Choose a material/);
    expect(applyBlocker(s, 'user/none')).toMatch(/Unknown material/);
    expect(applyBlocker(s, preset)).toMatch(/Select one or more objects/);
    expect(applyToSelection(store, preset)).toBe(false);
    expect(store.getState().doc.history.past).toHaveLength(1); // the generation
    expect(store.getState().notices.at(-1)!.text).toMatch(/Select one or more/);
    store.getState().select([ids[1]!]);
    expect(applyBlocker(store.getState(), preset)).toBeNull();
  });

  it('is one undoable edit with the projection, scale and modifiers chosen', () => {
    const { store, ids } = studio();
    store.getState().select([ids[1]!, ids[2]!]);
    store.getState().materialApplySet({ projection: 'box', scale: 2.5 });
    expect(applyToSelection(store, preset, { weather: 'frozen', weatherAmount: 0.3 })).toBe(true);
    const records = store.getState().doc.layer.records;
    for (const id of [ids[1]!, ids[2]!]) {
      expect(records[id]!.material).toMatchObject({
        preset,
        projection: 'box',
        scale: 2.5,
        modifiers: { weather: 'frozen', weatherAmount: 0.3 },
      });
    }
    const past = store.getState().doc.history.past;
    expect(past).toHaveLength(2);
    expect(past.at(-1)!.label).toContain(preset);
    store.getState().undo();
    expect(store.getState().doc.layer.records[ids[1]!]?.material).toBeUndefined();
  });

  it('materialRefFor leaves identity modifiers out', () => {
    const { store } = studio();
    expect(materialRefFor(store.getState(), preset, { hue: 0 })).toEqual({
      preset,
      projection: 'triplanar',
      scale: 1,
    });
  });
});

describe('the Material menu', () => {
  it('applies, picks, resets and toggles the browser', () => {
    const { store, ids } = studio();
    const ctx = context(store);
    const apply = actionById('material.apply');
    expect(apply.keys).toEqual(['Shift+M']);
    expect(apply.enabled!(store.getState(), ctx)).toBe(false);
    store.getState().materialSelected(preset);
    store.getState().select([ids[0]!]);
    expect(apply.enabled!(store.getState(), ctx)).toBe(true);
    apply.run(ctx);
    expect(store.getState().doc.layer.records[ids[0]!]!.material!.preset).toBe(preset);

    // "Choose the active object's material" shows it in the browser, clearing a filter that hides it.
    store.getState().materialSelected(null);
    store.getState().materialFilterSet({ query: 'zzzz' });
    actionById('material.pick').run(ctx);
    expect(store.getState().materials.selected).toBe(preset);
    expect(store.getState().materials.filter.query).toBe('');
    expect(store.getState().materials.browserOpen).toBe(true);

    const reset = actionById('material.reset');
    expect(reset.enabled!(store.getState(), ctx)).toBe(true);
    reset.run(ctx);
    expect(store.getState().doc.layer.records[ids[0]!]?.material).toBeUndefined();
    expect(reset.enabled!(store.getState(), ctx)).toBe(false);

    actionById('material.browser').run(ctx);
    expect(store.getState().materials.browserOpen).toBe(false);
    expect(actionById('material.export').enabled!(store.getState(), ctx)).toBe(false);
  });
});
