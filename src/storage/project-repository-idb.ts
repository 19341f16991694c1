// ProjectRepository on a KeyValueDb (IndexedDB in the studio, the memory KV in private windows and
// tests). Every operation that reads and then writes does both in ONE strict transaction, so a save
// that lost a race with another tab, a crash or a full disk leaves the previous head in place.
//
// Key layout (one object store):
//   projects                      string[]       every project id, deleted ones included
//   project:<id>                  ProjectMeta    the head pointer: `revision` names the head state
//   state:<id>:<revision>         ProjectState   the head state (only the head's key exists)
//   versions:<id>                 string[]       version ids, newest first
//   version-meta:<id>:<version>   VersionMeta    (thumbnail inside)
//   version-state:<id>:<version>  ProjectState
//   asset:<sha256>                { name, bytes: Uint8Array }, shared by every project using it
//
// save() writes state:<id>:<n+1>, moves project:<id> to n+1 and deletes state:<id>:<n> in the
// transaction that checked the head was still n. The version list holds ids only, so a commit
// writes a few small records however many versions there are; listing reads the metas, never the
// states. Assets are reference-counted by nothing: purgeDeleted() looks at what the remaining
// heads and versions use.
import {
  ConflictError,
  type ProjectMeta,
  type ProjectRepository,
  type SavedProject,
  type VersionMeta,
} from './project-repository';
import { QuotaError, type KeyValueDb } from './idb';
import { ProjectDataError, validateProjectState } from '../core/project/project-state';

export interface ProjectRepositoryOptions {
  /** Epoch milliseconds; Date.now by default. */
  now?: () => number;
  /** Ids of new projects and versions; crypto.randomUUID by default. */
  newId?: () => string;
}

/** Name limits (after trimming). */
export const PROJECT_NAME_MAX = 120;
export const VERSION_MESSAGE_MAX = 500;

const INDEX = 'projects';
const projectKey = (id: string) => `project:${id}`;
const stateKey = (id: string, revision: number) => `state:${id}:${revision}`;
const versionsKey = (id: string) => `versions:${id}`;
const versionMetaKey = (id: string, version: string) => `version-meta:${id}:${version}`;
const versionStateKey = (id: string, version: string) => `version-state:${id}:${version}`;
const assetKey = (hash: string) => `asset:${hash}`;

const SHA256 = /^[0-9a-f]{64}$/;

/** The trimmed name, or an error saying what is wrong with it. */
export function checkProjectName(name: string): string {
  const trimmed = typeof name === 'string' ? name.trim() : '';
  if (trimmed.length === 0) throw new Error('a project name cannot be empty');
  if (trimmed.length > PROJECT_NAME_MAX) {
    throw new Error(
      `a project name can be at most ${PROJECT_NAME_MAX} characters (this one has ${trimmed.length})`,
    );
  }
  return trimmed;
}

interface Tx {
  /** Reads `keys` in the transaction, then calls `then` with their values (in order). */
  read(keys: readonly string[], then: (values: unknown[]) => void): void;
  /** Whether `key` holds a value, without reading it (an asset's bytes can be large). */
  has(key: string, then: (present: boolean) => void): void;
  put(key: string, value: unknown): void;
  del(key: string): void;
}

function asStorageError(error: unknown): unknown {
  const name = (error as { name?: unknown } | null)?.name;
  return name === 'QuotaExceededError'
    ? new QuotaError('storage is full: could not write the project', { cause: error })
    : error;
}

/**
 * Runs `body` in one transaction. A callback that throws aborts it (nothing written) and the
 * promise rejects with what it threw; `done` gives the value the promise resolves with once the
 * transaction has committed. Callbacks only queue requests (no awaiting), which keeps the
 * transaction alive until its last read has been answered, on IndexedDB and the memory KV alike.
 */
async function inTransaction<T>(
  db: KeyValueDb,
  mode: IDBTransactionMode,
  body: (tx: Tx, done: (value: T) => void) => void,
): Promise<T> {
  let failed = false;
  let failure: unknown;
  let finished = false;
  let result: T | undefined;
  try {
    return await db.transact(mode, (store) => {
      const guard = (step: () => void) => {
        if (failed) return;
        try {
          step();
        } catch (error) {
          failed = true;
          failure = error;
          try {
            store.transaction.abort();
          } catch {
            // Already over (the database aborted it first): the database's error explains it.
            failed = false;
            failure = undefined;
          }
        }
      };
      const tx: Tx = {
        read(keys, then) {
          const values: unknown[] = new Array(keys.length);
          let left = keys.length;
          if (left === 0) return guard(() => then(values));
          keys.forEach((key, i) => {
            const request = store.get(key);
            request.onsuccess = () => {
              values[i] = request.result;
              if (--left === 0) guard(() => then(values));
            };
          });
        },
        has(key, then) {
          const request = store.count(key);
          request.onsuccess = () => guard(() => then(request.result > 0));
        },
        put: (key, value) => void store.put(value, key),
        del: (key) => void store.delete(key),
      };
      guard(() =>
        body(tx, (value) => {
          result = value;
          finished = true;
        }),
      );
      return () => {
        if (!finished)
          throw new Error(`a ${mode} transaction on ${db.name} ended without a result`);
        return result as T;
      };
    });
  } catch (error) {
    throw asStorageError(failed ? failure : error);
  }
}

function missing(id: string): Error {
  return new Error(`no project with id ${id} is stored`);
}

/** The stored meta, checked enough to use its fields as keys. */
function checkMeta(id: string, value: unknown): ProjectMeta {
  if (value === undefined) throw missing(id);
  const m = value as Partial<ProjectMeta> | null;
  const issues: string[] = [];
  if (typeof m !== 'object' || m === null) issues.push(`project:${id}: expected an object`);
  else {
    if (m.id !== id) issues.push(`project:${id}.id: expected ${id}, got ${String(m.id)}`);
    if (typeof m.name !== 'string') issues.push(`project:${id}.name: expected a string`);
    if (!Number.isInteger(m.revision) || (m.revision as number) < 0) {
      issues.push(`project:${id}.revision: expected a whole number, got ${String(m.revision)}`);
    }
  }
  if (issues.length > 0) throw new ProjectDataError(issues);
  return m as ProjectMeta;
}

function idList(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((x): x is string => typeof x === 'string') : [];
}

function byUpdated(a: ProjectMeta, b: ProjectMeta): number {
  return b.updated - a.updated || b.created - a.created || (a.id < b.id ? -1 : 1);
}

function assetHashes(state: unknown): string[] {
  const assets = (state as { assets?: unknown } | null)?.assets;
  if (!Array.isArray(assets)) return [];
  return assets
    .map((a) => (a as { hash?: unknown } | null)?.hash)
    .filter((h): h is string => typeof h === 'string');
}

export function createProjectRepository(
  db: KeyValueDb,
  options: ProjectRepositoryOptions = {},
): ProjectRepository {
  const now = options.now ?? Date.now;
  const newId = options.newId ?? (() => crypto.randomUUID());

  /** Read-modify-write of one project's meta (rename, remove, restore). */
  const updateMeta = (id: string, change: (meta: ProjectMeta) => ProjectMeta) =>
    inTransaction<ProjectMeta>(db, 'readwrite', (tx, done) =>
      tx.read([projectKey(id)], ([value]) => {
        const meta = checkMeta(id, value);
        const next = change(meta);
        if (next !== meta) tx.put(projectKey(id), next);
        done(next);
      }),
    );

  const allMetas = () =>
    inTransaction<ProjectMeta[]>(db, 'readonly', (tx, done) =>
      tx.read([INDEX], ([index]) => {
        const ids = idList(index);
        tx.read(ids.map(projectKey), (metas) => {
          done(metas.filter((m): m is ProjectMeta => typeof m === 'object' && m !== null));
        });
      }),
    );

  return {
    async list() {
      return (await allMetas()).filter((m) => m.deleted === undefined).sort(byUpdated);
    },

    async listDeleted() {
      return (await allMetas())
        .filter((m) => m.deleted !== undefined)
        .sort((a, b) => b.deleted! - a.deleted! || byUpdated(a, b));
    },

    async create(name, state, thumbnail) {
      const time = now();
      const meta: ProjectMeta = {
        id: newId(),
        name: checkProjectName(name),
        created: time,
        updated: time,
        revision: 0,
        ...(thumbnail ? { thumbnail } : {}),
      };
      return inTransaction(db, 'readwrite', (tx, done) =>
        tx.read([INDEX, projectKey(meta.id)], ([index, existing]) => {
          if (existing !== undefined) throw new Error(`a project with id ${meta.id} exists`);
          tx.put(stateKey(meta.id, 0), state);
          tx.put(projectKey(meta.id), meta);
          tx.put(INDEX, [...idList(index), meta.id]);
          done(meta);
        }),
      );
    },

    async load(id) {
      const { meta, state } = await inTransaction<{ meta: ProjectMeta; state: unknown }>(
        db,
        'readonly',
        (tx, done) =>
          tx.read([projectKey(id)], ([value]) => {
            const meta = checkMeta(id, value);
            tx.read([stateKey(id, meta.revision)], ([state]) => done({ meta, state }));
          }),
      );
      if (state === undefined) {
        throw new ProjectDataError([
          `project ${id}: the state of revision ${meta.revision} is missing`,
        ]);
      }
      return { meta, state: validateProjectState(state, 'project') } satisfies SavedProject;
    },

    async meta(id) {
      const value = await db.get<unknown>(projectKey(id));
      return value === undefined ? undefined : checkMeta(id, value);
    },

    async save(id, state, expectedRevision, thumbnail) {
      return inTransaction(db, 'readwrite', (tx, done) =>
        tx.read([projectKey(id)], ([value]) => {
          const meta = checkMeta(id, value);
          if (meta.revision !== expectedRevision) {
            throw new ConflictError(id, expectedRevision, meta.revision);
          }
          const next: ProjectMeta = {
            ...meta,
            revision: meta.revision + 1,
            updated: now(),
            ...(thumbnail ? { thumbnail } : {}),
          };
          tx.put(stateKey(id, next.revision), state);
          tx.put(projectKey(id), next);
          tx.del(stateKey(id, meta.revision));
          done(next);
        }),
      );
    },

    async rename(id, name) {
      const trimmed = checkProjectName(name);
      return updateMeta(id, (meta) => (meta.name === trimmed ? meta : { ...meta, name: trimmed }));
    },

    async duplicate(id, name) {
      const copyName = checkProjectName(name);
      const copyId = newId();
      const time = now();
      return inTransaction(db, 'readwrite', (tx, done) =>
        tx.read([INDEX, projectKey(id), versionsKey(id)], ([index, value, versionList]) => {
          const source = checkMeta(id, value);
          const versions = idList(versionList);
          tx.read(
            [
              stateKey(id, source.revision),
              ...versions.map((v) => versionMetaKey(id, v)),
              ...versions.map((v) => versionStateKey(id, v)),
            ],
            ([state, ...rest]) => {
              if (state === undefined) {
                throw new ProjectDataError([
                  `project ${id}: the state of revision ${source.revision} is missing`,
                ]);
              }
              const copyVersions: string[] = [];
              versions.forEach((v, i) => {
                const vMeta = rest[i] as VersionMeta | undefined;
                const vState = rest[versions.length + i];
                if (!vMeta || vState === undefined) return; // a damaged version is not copied
                const vId = newId();
                copyVersions.push(vId);
                tx.put(versionMetaKey(copyId, vId), { ...vMeta, id: vId, projectId: copyId });
                tx.put(versionStateKey(copyId, vId), vState);
              });
              const meta: ProjectMeta = {
                id: copyId,
                name: copyName,
                created: time,
                updated: time,
                revision: 0,
                ...(source.thumbnail ? { thumbnail: source.thumbnail } : {}),
              };
              tx.put(stateKey(copyId, 0), state);
              tx.put(versionsKey(copyId), copyVersions);
              tx.put(projectKey(copyId), meta);
              tx.put(INDEX, [...idList(index), copyId]);
              done(meta);
            },
          );
        }),
      );
    },

    async remove(id) {
      const time = now();
      await updateMeta(id, (meta) =>
        meta.deleted !== undefined ? meta : { ...meta, deleted: time },
      );
    },

    async restore(id) {
      return updateMeta(id, (meta) => {
        if (meta.deleted === undefined) return meta;
        const { deleted: _deleted, ...rest } = meta;
        return rest;
      });
    },

    async purgeDeleted(before) {
      return inTransaction<number>(db, 'readwrite', (tx, done) =>
        tx.read([INDEX], ([index]) => {
          const ids = idList(index);
          tx.read(ids.map(projectKey), (metaValues) => {
            const metas = metaValues as (ProjectMeta | undefined)[];
            const metaOf = new Map(ids.map((id, i) => [id, metas[i]]));
            const purged = new Set(
              ids.filter((_, i) => {
                const deleted = metas[i]?.deleted;
                return deleted !== undefined && deleted < before;
              }),
            );
            if (purged.size === 0) return done(0);
            const live = ids.filter((id, i) => metas[i] && !purged.has(id));
            tx.read(ids.map(versionsKey), (versionLists) => {
              const versions = new Map(ids.map((id, i) => [id, idList(versionLists[i])]));
              const stateKeys = (pid: string): string[] => {
                const head = metaOf.get(pid);
                return [
                  ...(head ? [stateKey(pid, head.revision)] : []),
                  ...versions.get(pid)!.map((v) => versionStateKey(pid, v)),
                ];
              };
              const liveKeys = live.flatMap(stateKeys);
              const purgedKeys = [...purged].flatMap(stateKeys);
              tx.read([...liveKeys, ...purgedKeys], (states) => {
                const used = new Set(states.slice(0, liveKeys.length).flatMap(assetHashes));
                const unused = new Set(
                  states
                    .slice(liveKeys.length)
                    .flatMap(assetHashes)
                    .filter((h) => !used.has(h)),
                );
                for (const pid of purged) {
                  tx.del(projectKey(pid));
                  tx.del(versionsKey(pid));
                  for (const v of versions.get(pid)!) tx.del(versionMetaKey(pid, v));
                }
                for (const key of purgedKeys) tx.del(key);
                for (const hash of unused) tx.del(assetKey(hash));
                tx.put(
                  INDEX,
                  ids.filter((id) => !purged.has(id)),
                );
                done(purged.size);
              });
            });
          });
        }),
      );
    },

    async commit(id, message, auto, thumbnail, at) {
      const text = typeof message === 'string' ? message.trim() : '';
      if (text.length > VERSION_MESSAGE_MAX) {
        throw new Error(
          `a version message can be at most ${VERSION_MESSAGE_MAX} characters (this one has ${text.length})`,
        );
      }
      const versionId = newId();
      const time = at ?? now();
      return inTransaction(db, 'readwrite', (tx, done) =>
        tx.read([projectKey(id), versionsKey(id)], ([value, list]) => {
          const meta = checkMeta(id, value);
          tx.read([stateKey(id, meta.revision)], ([state]) => {
            if (state === undefined) {
              throw new ProjectDataError([
                `project ${id}: the state of revision ${meta.revision} is missing`,
              ]);
            }
            const version: VersionMeta = {
              id: versionId,
              projectId: id,
              message: text,
              time,
              auto,
              revision: meta.revision,
              ...(thumbnail ? { thumbnail } : {}),
            };
            tx.put(versionStateKey(id, versionId), state);
            tx.put(versionMetaKey(id, versionId), version);
            tx.put(versionsKey(id), [versionId, ...idList(list)]);
            done(version);
          });
        }),
      );
    },

    async versions(id) {
      return inTransaction<VersionMeta[]>(db, 'readonly', (tx, done) =>
        tx.read([projectKey(id), versionsKey(id)], ([value, list]) => {
          checkMeta(id, value);
          const ids = idList(list);
          tx.read(
            ids.map((v) => versionMetaKey(id, v)),
            (metas) =>
              done(metas.filter((m): m is VersionMeta => typeof m === 'object' && m !== null)),
          );
        }),
      );
    },

    async loadVersion(projectId, versionId) {
      const state = await db.get<unknown>(versionStateKey(projectId, versionId));
      if (state === undefined) {
        throw new Error(`project ${projectId} has no version ${versionId}`);
      }
      return validateProjectState(state, 'version');
    },

    async putAsset(hash, name, bytes) {
      if (typeof hash !== 'string' || !SHA256.test(hash)) {
        throw new Error(
          `an asset key must be a SHA-256 hex digest, got ${String(hash).slice(0, 80)}`,
        );
      }
      if (!(bytes instanceof Uint8Array)) {
        throw new Error(`asset ${name}: expected the bytes as a Uint8Array`);
      }
      return inTransaction<void>(db, 'readwrite', (tx, done) =>
        tx.has(assetKey(hash), (present) => {
          // The same hash is the same bytes: a second import of the file writes nothing.
          if (!present) tx.put(assetKey(hash), { name, bytes });
          done();
        }),
      );
    },

    async getAsset(hash) {
      const value = await db.get<{ name?: unknown; bytes?: unknown }>(assetKey(hash));
      if (value === undefined) return undefined;
      const { name, bytes } = value ?? {};
      const data =
        bytes instanceof Uint8Array
          ? bytes
          : bytes instanceof ArrayBuffer
            ? new Uint8Array(bytes)
            : undefined;
      if (typeof name !== 'string' || !data) {
        throw new ProjectDataError([`asset:${hash}: expected { name, bytes }`]);
      }
      return { name, bytes: data };
    },
  };
}
