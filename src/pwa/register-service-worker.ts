// Registers the studio's service worker (built by vite-plugin-pwa, see vite.config.ts) and turns
// its lifecycle into the PwaHandle the UI shows: offline-ready once the app shell is precached, a
// waiting new version offered as "Update now" (it never takes over open tabs by itself), and the
// background caching of the large files (warm-large-files.ts) after the first load.
//
// Written on the standard ServiceWorkerContainer/Registration events rather than workbox-window,
// so that the state machine is small, explicit and driven by fakes in the unit tests.
import type { PwaHandle, PwaState } from './pwa-handle';
import { warmLargeFiles, type WarmOptions } from './warm-large-files';

/** The parts of ServiceWorker the controller uses. */
export interface WorkerLike extends EventTarget {
  readonly state: ServiceWorkerState;
  postMessage(message: unknown): void;
}

/** The parts of ServiceWorkerRegistration the controller uses. */
export interface RegistrationLike extends EventTarget {
  readonly installing: WorkerLike | null;
  readonly waiting: WorkerLike | null;
  readonly active: WorkerLike | null;
  update(): Promise<unknown>;
}

/** The parts of ServiceWorkerContainer the controller uses. */
export interface ContainerLike extends EventTarget {
  readonly controller: WorkerLike | null;
  register(url: string, options: RegistrationOptions): Promise<RegistrationLike>;
}

export interface RegisterOptions {
  /** The service worker script; `${BASE_URL}sw.js` by default. */
  url?: string;
  scope?: string;
  /** False in development (no service worker is built there) unless set. */
  enabled?: boolean;
  /** navigator.serviceWorker by default; a fake in tests. */
  container?: ContainerLike;
  /** Reloads the tab onto the new version; location.reload by default. */
  reload?: () => void;
  /**
   * Fetches the large files into the cache; called once, after the first load and registration.
   * warmLargeFiles by default; false to skip.
   */
  warm?: ((options: WarmOptions) => Promise<void>) | false;
  /** Waits for the page to be loaded and idle before registering; immediate in tests. */
  whenIdle?: () => Promise<void>;
  /** How often at most to ask the server for a new version while the tab is visible (ms). */
  updateInterval?: number;
}

const SKIP_WAITING = { type: 'SKIP_WAITING' } as const;

/** A handle that never changes: service workers are unavailable or disabled here. */
export function inertPwaHandle(error: string): PwaHandle {
  const state: PwaState = {
    needRefresh: false,
    offlineReady: false,
    largeFiles: { cached: 0, total: 0 },
    error,
  };
  return {
    state: () => state,
    subscribe: () => () => {},
    update: async () => {},
    dismiss: () => {},
  };
}

function defaultWhenIdle(): Promise<void> {
  return new Promise((resolve) => {
    const idle = () =>
      'requestIdleCallback' in window
        ? window.requestIdleCallback(() => resolve(), { timeout: 5000 })
        : setTimeout(resolve, 1000);
    if (document.readyState === 'complete') idle();
    else window.addEventListener('load', idle, { once: true });
  });
}

function stateChange(worker: WorkerLike, wanted: ServiceWorkerState): Promise<void> {
  return new Promise((resolve) => {
    if (worker.state === wanted) return resolve();
    const on = () => {
      if (worker.state === wanted || worker.state === 'redundant') {
        worker.removeEventListener('statechange', on);
        resolve();
      }
    };
    worker.addEventListener('statechange', on);
  });
}

/**
 * Registers the service worker and returns the PwaHandle. Never throws: where service workers are
 * unavailable (insecure context, blocked, old browser) or registration fails, the handle's state
 * carries the error and nothing else changes.
 */
export function registerServiceWorker(options: RegisterOptions = {}): PwaHandle {
  const base = import.meta.env.BASE_URL;
  const enabled = options.enabled ?? import.meta.env.PROD;
  if (!enabled) return inertPwaHandle('the service worker is not built in development');
  const container =
    options.container ??
    (typeof navigator !== 'undefined' && 'serviceWorker' in navigator
      ? (navigator.serviceWorker as unknown as ContainerLike)
      : undefined);
  if (!container) return inertPwaHandle('service workers are unavailable in this browser');

  let state: PwaState = {
    needRefresh: false,
    // A tab that loaded under the service worker came from the precache: offline works already.
    offlineReady: container.controller !== null,
    largeFiles: { cached: 0, total: 0 },
  };
  const listeners = new Set<() => void>();
  const set = (patch: Partial<PwaState>) => {
    state = { ...state, ...patch };
    for (const l of [...listeners]) l();
  };

  let registration: RegistrationLike | undefined;
  let dismissed: WorkerLike | null = null;
  let updating = false;
  const reload = options.reload ?? (() => window.location.reload());

  /** A new version waits: offer it, unless the user already said "Later" to this one. */
  const offer = (worker: WorkerLike | null) => {
    if (worker && worker !== dismissed && !state.needRefresh) set({ needRefresh: true });
  };

  const track = (reg: RegistrationLike, worker: WorkerLike) => {
    const firstInstall = !reg.active;
    const on = () => {
      if (worker.state === 'installed' && !firstInstall) offer(reg.waiting ?? worker);
      if (worker.state === 'activated' && firstInstall) set({ offlineReady: true });
      if (worker.state === 'activated' || worker.state === 'redundant')
        worker.removeEventListener('statechange', on);
    };
    worker.addEventListener('statechange', on);
    on();
  };

  container.addEventListener('controllerchange', () => {
    if (updating) {
      reload();
      return;
    }
    // Another tab accepted the update: this tab keeps running its version, but the new worker no
    // longer keeps that version's files, so a file this tab has not loaded yet may be gone from the
    // server. Nothing is forced: the tab is told and offered a reload (its project is saved).
    set({ outdated: true, ...(registration?.waiting ? {} : { needRefresh: false }) });
  });

  const start = async () => {
    await (options.whenIdle ?? defaultWhenIdle)();
    const reg = await container.register(options.url ?? `${base}sw.js`, {
      scope: options.scope ?? base,
      type: 'classic',
      updateViaCache: 'none',
    });
    registration = reg;
    if (reg.waiting && reg.active) offer(reg.waiting);
    if (reg.installing) track(reg, reg.installing);
    else if (reg.active && !state.offlineReady) set({ offlineReady: true });
    reg.addEventListener('updatefound', () => {
      if (reg.installing) track(reg, reg.installing);
    });

    // Look for a new version when the tab comes back into view, at most once an interval.
    const interval = options.updateInterval ?? 60 * 60 * 1000;
    let lastCheck = Date.now();
    if (typeof document !== 'undefined') {
      document.addEventListener('visibilitychange', () => {
        if (document.visibilityState !== 'visible' || !navigator.onLine) return;
        if (Date.now() - lastCheck < interval) return;
        lastCheck = Date.now();
        reg.update().catch(() => {});
      });
    }

    const warm = options.warm ?? warmLargeFiles;
    if (warm) {
      await warm({ onProgress: (largeFiles) => set({ largeFiles }) }).catch((e: unknown) =>
        console.warn('Large files could not be cached for offline use:', e),
      );
    }
  };

  start().catch((e: unknown) => set({ error: `service worker registration failed: ${String(e)}` }));

  return {
    state: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async update() {
      if (state.outdated && !registration?.waiting) {
        reload();
        return;
      }
      const waiting = registration?.waiting;
      if (!registration || !waiting) return;
      updating = true;
      if (container.controller) {
        // controllerchange (above) reloads once the new version has taken over this tab.
        waiting.postMessage(SKIP_WAITING);
        return;
      }
      // A tab that loaded before any service worker controlled it gets no controllerchange: reload
      // once the new version is active, and the reload comes up under it.
      const activated = stateChange(waiting, 'activated');
      waiting.postMessage(SKIP_WAITING);
      await activated;
      reload();
    },
    dismiss() {
      dismissed = registration?.waiting ?? null;
      if (state.needRefresh) set({ needRefresh: false });
    },
  };
}
