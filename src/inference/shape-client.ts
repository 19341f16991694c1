// The main thread's handle on the shape worker: starts the worker on first use, loads a model pack
// (the shipped one unless told otherwise) and runs image-to-3D requests with progress. Cancelling
// rejects at once with an AbortError (a late result or progress never lands) and tells the worker,
// which stops at its next sampling step or decoder chunk. A failed load keeps the previous model.
import { ModelPackError } from '../core/shape/model-manifest';
import type {
  ShapeImage,
  ShapeProgress,
  ShapeResult,
  ShapeSettings,
} from '../core/shape/shape-types';
import { proxy, releaseProxy, wrap, type Remote } from '../lib/comlink';
import type {
  ShapeBackendInfo,
  ShapeBackendPreference,
  ShapeGenerateOptions,
  ShapeLoadFailure,
  ShapeLoadOptions,
  ShapeLoadOutcome,
  ShapePackSource,
  ShapeWorkerApi,
  SurfacePreference,
} from './shape-api';

export type { ShapeBackendInfo, ShapeBackendPreference, ShapePackSource, SurfacePreference };
export type { PackFile } from './model-pack';

/** The shipped pack's manifest, relative to the app's base URL (public/models/...). */
export const SHIPPED_SHAPE_PACK_PATH = 'models/c3d-shape-mini/manifest.json';

export interface ShapeClientOptions {
  /** The shipped pack's manifest URL (what load() without a source opens). */
  shippedPack: string;
  /** Default backend preference for loads ('auto'). */
  backend?: ShapeBackendPreference;
  /** Where the surface is extracted ('auto'). */
  surface?: SurfacePreference;
}

export interface ShapeClient {
  /** Loads a pack (the shipped one by default) and opens it on the chosen backend. */
  load(source?: ShapePackSource, options?: ShapeLoadOptions): Promise<ShapeBackendInfo>;
  /** The loaded pack, or null before the first successful load. */
  readonly info: ShapeBackendInfo | null;
  /** Runs one request; loads the shipped pack first if nothing is loaded. */
  generate(
    image: ShapeImage,
    settings: ShapeSettings,
    onProgress?: (progress: ShapeProgress) => void,
    signal?: AbortSignal,
    options?: ShapeGenerateOptions,
  ): Promise<ShapeResult>;
  /** Ends the worker (and the model in it); the next call starts a new one. */
  dispose(): void;
  readonly workersStarted: number;
}

function abortError(): Error {
  return new DOMException('shape generation was cancelled', 'AbortError');
}

function disposedError(): Error {
  return new DOMException('the shape worker was disposed', 'AbortError');
}

function rebuildError(failure: ShapeLoadFailure): Error {
  if (failure.code) return new ModelPackError(failure.code, failure.issues ?? [failure.message]);
  const error = new Error(failure.message);
  error.name = failure.name;
  return error;
}

/** A URL the worker can fetch: resolved against this page. */
function resolveSource(source: ShapePackSource): ShapePackSource {
  if ('url' in source) {
    const base = (globalThis as { location?: { href: string } }).location?.href;
    return { url: base ? new URL(source.url, base).href : source.url };
  }
  return source;
}

export function createShapeClient(spawn: () => Worker, options: ShapeClientOptions): ShapeClient {
  let worker: Worker | undefined;
  let remote: Remote<ShapeWorkerApi> | undefined;
  let started = 0;
  let info: ShapeBackendInfo | null = null;
  let loading: Promise<ShapeBackendInfo> | undefined;
  let nextJob = 1;
  /** Counts dispose() calls: a request started before one never reaches the next worker. */
  let epoch = 0;
  // Rejects whatever is in flight when the worker is disposed (a terminated worker never answers).
  let closed: { promise: Promise<never>; reject: (error: Error) => void } | undefined;

  const connect = (): Remote<ShapeWorkerApi> => {
    if (!remote) {
      worker = spawn();
      started++;
      remote = wrap<ShapeWorkerApi>(worker);
      let reject!: (error: Error) => void;
      const promise = new Promise<never>((_, r) => (reject = r));
      promise.catch(() => {});
      closed = { promise, reject };
    }
    return remote;
  };
  const untilClosed = <T>(work: Promise<T>): Promise<T> =>
    closed ? Promise.race([work, closed.promise]) : work;

  const load = (source?: ShapePackSource, loadOptions: ShapeLoadOptions = {}) => {
    const r = connect();
    const run = (async () => {
      const outcome = await untilClosed<ShapeLoadOutcome>(
        r.load(resolveSource(source ?? { url: options.shippedPack }), {
          backend: loadOptions.backend ?? options.backend ?? 'auto',
        }),
      );
      if (!outcome.ok) throw rebuildError(outcome.error);
      if (remote === r) info = outcome.info;
      return outcome.info;
    })();
    loading = run;
    void run
      .catch(() => {})
      .finally(() => {
        if (loading === run) loading = undefined;
      });
    return run;
  };

  return {
    get info() {
      return info;
    },
    get workersStarted() {
      return started;
    },
    load,
    generate(image, settings, onProgress, signal, generateOptions = {}) {
      if (signal?.aborted) return Promise.reject(abortError());
      return new Promise<ShapeResult>((resolve, reject) => {
        const jobId = nextJob++;
        let r: Remote<ShapeWorkerApi> | undefined;
        const onAbort = () => {
          reject(abortError());
          void r?.cancel(jobId);
        };
        signal?.addEventListener('abort', onAbort, { once: true });
        const started = epoch;
        const check = () => {
          if (signal?.aborted) throw abortError();
          if (epoch !== started) throw disposedError();
        };
        (async () => {
          if (loading) await loading.catch(() => {});
          check();
          if (!info || !remote) await load();
          check();
          r = connect();
          return untilClosed(
            r.generate(
              jobId,
              image,
              settings,
              proxy((p: ShapeProgress) => {
                if (!signal?.aborted) onProgress?.(p);
              }),
              { surface: generateOptions.surface ?? options.surface ?? 'auto' },
            ),
          );
        })()
          .then(resolve, reject)
          .finally(() => signal?.removeEventListener('abort', onAbort));
      });
    },
    dispose() {
      epoch++;
      closed?.reject(disposedError());
      closed = undefined;
      remote?.[releaseProxy]();
      worker?.terminate();
      remote = undefined;
      worker = undefined;
      info = null;
      loading = undefined;
    },
  };
}
