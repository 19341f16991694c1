// The scene document: commands on the edit layer, derived objects, the content hash, and undo/redo
// through the store restoring exact states (scene hash included).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  applyCommand,
  buildObjectIndex,
  canonicalLayer,
  documentHash,
  EditError,
  EMPTY_LAYER,
  getObject,
  listObjects,
  partGroupLabel,
  partLabel,
  type DocumentView,
} from '../../src/core/document';
import { invertAffine, multiply } from '../../src/core/math/mat4-ops';
import { generateScene } from '../../src/core/scene/generate-scene';
import { sceneHash } from '../../src/core/scene/scene-hash';
import type { SceneData } from '../../src/core/scene/scene-data';
import { createStudioStore } from '../../src/state/store';

const example = (name: string): unknown =>
  JSON.parse(readFileSync(path.resolve(__dirname, `../../public/examples/${name}.json`), 'utf8'));

let primitives: SceneData;
let forest: SceneData;
beforeAll(async () => {
  primitives = await generateScene(example('primitives'));
  forest = await generateScene(example('forest'));
});

function view(scene: SceneData, layer = EMPTY_LAYER): DocumentView {
  return { index: buildObjectIndex(scene), layer };
}

describe('objects of a generated scene', () => {
  it('one object per instance of a part; a tree is its trunk and foliage together', () => {
    const doc = view(forest);
    const tree = doc.index.partByKey.get('scatter[0]:tree')!;
    expect(tree.batches).toHaveLength(2);
    expect(tree.materials).toEqual(['scatter:bark', 'scatter:foliage']);
    const objects = listObjects(doc);
    const instances = forest.batches.reduce(
      (n, b, i) =>
        n + (doc.index.parts.some((p) => p.batches[0] === i) ? b.transforms.length / 16 : 0),
      0,
    );
    expect(objects).toHaveLength(instances);
    const t0 = getObject(doc, 'scatter[0]:tree#0')!;
    expect(t0.name).toBe('Tree 1');
    expect(t0.origin).toBe('scatter[0]');
    expect(t0.world.slice(12, 15)).toEqual(
      Array.from(forest.batches[tree.batches[0]!]!.transforms.subarray(12, 15)),
    );
    expect(getObject(doc, 'scatter[0]:tree#99999')).toBeNull();
    expect(getObject(doc, 'nonsense')).toBeNull();
  });

  it('names parts readably', () => {
    expect(partLabel('prop:barrel')).toBe('Barrel');
    expect(partLabel('dungeon:floor')).toBe('Floor tile');
    expect(partLabel('scatter[2]:tree')).toBe('Tree');
    expect(partLabel('terrain:rock')).toBe('Terrain: rock');
    expect(partLabel('prim:box:1.5x1.5x1.5|default:box')).toBe('Box');
    expect(partGroupLabel('prop:barrel', 90)).toBe('Barrels');
    expect(partGroupLabel('prop:torch', 9)).toBe('Torches');
    expect(partGroupLabel('prop:bookshelf', 57)).toBe('Bookshelves');
    expect(partGroupLabel('prop:rubble', 57)).toBe('Rubble');
    expect(partGroupLabel('dungeon:floor', 6123)).toBe('Floor tiles');
    expect(partGroupLabel('scatter[1]:grass', 50)).toBe('Grass');
  });
});

describe('commands', () => {
  it('translate moves the world position by exactly the delta and leaves others alone', () => {
    const doc = view(primitives);
    const ids = listObjects(doc).map((o) => o.id);
    const [a, b] = ids;
    const before = getObject(doc, a!)!.world;
    const { layer } = applyCommand(doc, { type: 'translate', ids: [a!], delta: [1, -2, 0.5] });
    const after = getObject({ ...doc, layer }, a!)!.world;
    expect(after[12]).toBe(before[12]! + 1);
    expect(after[13]).toBe(before[13]! - 2);
    expect(after[14]).toBe(before[14]! + 0.5);
    expect(after.slice(0, 12)).toEqual(before.slice(0, 12));
    expect(getObject({ ...doc, layer }, b!)!.world).toEqual(getObject(doc, b!)!.world);
  });

  it('names what is wrong and changes nothing on bad input', () => {
    const doc = view(primitives);
    const id = listObjects(doc)[0]!.id;
    expect(() =>
      applyCommand(doc, { type: 'translate', ids: ['nope#3'], delta: [1, 0, 0] }),
    ).toThrow(/move: no object nope#3/);
    expect(() =>
      applyCommand(doc, { type: 'translate', ids: [id], delta: [NaN, 0, 0] as never }),
    ).toThrow(EditError);
    expect(() => applyCommand(doc, { type: 'rename', id, name: '   ' })).toThrow(/name is empty/);
    expect(() => applyCommand(doc, { type: 'translate', ids: [], delta: [1, 0, 0] })).toThrow(
      /no objects given/,
    );
    const locked = applyCommand(doc, { type: 'setLocked', ids: [id], locked: true }).layer;
    expect(() =>
      applyCommand({ ...doc, layer: locked }, { type: 'translate', ids: [id], delta: [1, 0, 0] }),
    ).toThrow(/is locked/);
    expect(doc.layer).toBe(EMPTY_LAYER);
  });

  it('remove, hide, duplicate and import', () => {
    const doc = view(primitives);
    const [a, b] = listObjects(doc).map((o) => o.id);
    let layer = applyCommand(doc, { type: 'remove', ids: [a!] }).layer;
    expect(getObject({ ...doc, layer }, a!)).toBeNull();
    expect(listObjects({ ...doc, layer })).toHaveLength(listObjects(doc).length - 1);
    layer = applyCommand({ ...doc, layer }, { type: 'setHidden', ids: [b!], hidden: true }).layer;
    expect(getObject({ ...doc, layer }, b!)!.visible).toBe(false);
    const dup = applyCommand(
      { ...doc, layer },
      { type: 'duplicate', ids: [b!], offset: [2, 0, 0] },
    );
    expect(dup.created).toEqual(['copy:1']);
    const copy = getObject({ ...doc, layer: dup.layer }, 'copy:1')!;
    expect(copy.kind).toBe('part');
    expect(copy.part).toBe(getObject(doc, b!)!.part);
    expect(copy.world[12]).toBe(getObject(doc, b!)!.world[12]! + 2);
    const imp = applyCommand(
      { ...doc, layer: dup.layer },
      { type: 'import', asset: 'ab'.repeat(32), name: 'chair.glb' },
    );
    expect(imp.created).toEqual(['import:2']);
    expect(getObject({ ...doc, layer: imp.layer }, 'import:2')).toMatchObject({
      kind: 'asset',
      name: 'chair.glb',
      origin: 'ab'.repeat(32),
    });
    expect(() => applyCommand(doc, { type: 'import', asset: 'not-a-hash', name: 'x.glb' })).toThrow(
      /SHA-256/,
    );
  });

  it('a group carries its children; ungroup keeps their world transforms', () => {
    const doc = view(primitives);
    const [a, b] = listObjects(doc).map((o) => o.id);
    const wa = getObject(doc, a!)!.world;
    const g = applyCommand(doc, { type: 'group', ids: [a!, b!], name: 'Pair' });
    const gid = g.created[0]!;
    let layer = g.layer;
    expect(getObject({ ...doc, layer }, a!)!.parent).toBe(gid);
    layer = applyCommand(
      { ...doc, layer },
      { type: 'translate', ids: [gid], delta: [0, 3, 0] },
    ).layer;
    // The child moved with the group, once.
    expect(getObject({ ...doc, layer }, a!)!.world[13]).toBeCloseTo(wa[13]! + 3, 12);
    layer = applyCommand({ ...doc, layer }, { type: 'ungroup', ids: [gid] }).layer;
    const ua = getObject({ ...doc, layer }, a!)!;
    expect(ua.parent).toBeNull();
    expect(ua.world[13]).toBeCloseTo(wa[13]! + 3, 12);
    expect(getObject({ ...doc, layer }, gid)).toBeNull();
  });

  it('setWorld under a moved group stores a local transform that reproduces the world one', () => {
    const doc = view(primitives);
    const [a, b] = listObjects(doc).map((o) => o.id);
    let layer = applyCommand(doc, { type: 'group', ids: [a!, b!] }).layer;
    layer = applyCommand(
      { ...doc, layer },
      { type: 'translate', ids: ['group:1'], delta: [5, 0, 0] },
    ).layer;
    const target = [1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 7, 8, 9, 1];
    layer = applyCommand(
      { ...doc, layer },
      { type: 'setWorld', ids: [a!], matrices: [target] },
    ).layer;
    const world = getObject({ ...doc, layer }, a!)!.world;
    world.forEach((v, i) => expect(v).toBeCloseTo(target[i]!, 12));
    const m = [2, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0.5, 0, 1, 2, 3, 1];
    const inv = invertAffine(m)!;
    multiply(m, inv).forEach((v, i) => expect(v).toBeCloseTo(i % 5 === 0 ? 1 : 0, 12));
  });
});

describe('large edits', () => {
  it('hides and shows thousands of objects in one command', async () => {
    const dungeon = await generateScene(example('dungeon-large'));
    const doc = view(dungeon);
    const floor = doc.index.partByKey.get('dungeon:floor')!;
    const ids = Array.from({ length: floor.count }, (_, i) => `dungeon:floor#${i}`);
    const hidden = applyCommand(doc, { type: 'setHidden', ids, hidden: true }).layer;
    const shown = applyCommand(
      { ...doc, layer: hidden },
      { type: 'setHidden', ids, hidden: false },
    );
    expect(Object.keys(hidden.records)).toHaveLength(floor.count);
    expect(Object.keys(shown.layer.records)).toHaveLength(0);
  });
});

describe('document hash', () => {
  it('is the scene hash with no edits, changes with each edit, and is canonical', async () => {
    const base = await sceneHash(primitives);
    const doc = view(primitives);
    const id = listObjects(doc)[0]!.id;
    expect(await documentHash(base, EMPTY_LAYER)).toBe(base);
    const moved = applyCommand(doc, { type: 'translate', ids: [id], delta: [1, 0, 0] }).layer;
    const h1 = await documentHash(base, moved);
    expect(h1).not.toBe(base);
    const renamed = applyCommand({ ...doc, layer: moved }, { type: 'rename', id, name: 'X' }).layer;
    expect(await documentHash(base, renamed)).not.toBe(h1);
    // Same edits in another order: same content, same hash.
    const other = applyCommand(
      { ...doc, layer: applyCommand(doc, { type: 'rename', id, name: 'X' }).layer },
      { type: 'translate', ids: [id], delta: [1, 0, 0] },
    ).layer;
    expect(canonicalLayer(other)).toBe(canonicalLayer(renamed));
  });
});

describe('undo and redo in the store', () => {
  async function hashOf(store: ReturnType<typeof createStudioStore>) {
    const s = store.getState();
    return documentHash(s.scene.hash, s.doc.layer);
  }

  it('restores exact states, including regeneration and spec edits', async () => {
    const store = createStudioStore();
    const spec = example('primitives') as Record<string, unknown>;
    store.getState().specLoaded(spec, 'primitives');
    store.getState().generationFinished(primitives, await sceneHash(primitives));
    const h0 = await hashOf(store);
    const id = store.getState().doc.index.parts[1]!.key + '#0';
    store.getState().select([id]);
    store.getState().edit({ type: 'translate', ids: [id], delta: [0.1, 0.2, 0.3] });
    const h1 = await hashOf(store);
    expect(h1).not.toBe(h0);
    store.getState().edit({ type: 'translate', ids: [id], delta: [0.1, 0.2, 0.3] });
    const h2 = await hashOf(store);
    expect(store.getState().undo()).toBe(true);
    expect(await hashOf(store)).toBe(h1);
    expect(store.getState().undo()).toBe(true);
    expect(await hashOf(store)).toBe(h0);
    expect(store.getState().redo()).toBe(true);
    expect(store.getState().redo()).toBe(true);
    expect(await hashOf(store)).toBe(h2);

    // A regeneration is one entry; undo brings back the previous scene and its edits.
    store.getState().specFieldSet(['seed'], 7);
    store.getState().specFieldSet(['seed'], 8);
    const labels = store.getState().doc.history.past.map((e) => e.label);
    expect(labels.slice(-1)).toEqual(['Edit seed']);
    expect(labels.filter((l) => l === 'Edit seed')).toHaveLength(1);
    store.getState().generationFinished(forest, await sceneHash(forest));
    expect(store.getState().scene.data).toBe(forest);
    expect(store.getState().doc.layer.records).toEqual({});
    store.getState().undo();
    expect(store.getState().scene.data).toBe(primitives);
    expect(await hashOf(store)).toBe(h2);
    store.getState().undo();
    expect(store.getState().spec.draft['seed']).toBe(spec['seed']);
    store.getState().redo();
    store.getState().redo();
    expect(store.getState().scene.data).toBe(forest);
    // A new edit after undo drops the redo branch.
    store.getState().undo();
    store.getState().edit({ type: 'rename', id, name: 'Renamed' });
    expect(store.getState().doc.history.future).toHaveLength(0);
    expect(store.getState().redo()).toBe(false);
  });

  it('a failed command changes nothing and records nothing', () => {
    const store = createStudioStore();
    store.getState().generationFinished(primitives, 'h');
    const before = store.getState().doc;
    expect(() => store.getState().edit({ type: 'remove', ids: ['ghost#1'] })).toThrow(EditError);
    expect(store.getState().doc).toBe(before);
  });

  it('selection keeps only existing objects and follows undo', () => {
    const store = createStudioStore();
    store.getState().generationFinished(primitives, 'h');
    const id = store.getState().doc.index.parts[0]!.key + '#0';
    store.getState().select([id, 'ghost#0']);
    expect(store.getState().doc.selection).toEqual([id]);
    store.getState().edit({ type: 'remove', ids: [id] });
    expect(store.getState().doc.selection).toEqual([]);
    store
      .getState()
      .edit({ type: 'duplicate', ids: [store.getState().doc.index.parts[1]!.key + '#0'] });
    expect(store.getState().doc.selection).toEqual(['copy:1']);
    store.getState().undo();
    expect(store.getState().doc.selection).toEqual([]);
  });
});
