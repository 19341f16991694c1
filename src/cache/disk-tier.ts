// The content cache's persistent tier on a KeyValueDb: each value under `entry:<kind>:<key>`, and one
// `index` record (id → kind, bytes, last use) read once at start, so budgets and least-recently-used
// eviction never walk the store. Writes are queued and committed in the background, coalesced into
// one strict transaction that also rewrites the index: values and index land together or not at all.
// The index is merged with the stored one inside that transaction (read, merge, write), so two tabs
// sharing the database neither lose each other's entries nor leave orphaned values. Recency updates
// (a hit) only mark the index dirty and go out within a second, or with the next write.
// A failed write never reaches the caller: on QuotaError the least recently used entries (at least
// twice the bytes being written) are deleted and the write retried once; then it is dropped and
// counted in `errors`.
import { QuotaError, type KeyValueDb } from '../storage/idb';
import type { CacheKind, CacheTierStats } from './content-cache';

export interface DiskIndexEntry {
  kind: CacheKind;
  bytes: number;
  /** Last use, in the clock's milliseconds. */
  lastUsed: number;
}

/** The stored index: `<kind>:<key>` → entry. */
export type DiskIndex = Record<string, DiskIndexEntry>;

export const INDEX_KEY = 'index';
export const entryKey = (id: string): string => `entry:${id}`;

/** How long a recency-only change may wait before it is written. */
export const RECENCY_FLUSH_MS = 1000;

interface PendingPut {
  value: unknown;
  entry: DiskIndexEntry;
}

interface Changes {
  puts: Map<string, PendingPut>;
  deletes: Set<string>;
  touched: Map<string, number>;
}

const emptyChanges = (): Changes => ({ puts: new Map(), deletes: new Set(), touched: new Map() });

export interface DiskTierOptions {
  db: KeyValueDb;
  budgetBytes: number;
  now: () => number;
  /** Called after every change of the tier's entries, evictions or errors. */
  onChange: () => void;
}

export class DiskTier {
  /** False once the database turned out unusable (it could not be opened or read). */
  available = true;
  evictions = 0;
  errors = 0;

  private readonly db: KeyValueDb;
  private readonly budgetBytes: number;
  private readonly now: () => number;
  private readonly onChange: () => void;
  private readonly index = new Map<string, DiskIndexEntry>();
  private total = 0;
  private pending: Changes = emptyChanges();
  /** Values being committed right now (still readable from here until the commit settles). */
  private committing = new Map<string, unknown>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private timerDue = Infinity;
  /** Every commit runs after the previous one. */
  private chain: Promise<void> = Promise.resolve();
  private readonly loaded: Promise<void>;

  constructor(options: DiskTierOptions) {
    this.db = options.db;
    this.budgetBytes = options.budgetBytes;
    this.now = options.now;
    this.onChange = options.onChange;
    this.loaded = this.db.get<DiskIndex>(INDEX_KEY).then(
      (stored) => {
        this.replaceIndex({ ...stored });
        this.onChange();
      },
      () => {
        this.available = false;
        this.onChange();
      },
    );
  }

  /** Resolves once the index has been read (or found unreadable). */
  ready(): Promise<void> {
    return this.loaded;
  }

  stats(): CacheTierStats {
    return { entries: this.index.size, bytes: this.total, budgetBytes: this.budgetBytes };
  }

  has(id: string): boolean {
    return this.index.has(id);
  }

  bytesOf(id: string): number | undefined {
    return this.index.get(id)?.bytes;
  }

  /**
   * Reads entries in one batched KV read (those queued or being written come from memory). Found
   * entries are marked used now; ids the index names but the store lacks are dropped.
   */
  async read(ids: readonly string[]): Promise<unknown[]> {
    const at = this.now();
    await this.loaded;
    const out: unknown[] = new Array<unknown>(ids.length).fill(undefined);
    if (!this.available) return out;
    const wanted: number[] = [];
    ids.forEach((id, i) => {
      const put = this.pending.puts.get(id);
      if (put) out[i] = put.value;
      else if (this.committing.has(id)) out[i] = this.committing.get(id);
      else if (this.index.has(id)) wanted.push(i);
    });
    if (wanted.length > 0) {
      let values: unknown[];
      try {
        values = await this.db.getMany(wanted.map((i) => entryKey(ids[i]!)));
      } catch {
        this.errors++;
        this.onChange();
        return out;
      }
      wanted.forEach((i, j) => {
        const id = ids[i]!;
        if (values[j] !== undefined) out[i] = values[j];
        // Named by the index but gone (deleted by another tab): forget it, stored index too.
        else if (!this.pending.puts.has(id)) this.remove([id], false);
      });
    }
    ids.forEach((id, i) => {
      if (out[i] !== undefined) this.touch(id, at);
    });
    return out;
  }

  /** Marks an entry used now; written within RECENCY_FLUSH_MS. */
  touch(id: string, at = this.now()): void {
    const entry = this.index.get(id);
    if (!entry) return;
    entry.lastUsed = Math.max(entry.lastUsed, at);
    this.pending.touched.set(id, entry.lastUsed);
    this.schedule(RECENCY_FLUSH_MS);
  }

  /** Queues a value for writing; entries over the budget are evicted now (least recently used). */
  async write(id: string, kind: CacheKind, value: unknown, bytes: number): Promise<void> {
    const lastUsed = this.now(); // when it was set, not when the index had loaded
    await this.loaded;
    if (!this.available) return;
    if (bytes > this.budgetBytes) {
      if (this.index.has(id)) this.remove([id]);
      return;
    }
    this.setEntry(id, { kind, bytes, lastUsed });
    this.pending.deletes.delete(id);
    this.pending.puts.set(id, { value, entry: this.index.get(id)! });
    this.enforceBudget(id);
    this.onChange();
    this.schedule(0);
  }

  /** Deletes least recently used entries until at least `bytes` are freed; returns bytes freed. */
  async evict(bytes: number): Promise<number> {
    await this.loaded;
    if (!this.available || bytes <= 0) return 0;
    const freed = this.remove(this.victims(bytes, new Set()));
    this.onChange();
    // Deletions only: queued values stay queued, so this cannot fail for lack of space.
    const deletes = this.pending.deletes;
    const touched = this.pending.touched;
    this.pending = { ...this.pending, deletes: new Set(), touched: new Map() };
    await this.enqueue(() => this.commitOrRequeue({ puts: new Map(), deletes, touched }));
    return freed;
  }

  /** Writes everything queued now; resolves when it has been committed (or given up). */
  async flush(): Promise<void> {
    // Writes waiting for the index (queued before this call) are queued once it has loaded.
    await this.loaded;
    this.clearTimer();
    return this.enqueue(async () => {
      const changes = this.pending;
      this.pending = emptyChanges();
      await this.commitWithRetry(changes);
    });
  }

  /** Deletes every entry and the index. */
  async clear(): Promise<void> {
    await this.loaded;
    this.clearTimer();
    this.pending = emptyChanges();
    this.index.clear();
    this.total = 0;
    this.onChange();
    if (!this.available) return;
    await this.enqueue(async () => {
      // A commit that finished after the reset above brought its entries back: drop them again.
      this.index.clear();
      this.total = 0;
      try {
        const keys = (await this.db.keys()).filter(
          (k) => k === INDEX_KEY || k.startsWith('entry:'),
        );
        await this.db.delMany(keys);
      } catch {
        this.errors++;
        this.onChange();
      }
    });
  }

  private enqueue(work: () => Promise<void>): Promise<void> {
    const run = this.chain.then(work);
    this.chain = run.catch(() => {});
    return run;
  }

  private schedule(ms: number): void {
    const due = Date.now() + ms;
    if (this.timer !== undefined && this.timerDue <= due) return;
    this.clearTimer();
    this.timerDue = due;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.timerDue = Infinity;
      void this.flush();
    }, ms);
  }

  private clearTimer(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    this.timerDue = Infinity;
  }

  private setEntry(id: string, entry: DiskIndexEntry): void {
    this.total += entry.bytes - (this.index.get(id)?.bytes ?? 0);
    this.index.set(id, entry);
  }

  private drop(id: string): number {
    const entry = this.index.get(id);
    if (!entry) return 0;
    this.index.delete(id);
    this.total -= entry.bytes;
    return entry.bytes;
  }

  /** Removes entries from the index and queues their deletion; returns their bytes. */
  private remove(ids: readonly string[], isEviction = true): number {
    let freed = 0;
    for (const id of ids) {
      freed += this.drop(id);
      this.pending.puts.delete(id);
      this.pending.touched.delete(id);
      this.pending.deletes.add(id);
      if (isEviction) this.evictions++;
    }
    return freed;
  }

  /** Least recently used ids (not in `keep`) whose bytes add up to at least `bytes`. */
  private victims(bytes: number, keep: ReadonlySet<string>): string[] {
    const order = [...this.index].filter(([id]) => !keep.has(id));
    order.sort((a, b) => a[1].lastUsed - b[1].lastUsed);
    const out: string[] = [];
    let freed = 0;
    for (const [id, entry] of order) {
      if (freed >= bytes) break;
      out.push(id);
      freed += entry.bytes;
    }
    return out;
  }

  private enforceBudget(keep?: string): void {
    const over = this.total - this.budgetBytes;
    if (over > 0) this.remove(this.victims(over, new Set(keep ? [keep] : [])));
  }

  private async commitWithRetry(changes: Changes): Promise<void> {
    if (changes.puts.size + changes.deletes.size + changes.touched.size === 0) return;
    try {
      await this.commit(changes);
      return;
    } catch (error) {
      if (!(error instanceof QuotaError) || changes.puts.size === 0) {
        this.giveUp(changes);
        return;
      }
    }
    // Full: make room for twice what is being written, least recently used first, and retry once.
    let need = 0;
    for (const put of changes.puts.values()) need += put.entry.bytes;
    const victims = this.victims(2 * need, new Set(changes.puts.keys()));
    this.remove(victims);
    const freeing: Changes = { puts: new Map(), deletes: new Set(victims), touched: new Map() };
    for (const id of victims) this.pending.deletes.delete(id);
    this.onChange();
    try {
      await this.commit(freeing);
    } catch {
      this.giveUp({ ...changes, deletes: new Set([...changes.deletes, ...victims]) });
      return;
    }
    try {
      await this.commit(changes);
    } catch {
      this.giveUp(changes);
    }
  }

  private async commitOrRequeue(changes: Changes): Promise<void> {
    try {
      await this.commit(changes);
    } catch {
      this.giveUp(changes);
    }
  }

  /** A write that failed for good: its values leave the index; deletions wait for the next commit. */
  private giveUp(changes: Changes): void {
    this.errors++;
    for (const [id, put] of changes.puts) {
      if (this.index.get(id) === put.entry && !this.pending.puts.has(id)) this.drop(id);
    }
    for (const id of changes.deletes) if (!this.index.has(id)) this.pending.deletes.add(id);
    this.onChange();
  }

  /**
   * One strict transaction: reads the stored index, applies these changes to it, writes the values,
   * deletes, and the merged index. Afterwards the in-memory index is the merged one plus whatever
   * was queued meanwhile.
   */
  private async commit(changes: Changes): Promise<void> {
    const uncloneable = new Set<string>();
    for (const [id, put] of changes.puts) this.committing.set(id, put.value);
    try {
      const merged = await this.db.transact('readwrite', (store) => {
        let result: DiskIndex = {};
        const request = store.get(INDEX_KEY);
        request.onsuccess = () => {
          const stored = { ...((request.result as DiskIndex | undefined) ?? {}) };
          for (const id of changes.deletes) {
            delete stored[id];
            store.delete(entryKey(id));
          }
          for (const [id, put] of changes.puts) {
            try {
              store.put(put.value, entryKey(id));
              stored[id] = { ...put.entry };
            } catch {
              uncloneable.add(id); // DataCloneError: this value cannot be stored; the rest can
            }
          }
          for (const [id, lastUsed] of changes.touched) {
            const entry = stored[id];
            if (entry) stored[id] = { ...entry, lastUsed: Math.max(entry.lastUsed, lastUsed) };
          }
          store.put(stored, INDEX_KEY);
          result = stored;
        };
        return () => result;
      });
      this.afterCommit(merged);
    } finally {
      for (const id of changes.puts.keys()) this.committing.delete(id);
    }
    if (uncloneable.size > 0) {
      this.errors++;
      for (const id of uncloneable) if (!this.pending.puts.has(id)) this.drop(id);
      this.onChange();
    }
  }

  private afterCommit(merged: DiskIndex): void {
    const next: DiskIndex = { ...merged };
    // What was queued while the transaction ran is not in it yet.
    for (const id of this.pending.deletes) delete next[id];
    for (const [id, put] of this.pending.puts) next[id] = put.entry;
    for (const [id, lastUsed] of this.pending.touched) {
      const entry = next[id];
      if (entry) next[id] = { ...entry, lastUsed: Math.max(entry.lastUsed, lastUsed) };
    }
    // Keep our own entry objects (pending puts refer to them) where the merged one matches.
    for (const [id, entry] of this.index) {
      const m = next[id];
      if (m && m.bytes === entry.bytes && m.kind === entry.kind) {
        entry.lastUsed = Math.max(entry.lastUsed, m.lastUsed);
        next[id] = entry;
      }
    }
    this.replaceIndex(next);
    // Another tab's entries may have pushed the shared store over budget.
    if (this.total > this.budgetBytes) {
      this.enforceBudget();
      this.schedule(0);
    }
    this.onChange();
  }

  private replaceIndex(stored: DiskIndex): void {
    this.index.clear();
    this.total = 0;
    for (const [id, entry] of Object.entries(stored)) {
      if (!entry || typeof entry.bytes !== 'number' || typeof entry.lastUsed !== 'number') continue;
      this.index.set(id, entry);
      this.total += entry.bytes;
    }
  }
}
