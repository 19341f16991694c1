// The project repository, run the same way on fake-indexeddb (real IndexedDB semantics: request
// order, transaction scheduling, abort rolls back) and on the memory KV used in private windows.
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, describe, expect, it } from 'vitest';
import { openKeyValueDb, QuotaError, type KeyValueDb } from '../../src/storage/idb';
import { createMemoryKeyValueDb } from '../../src/storage/memory-kv';
import { ConflictError, type ProjectRepository } from '../../src/storage/project-repository';
import { createProjectRepository } from '../../src/storage/project-repository-idb';
import { ProjectDataError, type ProjectState } from '../../src/core/project/project-state';

const HASH_A = 'a'.repeat(64);
const HASH_B = 'b'.repeat(64);
const HASH_C = 'c'.repeat(64);

/** A state with a moved, renamed, re-materialled generated object and an imported one per asset. */
function projectState(n: number, assets: string[] = [HASH_A]): ProjectState {
  const imports = Object.fromEntries(
    assets.map((hash, i) => [
      `import:${i + 1}`,
      {
        source: { kind: 'asset' as const, asset: hash },
        matrix: [2, 0, 0, 0, 0, 2, 0, 0, 0, 0, 2, 0, i, 0.125, -3.5, 1],
        hidden: true as const,
      },
    ]),
  );
  return {
    version: 1,
    draft: { version: 1, seed: n, dungeon: { width: 64, depth: 64 } },
    generated: { version: 1, seed: 1, dungeon: { width: 64, depth: 64, rooms: { count: 20 } } },
    layer: {
      records: {
        'prop:barrel#3': {
          name: `Barrel ${n}`,
          matrix: [1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, n, 2.5, -7.25, 1],
          locked: true,
          material: { preset: 'wood/oak-planks', projection: 'triplanar', scale: 2 },
        },
        ...imports,
      },
      order: ['prop:barrel#3', ...Object.keys(imports)],
      nextId: assets.length + 1,
    },
    assets: assets.map((hash) => ({ hash, name: `${hash[0]}.glb`, bytes: 1234 })),
    camera: { position: [10, 12, -4], target: [0, 1, 0] },
  };
}

/** A store seen through `put`: lets a test fail or abort a transaction at a chosen write. */
type PutHook = (store: IDBObjectStore, value: unknown, key: string) => IDBRequest;

function hookedStore(store: IDBObjectStore, put: PutHook): IDBObjectStore {
  // Only what the repository may use: a wider use fails here, on both back ends.
  return {
    transaction: store.transaction,
    get: (key: string) => store.get(key),
    count: (key: string) => store.count(key),
    delete: (key: string) => store.delete(key),
    put: (value: unknown, key: string) => put(store, value, key),
  } as unknown as IDBObjectStore;
}

/** The KV with every transaction's puts going through `put`; `mapError` sees its failures. */
function hookedDb(
  db: KeyValueDb,
  put: PutHook,
  mapError: (error: unknown) => unknown = (e) => e,
): KeyValueDb {
  return {
    ...db,
    transact: async (mode, body) => {
      try {
        return await db.transact(mode, (store) => body(hookedStore(store, put)));
      } catch (error) {
        throw mapError(error);
      }
    },
  };
}

interface Backend {
  name: string;
  /** Opens the database; `again` opens a second connection to the same one (another tab). */
  open(): { db: KeyValueDb; again: () => KeyValueDb };
}

const backends: Backend[] = [
  {
    name: 'fake-indexeddb',
    open() {
      const factory = new IDBFactory();
      const open = () => openKeyValueDb('canvas3d-test', { factory });
      return { db: open(), again: open };
    },
  },
  {
    name: 'the memory KV',
    open() {
      const db = createMemoryKeyValueDb('canvas3d-test');
      return { db, again: () => db };
    },
  },
];

describe.each(backends)('project repository on $name', (backend) => {
  const opened: KeyValueDb[] = [];
  let clock = 0;
  let ids = 0;

  function setup() {
    const { db, again } = backend.open();
    opened.push(db);
    clock = 1_000;
    ids = 0;
    const options = { now: () => (clock += 1000), newId: () => `id${++ids}` };
    const repository = (kv: KeyValueDb = db): ProjectRepository =>
      createProjectRepository(kv, options);
    const secondTab = () => {
      const kv = again();
      opened.push(kv);
      return repository(kv);
    };
    return { db, repo: repository(), repository, secondTab };
  }

  afterEach(async () => {
    await Promise.all(opened.splice(0).map((db) => db.close()));
  });

  it('creates projects with trimmed names at revision 0; lists most recently updated first', async () => {
    const { repo } = setup();
    const a = await repo.create('  Alpha ', projectState(0));
    const b = await repo.create('Beta', projectState(0));
    const c = await repo.create('Gamma', projectState(0));
    expect(a).toEqual({ id: 'id1', name: 'Alpha', created: 2000, updated: 2000, revision: 0 });
    expect((await repo.list()).map((m) => m.name)).toEqual(['Gamma', 'Beta', 'Alpha']);
    await repo.save(a.id, projectState(1), 0);
    expect((await repo.list()).map((m) => m.name)).toEqual(['Alpha', 'Gamma', 'Beta']);
    expect(await repo.meta(b.id)).toEqual(b);
    expect(await repo.meta('nope')).toBeUndefined();
    expect(c.id).not.toBe(b.id);
  });

  it('round-trips a state (matrices, materials, asset records, camera) and the thumbnail', async () => {
    const { db, repo } = setup();
    const thumbnail = new Uint8Array([137, 80, 78, 71, 0, 255]);
    const first = projectState(0, [HASH_A, HASH_B]);
    const meta = await repo.create('Roundtrip', first, thumbnail);
    const loaded = await repo.load(meta.id);
    expect(loaded.state).toEqual(first);
    expect(loaded.meta.thumbnail).toBeInstanceOf(Uint8Array);
    expect([...loaded.meta.thumbnail!]).toEqual([...thumbnail]);

    const next = projectState(7, [HASH_B]);
    const saved = await repo.save(meta.id, next, 0, new Uint8Array([1, 2, 3]));
    expect(saved).toMatchObject({ revision: 1, created: meta.created });
    expect(saved.updated).toBeGreaterThan(meta.updated);
    const reloaded = await repo.load(meta.id);
    expect(reloaded.state).toEqual(next);
    expect(reloaded.meta).toEqual(saved);
    // Only the head's state is kept.
    expect((await db.keys()).filter((k) => k.startsWith('state:'))).toEqual([`state:${meta.id}:1`]);
  });

  it('stores a copy: changing the saved object afterwards changes nothing stored', async () => {
    const { repo } = setup();
    const state = projectState(1);
    const meta = await repo.create('Copy', state);
    (state.layer.records['prop:barrel#3'] as { name?: string }).name = 'changed';
    expect((await repo.load(meta.id)).state.layer.records['prop:barrel#3']?.name).toBe('Barrel 1');
  });

  it('increments the revision on every save; a save naming an old revision is refused', async () => {
    const { repo } = setup();
    const { id } = await repo.create('Revisions', projectState(0));
    for (let r = 0; r < 3; r++) {
      expect((await repo.save(id, projectState(r + 1), r)).revision).toBe(r + 1);
    }
    const stale = repo.save(id, projectState(9), 1);
    await expect(stale).rejects.toBeInstanceOf(ConflictError);
    await expect(stale).rejects.toMatchObject({ projectId: id, expected: 1, actual: 3 });
    expect((await repo.load(id)).state).toEqual(projectState(3));
  });

  it('two writers on one revision: the first wins, the second gets ConflictError', async () => {
    const { repo } = setup();
    const { id } = await repo.create('Race', projectState(0));
    const [first, second] = await Promise.allSettled([
      repo.save(id, projectState(1), 0),
      repo.save(id, projectState(2), 0),
    ]);
    expect(first).toMatchObject({ status: 'fulfilled', value: { revision: 1 } });
    expect(second.status).toBe('rejected');
    const error = (second as PromiseRejectedResult).reason;
    expect(error).toBeInstanceOf(ConflictError);
    expect(error).toMatchObject({ expected: 0, actual: 1 });
    expect(String(error.message)).toContain(`project ${id} was saved elsewhere`);
    const head = await repo.load(id);
    expect(head.meta.revision).toBe(1);
    expect(head.state).toEqual(projectState(1));
  });

  it('two tabs (two connections): the stale tab is refused and the other tab’s save stays', async () => {
    const { repo, secondTab } = setup();
    const other = secondTab();
    const { id } = await repo.create('Tabs', projectState(0));
    const seenByOther = await other.meta(id);
    expect(seenByOther?.revision).toBe(0);
    await repo.save(id, projectState(1), 0);
    await expect(other.save(id, projectState(2), seenByOther!.revision)).rejects.toMatchObject({
      name: 'ConflictError',
      expected: 0,
      actual: 1,
    });
    expect((await other.load(id)).state).toEqual(projectState(1));
  });

  it('a save whose transaction fails midway leaves the old head loadable (nothing half-written)', async () => {
    const { db, repository } = setup();
    const repo = repository();
    const { id } = await repo.create('Atomic', projectState(0));
    const failure = new Error('disk gone after the state was written');
    let statePuts = 0;
    const failing = repository(
      hookedDb(db, (store, value, key) => {
        if (key.startsWith('state:')) {
          statePuts++;
          return store.put(value, key);
        }
        throw failure; // the pointer write: the new state is already queued
      }),
    );
    await expect(failing.save(id, projectState(1), 0)).rejects.toBe(failure);
    expect(statePuts).toBe(1);
    const head = await repo.load(id);
    expect(head.meta.revision).toBe(0);
    expect(head.state).toEqual(projectState(0));
    expect((await db.keys()).filter((k) => k.startsWith('state:'))).toEqual([`state:${id}:0`]);
    // And the project still saves normally afterwards.
    expect((await repo.save(id, projectState(1), 0)).revision).toBe(1);
  });

  it('QuotaError from the store propagates unchanged and writes nothing', async () => {
    const { db, repository } = setup();
    const repo = repository();
    const { id } = await repo.create('Full disk', projectState(0));
    await repo.commit(id, 'before', false);
    const before = (await db.keys()).sort();

    // Full at commit time: the database aborts the transaction after every request succeeded.
    const full = new QuotaError('storage is full: could not write to canvas3d-test');
    let aborted = false;
    const fullAtCommit = repository(
      hookedDb(
        db,
        (store, value, key) => {
          const request = store.put(value, key);
          request.onsuccess = () => {
            aborted = true;
            store.transaction.abort();
          };
          return request;
        },
        (error) => (aborted ? full : error),
      ),
    );
    await expect(fullAtCommit.save(id, projectState(1), 0)).rejects.toBe(full);
    await expect(fullAtCommit.create('New', projectState(0))).rejects.toBe(full);
    await expect(fullAtCommit.commit(id, 'another', true)).rejects.toBe(full);
    await expect(fullAtCommit.putAsset(HASH_A, 'a.glb', new Uint8Array([1]))).rejects.toBe(full);

    // Full at the write itself (thrown by put).
    const thrown = new QuotaError('storage is full');
    const fullAtPut = repository(
      hookedDb(db, () => {
        throw thrown;
      }),
    );
    await expect(fullAtPut.save(id, projectState(1), 0)).rejects.toBe(thrown);
    await expect(fullAtPut.rename(id, 'Renamed')).rejects.toBe(thrown);

    // A DOMException QuotaExceededError from put comes out as a QuotaError.
    const domQuota = repository(
      hookedDb(db, () => {
        throw new DOMException('quota', 'QuotaExceededError');
      }),
    );
    await expect(domQuota.save(id, projectState(1), 0)).rejects.toBeInstanceOf(QuotaError);

    expect((await db.keys()).sort()).toEqual(before);
    expect((await repo.load(id)).meta).toMatchObject({ revision: 0, name: 'Full disk' });
    expect(await repo.list()).toHaveLength(1);
  });

  it('a corrupted stored state is refused with ProjectDataError naming the path', async () => {
    const { db, repo } = setup();
    const { id } = await repo.create('Damaged', projectState(0));
    const bad = projectState(0) as unknown as {
      layer: { records: Record<string, { matrix: number[] }> };
    };
    bad.layer.records['prop:barrel#3']!.matrix = [1, 2, 3];
    await db.setMany([[`state:${id}:0`, bad]]);
    const load = repo.load(id);
    await expect(load).rejects.toBeInstanceOf(ProjectDataError);
    await expect(load).rejects.toThrow('project.layer.records.prop:barrel#3.matrix');

    await db.setMany([[`state:${id}:0`, { ...projectState(0), version: 2 }]]);
    await expect(repo.load(id)).rejects.toThrow('project.version: expected version 1, got 2');

    await db.delMany([`state:${id}:0`]);
    await expect(repo.load(id)).rejects.toThrow(`the state of revision 0 is missing`);

    await db.setMany([[`project:${id}`, { id, name: 'Damaged', revision: 'x' }]]);
    await expect(repo.load(id)).rejects.toThrow(`project:${id}.revision: expected a whole number`);

    await expect(repo.load('missing-id')).rejects.toThrow('no project with id missing-id');
  });

  it('rename trims and checks the name, and keeps the revision', async () => {
    const { repo } = setup();
    const { id } = await repo.create('Old', projectState(0));
    expect(await repo.rename(id, '  New name  ')).toMatchObject({ name: 'New name', revision: 0 });
    await expect(repo.rename(id, '   ')).rejects.toThrow('a project name cannot be empty');
    await expect(repo.rename(id, 'x'.repeat(121))).rejects.toThrow(
      'a project name can be at most 120 characters (this one has 121)',
    );
    await expect(repo.create('', projectState(0))).rejects.toThrow('cannot be empty');
    expect((await repo.rename(id, 'y'.repeat(120))).name).toHaveLength(120);
    await expect(repo.rename('nope', 'Name')).rejects.toThrow('no project with id nope');
    // A rename does not move the head: a save on the revision from before still lands.
    expect((await repo.save(id, projectState(1), 0)).revision).toBe(1);
    expect((await repo.list()).map((m) => m.name)).toEqual(['y'.repeat(120)]);
  });

  it('duplicate copies the head and versions; the two projects then change independently', async () => {
    const { db, repo } = setup();
    const source = await repo.create('Source', projectState(0), new Uint8Array([9]));
    await repo.commit(source.id, 'first look', false);
    await repo.save(source.id, projectState(1), 0);
    const copy = await repo.duplicate(source.id, ' Copy of Source ');
    expect(copy).toMatchObject({ name: 'Copy of Source', revision: 0 });
    expect(copy.id).not.toBe(source.id);
    expect([...copy.thumbnail!]).toEqual([9]);
    expect((await repo.load(copy.id)).state).toEqual(projectState(1));

    const copied = await repo.versions(copy.id);
    expect(copied.map((v) => [v.message, v.projectId])).toEqual([['first look', copy.id]]);
    expect(await repo.loadVersion(copy.id, copied[0]!.id)).toEqual(projectState(0));

    await repo.save(copy.id, projectState(5), 0);
    await repo.save(source.id, projectState(2), 1);
    await repo.commit(source.id, 'second', true);
    expect((await repo.load(source.id)).state).toEqual(projectState(2));
    expect((await repo.load(copy.id)).state).toEqual(projectState(5));
    expect(await repo.versions(copy.id)).toHaveLength(1);
    expect(await repo.versions(source.id)).toHaveLength(2);

    await repo.remove(source.id);
    expect((await repo.list()).map((m) => m.id)).toEqual([copy.id]);
    expect((await repo.load(copy.id)).meta.deleted).toBeUndefined();
    // Assets are shared by hash, never copied.
    await repo.putAsset(HASH_A, 'a.glb', new Uint8Array([1, 2]));
    expect((await db.keys()).filter((k) => k.startsWith('asset:'))).toEqual([`asset:${HASH_A}`]);
  });

  it('remove, restore, and purge: referenced assets stay, unreferenced ones go', async () => {
    const { db, repo } = setup();
    // A uses A and B in its head and C only in a version; Keep uses A.
    const a = await repo.create('To purge', projectState(0, [HASH_C]));
    await repo.commit(a.id, 'with C', false);
    await repo.save(a.id, projectState(1, [HASH_A, HASH_B]), 0);
    const keep = await repo.create('Keep', projectState(0, [HASH_A]));
    const pending = 'd'.repeat(64); // imported, not in any saved state yet
    for (const hash of [HASH_A, HASH_B, HASH_C, pending]) {
      await repo.putAsset(hash, `${hash[0]}.glb`, new Uint8Array([hash.charCodeAt(0)]));
    }

    await repo.remove(a.id);
    expect((await repo.list()).map((m) => m.id)).toEqual([keep.id]);
    const deleted = await repo.listDeleted();
    expect(deleted.map((m) => m.id)).toEqual([a.id]);
    const when = deleted[0]!.deleted!;
    expect(when).toBe(clock);

    expect((await repo.restore(a.id)).deleted).toBeUndefined();
    expect((await repo.list()).map((m) => m.id).sort()).toEqual([a.id, keep.id].sort());
    expect(await repo.listDeleted()).toEqual([]);
    expect((await repo.load(a.id)).state).toEqual(projectState(1, [HASH_A, HASH_B]));

    await repo.remove(a.id);
    const removedAt = (await repo.meta(a.id))!.deleted!;
    expect(await repo.purgeDeleted(removedAt)).toBe(0); // not deleted *before* that time
    expect(await repo.meta(a.id)).toBeDefined();
    expect(await repo.purgeDeleted(removedAt + 1)).toBe(1);

    expect(await repo.meta(a.id)).toBeUndefined();
    expect(await repo.listDeleted()).toEqual([]);
    await expect(repo.load(a.id)).rejects.toThrow(`no project with id ${a.id}`);
    expect((await db.keys()).filter((k) => k.includes(`:${a.id}`))).toEqual([]);
    expect((await repo.getAsset(HASH_A))?.bytes).toEqual(new Uint8Array([97]));
    expect(await repo.getAsset(HASH_B)).toBeUndefined();
    expect(await repo.getAsset(HASH_C)).toBeUndefined();
    expect(await repo.getAsset(pending)).toBeDefined();
    expect((await repo.load(keep.id)).state).toEqual(projectState(0, [HASH_A]));
  });

  it('purge keeps assets that a remaining project uses only in a version, or a deleted one', async () => {
    const { repo } = setup();
    const old = await repo.create('Old', projectState(0, [HASH_B]));
    const other = await repo.create('Other', projectState(0, [HASH_B]));
    await repo.commit(other.id, 'keeps B', false);
    await repo.save(other.id, projectState(1, [HASH_A]), 0);
    const trashed = await repo.create('Trashed later', projectState(0, [HASH_C]));
    await repo.putAsset(HASH_B, 'b.glb', new Uint8Array([2]));
    await repo.putAsset(HASH_C, 'c.glb', new Uint8Array([3]));
    await repo.remove(old.id);
    const cutoff = clock + 1;
    await repo.remove(trashed.id); // deleted after the cut-off: kept, and so is its asset
    expect(await repo.purgeDeleted(cutoff)).toBe(1);
    expect(await repo.getAsset(HASH_B)).toBeDefined();
    expect(await repo.getAsset(HASH_C)).toBeDefined();
    expect((await repo.listDeleted()).map((m) => m.id)).toEqual([trashed.id]);
  });

  it('versions are listed newest first and load validated', async () => {
    const { db, repo } = setup();
    const { id } = await repo.create('Versions', projectState(0));
    const v1 = await repo.commit(id, ' Initial ', false, new Uint8Array([5]));
    await repo.save(id, projectState(1), 0);
    const v2 = await repo.commit(id, 'Generated', true);
    expect(v1).toMatchObject({ projectId: id, message: 'Initial', auto: false, revision: 0 });
    expect(v2).toMatchObject({ message: 'Generated', auto: true, revision: 1 });
    expect(v2.time).toBeGreaterThan(v1.time);
    const listed = await repo.versions(id);
    expect(listed.map((v) => v.id)).toEqual([v2.id, v1.id]);
    expect([...listed[1]!.thumbnail!]).toEqual([5]);
    expect(await repo.loadVersion(id, v1.id)).toEqual(projectState(0));
    expect(await repo.loadVersion(id, v2.id)).toEqual(projectState(1));
    // Saving after a commit does not change the version.
    await repo.save(id, projectState(2), 1);
    expect(await repo.loadVersion(id, v2.id)).toEqual(projectState(1));

    await expect(repo.loadVersion(id, 'nope')).rejects.toThrow(`project ${id} has no version nope`);
    await expect(repo.commit(id, 'm'.repeat(501), false)).rejects.toThrow(
      'a version message can be at most 500 characters',
    );
    await expect(repo.commit('nope', 'x', false)).rejects.toThrow('no project with id nope');
    await expect(repo.versions('nope')).rejects.toThrow('no project with id nope');
    await db.setMany([[`version-state:${id}:${v1.id}`, { ...projectState(0), assets: 'x' }]]);
    await expect(repo.loadVersion(id, v1.id)).rejects.toThrow('version.assets');
  });

  it('putAsset is idempotent by hash and getAsset returns the bytes as a Uint8Array', async () => {
    const { db, repository } = setup();
    let puts = 0;
    const repo = repository(
      hookedDb(db, (store, value, key) => {
        puts++;
        return store.put(value, key);
      }),
    );
    const bytes = new Uint8Array([0, 1, 2, 250]);
    await repo.putAsset(HASH_A, 'chair.glb', bytes);
    expect(puts).toBe(1);
    await repo.putAsset(HASH_A, 'chair-again.glb', bytes);
    expect(puts).toBe(1);
    const asset = await repo.getAsset(HASH_A);
    expect(asset?.name).toBe('chair.glb');
    expect(asset?.bytes).toBeInstanceOf(Uint8Array);
    expect([...asset!.bytes]).toEqual([0, 1, 2, 250]);
    expect(await repo.getAsset(HASH_B)).toBeUndefined();
    await expect(repo.putAsset('not-a-hash', 'x.glb', bytes)).rejects.toThrow(
      'an asset key must be a SHA-256 hex digest, got not-a-hash',
    );
  });
});
