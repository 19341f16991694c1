// window.studio.materials: the material library for scripts and tests. list() shows shipped and
// user presets, bake() bakes one through the material service (cached by content hash) and returns
// figures per map, apply() assigns a preset to objects as one undoable edit.
import type { BakeSize } from '../core/materials/bake-request';
import { mapStats, type MapStats } from '../core/materials/map-stats';
import type { MapName } from '../core/materials/maps';
import type { MaterialRef } from '../core/materials/material-ref';
import type { Season, Weather } from '../core/materials/modifiers';
import type { MaterialFamily, MaterialPreset } from '../core/materials/preset';
import type { MaterialService } from '../materials/material-service';
import type { MaterialEnginePreference } from '../gpu/compute-api';
import type { StudioStore } from '../state/store';

export interface MaterialSummary {
  id: string;
  name: string;
  family: MaterialFamily;
  tags: string[];
}

export interface MaterialBakeSummary {
  /** Milliseconds the bake took in the worker (0 when it came from the cache). */
  ms: number;
  cached: boolean;
  /** Where it was baked: 'webgpu' (the WGSL kernels) or 'cpu' (the reference). */
  engine: 'webgpu' | 'cpu';
  key: string;
  size: number;
  maps: Partial<Record<MapName, MapStats>>;
}

export interface StudioMaterialsApi {
  list(): MaterialSummary[];
  bake(
    id: string,
    options?: {
      size?: BakeSize;
      weather?: Weather;
      season?: Season;
      engine?: MaterialEnginePreference;
    },
  ): Promise<MaterialBakeSummary>;
  /**
   * Applies a preset to objects (undoable); `options` picks projection, scale, modifiers and a
   * blend (a second preset mixed in through a mask).
   */
  apply(objectIds: string[], id: string, options?: Omit<MaterialRef, 'preset'>): void;
  /** Restores the generator's material on objects (undoable). */
  reset(objectIds: string[]): void;
  /** The bake cache's figures. */
  cacheStats(): ReturnType<MaterialService['stats']>;
}

export interface StudioMaterialsDeps {
  store: StudioStore;
  service: MaterialService;
  presets: () => readonly MaterialPreset[];
}

export function createStudioMaterialsApi(deps: StudioMaterialsDeps): StudioMaterialsApi {
  const find = (id: string): MaterialPreset => {
    const preset = deps.presets().find((p) => p.id === id);
    if (!preset) throw new Error(`materials: no preset '${id}'`);
    return preset;
  };
  return {
    list: () =>
      deps.presets().map((p) => ({ id: p.id, name: p.name, family: p.family, tags: [...p.tags] })),
    async bake(id, options = {}) {
      const preset = find(id);
      const size = options.size ?? 512;
      const modifiers = {
        ...(options.weather ? { weather: options.weather } : {}),
        ...(options.season ? { season: options.season } : {}),
      };
      const baked = await deps.service.bake(preset.params, {
        size,
        ...(options.engine ? { engine: options.engine } : {}),
        ...(Object.keys(modifiers).length ? { modifiers } : {}),
      });
      return {
        ms: baked.ms,
        cached: baked.cached,
        engine: baked.engine,
        key: baked.key,
        size: baked.maps.size,
        maps: mapStats(baked.maps),
      };
    },
    apply(objectIds, id, options = {}) {
      find(id);
      // A script may pass anything: only a string id is looked up; the edit validates the rest.
      const second: unknown = options.blend?.preset;
      if (typeof second === 'string' && !deps.presets().some((p) => p.id === second)) {
        throw new Error(`materials: no preset '${second}' to blend with`);
      }
      deps.store
        .getState()
        .edit({ type: 'setMaterial', ids: objectIds, material: { ...options, preset: id } });
    },
    reset(objectIds) {
      deps.store.getState().edit({ type: 'setMaterial', ids: objectIds, material: null });
    },
    cacheStats: () => deps.service.stats(),
  };
}
