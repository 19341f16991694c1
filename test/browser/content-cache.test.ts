// The content cache's disk tier on Chromium's real IndexedDB: a generated scene (Float32Array,
// Uint32Array, Uint8Array inside nested plain objects) written by one cache instance is read back by
// a fresh instance over a fresh connection byte-identical, with its typed array types.
import { afterAll, describe, expect, it } from 'vitest';
import { createContentCache } from '../../src/cache/create-content-cache';
import { generateScene } from '../../src/core/scene/generate-scene';
import type { SceneData } from '../../src/core/scene/scene-data';
import { sceneHash } from '../../src/core/scene/scene-hash';
import { typedArrayBytes } from '../../src/generation/cached-scene-client';
import { openKeyValueDb, type KeyValueDb } from '../../src/storage/idb';
import dungeonMedium from '../../public/examples/dungeon-medium.json';

const DB_NAME = `canvas3d-cache-test-${Date.now()}`;
const opened: KeyValueDb[] = [];
const open = () => {
  const db = openKeyValueDb(DB_NAME);
  opened.push(db);
  return db;
};

afterAll(async () => {
  for (const db of opened) await db.close();
  await new Promise((resolve) => {
    const request = indexedDB.deleteDatabase(DB_NAME);
    request.onsuccess = request.onerror = request.onblocked = resolve;
  });
});

function bytesOf(view: ArrayBufferView): Uint8Array {
  return new Uint8Array(view.buffer, view.byteOffset, view.byteLength);
}

describe('content cache on IndexedDB (Chromium)', () => {
  it('round-trips a SceneData through the disk tier of a fresh cache byte-identical', async () => {
    const scene = await generateScene(dungeonMedium);
    const hash = await sceneHash(scene);
    const size = typedArrayBytes(scene);
    expect(size).toBeGreaterThan(10_000);

    const writer = createContentCache({ db: open() });
    await writer.set('scene', 'dungeon-medium', scene, size);
    await writer.flush();
    expect(writer.stats().disk).toMatchObject({ entries: 1, bytes: size });
    expect(writer.stats().diskErrors).toBe(0);

    const reader = createContentCache({ db: open() }); // a new connection, nothing in memory
    const got = await reader.get<SceneData>('scene', 'dungeon-medium');
    expect(reader.stats().diskHits).toBe(1);
    expect(got).toBeDefined();
    expect(got).not.toBe(scene);
    expect(await sceneHash(got!)).toBe(hash);
    expect(got!.meshes.length).toBe(scene.meshes.length);
    scene.meshes.forEach((mesh, i) => {
      const back = got!.meshes[i]!;
      expect(back.id).toBe(mesh.id);
      expect(back.positions).toBeInstanceOf(Float32Array);
      expect(back.indices).toBeInstanceOf(Uint32Array);
      for (const field of ['positions', 'normals', 'uvs', 'indices'] as const) {
        expect(bytesOf(back[field])).toEqual(bytesOf(mesh[field]));
      }
    });
    scene.batches.forEach((batch, i) => {
      expect(got!.batches[i]!.transforms).toBeInstanceOf(Float32Array);
      expect(bytesOf(got!.batches[i]!.transforms)).toEqual(bytesOf(batch.transforms));
    });
    expect(got!.lights.kinds).toBeInstanceOf(Uint8Array);
    expect(bytesOf(got!.lights.data)).toEqual(bytesOf(scene.lights.data));
    expect(typedArrayBytes(got)).toBe(size);
  });
});
