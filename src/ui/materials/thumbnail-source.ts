// Thumbnails for the material browser: baked through the material service at a small size, shaded
// into a lit sphere (core/materials/thumbnail.ts) and kept in an LRU by preset and params, so
// scrolling back never re-bakes. Only cards on screen ask; at most `maxInFlight` bakes run at once
// and the newest request goes first (what the user just scrolled to), and a card that scrolls away
// before its bake starts takes its request with it.
import type { MaterialParams } from '../../core/materials/preset';
import { shadeThumbnail, type ThumbnailImage } from '../../core/materials/thumbnail';
import type { BakeSize } from '../../core/materials/bake-request';
import type { MaterialService } from '../../materials/material-service';

export type ThumbnailResult = { image: ThumbnailImage } | { error: string };
type Listener = (result: ThumbnailResult) => void;

export interface ThumbnailSource {
  /** Side of the shaded image in pixels. */
  readonly pixels: number;
  /** A finished thumbnail, if there is one. */
  peek(key: string): ThumbnailResult | undefined;
  /** Asks for a thumbnail; `done` is called once. Returns a cancel function. */
  request(key: string, params: MaterialParams, done: Listener): () => void;
  /** Bakes running now (for tests: never above maxInFlight). */
  inFlight(): number;
  /** Requests waiting for a slot. */
  queued(): number;
  /** Lets a source made with `paused` start baking (idempotent). */
  start(): void;
}

export interface ThumbnailSourceOptions {
  bakeSize?: BakeSize;
  pixels?: number;
  maxInFlight?: number;
  /** Thumbnails kept (each pixels² × 4 bytes). */
  capacity?: number;
  /** Queue requests but bake nothing until start(): the studio's own start comes first. */
  paused?: boolean;
}

/** A cache key: equal for equal params, whatever the preset is called. */
export function thumbnailKey(id: string, params: MaterialParams): string {
  return `${id}|${JSON.stringify(params)}`;
}

export function createThumbnailSource(
  service: MaterialService,
  options: ThumbnailSourceOptions = {},
): ThumbnailSource {
  const bakeSize = options.bakeSize ?? 128;
  const pixels = options.pixels ?? 96;
  const maxInFlight = options.maxInFlight ?? 2;
  const capacity = options.capacity ?? 800;
  const done = new Map<string, ThumbnailResult>();
  const waiting = new Map<string, { params: MaterialParams; listeners: Set<Listener> }>();
  const running = new Map<string, Set<Listener>>();
  let paused = options.paused ?? false;

  const remember = (key: string, result: ThumbnailResult) => {
    done.delete(key);
    done.set(key, result);
    while (done.size > capacity) done.delete(done.keys().next().value!);
  };

  const pump = () => {
    while (!paused && running.size < maxInFlight && waiting.size > 0) {
      // Newest first: Map keeps insertion order, and a re-request moves a key to the end.
      const key = [...waiting.keys()].at(-1)!;
      const job = waiting.get(key)!;
      waiting.delete(key);
      running.set(key, job.listeners);
      service
        .bake(job.params, { size: bakeSize })
        .then(
          (baked): ThumbnailResult => ({ image: shadeThumbnail(baked.maps, { size: pixels }) }),
          (error: unknown): ThumbnailResult => ({
            error: error instanceof Error ? error.message : String(error),
          }),
        )
        .then((result) => {
          // Failures are not kept: the next card that shows this preset tries again.
          if ('image' in result) remember(key, result);
          const listeners = running.get(key);
          running.delete(key);
          for (const l of listeners ?? []) l(result);
          pump();
        });
    }
  };

  return {
    pixels,
    peek(key) {
      const hit = done.get(key);
      if (hit) remember(key, hit);
      return hit;
    },
    request(key, params, listener) {
      const hit = done.get(key);
      if (hit) {
        listener(hit);
        return () => {};
      }
      const active = running.get(key);
      if (active) {
        active.add(listener);
        return () => active.delete(listener);
      }
      const job = waiting.get(key) ?? { params, listeners: new Set<Listener>() };
      waiting.delete(key);
      job.listeners.add(listener);
      waiting.set(key, job);
      pump();
      return () => {
        job.listeners.delete(listener);
        if (job.listeners.size === 0 && waiting.get(key) === job) waiting.delete(key);
        running.get(key)?.delete(listener);
      };
    },
    inFlight: () => running.size,
    queued: () => waiting.size,
    start() {
      if (!paused) return;
      paused = false;
      pump();
    },
  };
}
