// A KeyValueDb kept in a Map: the studio's storage when IndexedDB cannot be opened (some private
// windows; nothing survives the tab), and a fast stand-in in tests. It keeps IndexedDB's semantics
// where the repository relies on them: values are structured-cloned on the way in and out (a caller
// mutating an object after a write changes nothing stored), and transact() is all-or-nothing.
//
// transact() hands the body a small stand-in for IDBObjectStore with get, put, delete and count
// (requests with `result`, `error`, `onsuccess`, `onerror`) and `transaction.abort()`; nothing else
// of the IndexedDB API. Requests run in the order they were made, after the body returns, and
// callbacks may queue more; the writes land in the Map together once none are left, and not at all
// if the transaction was aborted. Each call runs from start to commit without yielding, so two
// transactions never interleave (as readwrite transactions on one store do not in IndexedDB).
import type { KeyValueDb } from './idb';

class FakeRequest {
  result: unknown = undefined;
  error: DOMException | null = null;
  onsuccess: ((this: FakeRequest, event: Event) => void) | null = null;
  onerror: ((this: FakeRequest, event: Event) => void) | null = null;
}

interface Queued {
  request: FakeRequest;
  run: () => unknown;
}

/** The in-flight state of one transaction: its queue and the writes not yet committed. */
class FakeTransaction {
  readonly queue: Queued[] = [];
  /** Key → cloned value, or `undefined` for a deletion. */
  readonly writes = new Map<string, unknown>();
  state: 'active' | 'aborted' | 'done' = 'active';
  error: DOMException | null = null;

  constructor(readonly mode: IDBTransactionMode) {}

  abort(): void {
    if (this.state !== 'active') {
      throw new DOMException('the transaction has already finished', 'InvalidStateError');
    }
    this.state = 'aborted';
  }
}

class FakeStore {
  constructor(
    readonly transaction: FakeTransaction,
    private readonly data: Map<string, unknown>,
  ) {}

  private current(key: string): unknown {
    return this.transaction.writes.has(key) ? this.transaction.writes.get(key) : this.data.get(key);
  }

  private request(run: () => unknown, writes: boolean): FakeRequest {
    const tx = this.transaction;
    if (tx.state !== 'active') {
      throw new DOMException('the transaction has finished', 'TransactionInactiveError');
    }
    if (writes && tx.mode === 'readonly') {
      throw new DOMException('the transaction is read-only', 'ReadOnlyError');
    }
    const request = new FakeRequest();
    tx.queue.push({ request, run });
    return request;
  }

  get(key: string): FakeRequest {
    return this.request(() => structuredClone(this.current(key)), false);
  }

  count(key: string): FakeRequest {
    return this.request(() => (this.current(key) === undefined ? 0 : 1), false);
  }

  put(value: unknown, key: string): FakeRequest {
    // Cloned now, as IndexedDB does, so a value that cannot be cloned throws at the call.
    const copy = structuredClone(value);
    return this.request(() => {
      this.transaction.writes.set(key, copy);
      return key;
    }, true);
  }

  delete(key: string): FakeRequest {
    return this.request(() => {
      this.transaction.writes.set(key, undefined);
      return undefined;
    }, true);
  }
}

function runQueue(tx: FakeTransaction): void {
  while (tx.state === 'active' && tx.queue.length > 0) {
    const { request, run } = tx.queue.shift()!;
    try {
      request.result = run();
    } catch (error) {
      request.error =
        error instanceof DOMException ? error : new DOMException(String(error), 'DataError');
      tx.error = request.error;
      tx.state = 'aborted';
      request.onerror?.call(request, new Event('error'));
      return;
    }
    try {
      request.onsuccess?.call(request, new Event('success'));
    } catch (error) {
      // IndexedDB aborts a transaction whose success handler throws.
      tx.error = new DOMException(String(error), 'AbortError');
      tx.state = 'aborted';
    }
  }
}

/** A KeyValueDb over a Map (nothing persists beyond the page). */
export function createMemoryKeyValueDb(name = 'memory'): KeyValueDb {
  const data = new Map<string, unknown>();
  const tick = () => Promise.resolve();
  return {
    name,
    async get<T>(key: string) {
      await tick();
      return structuredClone(data.get(key)) as T | undefined;
    },
    async getMany<T>(keys: readonly string[]) {
      await tick();
      return keys.map((key) => structuredClone(data.get(key)) as T | undefined);
    },
    async setMany(entries) {
      // Clone everything before writing anything: one uncloneable value writes none.
      const copies = entries.map(([key, value]) => [key, structuredClone(value)] as const);
      await tick();
      for (const [key, value] of copies) data.set(key, value);
    },
    async delMany(keys) {
      await tick();
      for (const key of keys) data.delete(key);
    },
    async keys() {
      await tick();
      // IndexedDB lists string keys in code-unit order.
      return [...data.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    },
    async transact<T>(mode: IDBTransactionMode, body: (store: IDBObjectStore) => () => T) {
      await tick();
      const tx = new FakeTransaction(mode);
      const store = new FakeStore(tx, data);
      let finish: () => T;
      try {
        finish = body(store as unknown as IDBObjectStore);
      } catch (error) {
        tx.state = 'aborted';
        throw error;
      }
      runQueue(tx);
      if (tx.state === 'aborted') {
        throw tx.error ?? new DOMException('the transaction was aborted', 'AbortError');
      }
      tx.state = 'done';
      for (const [key, value] of tx.writes) {
        if (value === undefined) data.delete(key);
        else data.set(key, value);
      }
      return finish();
    },
    async close() {},
  };
}
