// The contract of the content-addressed cache: values (baked material maps, generated scene data,
// imported assets, later inference results) stored by a content key in two tiers, memory (LRU) and
// IndexedDB, each with a byte budget and least-recently-used eviction, with statistics the studio
// shows. Identical requests are served from it, and identical requests in flight share one run.

/** What kind of value an entry is: kinds share the budget but are counted apart in the stats. */
export type CacheKind = 'material' | 'scene' | 'asset' | 'inference';

export interface CacheTierStats {
  entries: number;
  bytes: number;
  budgetBytes: number;
}

export interface ContentCacheStats {
  memory: CacheTierStats;
  /** null when there is no persistent tier (IndexedDB unavailable). */
  disk: CacheTierStats | null;
  hits: number;
  misses: number;
  /** Hits served by each tier. */
  memoryHits: number;
  diskHits: number;
  /** Requests that joined an identical one already running. */
  shared: number;
  evictions: number;
  byKind: Record<CacheKind, { hits: number; misses: number }>;
}

export interface CachedValue<T> {
  value: T;
  /** Where it came from: a tier, 'shared' (joined a running request) or false (made now). */
  cached: 'memory' | 'disk' | 'shared' | false;
}

export interface ContentCache {
  get<T>(kind: CacheKind, key: string): Promise<T | undefined>;
  /** Many entries at once: memory first, the rest in one batched IndexedDB read. */
  getMany<T>(kind: CacheKind, keys: readonly string[]): Promise<(T | undefined)[]>;
  /** Stores a value of `bytes` size (in memory now, on disk in the background). */
  set<T>(kind: CacheKind, key: string, value: T, bytes: number): Promise<void>;
  /**
   * The cached value, or `make()`'s (stored). Concurrent calls with one key share one make().
   * `sizeOf` gives a made value's bytes.
   */
  getOrMake<T>(
    kind: CacheKind,
    key: string,
    make: () => Promise<T>,
    sizeOf: (value: T) => number,
  ): Promise<CachedValue<T>>;
  /** Frees at least `bytes` of the disk tier (least recently used first); returns bytes freed. */
  evict(bytes: number): Promise<number>;
  clear(): Promise<void>;
  stats(): ContentCacheStats;
  /** Called after every change of the stats (for the UI). Returns an unsubscribe function. */
  subscribe(listener: () => void): () => void;
}
