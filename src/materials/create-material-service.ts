// MaterialService on the compute worker: requests are validated, keyed by content hash, served from
// an LRU of baked maps when present, and identical requests in flight share one bake (the same
// promise), so a browser full of thumbnails and a viewport asking for the same material bake once.
import { LruCache } from '../core/cache/lru';
import { bakeKey } from '../core/materials/bake-key';
import { validateBakeRequest, type MaterialBakeRequest } from '../core/materials/bake-request';
import { mapBytes, type MaterialMaps } from '../core/materials/maps';
import type { MaterialParams } from '../core/materials/preset';
import type { ComputeApi } from '../gpu/compute-api';
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
  const cache = new LruCache<MaterialMaps>(options.budgetBytes ?? DEFAULT_BAKE_BUDGET, mapBytes);
  const inFlight = new Map<string, Promise<BakedMaterial>>();

  async function bake(params: MaterialParams, opts: BakeOptions): Promise<BakedMaterial> {
    const request: MaterialBakeRequest = validateBakeRequest({
      params,
      size: opts.size,
      ...(opts.modifiers ? { modifiers: opts.modifiers } : {}),
      ...(opts.blend ? { blend: opts.blend } : {}),
    });
    const key = await bakeKey(request);
    const hit = cache.get(key);
    if (hit) return { key, maps: hit, ms: 0, cached: true };
    const pending = inFlight.get(key);
    if (pending) return pending;
    const run = options.compute
      .bakeMaterial(request)
      .then(({ ms, ...maps }): BakedMaterial => {
        cache.set(key, maps);
        return { key, maps, ms, cached: false };
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
