// MaterialService on the compute worker: requests are validated, keyed by content hash, served from
// an LRU of baked maps when present, and identical requests in flight share one bake (the same
// promise), so a browser full of thumbnails and a viewport asking for the same material bake once.
import { LruCache } from '../core/cache/lru';
import { bakeKey } from '../core/materials/bake-key';
import { validateBakeRequest, type MaterialBakeRequest } from '../core/materials/bake-request';
import { mapBytes, type MaterialMaps } from '../core/materials/maps';
import type { MaterialParams } from '../core/materials/preset';
import type { ComputeApi, ComputeBackend } from '../gpu/compute-api';
import type {
  BakedMaterial,
  BakeOptions,
  MaterialCacheStats,
  MaterialService,
} from './material-service';

/** Default memory budget for baked maps: 256 MB holds ~60 full 512² sets with their mips. */
export const DEFAULT_BAKE_BUDGET = 256 * 1024 * 1024;

export interface MaterialServiceOptions {
  compute: Pick<ComputeApi, 'bakeMaterial'>;
  budgetBytes?: number;
}

export function createMaterialService(options: MaterialServiceOptions): MaterialService {
  const cache = new LruCache<{ maps: MaterialMaps; engine: ComputeBackend }>(
    options.budgetBytes ?? DEFAULT_BAKE_BUDGET,
    (entry) => mapBytes(entry.maps),
  );
  const inFlight = new Map<string, Promise<BakedMaterial>>();

  async function bake(params: MaterialParams, opts: BakeOptions): Promise<BakedMaterial> {
    const request: MaterialBakeRequest = validateBakeRequest({
      params,
      size: opts.size,
      ...(opts.modifiers ? { modifiers: opts.modifiers } : {}),
      ...(opts.blend ? { blend: opts.blend } : {}),
    });
    const engine = opts.engine ?? 'auto';
    const key = (await bakeKey(request)) + (engine === 'auto' ? '' : `:${engine}`);
    const hit = cache.get(key);
    if (hit) return { key, maps: hit.maps, ms: 0, cached: true, engine: hit.engine };
    const pending = inFlight.get(key);
    if (pending) return pending;
    const run = options.compute
      .bakeMaterial(request, engine)
      .then(({ ms, engine: ran, ...maps }): BakedMaterial => {
        cache.set(key, { maps, engine: ran });
        return { key, maps, ms, cached: false, engine: ran };
      })
      .finally(() => inFlight.delete(key));
    inFlight.set(key, run);
    return run;
  }

  return {
    bake,
    stats(): MaterialCacheStats {
      const s = cache.stats();
      return {
        entries: s.entries,
        bytes: s.bytes,
        budgetBytes: s.budgetBytes,
        hits: s.hits,
        misses: s.misses,
      };
    },
  };
}
