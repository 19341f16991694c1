// Image to 3D for the studio: the ShapeService the panel uses (the model worker's client behind the
// content cache) and window.studio.shape, built on the same service so scripts and the panel share
// one cache and one model.
//
// Cache: the key is SHA-256 over a versioned prefix, the model pack's hash, the backend (WebGPU and
// WASM agree only within rounding), the canonical JSON of the settings (and of whatever changed how
// the picture was read: the thresholds) and the input's bytes: the image file's bytes where there is a file, else the preprocessed model input. Entries
// are kind 'inference'; identical requests in flight share one run, and its progress (with the
// coarse preview) reaches every caller. A cancelled run caches nothing, and a request that joined a
// run its starter cancelled starts its own. Results are added to the scene through the import path
// (GLB bytes → parse → one undoable 'import' edit, kept with the project by hash).
import type { ContentCache } from '../cache/content-cache';
import { canonicalJson } from '../core/materials/bake-key';
import {
  DEFAULT_PREPROCESS,
  preprocessImage,
  type PreprocessOptions,
} from '../core/shape/preprocess';
import { SHAPE_PACK_LIMITS } from '../core/shape/model-manifest';
import { checkShapeSettings } from '../core/shape/shape-pipeline';
import type {
  ShapeProgress,
  ShapeResult,
  ShapeSettings,
  ShapeTimings,
} from '../core/shape/shape-types';
import { meshToGlb } from '../export/mesh-to-glb';
import { sha256Hex } from '../import/content-hash';
import { typedArrayBytes } from '../generation/cached-scene-client';
import type { ShapeClient } from '../inference/shape-client';
import { decodeImage } from '../ui/image-to-3d/decode-image';
import type {
  ShapeBackendInfo,
  ShapeLoadOptions,
  ShapePackSource,
  ShapeRequest,
  ShapeService,
  ShapeSettingsRange,
} from '../ui/image-to-3d/shape-service';
import type { ImportOutcome } from './import-model';

/** Bump when the pipeline's output changes for the same pack, input and settings. */
export const SHAPE_CACHE_VERSION = 1;

export interface ShapeFromImageOptions {
  steps?: number;
  guidance?: number;
  seed?: number;
  /** Cells per side of the coarse (preview) and fine (final) grids. */
  coarse?: number;
  fine?: number;
  /** The new object's name (default 'Image to 3D'). */
  name?: string;
  /** Colour distance from the background (0..441) above which a pixel is the object. */
  threshold?: number;
  /** Alpha above which a pixel is the object, for pictures with transparency. */
  alphaThreshold?: number;
}

export interface ShapeFromImageResult {
  /** The new object's id (an undoable 'import' edit). */
  id: string;
  vertices: number;
  triangles: number;
  watertight: boolean;
  /** Milliseconds for the whole call: decode, preprocess, generate (or cache), add to the scene. */
  ms: number;
  /** Where the model ran and where the surface was extracted (for a cached result: when it ran). */
  backend: 'webgpu' | 'wasm';
  surfaceBackend: 'webgpu' | 'cpu';
  cached: boolean;
  /** How the object was found in the picture. */
  method: 'alpha' | 'background';
  /** The run's own timings (a cached result's are those of the run that made it). */
  timings: ShapeTimings;
}

export interface StudioShapeApi {
  /**
   * Image bytes (PNG, JPEG, WebP, GIF, BMP) → a shape added to the scene (one undoable edit).
   * Rejects, changing nothing, with the reason: not an image, too large, no object found, settings
   * out of range, a surface the model left empty.
   */
  fromImage(bytes: Uint8Array, options?: ShapeFromImageOptions): Promise<ShapeFromImageResult>;
  /** The model pack in use and where it runs (loads the shipped pack on the first call). */
  backend(): Promise<ShapeBackendInfo>;
  /**
   * Loads a pack: 'shipped', { url } of a manifest.json, or { files } (manifest + ONNX graphs);
   * `options.backend` forces 'webgpu' or 'wasm' ('auto' by default). Rejects naming the problem;
   * the previous pack stays.
   */
  loadPack(
    source: ShapePackSource | 'shipped',
    options?: ShapeLoadOptions,
  ): Promise<ShapeBackendInfo>;
}

export interface ShapeServiceDeps {
  client: ShapeClient;
  cache: ContentCache;
  /** The shipped pack's manifest URL (the one the client was made with). */
  shippedPack: string;
  /** Opens model bytes into the scene (parse, keep with the project, one 'import' edit). */
  importFile: (bytes: Uint8Array, name: string) => Promise<ImportOutcome>;
}

function sha256(text: string, bytes: Uint8Array): Promise<string> {
  const head = new TextEncoder().encode(text);
  const all = new Uint8Array(head.byteLength + bytes.byteLength);
  all.set(head);
  all.set(bytes, head.byteLength);
  return sha256Hex(all);
}

/**
 * The cache key of a request on a pack and backend: WebGPU and WASM agree only within float
 * rounding, so a mesh made on one is not served as the other's.
 */
export async function shapeCacheKey(
  request: ShapeRequest,
  packHash: string,
  backend: 'webgpu' | 'wasm' = 'wasm',
): Promise<string> {
  const { image } = request;
  const identity =
    request.identity ??
    new Uint8Array(image.data.buffer, image.data.byteOffset, image.data.byteLength);
  const head = canonicalJson({
    pack: packHash,
    backend,
    settings: request.settings,
    input: request.identity ? 'file' : `model-input:${image.size}`,
    extra: request.keyExtra ?? {},
  });
  return sha256(`canvas3d-shape-cache/${SHAPE_CACHE_VERSION}\n${head}\n`, identity);
}

function abortError(): Error {
  return new DOMException('shape generation was cancelled', 'AbortError');
}

/** A run that failed because the request that started it was cancelled. */
class CancelledRun extends Error {
  constructor(readonly original: unknown) {
    super('cancelled by the request that started it');
  }
}

function untilAborted<T>(work: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return work;
  if (signal.aborted) return Promise.reject(abortError());
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(abortError());
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

/** The settings a pack allows: its defaults, step limit and the fine grids offered. */
export function settingsRange(info: ShapeBackendInfo): ShapeSettingsRange {
  const { sampler, grid } = info.manifest;
  const maxCells = SHAPE_PACK_LIMITS.gridCells[1];
  const choices = new Set<number>([grid.fine]);
  for (let n = grid.coarse; n <= Math.min(maxCells, grid.fine * 2); n *= 2) choices.add(n);
  return {
    defaults: {
      steps: sampler.defaultSteps,
      guidance: sampler.defaultGuidance,
      seed: 1,
      coarse: grid.coarse,
      fine: grid.fine,
    },
    maxSteps: sampler.maxSteps,
    fineChoices: [...choices].filter((n) => n % grid.coarse === 0).sort((a, b) => a - b),
  };
}

export function createShapeService(deps: ShapeServiceDeps): ShapeService {
  const { client, cache } = deps;
  let loading: Promise<ShapeBackendInfo> | null = null;
  const listeners = new Map<string, Set<(p: ShapeProgress) => void>>();
  const shippedUrl = () =>
    new URL(deps.shippedPack, (globalThis as { location?: { href: string } }).location?.href).href;

  const load = (source?: ShapePackSource, options?: ShapeLoadOptions) => {
    const run = client.load(source, options);
    loading = run;
    void run
      .catch(() => {})
      .finally(() => {
        if (loading === run) loading = null;
      });
    return run;
  };

  const backend = (): Promise<ShapeBackendInfo> => {
    if (loading) return loading;
    return client.info ? Promise.resolve(client.info) : load();
  };

  return {
    backend,
    current: () => client.info,
    loadPack: (source, options) => load(source === 'shipped' ? undefined : source, options),
    isShipped: (info) => info.origin === shippedUrl(),
    settingsRange,

    async generate(request, onProgress, signal) {
      if (signal?.aborted) throw abortError();
      const info = await untilAborted(backend(), signal);
      checkShapeSettings(request.settings, info.manifest);
      const key = await shapeCacheKey(request, info.packHash, info.backend);
      let mine = listeners.get(key);
      if (!mine) listeners.set(key, (mine = new Set()));
      const listener = (p: ShapeProgress) => onProgress?.(p);
      mine.add(listener);
      try {
        for (;;) {
          if (signal?.aborted) throw abortError();
          try {
            const got = await untilAborted(
              cache.getOrMake<ShapeResult>(
                'inference',
                key,
                async () => {
                  // The pack may have changed while this request waited for its turn.
                  const now = client.info;
                  if (now?.packHash !== info.packHash || now.backend !== info.backend) {
                    throw new Error(
                      'the model pack or backend changed while this request waited; run it again',
                    );
                  }
                  try {
                    return await client.generate(
                      request.image,
                      request.settings,
                      (p) => listeners.get(key)?.forEach((l) => l(p)),
                      signal,
                    );
                  } catch (error) {
                    throw signal?.aborted ? new CancelledRun(error) : error;
                  }
                },
                (result) => typedArrayBytes(result.mesh),
              ),
              signal,
            );
            return { result: got.value, cached: got.cached !== false, key };
          } catch (error) {
            if (!(error instanceof CancelledRun)) throw error;
            if (signal?.aborted) throw abortError();
            // Someone else's run was cancelled under us: start one of our own.
          }
        }
      } finally {
        mine.delete(listener);
        if (mine.size === 0 && listeners.get(key) === mine) listeners.delete(key);
      }
    },

    async addToScene(mesh, name) {
      const glb = await meshToGlb(mesh, { name });
      const outcome = await deps.importFile(glb, name);
      return { id: outcome.id, triangles: outcome.triangles };
    },
  };
}

/** Thrown when the model's surface is empty: there is nothing to add. */
export class EmptySurfaceError extends Error {
  override name = 'EmptySurfaceError';
}

export function createStudioShapeApi(service: ShapeService): StudioShapeApi {
  return {
    backend: () => service.backend(),
    loadPack: (source, options) => service.loadPack(source, options),
    async fromImage(bytes, options = {}) {
      const started = performance.now();
      if (!(bytes instanceof Uint8Array)) {
        throw new TypeError(
          `shape.fromImage: expected a Uint8Array of image bytes, got ${typeof bytes}`,
        );
      }
      const fail = (error: unknown): never => {
        const text = error instanceof Error ? error.message : String(error);
        const wrapped = new Error(`shape.fromImage: ${text}`, { cause: error });
        wrapped.name = error instanceof Error ? error.name : 'Error';
        throw wrapped;
      };
      const info = await service.backend();
      const settings: ShapeSettings = {
        ...settingsRange(info).defaults,
        ...pick(options, ['steps', 'guidance', 'seed', 'coarse', 'fine']),
      };
      try {
        checkShapeSettings(settings, info.manifest);
      } catch (error) {
        fail(error);
      }
      const read: PreprocessOptions = {
        threshold: options.threshold ?? DEFAULT_PREPROCESS.threshold,
        alphaThreshold: options.alphaThreshold ?? DEFAULT_PREPROCESS.alphaThreshold,
      };
      const picture = await decodeImage(bytes, 'the input').catch(fail);
      let prep: ReturnType<typeof preprocessImage>;
      try {
        prep = preprocessImage(picture, read);
      } catch (error) {
        return fail(error);
      }
      const run = await service
        .generate({ image: prep.image, settings, identity: bytes, keyExtra: { ...read } })
        .catch(fail);
      const { result } = run;
      if (result.mesh.indices.length === 0) {
        throw new EmptySurfaceError(
          'shape.fromImage: the model decoded no surface for this image (its occupancy is below the iso level everywhere); nothing was added to the scene',
        );
      }
      const added = await service.addToScene(result.mesh, options.name ?? 'Image to 3D');
      return {
        id: added.id,
        vertices: result.mesh.positions.length / 3,
        triangles: result.mesh.indices.length / 3,
        watertight: result.watertight,
        ms: performance.now() - started,
        backend: result.backend,
        surfaceBackend: result.surfaceBackend,
        cached: run.cached,
        method: prep.method,
        timings: result.timings,
      };
    },
  };
}

function pick<T extends object, K extends keyof T>(
  from: T,
  keys: readonly K[],
): Partial<Pick<T, K>> {
  const out: Partial<Pick<T, K>> = {};
  for (const k of keys) if (from[k] !== undefined) out[k] = from[k];
  return out;
}
