// The contract between the Image to 3D panel and the studio: what the panel may ask for (the model
// pack and its backend, cached generation, adding a result to the scene). The composition root
// implements it (app/studio-shape.ts) over the model worker's client and the content cache, and
// window.studio.shape is built on the same implementation, so scripts and the panel share one cache.
import type {
  ShapeImage,
  ShapeMesh,
  ShapeProgress,
  ShapeResult,
  ShapeSettings,
} from '../../core/shape/shape-types';
import type {
  ShapeBackendInfo,
  ShapeBackendPreference,
  ShapePackSource,
} from '../../inference/shape-client';

export type { ShapeBackendInfo, ShapeBackendPreference, ShapePackSource };

export interface ShapeLoadOptions {
  /** Where the model runs: 'auto' (default) picks WebGPU on a hardware adapter, else WASM. */
  backend?: ShapeBackendPreference;
}

/** What the settings form may offer, from the loaded pack's manifest. */
export interface ShapeSettingsRange {
  defaults: ShapeSettings;
  maxSteps: number;
  /** Fine-grid choices (cells per side), smallest first; `defaults.fine` is one of them. */
  fineChoices: number[];
}

export interface ShapeRequest {
  image: ShapeImage;
  settings: ShapeSettings;
  /**
   * What identifies the input for the cache: the image file's bytes where there is a file (plus
   * anything that changed how it was read, in `keyExtra`); by default the preprocessed image itself.
   */
  identity?: Uint8Array;
  keyExtra?: Record<string, unknown>;
}

export interface ShapeRun {
  result: ShapeResult;
  /** Served from the content cache (or joined an identical run in flight). */
  cached: boolean;
  /** The content key (SHA-256 hex). */
  key: string;
}

export interface ShapeService {
  /** The pack in use and where it runs; the shipped pack is loaded on the first call. */
  backend(): Promise<ShapeBackendInfo>;
  /** The last backend known without waiting (null before the first load finished). */
  current(): ShapeBackendInfo | null;
  /** Loads a pack ('shipped', a manifest URL, or a manifest and its files); rejects naming the problem. */
  loadPack(
    source: ShapePackSource | 'shipped',
    options?: ShapeLoadOptions,
  ): Promise<ShapeBackendInfo>;
  /** Whether this is the pack that ships with the studio. */
  isShipped(info: ShapeBackendInfo): boolean;
  /** The settings the loaded pack allows. */
  settingsRange(info: ShapeBackendInfo): ShapeSettingsRange;
  /**
   * Generates a shape, from the content cache when the same input, settings and pack were seen;
   * identical requests in flight share one run. Progress (with the coarse preview) reaches every
   * caller of a shared run. Aborting rejects at once with an AbortError and adds nothing.
   */
  generate(
    request: ShapeRequest,
    onProgress?: (p: ShapeProgress) => void,
    signal?: AbortSignal,
  ): Promise<ShapeRun>;
  /** Adds a mesh to the scene as one undoable import (kept with the project); returns its id. */
  addToScene(mesh: ShapeMesh, name: string): Promise<{ id: string; triangles: number }>;
}
