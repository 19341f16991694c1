import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it, vi } from 'vitest';
import { createContentCache } from '../../src/cache/create-content-cache';
import {
  GenerationCancelledError,
  type GenerateProgress,
} from '../../src/core/scene/generate-scene';
import type { SceneData } from '../../src/core/scene/scene-data';
import {
  sceneCacheKey,
  typedArrayBytes,
  withSceneCache,
} from '../../src/generation/cached-scene-client';
import type { GeneratedScene } from '../../src/generation/scene-api';
import type { SceneClient } from '../../src/generation/scene-client';
import type { ImportedAsset } from '../../src/import/imported-asset';
import { openKeyValueDb } from '../../src/storage/idb';

const spec = { version: 1, seed: 7, dungeon: { width: 24, depth: 24, rooms: { count: 4 } } };

/** A scene whose bytes depend on the spec's seed (positions 12 B, indices 12 B, transforms 64 B). */
function fakeScene(seed: number): GeneratedScene {
  const scene = {
    format: 'canvas3d-scene',
    version: 1,
    name: 'fake',
    seed,
    meshes: [
      {
        id: 'm',
        positions: new Float32Array([seed, 1, 2]),
        normals: new Float32Array(0),
        uvs: new Float32Array(0),
        indices: new Uint32Array([0, 1, 2]),
      },
    ],
    batches: [
      {
        part: 'p',
        source: 'dungeon',
        lods: ['m'],
        lodDistances: [],
        material: 'x',
        transforms: new Float32Array(16),
      },
    ],
    lights: { kinds: new Uint8Array(0), data: new Float32Array(0), sources: [] },
    materials: ['x'],
    bounds: [0, 0, 0, 1, 1, 1],
    stats: {},
  } as unknown as SceneData;
  return { scene, hash: `hash-${seed}` };
}

/** A client that records calls; generate() waits for `gate` (if any) and honours its signal. */
function fakeClient(gate?: () => Promise<void>) {
  const generate = vi.fn<SceneClient['generate']>(async (input, options = {}) => {
    options.onProgress?.({ phase: 'dungeon', fraction: 0.5 });
    await new Promise<void>((resolve, reject) => {
      const signal = options.signal;
      if (signal?.aborted) return reject(new GenerationCancelledError());
      signal?.addEventListener('abort', () => reject(new GenerationCancelledError()), {
        once: true,
      });
      void (gate ? gate() : Promise.resolve()).then(resolve);
    });
    if (options.signal?.aborted) throw new GenerationCancelledError();
    const s = input as { seed?: unknown; version?: unknown };
    if (s.version !== 1) throw new Error('version: expected 1');
    return fakeScene(Number(s.seed));
  });
  const parseModel = vi.fn<SceneClient['parseModel']>(
    async (bytes, name): Promise<ImportedAsset> => ({
      hash: 'h',
      name,
      meshes: [],
      bounds: [0, 0, 0, 0, 0, 0],
      triangles: bytes.length,
      vertices: 0,
    }),
  );
  const client: SceneClient = { generate, parseModel, terminate: vi.fn() };
  return { client, generate, parseModel };
}

describe('scene cache key', () => {
  it('ignores key order and spelled-out defaults, not content', async () => {
    const key = await sceneCacheKey(spec);
    expect(key).toMatch(/^[0-9a-f]{64}$/);
    const reordered = {
      dungeon: { rooms: { count: 4 }, depth: 24, width: 24, cellSize: 2 }, // 2 is the default
      seed: 7,
      version: 1,
    };
    expect(await sceneCacheKey(reordered)).toBe(key);
    expect(await sceneCacheKey({ ...spec, seed: 8 })).not.toBe(key);
    expect(await sceneCacheKey({ ...spec, dungeon: { ...spec.dungeon, width: 25 } })).not.toBe(key);
    expect(await sceneCacheKey({ version: 1 })).toBeUndefined(); // no seed: invalid
  });
});

describe('withSceneCache', () => {
  it('generates a spec once: the second call is served from the cache with a cache progress event', async () => {
    const { client, generate } = fakeClient();
    const cache = createContentCache({ db: null });
    const cached = withSceneCache(client, cache);
    const firstProgress: GenerateProgress[] = [];
    const first = await cached.generate(spec, { onProgress: (p) => firstProgress.push(p) });
    expect(firstProgress).toEqual([{ phase: 'dungeon', fraction: 0.5 }]); // the client's own
    const progress: GenerateProgress[] = [];
    const second = await cached.generate(spec, { onProgress: (p) => progress.push(p) });
    expect(generate).toHaveBeenCalledTimes(1);
    expect(second).toBe(first);
    expect(progress).toEqual([{ phase: 'cache', fraction: 1 }]);
    // Sized by its typed arrays: 12 + 0 + 0 + 12 + 64 bytes.
    expect(cache.stats().memory.bytes).toBe(88);
    expect(typedArrayBytes(first.scene)).toBe(88);
    expect(cache.stats().byKind.scene).toEqual({ hits: 1, misses: 1 });
  });

  it('serves a reordered spec with defaults spelled out from the cache; a forced engine apart', async () => {
    const { client, generate } = fakeClient();
    const cached = withSceneCache(client, createContentCache({ db: null }));
    const first = await cached.generate(spec);
    const again = await cached.generate(
      { dungeon: { loops: 0.15, rooms: { count: 4 }, depth: 24, width: 24 }, seed: 7, version: 1 },
      { terrainEngine: 'auto' },
    );
    expect(again).toBe(first);
    expect(generate).toHaveBeenCalledTimes(1);
    // A forced engine is a request to run there: its own entry, shared by later forced requests.
    const forced = await cached.generate(spec, { terrainEngine: 'webgpu' });
    expect(generate).toHaveBeenCalledTimes(2);
    expect(await cached.generate(spec, { terrainEngine: 'webgpu' })).toBe(forced);
    await cached.generate(spec, { terrainEngine: 'cpu' });
    expect(generate).toHaveBeenCalledTimes(3);
  });

  it('a different seed is a miss', async () => {
    const { client, generate } = fakeClient();
    const cached = withSceneCache(client, createContentCache({ db: null }));
    const a = await cached.generate(spec);
    const b = await cached.generate({ ...spec, seed: 8 });
    expect(generate).toHaveBeenCalledTimes(2);
    expect(b.hash).toBe('hash-8');
    expect(a.hash).toBe('hash-7');
  });

  it('passes an invalid spec to the client, which rejects with its message; nothing is cached', async () => {
    const { client, generate } = fakeClient();
    const cache = createContentCache({ db: null });
    const cached = withSceneCache(client, cache);
    await expect(cached.generate({ version: 2, seed: 1 })).rejects.toThrow('version: expected 1');
    await expect(cached.generate({ version: 2, seed: 1 })).rejects.toThrow('version: expected 1');
    expect(generate).toHaveBeenCalledTimes(2);
    expect(cache.stats().memory.entries).toBe(0);
  });

  it('a cancelled run is not cached: the next request generates', async () => {
    let open!: () => void;
    const { client, generate } = fakeClient(() => new Promise((r) => (open = r)));
    const cache = createContentCache({ db: null });
    const cached = withSceneCache(client, cache);
    const controller = new AbortController();
    const run = cached.generate(spec, { signal: controller.signal });
    await vi.waitFor(() => expect(generate).toHaveBeenCalledTimes(1));
    controller.abort();
    await expect(run).rejects.toMatchObject({ name: 'AbortError' });
    expect(cache.stats().memory.entries).toBe(0);
    const next = cached.generate(spec);
    await vi.waitFor(() => expect(generate).toHaveBeenCalledTimes(2));
    open();
    expect((await next).hash).toBe('hash-7');
    expect(cache.stats().memory.entries).toBe(1);
  });

  it('a request that joined a run its starter cancelled starts its own and succeeds', async () => {
    const gates: (() => void)[] = [];
    const { client, generate } = fakeClient(() => new Promise<void>((r) => gates.push(r)));
    const cache = createContentCache({ db: null });
    const cached = withSceneCache(client, cache);
    const controller = new AbortController();
    const starter = cached.generate(spec, { signal: controller.signal });
    const joinerProgress: GenerateProgress[] = [];
    const joiner = cached.generate({ ...spec }, { onProgress: (p) => joinerProgress.push(p) });
    await vi.waitFor(() => expect(generate).toHaveBeenCalledTimes(1));
    expect(cache.stats().shared).toBe(1);
    controller.abort();
    await expect(starter).rejects.toMatchObject({ name: 'AbortError' });
    await vi.waitFor(() => expect(generate).toHaveBeenCalledTimes(2)); // the joiner's own run
    gates[1]!();
    expect((await joiner).hash).toBe('hash-7');
    expect(joinerProgress).toEqual([{ phase: 'dungeon', fraction: 0.5 }]);
  });

  it('persists a scene: a new cache over the same database serves it byte-identical', async () => {
    const db = openKeyValueDb('scene-cache-test', { factory: new IDBFactory() });
    const first = fakeClient();
    const cacheA = createContentCache({ db });
    const made = await withSceneCache(first.client, cacheA).generate(spec);
    await cacheA.flush();

    const second = fakeClient();
    const progress: GenerateProgress[] = [];
    const cacheB = createContentCache({ db });
    const got = await withSceneCache(second.client, cacheB).generate(spec, {
      onProgress: (p) => progress.push(p),
    });
    expect(second.generate).not.toHaveBeenCalled();
    expect(progress).toEqual([{ phase: 'cache', fraction: 1 }]);
    expect(cacheB.stats().diskHits).toBe(1);
    expect(got).toEqual(made);
    expect(got.scene.meshes[0]!.positions).toBeInstanceOf(Float32Array);
    expect(got.scene.meshes[0]!.indices).toEqual(new Uint32Array([0, 1, 2]));
  });

  it('parses a model file once per bytes and name', async () => {
    const { client, parseModel } = fakeClient();
    const cached = withSceneCache(client, createContentCache({ db: null }));
    const bytes = new Uint8Array([1, 2, 3, 4]);
    const a = await cached.parseModel(bytes, 'chair.glb');
    const b = await cached.parseModel(new Uint8Array([1, 2, 3, 4]), 'chair.glb');
    expect(b).toBe(a);
    expect(parseModel).toHaveBeenCalledTimes(1);
    await cached.parseModel(bytes, 'table.glb'); // another name: another asset
    await cached.parseModel(new Uint8Array([1, 2, 3, 5]), 'chair.glb'); // other bytes
    expect(parseModel).toHaveBeenCalledTimes(3);
    expect([...bytes]).toEqual([1, 2, 3, 4]);
  });
});
