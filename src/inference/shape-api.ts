// What the shape worker offers through comlink, and what the main thread learns from a load.
import type { ModelPackErrorCode, ShapeManifest } from '../core/shape/model-manifest';
import type {
  ShapeImage,
  ShapeProgress,
  ShapeResult,
  ShapeSettings,
} from '../core/shape/shape-types';
import type { ShapePackSource } from './model-pack';
import type { ShapeBackendPreference } from './select-ort-backend';

export type { ShapeBackendPreference, ShapePackSource };

/** Where the marching-tetrahedra surface runs: 'auto' = the kernel on a hardware adapter. */
export type SurfacePreference = 'auto' | 'webgpu' | 'cpu';

export interface ShapeBackendInfo {
  backend: 'webgpu' | 'wasm';
  /** Why this backend (a fallback keeps the reason WebGPU was not used). */
  reason: string;
  modelId: string;
  manifest: ShapeManifest;
  /** SHA-256 (hex) of the pack's manifest.json (which names each graph's SHA-256). */
  packHash: string;
  /** The manifest URL, or "your files". */
  origin: string;
  /** Milliseconds to download/read, check and open the pack. */
  loadMs: number;
}

export interface ShapeLoadOptions {
  backend?: ShapeBackendPreference;
}

export interface ShapeGenerateOptions {
  surface?: SurfacePreference;
}

/** A load's failure, as plain data (comlink keeps only an Error's name and message). */
export interface ShapeLoadFailure {
  name: string;
  message: string;
  code?: ModelPackErrorCode;
  issues?: string[];
}

export type ShapeLoadOutcome =
  { ok: true; info: ShapeBackendInfo } | { ok: false; error: ShapeLoadFailure };

export interface ShapeWorkerApi {
  load(source: ShapePackSource, options: ShapeLoadOptions): Promise<ShapeLoadOutcome>;
  generate(
    jobId: number,
    image: ShapeImage,
    settings: ShapeSettings,
    onProgress: (progress: ShapeProgress) => void,
    options: ShapeGenerateOptions,
  ): Promise<ShapeResult>;
  cancel(jobId: number): void;
}
