// sceneHash: a stable content hash of SceneData (SHA-256, hex). Equal hashes mean byte-identical
// scene content, in Node and in every browser. Timings (stats.phases) are not content and are left
// out; everything else, typed arrays byte for byte, goes in, in a fixed order.

import type { SceneData } from './scene-data';

const encoder = new TextEncoder();

function bytesOf(view: ArrayBufferView): Uint8Array {
  return new Uint8Array(view.buffer, view.byteOffset, view.byteLength);
}

/** The canonical byte sequence the hash is taken over (exported for tests). */
export function canonicalSceneBytes(scene: SceneData): Uint8Array<ArrayBuffer> {
  const parts: Uint8Array[] = [];
  const text = (s: string) => {
    const b = encoder.encode(s);
    parts.push(new Uint8Array(new Uint32Array([b.length]).buffer), b);
  };
  const array = (a: ArrayBufferView) => {
    parts.push(new Uint8Array(new Uint32Array([a.byteLength]).buffer), bytesOf(a));
  };
  text('canvas3d-scene/1');
  text(scene.name);
  text(String(scene.seed));
  for (const m of scene.meshes) {
    text(m.id);
    array(m.positions);
    array(m.normals);
    array(m.uvs);
    array(m.indices);
  }
  for (const b of scene.batches) {
    text(b.part);
    text(b.source);
    text(b.lods.join('|'));
    array(new Float64Array(b.lodDistances));
    text(b.material);
    array(b.transforms);
  }
  array(scene.lights.kinds);
  array(scene.lights.data);
  text(scene.lights.sources.join('|'));
  text(scene.materials.join('|'));
  array(new Float64Array(scene.bounds));
  const counts = Object.keys(scene.stats.counts)
    .sort()
    .map((k) => `${k}=${scene.stats.counts[k]}`);
  text(counts.join(','));
  const total = parts.reduce((n, p) => n + p.length, 0);
  const out = new Uint8Array(total);
  let offset = 0;
  for (const p of parts) {
    out.set(p, offset);
    offset += p.length;
  }
  return out;
}

export async function sceneHash(scene: SceneData): Promise<string> {
  const digest = await globalThis.crypto.subtle.digest('SHA-256', canonicalSceneBytes(scene));
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}
