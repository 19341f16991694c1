// The materials slice: the user's presets, favourites, filter and apply options persist under one
// versioned localStorage key; reading it never throws (missing data starts empty, corrupt data is
// ignored and told once as a notice, bad presets are dropped one by one); saving validates; and the
// selectors see shipped and user presets together.
import { describe, expect, it } from 'vitest';
import { SHIPPED_PRESETS } from '../../src/core/materials/library';
import type { MaterialPreset } from '../../src/core/materials/preset';
import {
  allPresets,
  loadMaterials,
  MATERIALS_STORAGE_KEY,
  presetIdTaken,
  resolvePreset,
  slugify,
  userPresetId,
  type KeyValueStorage,
} from '../../src/state/materials-slice';
import { createStudioStore } from '../../src/state/store';

class MemoryStorage implements KeyValueStorage {
  readonly data = new Map<string, string>();
  writes = 0;
  failWrites = false;
  getItem(key: string): string | null {
    return this.data.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    if (this.failWrites) throw new Error('QuotaExceededError');
    this.writes++;
    this.data.set(key, value);
  }
}

const base = (): MaterialPreset => structuredClone(SHIPPED_PRESETS[0]!);

function userPreset(name: string, id = `user/${slugify(name)}`): MaterialPreset {
  return { ...base(), id, name, tags: ['mine'] };
}

function stored(storage: MemoryStorage): Record<string, unknown> {
  return JSON.parse(storage.getItem(MATERIALS_STORAGE_KEY)!) as Record<string, unknown>;
}

describe('materials slice', () => {
  it('starts empty without saved data and tells nothing', () => {
    const store = createStudioStore({ storage: new MemoryStorage() });
    const m = store.getState().materials;
    expect(m.userPresets).toEqual([]);
    expect(m.favourites).toEqual([]);
    expect(m.filter).toEqual({ query: '', family: null, favouritesOnly: false });
    expect(m.loadProblem).toBeNull();
    expect(store.getState().notices).toEqual([]);
    // No storage at all (Node, blocked storage) works the same.
    expect(createStudioStore({ storage: null }).getState().materials.userPresets).toEqual([]);
  });

  it('saves user presets, favourites, filter and apply options under one key; a new start reads them', () => {
    const storage = new MemoryStorage();
    const store = createStudioStore({ storage });
    const mine = userPreset('My oak');
    store.getState().userPresetSaved(mine);
    store.getState().favouriteToggled(SHIPPED_PRESETS[1]!.id);
    store.getState().favouriteToggled(mine.id);
    store.getState().materialFilterSet({ query: 'oak', family: 'wood' });
    store.getState().materialApplySet({ projection: 'box', scale: 2 });
    expect([...storage.data.keys()]).toEqual([MATERIALS_STORAGE_KEY]);
    expect(stored(storage)['version']).toBe(1);

    const again = createStudioStore({ storage }).getState().materials;
    expect(again.userPresets).toEqual([mine]);
    expect(again.favourites).toEqual([SHIPPED_PRESETS[1]!.id, mine.id]);
    expect(again.filter).toEqual({ query: 'oak', family: 'wood', favouritesOnly: false });
    expect(again.apply).toEqual({ projection: 'box', scale: 2 });
    // The selection and the editor are per session.
    store.getState().materialSelected(mine.id);
    store.getState().materialEditing(mine.id);
    expect(createStudioStore({ storage }).getState().materials.editing).toBeNull();
  });

  it('toggling a favourite twice removes it', () => {
    const store = createStudioStore({ storage: new MemoryStorage() });
    const id = SHIPPED_PRESETS[2]!.id;
    store.getState().favouriteToggled(id);
    expect(store.getState().materials.favourites).toEqual([id]);
    store.getState().favouriteToggled(id);
    expect(store.getState().materials.favourites).toEqual([]);
  });

  it('corrupt saved data never throws at start: it is ignored and told once', () => {
    for (const [text, reason] of [
      ['{not json', /not JSON/],
      ['[1,2,3]', /no format version/],
      ['{"version":99,"userPresets":[]}', /format 99/],
      ['null', /no format version/],
    ] as const) {
      const storage = new MemoryStorage();
      storage.data.set(MATERIALS_STORAGE_KEY, text);
      const store = createStudioStore({ storage });
      expect(store.getState().materials.userPresets).toEqual([]);
      expect(store.getState().notices).toHaveLength(1);
      expect(store.getState().notices[0]!.text).toMatch(reason);
    }
    const broken: KeyValueStorage = {
      getItem: () => {
        throw new Error('SecurityError');
      },
      setItem: () => {},
    };
    const store = createStudioStore({ storage: broken });
    expect(store.getState().notices[0]!.text).toMatch(/could not be read \(SecurityError\)/);
  });

  it('keeps the valid presets of a partly bad file and names the bad ones', () => {
    const storage = new MemoryStorage();
    const good = userPreset('Good one');
    const badColour = {
      ...userPreset('Bad colour'),
      params: { ...base().params, colors: ['red', '#000000', '#000000'] },
    };
    const shippedId = { ...userPreset('Impostor'), id: SHIPPED_PRESETS[0]!.id };
    storage.data.set(
      MATERIALS_STORAGE_KEY,
      JSON.stringify({
        version: 1,
        userPresets: [good, badColour, shippedId, 'junk'],
        favourites: [good.id, 42, 'NOT AN ID', good.id],
        filter: { query: 7, family: 'nope', favouritesOnly: 'yes' },
        apply: { projection: 'warp', scale: 1e9 },
      }),
    );
    const store = createStudioStore({ storage });
    const m = store.getState().materials;
    expect(m.userPresets).toEqual([good]);
    expect(m.favourites).toEqual([good.id]);
    expect(m.filter).toEqual({ query: '', family: null, favouritesOnly: false });
    expect(m.apply).toEqual({ projection: 'triplanar', scale: 1 });
    const notices = store.getState().notices;
    expect(notices).toHaveLength(1);
    expect(notices[0]!.text).toMatch(/^3 saved material presets were invalid and ignored/);
    expect(notices[0]!.text).toContain('user/bad-colour: params.colors.0');
    expect(notices[0]!.text).toContain("shipped preset's id");
  });

  it('saving validates: a bad preset or a shipped id is refused and nothing changes', () => {
    const storage = new MemoryStorage();
    const store = createStudioStore({ storage });
    const bad = { ...userPreset('Too rough'), params: { ...base().params, roughness: [0.9, 0.1] } };
    expect(() => store.getState().userPresetSaved(bad as MaterialPreset)).toThrow(
      /params\.roughness: expected min <= max/,
    );
    expect(() =>
      store.getState().userPresetSaved({ ...userPreset('X'), id: SHIPPED_PRESETS[0]!.id }),
    ).toThrow(/shipped preset/);
    expect(store.getState().materials.userPresets).toEqual([]);
    expect(storage.writes).toBe(0);
  });

  it('saving the same id replaces it; import is all or nothing', () => {
    const store = createStudioStore({ storage: new MemoryStorage() });
    const a = userPreset('Alpha');
    store.getState().userPresetSaved(a);
    store.getState().userPresetSaved({ ...a, name: 'Alpha 2' });
    expect(store.getState().materials.userPresets.map((p) => p.name)).toEqual(['Alpha 2']);

    const b = userPreset('Beta');
    expect(store.getState().userPresetsImported([a, b])).toEqual({ added: 1, replaced: 1 });
    expect(store.getState().materials.userPresets.map((p) => p.id)).toEqual([a.id, b.id]);
    const before = store.getState().materials.userPresets;
    expect(() =>
      store.getState().userPresetsImported([userPreset('Gamma'), { ...b, name: 7 } as never]),
    ).toThrow(/name/);
    expect(store.getState().materials.userPresets).toBe(before);
  });

  it('removing a user preset drops it from favourites, the selection and the editor', () => {
    const store = createStudioStore({ storage: new MemoryStorage() });
    const a = userPreset('Alpha');
    store.getState().userPresetSaved(a);
    store.getState().favouriteToggled(a.id);
    store.getState().materialSelected(a.id);
    store.getState().materialEditing(a.id);
    store.getState().userPresetRemoved(a.id);
    const m = store.getState().materials;
    expect([m.userPresets, m.favourites, m.selected, m.editing]).toEqual([[], [], null, null]);
  });

  it('a storage that refuses writes is told once, and the state still changes', () => {
    const storage = new MemoryStorage();
    storage.failWrites = true;
    const store = createStudioStore({ storage });
    store.getState().favouriteToggled(SHIPPED_PRESETS[0]!.id);
    store.getState().favouriteToggled(SHIPPED_PRESETS[1]!.id);
    expect(store.getState().materials.favourites).toHaveLength(2);
    expect(store.getState().notices).toHaveLength(1);
    expect(store.getState().notices[0]!.text).toMatch(/could not be saved.*QuotaExceeded/);
  });

  it('allPresets is shipped then user presets, the same array until they change; resolvePreset finds both', () => {
    const store = createStudioStore({ storage: new MemoryStorage() });
    const first = allPresets(store.getState());
    expect(first.length).toBe(SHIPPED_PRESETS.length);
    expect(allPresets(store.getState())).toBe(first);
    const mine = userPreset('Mine');
    store.getState().userPresetSaved(mine);
    const next = allPresets(store.getState());
    expect(next).not.toBe(first);
    expect(next.at(-1)).toEqual(mine);
    expect(resolvePreset(store.getState(), mine.id)).toEqual(mine);
    expect(resolvePreset(store.getState(), SHIPPED_PRESETS[3]!.id)).toBe(SHIPPED_PRESETS[3]);
    expect(resolvePreset(store.getState(), 'user/nothing')).toBeUndefined();
  });

  it('user preset ids are slugs under user/, unique among all presets', () => {
    expect(slugify('  Mossy Stone — Wet! ')).toBe('mossy-stone-wet');
    expect(slugify('Crème brûlée')).toBe('creme-brulee');
    expect(slugify('!!!')).toBe('');
    expect(slugify('a'.repeat(80)).length).toBe(56);
    const store = createStudioStore({ storage: new MemoryStorage() });
    const taken = (id: string) => presetIdTaken(store.getState(), id);
    expect(userPresetId('Rusty Iron', taken)).toBe('user/rusty-iron');
    store.getState().userPresetSaved(userPreset('Rusty Iron'));
    expect(userPresetId('Rusty iron', taken)).toBe('user/rusty-iron-2');
    expect(userPresetId('???', taken)).toBe('user/material');
  });

  it('loadMaterials reads nothing from no storage', () => {
    expect(loadMaterials(null)).toMatchObject({ userPresets: [], problem: null });
  });
});
