// The one wrapper around IndexedDB (idb-keyval underneath; ESLint bans importing it anywhere else).
// Every transaction asks for strict durability, so a write that resolved is on disk: a crash or a
// closed tab after that cannot lose it. Failures come out as two named errors the studio acts on:
// StorageUnavailableError (IndexedDB cannot be opened, as in some private windows) and QuotaError
// (the origin's storage is full; callers evict cache entries, never project data, and retry).
import {
  delMany as idbDelMany,
  getMany as idbGetMany,
  keys as idbKeys,
  promisifyRequest,
  setMany as idbSetMany,
  type UseStore,
} from 'idb-keyval';

export class StorageUnavailableError extends Error {
  override name = 'StorageUnavailableError';
}

export class QuotaError extends Error {
  override name = 'QuotaError';
}

export interface KeyValueDb {
  readonly name: string;
  get<T>(key: string): Promise<T | undefined>;
  /** Many values in one transaction (batched: one request per key, no cursor walk). */
  getMany<T>(keys: readonly string[]): Promise<(T | undefined)[]>;
  /** Writes every entry in one strict transaction: all of them land or none does. */
  setMany(entries: readonly (readonly [string, unknown])[]): Promise<void>;
  delMany(keys: readonly string[]): Promise<void>;
  keys(): Promise<string[]>;
  /**
   * Raw access for read-check-write in one strict transaction. `body` queues requests on the store
   * (it may call store.transaction.abort()); the promise resolves with `body`'s returned function's
   * value once the transaction has committed, and rejects if it aborted.
   */
  transact<T>(mode: IDBTransactionMode, body: (store: IDBObjectStore) => () => T): Promise<T>;
  /** Closes the connection (tests, and before deleting the database). */
  close(): Promise<void>;
}

export interface OpenOptions {
  /** The IndexedDB factory (fake-indexeddb in Node tests); globalThis.indexedDB by default. */
  factory?: IDBFactory;
  /** The object store's name inside the database. */
  storeName?: string;
}

function classify(error: unknown, dbName: string): Error {
  const e = error as { name?: string; message?: string } | null;
  if (e?.name === 'QuotaExceededError') {
    return new QuotaError(`storage is full: could not write to ${dbName}`, { cause: error });
  }
  return error instanceof Error ? error : new Error(String(e?.message ?? error));
}

/** Opens (creating if needed) a database with one key-value object store. */
export function openKeyValueDb(dbName: string, options: OpenOptions = {}): KeyValueDb {
  const storeName = options.storeName ?? 'kv';
  let opened: Promise<IDBDatabase> | undefined;
  const database = (): Promise<IDBDatabase> => {
    if (!opened) {
      opened = (async () => {
        const factory = options.factory ?? globalThis.indexedDB;
        if (!factory) throw new StorageUnavailableError('this browser offers no IndexedDB');
        let request: IDBOpenDBRequest;
        try {
          request = factory.open(dbName);
        } catch (error) {
          throw new StorageUnavailableError(`IndexedDB cannot be opened: ${String(error)}`, {
            cause: error,
          });
        }
        request.onupgradeneeded = () => request.result.createObjectStore(storeName);
        try {
          const db = await promisifyRequest(request);
          // Another tab deleting or upgrading the database: let it, and reopen on next use.
          db.onversionchange = () => {
            db.close();
            opened = undefined;
          };
          return db;
        } catch (error) {
          opened = undefined;
          throw new StorageUnavailableError(
            `IndexedDB cannot be opened (${String((error as Error)?.message ?? error)})`,
            { cause: error },
          );
        }
      })();
    }
    return opened;
  };
  const storeTx: UseStore = (mode, callback) =>
    database().then((db) =>
      callback(db.transaction(storeName, mode, { durability: 'strict' }).objectStore(storeName)),
    );
  const guard = async <T>(work: Promise<T>): Promise<T> => {
    try {
      return await work;
    } catch (error) {
      throw classify(error, dbName);
    }
  };
  return {
    name: dbName,
    get: async <T>(key: string) => (await guard(idbGetMany<T>([key], storeTx)))[0],
    getMany: <T>(keys: readonly string[]) => guard(idbGetMany<T>([...keys], storeTx)),
    setMany: (entries) =>
      guard(
        idbSetMany(
          entries.map(([k, v]) => [k, v] as [IDBValidKey, unknown]),
          storeTx,
        ),
      ),
    delMany: (keys) => guard(idbDelMany([...keys], storeTx)),
    keys: async () => (await guard(idbKeys(storeTx))).map(String),
    transact: <T>(mode: IDBTransactionMode, body: (store: IDBObjectStore) => () => T) =>
      guard(
        storeTx(mode, async (store) => {
          let finish: () => T;
          try {
            finish = body(store);
          } catch (error) {
            // Requests the body queued before throwing must not commit.
            store.transaction.abort();
            throw error;
          }
          try {
            await promisifyRequest(store.transaction);
          } catch (error) {
            throw error ?? new Error(`the ${dbName} transaction was aborted`);
          }
          return finish();
        }),
      ),
    async close() {
      if (!opened) return;
      const db = await opened.catch(() => undefined);
      opened = undefined;
      db?.close();
    },
  };
}
