// A SceneClient that serves repeated generations and imports from the content cache.
//
// generate(spec): the key is SHA-256 over a versioned prefix and the canonical JSON (object keys
// sorted at every level) of parseSceneSpec(spec): the validated spec with defaults filled in and
// migrations applied, so key order, spelled-out defaults and old versions of one scene share a key.
// A spec that does not validate goes to the client untouched, which rejects with its message.
// A forced options.terrainEngine ('webgpu' or 'cpu') is added to the key: every engine produces the
// same bytes (the determinism tests hold WebGPU and CPU to one hash), but a forced engine asks for a
// run there, and the result's stats.engines must name it. 'auto' (the default) shares one entry.
//
// parseModel(bytes, name): the key is SHA-256 over a prefix, the name and the bytes (the name is in
// the asset, so it is in the key).
//
// A hit reports one progress event { phase: 'cache', fraction: 1 } and resolves with the cached
// value. Cached scenes and assets are immutable plain data shared by everyone who asks: nobody may
// mutate one or transfer its buffers (copy first). A cancelled run caches nothing, and a request that
// joined a run someone else cancelled starts its own.
import type { ContentCache } from '../cache/content-cache';
import { canonicalJson } from '../core/materials/bake-key';
import { GenerationCancelledError } from '../core/scene/generate-scene';
import { parseSceneSpec } from '../core/spec';
import type { SceneClient } from './scene-client';
import type { GeneratedScene } from './scene-api';

/** Bump when generateScene's output changes for the same spec (old entries are then never hit). */
export const SCENE_CACHE_VERSION = 1;
export const ASSET_CACHE_VERSION = 1;

/** Bytes of every typed array in a plain-data value (SceneData, ImportedAsset). */
export function typedArrayBytes(value: unknown): number {
  if (ArrayBuffer.isView(value)) return value.byteLength;
  if (Array.isArray(value)) return value.reduce((sum: number, v) => sum + typedArrayBytes(v), 0);
  if (value !== null && typeof value === 'object') {
    let sum = 0;
    for (const v of Object.values(value)) sum += typedArrayBytes(v);
    return sum;
  }
  return 0;
}

function hex(digest: ArrayBuffer): string {
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

async function sha256(...parts: (string | Uint8Array)[]): Promise<string> {
  const encoded = parts.map((p) => (typeof p === 'string' ? new TextEncoder().encode(p) : p));
  const all = new Uint8Array(encoded.reduce((n, p) => n + p.byteLength, 0));
  let at = 0;
  for (const p of encoded) {
    all.set(p, at);
    at += p.byteLength;
  }
  return hex(await crypto.subtle.digest('SHA-256', all));
}

/** The cache key of a spec, or undefined when it does not validate. */
export async function sceneCacheKey(spec: unknown): Promise<string | undefined> {
  let parsed: unknown;
  try {
    parsed = parseSceneSpec(spec);
  } catch {
    return undefined;
  }
  return sha256(`canvas3d-scene-cache/${SCENE_CACHE_VERSION}\n${canonicalJson(parsed)}`);
}

export async function assetCacheKey(bytes: Uint8Array, name: string): Promise<string> {
  return sha256(`canvas3d-asset-cache/${ASSET_CACHE_VERSION}\n${JSON.stringify(name)}\n`, bytes);
}

/** A run that failed because its own caller cancelled it (joined requests retry on this). */
class CancelledRun extends Error {
  constructor(readonly original: unknown) {
    super('cancelled by the request that started it');
  }
}

/** Rejects as soon as `signal` aborts, whatever `work` is doing. */
function untilAborted<T>(work: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return work;
  if (signal.aborted) return Promise.reject(new GenerationCancelledError());
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(new GenerationCancelledError());
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

export function withSceneCache(client: SceneClient, cache: ContentCache): SceneClient {
  return {
    async generate(spec, options = {}) {
      const specKey = await sceneCacheKey(spec);
      if (specKey === undefined) return client.generate(spec, options);
      // Every engine makes the same bytes, but a forced engine asks for a run there (and the
      // result's stats name the engine): it is kept apart from 'auto', as material bakes are.
      const forced = options.terrainEngine && options.terrainEngine !== 'auto';
      const key = forced ? `${specKey}:${options.terrainEngine}` : specKey;
      const { signal, onProgress } = options;
      for (;;) {
        if (signal?.aborted) throw new GenerationCancelledError();
        try {
          const result = await untilAborted(
            cache.getOrMake<GeneratedScene>(
              'scene',
              key,
              async () => {
                try {
                  return await client.generate(spec, options);
                } catch (error) {
                  throw signal?.aborted ? new CancelledRun(error) : error;
                }
              },
              (generated) => typedArrayBytes(generated.scene),
            ),
            signal,
          );
          if (result.cached !== false) onProgress?.({ phase: 'cache', fraction: 1 });
          return result.value;
        } catch (error) {
          if (!(error instanceof CancelledRun)) throw error;
          // This request's own run was cancelled: reject as the client would have.
          if (signal?.aborted) throw error.original;
          // Someone else's run was cancelled under us: start one of our own.
        }
      }
    },

    async parseModel(bytes, name) {
      const key = await assetCacheKey(bytes, name);
      const { value } = await cache.getOrMake(
        'asset',
        key,
        () => client.parseModel(bytes, name),
        typedArrayBytes,
      );
      return value;
    },

    terminate() {
      client.terminate();
    },
  };
}
