// The main thread's material service: bakes presets through the compute worker and keeps the results
// in the content cache (memory LRU + IndexedDB) keyed by a content hash of (params, modifiers,
// blend, size), so the browser, the editor, the viewport, scripts and later visits share one bake. Created once in app/main.tsx and passed
// down; nothing imports an instance.
import type { BakeSize } from '../core/materials/bake-request';
import type { MaterialMaps } from '../core/materials/maps';
import type { BlendSettingsInput, MaterialModifiersInput } from '../core/materials/modifiers';
import type { MaterialParams } from '../core/materials/preset';
import type { ComputeBackend, MaterialEnginePreference } from '../gpu/compute-api';

export interface BakeOptions {
  size: BakeSize;
  /** Where to bake: 'auto' (default: the kernels on a hardware GPU, the CPU reference on a software
   *  adapter), or forced. A forced engine is cached apart from 'auto'. */
  engine?: MaterialEnginePreference;
  modifiers?: MaterialModifiersInput;
  /** A second material mixed in through a mask. */
  blend?: {
    params: MaterialParams;
    modifiers?: MaterialModifiersInput;
    settings: BlendSettingsInput;
  };
}

export interface BakedMaterial {
  /** Content hash of the request: equal keys, equal maps. */
  key: string;
  maps: MaterialMaps;
  /** Milliseconds the bake took in the worker (0 when served from the cache). */
  ms: number;
  cached: boolean;
  /** Where the maps were baked. */
  engine: ComputeBackend;
}

export interface MaterialCacheStats {
  entries: number;
  bytes: number;
  budgetBytes: number;
  hits: number;
  misses: number;
}

export interface MaterialService {
  /** Bakes (or serves from the cache) one material. Concurrent identical requests share one bake. */
  bake(params: MaterialParams, options: BakeOptions): Promise<BakedMaterial>;
  stats(): MaterialCacheStats;
}
