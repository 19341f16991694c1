// Materials for the viewport from MaterialRefs: one node material per (assignment, level of detail),
// shared by every mesh that uses it. material() answers at once with the flat look and asks the
// material service for the bake; when the maps arrive they become textures (shared per bake key) and
// the same material object is upgraded in place (new nodes + needsUpdate), so callers never swap
// anything. Levels of detail ≥ 1 get a bake of a quarter the size (at least 64): distant instances
// sample small mips anyway, and the bake and its upload are 16x cheaper.
//
// An assignment with a blend bakes both presets in one request (the bake's blend pass mixes the
// second in through its mask); the material shows the first preset's flat look and look (physical,
// animation) until then. Unknown preset ids get a neutral fallback look and one console warning per
// id; an unknown second preset is blended as the fallback look and reported once per id through
// onError. A failed bake leaves the flat look and is reported through onError (a console warning
// without one).
import type { BakeSize } from '../../core/materials/bake-request';
import { canonicalJson } from '../../core/materials/bake-key';
import type { MaterialRef } from '../../core/materials/material-ref';
import type { MaterialPreset } from '../../core/materials/preset';
import type { BakedMaterial, BakeOptions, MaterialService } from '../../materials/material-service';
import { applyNodeMaterial, createNodeMaterial, type StudioNodeMaterial } from './node-material';
import { createMaterialTextures, type MaterialTextures } from './texture-set';

export interface MaterialProviderOptions {
  service: MaterialService;
  resolvePreset: (id: string) => MaterialPreset | undefined;
  /** Bake size for level of detail 0 (the near quality). 512 when absent. */
  size?: BakeSize;
  /** Called after a material changed in place (its bake landed). */
  onChange?: () => void;
  /** A bake failed; the material keeps its flat look. */
  onError?: (error: unknown, ref: MaterialRef) => void;
  /** Anisotropic filtering of the textures (8 when absent). */
  anisotropy?: number;
}

export interface MaterialProvider {
  /** The material for an assignment at a level of detail (0 = full). Same inputs, same object. */
  material(ref: MaterialRef, lod?: number): StudioNodeMaterial;
  /** Resolves once every bake asked for so far has landed or failed. */
  settled(): Promise<void>;
  /** Materials made so far (for figures and tests). */
  readonly count: number;
  /** Frees every material and texture; later bakes are dropped. */
  dispose(): void;
}

/** The smallest bake any level gets. */
export const MIN_LOD_BAKE_SIZE = 64;

/** Bake size for a level of detail: the near size for level 0, a quarter (≥ 64, ≤ near) beyond. */
export function bakeSizeForLod(size: BakeSize, lod: number): BakeSize {
  if (lod < 1) return size;
  return Math.min(size, Math.max(MIN_LOD_BAKE_SIZE, size / 4)) as BakeSize;
}

/** Equal assignments, equal keys (defaults filled, object keys sorted). */
export function materialRefKey(ref: MaterialRef): string {
  const b = ref.blend;
  return canonicalJson({
    preset: ref.preset,
    projection: ref.projection ?? 'uv',
    scale: ref.scale ?? 1,
    modifiers: ref.modifiers ?? null,
    ...(b
      ? {
          blend: {
            preset: b.preset,
            mask: b.mask,
            amount: b.amount,
            softness: b.softness,
            scale: b.scale ?? 4,
            seed: b.seed ?? 0,
            modifiers: b.modifiers ?? null,
          },
        }
      : {}),
  });
}

/** The error an unknown second preset of a blend is reported with (through onError). */
export class UnknownBlendPresetError extends Error {
  override name = 'UnknownBlendPresetError';
  constructor(readonly preset: string) {
    super(`material: unknown blend preset '${preset}', blending the fallback look`);
  }
}

/** What unknown preset ids show: a neutral light grey, mid rough. */
export const FALLBACK_PRESET: MaterialPreset = {
  id: 'studio/fallback',
  name: 'Fallback',
  family: 'plastic',
  tags: [],
  params: {
    pattern: 'noise',
    scale: 4,
    density: 0.5,
    groove: 0.05,
    jitter: 0.3,
    warp: 0.2,
    detail: 0.2,
    stretch: 1,
    colors: ['#9a9a9a', '#8e8e8e', '#6a6a6a'],
    colorVariation: 0.05,
    roughness: [0.55, 0.7],
    metalness: [0, 0],
    height: 0.1,
    ao: 0.3,
    wear: 0,
    seed: 1,
  },
};

interface Entry {
  material: StudioNodeMaterial;
}

export function createMaterialProvider(options: MaterialProviderOptions): MaterialProvider {
  const near = options.size ?? 512;
  const entries = new Map<string, Entry>();
  /** Textures per bake key: assignments that differ only in projection or scale share them. */
  const textures = new Map<string, MaterialTextures>();
  const warned = new Set<string>();
  const warnedBlend = new Set<string>();
  const pending = new Set<Promise<unknown>>();
  let disposed = false;

  const report = (error: unknown, ref: MaterialRef) => {
    if (options.onError) options.onError(error, ref);
    else if (error instanceof UnknownBlendPresetError) console.warn(error.message);
    else console.warn(`material '${ref.preset}': bake failed, showing its flat look`, error);
  };

  const texturesFor = (key: string, make: () => MaterialTextures): MaterialTextures => {
    let t = textures.get(key);
    if (!t) {
      t = make();
      textures.set(key, t);
    }
    return t;
  };

  /** The bake options' blend for an assignment (the fallback look for an unknown second preset). */
  const blendFor = (ref: MaterialRef): BakeOptions['blend'] => {
    const b = ref.blend;
    if (!b) return undefined;
    let second = options.resolvePreset(b.preset);
    if (!second) {
      if (!warnedBlend.has(b.preset)) {
        warnedBlend.add(b.preset);
        report(new UnknownBlendPresetError(b.preset), ref);
      }
      second = FALLBACK_PRESET;
    }
    return {
      params: second.params,
      ...(b.modifiers ? { modifiers: b.modifiers } : {}),
      settings: {
        mask: b.mask,
        amount: b.amount,
        softness: b.softness,
        ...(b.scale !== undefined ? { scale: b.scale } : {}),
        ...(b.seed !== undefined ? { seed: b.seed } : {}),
      },
    };
  };

  const bake = (entry: Entry, preset: MaterialPreset, ref: MaterialRef, size: BakeSize) => {
    // Asked at once (the bake starts now); a service that throws instead of rejecting failed too.
    let started: Promise<BakedMaterial>;
    try {
      const blend = blendFor(ref);
      started = options.service.bake(preset.params, {
        size,
        ...(ref.modifiers ? { modifiers: ref.modifiers } : {}),
        ...(blend ? { blend } : {}),
      });
    } catch (error) {
      started = Promise.reject(error);
    }
    const job = started
      .then((baked) => {
        if (disposed) return;
        const set = texturesFor(baked.key, () =>
          createMaterialTextures(baked.maps, {
            label: `${preset.id}${ref.blend ? `+${ref.blend.preset}` : ''}@${size}`,
            ...(options.anisotropy !== undefined ? { anisotropy: options.anisotropy } : {}),
          }),
        );
        applyNodeMaterial(entry.material, preset, set, ref);
        options.onChange?.();
      })
      // Malformed maps (createMaterialTextures checks every level's size) count as a failure too.
      .catch((error: unknown) => {
        if (!disposed) report(error, ref);
      })
      .finally(() => pending.delete(job));
    pending.add(job);
  };

  const material = (ref: MaterialRef, lod = 0): StudioNodeMaterial => {
    if (disposed) throw new Error('material provider: used after dispose');
    const level = lod >= 1 ? 1 : 0;
    const key = `${materialRefKey(ref)}@${level}`;
    const found = entries.get(key);
    if (found) return found.material;
    const preset = options.resolvePreset(ref.preset);
    if (!preset && !warned.has(ref.preset)) {
      warned.add(ref.preset);
      console.warn(`material: unknown preset '${ref.preset}', showing the fallback look`);
    }
    const size = bakeSizeForLod(near, level);
    const shown = preset ?? FALLBACK_PRESET;
    const entry: Entry = {
      material: createNodeMaterial(shown, null, ref, { name: `${shown.id}@${size}` }),
    };
    entries.set(key, entry);
    if (preset) bake(entry, preset, ref, size);
    return entry.material;
  };

  return {
    material,
    async settled() {
      while (pending.size > 0) await Promise.allSettled([...pending]);
    },
    get count() {
      return entries.size;
    },
    dispose() {
      disposed = true;
      for (const e of entries.values()) e.material.dispose();
      for (const t of textures.values()) t.dispose();
      entries.clear();
      textures.clear();
    },
  };
}
