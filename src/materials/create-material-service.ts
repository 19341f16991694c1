// MaterialService on the compute worker: requests are validated, keyed by content hash and served
// from the content cache (kind 'material': memory, then IndexedDB) when present; identical requests
// in flight share one bake, so a browser full of thumbnails and a viewport asking for the same
// material bake once, and a reload finds the maps on disk instead of baking again.
import type { ContentCache, ContentCacheStats } from '../cache/content-cache';
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

export interface MaterialServiceOptions {
  compute: Pick<ComputeApi, 'bakeMaterial'>;
  /** Where bakes are kept (its budgets apply); shared with scenes and imports. */
  cache: Pick<ContentCache, 'getOrMake' | 'stats'>;
}

/** What the cache holds per bake. Plain data, so IndexedDB stores it as is. */
interface CachedBake {
  maps: MaterialMaps;
  engine: ComputeBackend;
  ms: number;
}

export function createMaterialService(options: MaterialServiceOptions): MaterialService {
  const { cache } = options;

  async function bake(params: MaterialParams, opts: BakeOptions): Promise<BakedMaterial> {
    const request: MaterialBakeRequest = validateBakeRequest({
      params,
      size: opts.size,
      ...(opts.modifiers ? { modifiers: opts.modifiers } : {}),
      ...(opts.blend ? { blend: opts.blend } : {}),
    });
    const engine = opts.engine ?? 'auto';
    // A forced engine is cached apart from 'auto' (comparing engines must really run both).
    const key = (await bakeKey(request)) + (engine === 'auto' ? '' : `:${engine}`);
    const { value, cached } = await cache.getOrMake<CachedBake>(
      'material',
      key,
      async () => {
        const { ms, engine: ran, ...maps } = await options.compute.bakeMaterial(request, engine);
        return { maps, engine: ran, ms };
      },
      (entry) => mapBytes(entry.maps),
    );
    // A request that joined a running bake reports that bake, as the one that started it does.
    const fromCache = cached === 'memory' || cached === 'disk';
    return {
      key,
      maps: value.maps,
      ms: fromCache ? 0 : value.ms,
      cached: fromCache,
      engine: value.engine,
    };
  }

  return {
    bake,
    stats(): MaterialCacheStats {
      const s: ContentCacheStats = cache.stats();
      return {
        entries: s.memory.entries,
        bytes: s.memory.bytes,
        budgetBytes: s.memory.budgetBytes,
        hits: s.byKind.material.hits,
        misses: s.byKind.material.misses,
      };
    },
  };
}
