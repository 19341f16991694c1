// Material assignments in the document (the undoable setMaterial command, hashing, groups), the
// byte-budget LRU, the bake content key and the material service's cache and de-duplication.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createContentCache } from '../../src/cache/create-content-cache';
import { LruCache } from '../../src/core/cache/lru';
import {
  applyCommand,
  buildObjectIndex,
  canonicalLayer,
  describeCommand,
  documentHash,
  EditError,
  EMPTY_LAYER,
  getObject,
  type DocumentView,
} from '../../src/core/document';
import { bakeKey, canonicalJson } from '../../src/core/materials/bake-key';
import {
  validateBakeRequest,
  type MaterialBakeRequest,
} from '../../src/core/materials/bake-request';
import type { MaterialMaps } from '../../src/core/materials/maps';
import type { MaterialParams } from '../../src/core/materials/preset';
import { generateScene } from '../../src/core/scene/generate-scene';
import type { SceneData } from '../../src/core/scene/scene-data';
import { createMaterialService } from '../../src/materials/create-material-service';
import { createStudioStore } from '../../src/state/store';
import { materialRefKey } from '../../src/viewport/materials/material-provider';

let scene: SceneData;
beforeAll(async () => {
  const spec: unknown = JSON.parse(
    readFileSync(path.resolve(__dirname, '../../public/examples/primitives.json'), 'utf8'),
  );
  scene = await generateScene(spec);
});
const view = (layer = EMPTY_LAYER): DocumentView => ({ index: buildObjectIndex(scene), layer });

describe('setMaterial command', () => {
  it('assigns, hashes, describes and resets', async () => {
    const doc = view();
    const id = doc.index.parts[0]!.key + '#0';
    const before = await documentHash('base', doc.layer);
    const cmd = {
      type: 'setMaterial' as const,
      ids: [id],
      material: { preset: 'wood/oak-planks', projection: 'triplanar' as const },
    };
    const { layer } = applyCommand(doc, cmd);
    expect(getObject({ ...doc, layer }, id)!.material).toEqual({
      preset: 'wood/oak-planks',
      projection: 'triplanar',
      scale: 1,
    });
    expect(await documentHash('base', layer)).not.toBe(before);
    expect(describeCommand(doc, cmd)).toMatch(/^Apply .*: wood\/oak-planks$/);
    // Modifiers hash the same whatever order their keys were written in.
    const a = applyCommand(doc, {
      ...cmd,
      material: { preset: 'wood/oak-planks', modifiers: { weather: 'wet', seed: 3 } },
    }).layer;
    const b = applyCommand(doc, {
      ...cmd,
      material: { preset: 'wood/oak-planks', modifiers: { seed: 3, weather: 'wet' } },
    }).layer;
    expect(canonicalLayer(a)).toBe(canonicalLayer(b));
    const reset = applyCommand({ ...doc, layer }, { ...cmd, material: null }).layer;
    expect(getObject({ ...doc, layer: reset }, id)!.material).toBeUndefined();
    expect(await documentHash('base', reset)).toBe(before);
  });

  it('refuses bad input naming it, and changes nothing', () => {
    const doc = view();
    const id = doc.index.parts[0]!.key + '#0';
    expect(() =>
      applyCommand(doc, { type: 'setMaterial', ids: ['nope#1'], material: { preset: 'a/b' } }),
    ).toThrow(/no object nope#1/);
    expect(() =>
      applyCommand(doc, { type: 'setMaterial', ids: [id], material: { preset: 'Bad Id!' } }),
    ).toThrow(EditError);
    expect(() =>
      applyCommand(doc, {
        type: 'setMaterial',
        ids: [id],
        material: { preset: 'a/b', projection: 'cubic' as never },
      }),
    ).toThrow(/projection: expected one of uv, triplanar/);
    expect(() =>
      applyCommand(doc, {
        type: 'setMaterial',
        ids: [id],
        material: { preset: 'a/b', modifiers: { weather: 'stormy' as never } },
      }),
    ).toThrow(/modifiers\.weather/);
    expect(doc.layer).toBe(EMPTY_LAYER);
  });

  it('a blend with a second preset is validated, stored with defaults, hashed canonically and undone', async () => {
    const store = createStudioStore({ storage: null });
    store.getState().generationFinished(scene, 'base');
    const id = store.getState().doc.index.parts[0]!.key + '#0';
    const hashNow = () => documentHash('base', store.getState().doc.layer);
    const before = await hashNow();
    const blend = { preset: 'nature/moss', mask: 'height' as const, amount: 0.4, softness: 0.3 };
    const cmd = {
      type: 'setMaterial' as const,
      ids: [id],
      material: { preset: 'stone/cobblestone', projection: 'triplanar' as const, blend },
    };
    store.getState().edit(cmd);
    const stored = store.getState().doc.layer.records[id]!.material!;
    // Defaults filled: the mask's noise scale and seed.
    expect(stored.blend).toEqual({ ...blend, scale: 4, seed: 0 });
    expect(store.getState().doc.history.past.at(-1)!.label).toMatch(
      /^Apply .*: stone\/cobblestone \+ nature\/moss$/,
    );
    const blended = await hashNow();
    expect(blended).not.toBe(before);

    // Not the same scene as the first material alone, nor as another mask or amount.
    const view0 = view();
    const layerOf = (material: unknown) =>
      applyCommand(view0, { ...cmd, material: material as typeof cmd.material }).layer;
    const plain = await documentHash('base', layerOf({ preset: 'stone/cobblestone' }));
    expect(plain).not.toBe(blended);
    const other = layerOf({ ...cmd.material, blend: { ...blend, mask: 'noise' } });
    expect(await documentHash('base', other)).not.toBe(blended);
    const more = layerOf({ ...cmd.material, blend: { ...blend, amount: 0.6 } });
    expect(await documentHash('base', more)).not.toBe(blended);

    // Equal blends hash equal whatever order their keys (and their modifiers' keys) were written in,
    // and spelling out a default changes nothing.
    const a = layerOf({
      ...cmd.material,
      blend: { ...blend, modifiers: { weather: 'wet', seed: 3 } },
    });
    const b = layerOf({
      blend: {
        modifiers: { seed: 3, weather: 'wet' },
        seed: 0,
        softness: 0.3,
        amount: 0.4,
        scale: 4,
        mask: 'height',
        preset: 'nature/moss',
      },
      projection: 'triplanar',
      preset: 'stone/cobblestone',
    });
    expect(canonicalLayer(a)).toBe(canonicalLayer(b));
    expect(await documentHash('base', a)).toBe(await documentHash('base', b));
    const materialOf = (layer: typeof a) => getObject({ ...view0, layer }, id)!.material!;
    expect(materialRefKey(materialOf(a))).toBe(materialRefKey(materialOf(b)));
    expect(materialRefKey(materialOf(a))).not.toBe(materialRefKey({ preset: 'stone/cobblestone' }));
    expect(materialRefKey({ preset: 'x/y', blend })).toBe(
      materialRefKey({ preset: 'x/y', blend: { ...blend, scale: 4, seed: 0 } }),
    );

    // Undo restores the hash exactly; redo brings the blend back.
    store.getState().undo();
    expect(store.getState().doc.layer.records[id]?.material).toBeUndefined();
    expect(await hashNow()).toBe(before);
    store.getState().redo();
    expect(await hashNow()).toBe(blended);
  });

  it('refuses a bad blend naming the field, and changes nothing', () => {
    const doc = view();
    const id = doc.index.parts[0]!.key + '#0';
    const good = { preset: 'nature/moss', mask: 'noise', amount: 0.5, softness: 0.2 };
    const attempt = (blend: unknown) => () =>
      applyCommand(doc, {
        type: 'setMaterial',
        ids: [id],
        material: { preset: 'stone/cobblestone', blend } as never,
      });
    expect(attempt({ ...good, mask: 'stripes' })).toThrow(EditError);
    expect(attempt({ ...good, mask: 'stripes' })).toThrow(
      /blend\.mask: expected one of noise, height, slope, got "stripes"/,
    );
    expect(attempt({ ...good, amount: 1.5 })).toThrow(/blend\.amount: expected 0\.\.1, got 1\.5/);
    expect(attempt({ ...good, softness: -1 })).toThrow(/blend\.softness/);
    expect(attempt({ ...good, scale: 0 })).toThrow(/blend\.scale: expected 1\.\.32/);
    expect(attempt({ ...good, preset: 'Not An Id' })).toThrow(
      /blend\.preset: expected a preset id/,
    );
    expect(attempt({ ...good, modifiers: { weather: 'stormy' } })).toThrow(
      /blend\.modifiers\.weather/,
    );
    expect(attempt({ ...good, colour: 'red' })).toThrow(/blend\.colour: unknown field/);
    const { mask: _mask, ...noMask } = good;
    expect(attempt(noMask)).toThrow(/blend\.mask/);
    expect(doc.layer).toBe(EMPTY_LAYER);
  });

  it('a group passes the material to everything in it', () => {
    const doc = view();
    const ids = [0, 1]
      .map((i) => `${doc.index.parts[0]!.key}#${i}`)
      .filter((id) => getObject(doc, id));
    const grouped = applyCommand(doc, { type: 'group', ids });
    const group = grouped.created[0]!;
    const g = { ...doc, layer: grouped.layer };
    const { layer } = applyCommand(g, {
      type: 'setMaterial',
      ids: [group],
      material: { preset: 'metal/steel' },
    });
    for (const id of ids)
      expect(getObject({ ...doc, layer }, id)!.material?.preset).toBe('metal/steel');
    expect(getObject({ ...doc, layer }, group)!.material).toBeUndefined();
  });
});

describe('LruCache', () => {
  it('evicts the least recently used entries to stay within its byte budget', () => {
    const lru = new LruCache<string>(10, (v) => v.length);
    lru.set('a', 'xxxx');
    lru.set('b', 'xxxx');
    expect(lru.get('a')).toBe('xxxx'); // a is now the most recent
    lru.set('c', 'xxxx'); // 12 bytes: b goes
    expect(lru.keys()).toEqual(['a', 'c']);
    expect(lru.get('b')).toBeUndefined();
    expect(lru.set('huge', 'x'.repeat(11))).toBe(false);
    expect(lru.stats()).toMatchObject({ entries: 2, bytes: 8, hits: 1, misses: 1, evictions: 1 });
    lru.set('a', 'xx'); // replacing an entry counts its new size once
    expect(lru.stats().bytes).toBe(6);
  });
});

const params: MaterialParams = {
  pattern: 'brick',
  scale: 4,
  density: 0.5,
  groove: 0.1,
  jitter: 0.2,
  warp: 0.1,
  detail: 0.4,
  stretch: 1,
  colors: ['#8b3a2b', '#a0522d', '#cfc6b8'],
  colorVariation: 0.3,
  roughness: [0.6, 0.9],
  metalness: [0, 0],
  height: 0.5,
  ao: 0.5,
  wear: 0.1,
  seed: 7,
};

describe('bake content key', () => {
  it('is canonical: key order does not matter, content does', async () => {
    const reordered = Object.fromEntries(Object.entries(params).reverse()) as MaterialParams;
    expect(canonicalJson(reordered)).toBe(canonicalJson(params));
    const r: MaterialBakeRequest = { params, size: 64 };
    expect(await bakeKey({ size: 64, params: reordered })).toBe(await bakeKey(r));
    expect(await bakeKey({ ...r, size: 128 })).not.toBe(await bakeKey(r));
    expect(await bakeKey({ ...r, params: { ...params, seed: 8 } })).not.toBe(await bakeKey(r));
    const wet = validateBakeRequest({ ...r, modifiers: { weather: 'wet' } });
    expect(await bakeKey(wet)).not.toBe(await bakeKey(r));
    // Defaults are filled before keying: spelling one out changes nothing.
    const wet2 = validateBakeRequest({ ...r, modifiers: { weather: 'wet', weatherAmount: 0.6 } });
    expect(await bakeKey(wet2)).toBe(await bakeKey(wet));
  });
});

describe('material service', () => {
  const fakeMaps = (size: number): MaterialMaps => {
    const rgba = () => ({ format: 'rgba8' as const, levels: [new Uint8Array(size * size * 4)] });
    return {
      size,
      albedo: rgba(),
      normal: rgba(),
      orm: rgba(),
      height: { format: 'r32f', levels: [new Float32Array(size * size)] },
    };
  };

  it('bakes once for identical requests, in flight or cached, and evicts by budget', async () => {
    const calls: MaterialBakeRequest[] = [];
    const service = createMaterialService({
      cache: createContentCache({ db: null, memoryBudgetBytes: 3 * 64 * 64 * 16 }),
      compute: {
        bakeMaterial: async (request) => {
          calls.push(request);
          await new Promise((r) => setTimeout(r, 5));
          return { ...fakeMaps(request.size), ms: 5, engine: 'cpu' as const };
        },
      },
    });
    const [a, b] = await Promise.all([
      service.bake(params, { size: 64 }),
      service.bake({ ...params }, { size: 64 }),
    ]);
    expect(calls).toHaveLength(1);
    expect(a.key).toBe(b.key);
    const c = await service.bake(params, { size: 64 });
    expect(c.cached).toBe(true);
    expect(c.maps).toBe(a.maps);
    expect(calls).toHaveLength(1);
    // Four other materials exceed the budget of three: the first one is evicted and baked again.
    for (let s = 1; s <= 4; s++) await service.bake({ ...params, seed: s }, { size: 64 });
    expect(service.stats().entries).toBe(3);
    await service.bake(params, { size: 64 });
    expect(calls).toHaveLength(6);
  });

  it('rejects a bad request naming the field, without calling the worker', async () => {
    let called = false;
    const service = createMaterialService({
      cache: createContentCache({ db: null }),
      compute: {
        bakeMaterial: () => {
          called = true;
          return Promise.reject(new Error('unreachable'));
        },
      },
    });
    await expect(service.bake({ ...params, scale: 0 }, { size: 64 })).rejects.toThrow(
      /params\.scale: expected 1\.\.64, got 0/,
    );
    await expect(service.bake(params, { size: 100 as never })).rejects.toThrow(/size/);
    expect(called).toBe(false);
  });
});
