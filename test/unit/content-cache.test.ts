import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it, vi } from 'vitest';
import { createContentCache } from '../../src/cache/create-content-cache';
import type { MaterialMaps } from '../../src/core/materials/maps';
import type { ComputeApi } from '../../src/gpu/compute-api';
import { createMaterialService } from '../../src/materials/create-material-service';
import { openKeyValueDb, QuotaError, type KeyValueDb } from '../../src/storage/idb';
import { BRICK } from '../support/material-fixtures';

const freshDb = () => openKeyValueDb('cache-test', { factory: new IDBFactory() });

/** A clock the test moves: recency is exact, not timing-dependent. */
function clock(start = 1000) {
  let t = start;
  const now = () => t;
  return { now, tick: (ms = 1) => (t += ms) };
}

const bytes = (n: number, fill = 1) => new Uint8Array(n).fill(fill);

describe('content cache: memory tier', () => {
  it('serves a set value from memory, the same object, and counts the hit', async () => {
    const cache = createContentCache({ db: null });
    const value = { data: bytes(8) };
    await cache.set('scene', 'k', value, 8);
    expect(await cache.get('scene', 'k')).toBe(value);
    expect(await cache.get('scene', 'other')).toBeUndefined();
    const s = cache.stats();
    expect(s).toMatchObject({ hits: 1, misses: 1, memoryHits: 1, diskHits: 0, disk: null });
    expect(s.memory).toEqual({ entries: 1, bytes: 8, budgetBytes: 256 * 1024 * 1024 });
    expect(s.byKind.scene).toEqual({ hits: 1, misses: 1 });
    expect(s.byKind.material).toEqual({ hits: 0, misses: 0 });
  });

  it('kinds do not collide: one key under two kinds is two entries', async () => {
    const cache = createContentCache({ db: null });
    await cache.set('scene', 'k', 'a scene', 1);
    await cache.set('asset', 'k', 'an asset', 1);
    expect(await cache.get('scene', 'k')).toBe('a scene');
    expect(await cache.get('asset', 'k')).toBe('an asset');
  });

  it('evicts the least recently used entry when over the memory budget', async () => {
    const cache = createContentCache({ db: null, memoryBudgetBytes: 10 });
    await cache.set('asset', 'a', 'A', 4);
    await cache.set('asset', 'b', 'B', 4);
    expect(await cache.get('asset', 'a')).toBe('A'); // a is now more recent than b
    await cache.set('asset', 'c', 'C', 4);
    expect(await cache.getMany('asset', ['a', 'b', 'c'])).toEqual(['A', undefined, 'C']);
    expect(cache.stats().evictions).toBe(1);
    expect(cache.stats().memory).toMatchObject({ entries: 2, bytes: 8 });
  });

  it('with no database: memory only, evict frees nothing, clear empties it', async () => {
    const cache = createContentCache({ db: null });
    await cache.set('material', 'm', 1, 1);
    expect(cache.stats().disk).toBeNull();
    expect(await cache.evict(100)).toBe(0);
    expect(await cache.get('material', 'm')).toBe(1);
    await cache.clear();
    expect(await cache.get('material', 'm')).toBeUndefined();
    expect(cache.stats().memory.entries).toBe(0);
  });

  it('notifies subscribers on changes and keeps the stats snapshot stable between them', async () => {
    const cache = createContentCache({ db: null });
    const listener = vi.fn();
    const unsubscribe = cache.subscribe(listener);
    const before = cache.stats();
    expect(cache.stats()).toBe(before); // no change, same object (useSyncExternalStore needs this)
    await cache.set('scene', 'k', 1, 1);
    expect(listener).toHaveBeenCalled();
    expect(cache.stats()).not.toBe(before);
    const calls = listener.mock.calls.length;
    unsubscribe();
    await cache.get('scene', 'k');
    expect(listener).toHaveBeenCalledTimes(calls);
  });
});

describe('content cache: getOrMake', () => {
  it('shares one make() between concurrent identical requests and reports where each came from', async () => {
    const cache = createContentCache({ db: null });
    let release!: () => void;
    const make = vi.fn(() => new Promise<string>((resolve) => (release = () => resolve('made'))));
    const first = cache.getOrMake('scene', 'k', make, () => 4);
    const second = cache.getOrMake('scene', 'k', make, () => 4);
    await vi.waitFor(() => expect(make).toHaveBeenCalled());
    release();
    expect(await first).toEqual({ value: 'made', cached: false });
    expect(await second).toEqual({ value: 'made', cached: 'shared' });
    expect(await cache.getOrMake('scene', 'k', make, () => 4)).toEqual({
      value: 'made',
      cached: 'memory',
    });
    expect(make).toHaveBeenCalledTimes(1);
    expect(cache.stats()).toMatchObject({ hits: 1, misses: 1, shared: 1, memoryHits: 1 });
    expect(cache.stats().byKind.scene).toEqual({ hits: 1, misses: 1 });
  });

  it('does not cache a failed make(): the next call makes again', async () => {
    const cache = createContentCache({ db: null });
    const make = vi
      .fn<() => Promise<string>>()
      .mockRejectedValueOnce(new Error('worker died'))
      .mockResolvedValueOnce('second try');
    const [a, b] = await Promise.allSettled([
      cache.getOrMake('asset', 'k', make, () => 1),
      cache.getOrMake('asset', 'k', make, () => 1),
    ]);
    expect(a).toMatchObject({ status: 'rejected', reason: { message: 'worker died' } });
    expect(b).toMatchObject({ status: 'rejected', reason: { message: 'worker died' } }); // joined
    expect(await cache.get('asset', 'k')).toBeUndefined();
    expect(await cache.getOrMake('asset', 'k', make, () => 1)).toEqual({
      value: 'second try',
      cached: false,
    });
    expect(make).toHaveBeenCalledTimes(2);
  });
});

describe('content cache: disk tier (fake-indexeddb)', () => {
  it('persists: a new cache instance over the same database serves the value from disk', async () => {
    const db = freshDb();
    const a = createContentCache({ db });
    const scene = { name: 'x', positions: new Float32Array([1, 2.5, -3]), ids: [1, 2] };
    await a.getOrMake(
      'scene',
      'k',
      async () => scene,
      () => 12,
    );
    await a.flush();
    expect(a.stats().disk).toEqual({ entries: 1, bytes: 12, budgetBytes: 1024 * 1024 * 1024 });

    const b = createContentCache({ db });
    const make = vi.fn(async () => ({ name: 'made again' }));
    const got = await b.getOrMake('scene', 'k', make, () => 1);
    expect(make).not.toHaveBeenCalled();
    expect(got.cached).toBe('disk');
    expect(got.value).toEqual(scene);
    expect(got.value).not.toBe(scene); // a structured clone, read back
    expect((got.value as typeof scene).positions).toBeInstanceOf(Float32Array);
    // The disk hit was copied into memory.
    expect((await b.getOrMake('scene', 'k', make, () => 1)).cached).toBe('memory');
    expect(b.stats()).toMatchObject({ hits: 2, diskHits: 1, memoryHits: 1, misses: 0 });
    expect(b.stats().disk).toMatchObject({ entries: 1, bytes: 12 });
    expect(await db.keys()).toEqual(expect.arrayContaining(['index', 'entry:scene:k']));
  });

  it('evicts least recently used disk entries when over the disk budget (use refreshes)', async () => {
    const db = freshDb();
    const t = clock();
    const a = createContentCache({ db, diskBudgetBytes: 10, now: t.now });
    await a.set('material', 'a', 'A', 4);
    t.tick();
    await a.set('material', 'b', 'B', 4);
    t.tick();
    await a.flush();
    expect(await a.get('material', 'a')).toBe('A'); // a used after b
    t.tick();
    await a.set('material', 'c', 'C', 4); // 12 > 10: b is the least recently used
    await a.flush();
    expect(a.stats().disk).toMatchObject({ entries: 2, bytes: 8 });
    expect(a.stats().evictions).toBe(1);
    const stored = await db.keys();
    expect(stored).toContain('entry:material:a');
    expect(stored).toContain('entry:material:c');
    expect(stored).not.toContain('entry:material:b');

    const b = createContentCache({ db, diskBudgetBytes: 10, now: t.now });
    expect(await b.getMany('material', ['a', 'b', 'c'])).toEqual(['A', undefined, 'C']);
  });

  it('writes recency in the background, coalesced: hits do not write one by one', async () => {
    const db = freshDb();
    const t = clock();
    const a = createContentCache({ db, now: t.now });
    await a.set('scene', 'x', 'X', 1);
    await a.set('scene', 'y', 'Y', 1);
    await a.flush();
    const transact = vi.spyOn(db, 'transact');
    for (let i = 0; i < 20; i++) {
      t.tick();
      await a.get('scene', i % 2 ? 'x' : 'y');
    }
    expect(transact).not.toHaveBeenCalled(); // nothing written per hit
    await a.flush();
    expect(transact).toHaveBeenCalledTimes(1); // one commit carries all the recency updates
    const index = await db.get<Record<string, { lastUsed: number }>>('index');
    expect(index?.['scene:x']?.lastUsed).toBe(t.now()); // the last use (i = 19) was x
    expect(index?.['scene:y']?.lastUsed).toBe(t.now() - 1);
  });

  it('getMany reads memory first and the rest in exactly one batched KV read', async () => {
    const db = freshDb();
    const a = createContentCache({ db });
    for (const k of ['a', 'b', 'c']) await a.set('asset', k, `value ${k}`, 1);
    await a.flush();

    const b = createContentCache({ db });
    await b.set('asset', 'm', 'in memory', 1);
    const getMany = vi.spyOn(db, 'getMany');
    const got = await b.getMany('asset', ['a', 'm', 'b', 'nowhere', 'c']);
    expect(got).toEqual(['value a', 'in memory', 'value b', undefined, 'value c']);
    expect(getMany).toHaveBeenCalledTimes(1);
    // Only what the index names is read: not the memory hit, not the unknown key.
    expect(getMany.mock.calls[0]![0]).toEqual(['entry:asset:a', 'entry:asset:b', 'entry:asset:c']);
    expect(b.stats()).toMatchObject({ memoryHits: 1, diskHits: 3, misses: 1 });
    // A second call is all memory: no KV read at all.
    await b.getMany('asset', ['a', 'b', 'c']);
    expect(getMany).toHaveBeenCalledTimes(1);
  });

  it('evict(bytes) frees disk entries least recently used first and returns the bytes freed', async () => {
    const db = freshDb();
    const t = clock();
    const cache = createContentCache({ db, now: t.now });
    for (const k of ['old', 'mid', 'new']) {
      await cache.set('scene', k, k, 100);
      t.tick();
    }
    await cache.flush();
    expect(await cache.evict(150)).toBe(200); // whole entries: old and mid
    expect(await db.keys()).not.toContain('entry:scene:old');
    expect(await db.keys()).not.toContain('entry:scene:mid');
    expect(await db.keys()).toContain('entry:scene:new');
    expect(cache.stats().disk).toMatchObject({ entries: 1, bytes: 100 });
    const fresh = createContentCache({ db });
    await fresh.get('scene', 'x'); // the index is read by then
    expect(fresh.stats().disk).toMatchObject({ entries: 1, bytes: 100 });
  });

  it('on QuotaError evicts least recently used entries (at least twice the write) and retries once', async () => {
    const inner = freshDb();
    let quotaFailures = 0;
    const db: KeyValueDb = {
      ...inner,
      transact: (mode, body) => {
        if (mode === 'readwrite' && quotaFailures > 0) {
          quotaFailures--;
          return Promise.reject(new QuotaError('storage is full'));
        }
        return inner.transact(mode, body);
      },
    };
    const t = clock();
    const cache = createContentCache({ db, now: t.now });
    for (const k of ['a', 'b', 'c']) {
      await cache.set('asset', k, k, 100);
      t.tick();
    }
    await cache.flush();

    quotaFailures = 1;
    await cache.set('asset', 'd', 'd', 60);
    await cache.flush();
    // Needs 120 bytes: a then b (least recently used) go, c stays; d is written on the retry.
    const keys = await inner.keys();
    expect(keys).not.toContain('entry:asset:a');
    expect(keys).not.toContain('entry:asset:b');
    expect(keys).toContain('entry:asset:c');
    expect(keys).toContain('entry:asset:d');
    expect(cache.stats().diskErrors).toBe(0);
    expect(cache.stats().disk).toMatchObject({ entries: 2, bytes: 160 });

    // Full for good: the write is dropped quietly and counted; memory still serves the value.
    quotaFailures = Infinity;
    await expect(cache.set('asset', 'e', 'e', 10)).resolves.toBeUndefined();
    await cache.flush();
    expect(cache.stats().diskErrors).toBe(1);
    expect(await cache.get('asset', 'e')).toBe('e');
    quotaFailures = 0;
    const fresh = createContentCache({ db: inner });
    expect(await fresh.get('asset', 'e')).toBeUndefined();
    expect(await fresh.get('asset', 'd')).toBe('d');
  });

  it('a value IndexedDB cannot clone stays in memory and is counted, the others are written', async () => {
    const db = freshDb();
    const cache = createContentCache({ db });
    const odd = { f: () => 1 };
    await cache.set('inference', 'odd', odd, 1);
    await cache.set('inference', 'ok', 'fine', 1);
    await cache.flush();
    expect(cache.stats().diskErrors).toBe(1);
    expect(await cache.get('inference', 'odd')).toBe(odd);
    const fresh = createContentCache({ db });
    expect(await fresh.getMany('inference', ['odd', 'ok'])).toEqual([undefined, 'fine']);
  });

  it('two instances sharing one database keep each other’s entries (index merged on write)', async () => {
    const db = freshDb();
    const a = createContentCache({ db });
    const b = createContentCache({ db });
    await a.get('scene', 'nothing'); // both read the (empty) index
    await b.get('scene', 'nothing');
    await a.set('scene', 'from-a', 'A', 1);
    await a.flush();
    await b.set('scene', 'from-b', 'B', 1);
    await b.flush();
    const c = createContentCache({ db });
    expect(await c.getMany('scene', ['from-a', 'from-b'])).toEqual(['A', 'B']);
  });

  it('clear() empties both tiers', async () => {
    const db = freshDb();
    const cache = createContentCache({ db });
    await cache.set('scene', 'k', 'v', 1);
    await cache.flush();
    await cache.clear();
    expect(await cache.get('scene', 'k')).toBeUndefined();
    expect(await db.keys()).toEqual([]);
    expect(cache.stats().disk).toMatchObject({ entries: 0, bytes: 0 });
  });
});

describe('material service over the content cache', () => {
  const params = BRICK;
  const maps = (size: number): MaterialMaps => {
    const rgba = () => ({ format: 'rgba8' as const, levels: [new Uint8Array(size * size * 4)] });
    const height = new Float32Array(size * size).map((_, i) => i / (size * size));
    return {
      size,
      albedo: rgba(),
      normal: rgba(),
      orm: rgba(),
      height: { format: 'r32f', levels: [height] },
    };
  };

  it('a bake survives a reload: a new service over the same database does not bake again', async () => {
    const db = freshDb();
    const bakeMaterial = vi.fn<ComputeApi['bakeMaterial']>(async (request, engine) => ({
      ...maps(request.size),
      ms: 12,
      engine: engine === 'cpu' ? ('cpu' as const) : ('webgpu' as const),
    }));
    const cacheA = createContentCache({ db });
    const a = createMaterialService({ compute: { bakeMaterial }, cache: cacheA });
    const made = await a.bake(params, { size: 16 });
    expect(made).toMatchObject({ cached: false, ms: 12, engine: 'webgpu' });
    // A forced engine is another entry.
    const forced = await a.bake(params, { size: 16, engine: 'cpu' });
    expect(forced.key).toBe(`${made.key}:cpu`);
    expect(bakeMaterial).toHaveBeenCalledTimes(2);
    await cacheA.flush();

    const cacheB = createContentCache({ db });
    const b = createMaterialService({ compute: { bakeMaterial }, cache: cacheB });
    const again = await b.bake(params, { size: 16 });
    expect(bakeMaterial).toHaveBeenCalledTimes(2);
    expect(again).toMatchObject({ key: made.key, cached: true, ms: 0, engine: 'webgpu' });
    expect(again.maps.height.levels[0]).toEqual(made.maps.height.levels[0]);
    expect(b.stats()).toMatchObject({ hits: 1, misses: 0, entries: 1 });
  });
});
