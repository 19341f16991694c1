// The content cache (contract in ./content-cache): a memory LRU in front of an IndexedDB tier
// (./disk-tier). Reads go memory → disk, a disk hit is copied into memory; writes land in memory at
// once and on disk in the background, where a failure is counted, never thrown. getOrMake shares one
// run between identical requests and keeps nothing from a run that failed. With no database (a
// private window) it is a memory-only cache and stats().disk is null.
//
// Cached values are shared, immutable plain data: every caller gets the same object, so nobody may
// mutate one or transfer its buffers to a worker (copy first).
import { LruCache } from '../core/cache/lru';
import type { KeyValueDb } from '../storage/idb';
import type { CachedValue, CacheKind, ContentCache, ContentCacheStats } from './content-cache';
import { DiskTier } from './disk-tier';

export const DEFAULT_MEMORY_BUDGET = 256 * 1024 * 1024;
export const DEFAULT_DISK_BUDGET = 1024 * 1024 * 1024;

const KINDS: readonly CacheKind[] = ['material', 'scene', 'asset', 'inference'];

export interface ContentCacheOptions {
  /** The persistent tier's database; null for a memory-only cache. */
  db: KeyValueDb | null;
  memoryBudgetBytes?: number;
  diskBudgetBytes?: number;
  /** Clock for recency (Date.now by default). */
  now?: () => number;
}

export interface PersistentCacheStats extends ContentCacheStats {
  /** Disk reads and writes that failed (the storage full even after evicting, or broken). */
  diskErrors: number;
}

export interface PersistentContentCache extends ContentCache {
  stats(): PersistentCacheStats;
  /** Commits every queued disk write and recency update now (tests, and before the page hides). */
  flush(): Promise<void>;
}

interface MemoryEntry {
  value: unknown;
  bytes: number;
}

export function createContentCache(options: ContentCacheOptions): PersistentContentCache {
  const now = options.now ?? Date.now;
  const memoryBudget = options.memoryBudgetBytes ?? DEFAULT_MEMORY_BUDGET;
  const listeners = new Set<() => void>();
  let snapshot: PersistentCacheStats | undefined;
  const changed = () => {
    snapshot = undefined;
    for (const listener of [...listeners]) listener();
  };

  const memory = new LruCache<MemoryEntry>(memoryBudget, (e) => e.bytes);
  const disk = options.db
    ? new DiskTier({
        db: options.db,
        budgetBytes: options.diskBudgetBytes ?? DEFAULT_DISK_BUDGET,
        now,
        onChange: changed,
      })
    : null;
  const inFlight = new Map<string, Promise<{ value: unknown; from: 'disk' | false }>>();
  const counts = {
    hits: 0,
    misses: 0,
    memoryHits: 0,
    diskHits: 0,
    shared: 0,
    byKind: Object.fromEntries(KINDS.map((k) => [k, { hits: 0, misses: 0 }])) as Record<
      CacheKind,
      { hits: number; misses: number }
    >,
  };

  const id = (kind: CacheKind, key: string) => `${kind}:${key}`;

  const count = (kind: CacheKind, from: 'memory' | 'disk' | false) => {
    if (from === false) {
      counts.misses++;
      counts.byKind[kind].misses++;
    } else {
      counts.hits++;
      counts.byKind[kind].hits++;
      if (from === 'memory') counts.memoryHits++;
      else counts.diskHits++;
    }
    changed();
  };

  const fromMemory = (entryId: string): MemoryEntry | undefined => {
    if (!memory.has(entryId)) return undefined;
    disk?.touch(entryId);
    return memory.get(entryId);
  };

  const remember = (entryId: string, value: unknown, bytes: number) => {
    memory.set(entryId, { value, bytes });
  };

  /** Disk lookups of many ids in one batched read; hits are copied into memory. */
  const fromDisk = async (ids: readonly string[]): Promise<(MemoryEntry | undefined)[]> => {
    if (!disk || ids.length === 0) return ids.map(() => undefined);
    await disk.ready();
    const known = ids.filter((i) => disk.has(i));
    const values = known.length > 0 ? await disk.read(known) : [];
    const found = new Map<string, MemoryEntry>();
    known.forEach((i, j) => {
      if (values[j] === undefined) return;
      const bytes = disk.bytesOf(i) ?? 0;
      found.set(i, { value: values[j], bytes });
      remember(i, values[j], bytes);
    });
    return ids.map((i) => found.get(i));
  };

  const store = (kind: CacheKind, key: string, value: unknown, bytes: number) => {
    const entryId = id(kind, key);
    remember(entryId, value, bytes);
    changed();
    if (disk) void disk.write(entryId, kind, value, bytes);
  };

  const cache: PersistentContentCache = {
    async get<T>(kind: CacheKind, key: string) {
      return (await cache.getMany<T>(kind, [key]))[0];
    },

    async getMany<T>(kind: CacheKind, keys: readonly string[]) {
      const out: (T | undefined)[] = new Array<T | undefined>(keys.length).fill(undefined);
      const missing: number[] = [];
      keys.forEach((key, i) => {
        const hit = fromMemory(id(kind, key));
        if (hit) {
          out[i] = hit.value as T;
          count(kind, 'memory');
        } else missing.push(i);
      });
      const found = await fromDisk(missing.map((i) => id(kind, keys[i]!)));
      missing.forEach((i, j) => {
        const hit = found[j];
        if (hit) out[i] = hit.value as T;
        count(kind, hit ? 'disk' : false);
      });
      return out;
    },

    async set<T>(kind: CacheKind, key: string, value: T, bytes: number) {
      store(kind, key, value, bytes);
      return Promise.resolve();
    },

    async getOrMake<T>(
      kind: CacheKind,
      key: string,
      make: () => Promise<T>,
      sizeOf: (value: T) => number,
    ): Promise<CachedValue<T>> {
      const entryId = id(kind, key);
      const hit = fromMemory(entryId);
      if (hit) {
        count(kind, 'memory');
        return { value: hit.value as T, cached: 'memory' };
      }
      const running = inFlight.get(entryId);
      if (running) {
        counts.shared++;
        changed();
        return { value: (await running).value as T, cached: 'shared' };
      }
      // Registered before the disk read, so a request arriving meanwhile joins this one.
      const run = (async () => {
        const [onDisk] = await fromDisk([entryId]);
        if (onDisk) {
          count(kind, 'disk');
          return { value: onDisk.value, from: 'disk' as const };
        }
        count(kind, false);
        const value = await make();
        store(kind, key, value, sizeOf(value));
        return { value: value as unknown, from: false as const };
      })().finally(() => inFlight.delete(entryId));
      inFlight.set(entryId, run);
      const { value, from } = await run;
      return { value: value as T, cached: from };
    },

    async evict(bytes: number) {
      return disk ? disk.evict(bytes) : 0;
    },

    async clear() {
      memory.clear();
      changed();
      await disk?.clear();
    },

    async flush() {
      await disk?.flush();
    },

    stats(): PersistentCacheStats {
      if (snapshot) return snapshot;
      const m = memory.stats();
      snapshot = {
        memory: { entries: m.entries, bytes: m.bytes, budgetBytes: m.budgetBytes },
        disk: disk?.available ? disk.stats() : null,
        hits: counts.hits,
        misses: counts.misses,
        memoryHits: counts.memoryHits,
        diskHits: counts.diskHits,
        shared: counts.shared,
        evictions: m.evictions + (disk?.evictions ?? 0),
        byKind: Object.fromEntries(
          KINDS.map((k) => [k, { ...counts.byKind[k] }]),
        ) as PersistentCacheStats['byKind'],
        diskErrors: disk?.errors ?? 0,
      };
      return snapshot;
    },

    subscribe(listener: () => void) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
  };
  return cache;
}
