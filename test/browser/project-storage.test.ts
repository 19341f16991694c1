// The project repository on Chromium's own IndexedDB: typed values survive the round trip, two
// connections to one database (two tabs) cannot overwrite each other's saves, and every
// transaction a save opens asks for strict durability.
import { afterEach, describe, expect, it } from 'vitest';
import { openKeyValueDb, type KeyValueDb } from '../../src/storage/idb';
import { ConflictError } from '../../src/storage/project-repository';
import { createProjectRepository } from '../../src/storage/project-repository-idb';
import type { ProjectState } from '../../src/core/project/project-state';

const HASH = 'e3'.repeat(32);

function projectState(n: number): ProjectState {
  return {
    version: 1,
    draft: { version: 1, seed: n, primitives: { count: 3 } },
    generated: { version: 1, seed: 1, dungeon: { width: 64, depth: 64, rooms: { count: 20 } } },
    layer: {
      records: {
        'prop:barrel#3': {
          name: `Barrel ${n}`,
          matrix: [1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, n, 2.5, -7.25, 1],
          material: { preset: 'wood/oak-planks', projection: 'triplanar', scale: 2 },
        },
        'import:1': {
          source: { kind: 'asset', asset: HASH },
          matrix: [2, 0, 0, 0, 0, 2, 0, 0, 0, 0, 2, 0, 1e-7, 0.1, -3.5, 1],
          hidden: true,
        },
      },
      order: ['prop:barrel#3', 'import:1'],
      nextId: 2,
    },
    assets: [{ hash: HASH, name: 'chair.glb', bytes: 4 }],
    camera: { position: [10, 12, -4], target: [0, 1, 0] },
  };
}

let names: string[] = [];
let connections: KeyValueDb[] = [];

function connect(name: string): KeyValueDb {
  const db = openKeyValueDb(name);
  connections.push(db);
  return db;
}

function uniqueName(): string {
  const name = `canvas3d-project-storage-${crypto.randomUUID()}`;
  names.push(name);
  return name;
}

afterEach(async () => {
  await Promise.all(connections.map((db) => db.close()));
  await Promise.all(
    names.map(
      (name) =>
        new Promise<void>((resolve, reject) => {
          const request = indexedDB.deleteDatabase(name);
          request.onsuccess = () => resolve();
          request.onerror = () => reject(request.error);
          // 'blocked' only means a connection was still closing: the delete goes on when it has.
        }),
    ),
  );
  connections = [];
  names = [];
});

describe('project storage on the browser’s IndexedDB', () => {
  it('round-trips a state, thumbnails, versions and asset bytes as typed values', async () => {
    const name = uniqueName();
    const repo = createProjectRepository(connect(name));
    const thumbnail = new Uint8Array([137, 80, 78, 71, 13, 10, 26, 10]);
    const meta = await repo.create('Typed', projectState(0), thumbnail);
    await repo.putAsset(HASH, 'chair.glb', new Uint8Array([0, 127, 128, 255]));
    await repo.commit(meta.id, 'first', false, thumbnail);
    await repo.save(meta.id, projectState(1), 0);

    // A fresh connection reads what is on disk, not anything cached by the first.
    const reader = createProjectRepository(connect(name));
    const loaded = await reader.load(meta.id);
    expect(loaded.state).toEqual(projectState(1));
    expect(Object.is(loaded.state.layer.records['import:1']!.matrix![12], 1e-7)).toBe(true);
    expect(loaded.meta).toMatchObject({ id: meta.id, name: 'Typed', revision: 1 });
    expect(loaded.meta.thumbnail).toBeInstanceOf(Uint8Array);
    expect([...loaded.meta.thumbnail!]).toEqual([...thumbnail]);
    const asset = await reader.getAsset(HASH);
    expect(asset?.bytes).toBeInstanceOf(Uint8Array);
    expect([...asset!.bytes]).toEqual([0, 127, 128, 255]);
    const [version] = await reader.versions(meta.id);
    expect(version?.thumbnail).toBeInstanceOf(Uint8Array);
    expect(await reader.loadVersion(meta.id, version!.id)).toEqual(projectState(0));
  });

  it('two connections (two tabs) on one project: the stale save gets ConflictError', async () => {
    const name = uniqueName();
    const tabA = createProjectRepository(connect(name));
    const tabB = createProjectRepository(connect(name));
    const { id } = await tabA.create('Shared', projectState(0));
    const seenByB = (await tabB.meta(id))!.revision;
    expect(seenByB).toBe(0);

    await tabA.save(id, projectState(1), 0);
    const stale = tabB.save(id, projectState(2), seenByB);
    await expect(stale).rejects.toBeInstanceOf(ConflictError);
    await expect(stale).rejects.toMatchObject({ projectId: id, expected: 0, actual: 1 });
    expect((await tabB.load(id)).state).toEqual(projectState(1));

    // Both tabs saving at once on the same revision: exactly one lands.
    const results = await Promise.allSettled([
      tabA.save(id, projectState(3), 1),
      tabB.save(id, projectState(4), 1),
    ]);
    const landed = results.filter((r) => r.status === 'fulfilled');
    const refused = results.filter((r) => r.status === 'rejected');
    expect(landed).toHaveLength(1);
    expect(refused).toHaveLength(1);
    expect((refused[0] as PromiseRejectedResult).reason).toBeInstanceOf(ConflictError);
    const head = await tabA.load(id);
    expect(head.meta.revision).toBe(2);
    expect(head.state).toEqual(projectState(results[0]!.status === 'fulfilled' ? 3 : 4));
  });

  it('save opens its transaction with strict durability', async () => {
    const name = uniqueName();
    const repo = createProjectRepository(connect(name));
    const { id } = await repo.create('Durable', projectState(0));

    const original = IDBDatabase.prototype.transaction;
    const opened: { mode?: IDBTransactionMode; asked?: string; got: string }[] = [];
    IDBDatabase.prototype.transaction = function (
      this: IDBDatabase,
      stores: string | string[],
      mode?: IDBTransactionMode,
      options?: IDBTransactionOptions,
    ) {
      const tx = original.call(this, stores, mode, options);
      // `got` is what Chromium made of the request (a dropped option reads 'default').
      opened.push({ mode, asked: options?.durability, got: tx.durability });
      return tx;
    };
    try {
      await repo.save(id, projectState(1), 0);
    } finally {
      IDBDatabase.prototype.transaction = original;
    }
    expect(opened).toEqual([{ mode: 'readwrite', asked: 'strict', got: 'strict' }]);
    expect((await repo.load(id)).meta.revision).toBe(1);
  });
});
