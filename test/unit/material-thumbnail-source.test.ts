// The browser's thumbnail source: at most N bakes in flight, the newest request first, a request
// cancelled before its bake starts never bakes, finished thumbnails come from the cache, and a
// failed bake is reported (and tried again next time) rather than cached.
import { describe, expect, it } from 'vitest';
import type { MaterialMaps } from '../../src/core/materials/maps';
import type { MaterialParams } from '../../src/core/materials/preset';
import type { BakedMaterial, MaterialService } from '../../src/materials/material-service';
import {
  createThumbnailSource,
  thumbnailKey,
  type ThumbnailResult,
} from '../../src/ui/materials/thumbnail-source';

function flatMaps(size: number): MaterialMaps {
  const levels = (fill: number[]) => {
    const out: Uint8Array<ArrayBuffer>[] = [];
    for (let n = size; n >= 1; n >>= 1) {
      const a = new Uint8Array(n * n * 4);
      for (let i = 0; i < a.length; i += 4) a.set(fill, i);
      out.push(a);
    }
    return out;
  };
  return {
    size,
    albedo: { format: 'rgba8', levels: levels([128, 100, 80, 255]) },
    normal: { format: 'rgba8', levels: levels([128, 128, 255, 255]) },
    orm: { format: 'rgba8', levels: levels([255, 128, 0, 255]) },
    height: { format: 'r32f', levels: [new Float32Array(size * size)] },
  };
}

/** A service whose bakes finish when the test says so. */
function fakeService() {
  const calls: { seed: number; resolve(): void; reject(e: Error): void }[] = [];
  const service: MaterialService = {
    bake: (params) =>
      new Promise<BakedMaterial>((resolve, reject) => {
        calls.push({
          seed: params.seed,
          resolve: () =>
            resolve({
              key: String(params.seed),
              maps: flatMaps(16),
              ms: 1,
              cached: false,
              engine: 'cpu' as const,
            }),
          reject,
        });
      }),
    stats: () => ({ entries: 0, bytes: 0, budgetBytes: 0, hits: 0, misses: 0 }),
  };
  return { service, calls };
}

const params = (seed: number) => ({ seed }) as MaterialParams;
const tick = () => new Promise((r) => setTimeout(r, 0));

describe('thumbnail source', () => {
  it('runs at most two bakes, newest request first, and skips cancelled ones', async () => {
    const { service, calls } = fakeService();
    const source = createThumbnailSource(service, { bakeSize: 16, pixels: 16, maxInFlight: 2 });
    const results: string[] = [];
    const want = (seed: number) =>
      source.request(thumbnailKey(`p/${seed}`, params(seed)), params(seed), (r) =>
        results.push(`${seed}:${'image' in r ? 'ok' : r.error}`),
      );
    want(1);
    want(2);
    want(3);
    const cancel4 = want(4);
    want(5);
    expect(source.inFlight()).toBe(2);
    expect(source.queued()).toBe(3);
    expect(calls.map((c) => c.seed)).toEqual([1, 2]);
    cancel4();
    expect(source.queued()).toBe(2);

    calls[0]!.resolve();
    await tick();
    // The newest waiting request (5) goes next, not the oldest (3).
    expect(calls.map((c) => c.seed)).toEqual([1, 2, 5]);
    calls[1]!.resolve();
    await tick();
    expect(calls.map((c) => c.seed)).toEqual([1, 2, 5, 3]);
    calls[2]!.resolve();
    calls[3]!.resolve();
    await tick();
    expect(results.sort()).toEqual(['1:ok', '2:ok', '3:ok', '5:ok']);
    expect(source.inFlight()).toBe(0);
    expect(calls).toHaveLength(4);
  });

  it('serves a finished thumbnail from the cache and shares a bake between two cards', async () => {
    const { service, calls } = fakeService();
    const source = createThumbnailSource(service, { bakeSize: 16, pixels: 24 });
    const key = thumbnailKey('p/1', params(1));
    const got: ThumbnailResult[] = [];
    source.request(key, params(1), (r) => got.push(r));
    source.request(key, params(1), (r) => got.push(r));
    expect(calls).toHaveLength(1);
    calls[0]!.resolve();
    await tick();
    expect(got).toHaveLength(2);
    const image = 'image' in got[0]! ? got[0].image : null;
    expect(image?.width).toBe(24);
    expect(source.peek(key)).toBe(got[0]);
    source.request(key, params(1), (r) => got.push(r));
    expect(got).toHaveLength(3);
    expect(calls).toHaveLength(1);
  });

  it('reports a failed bake and tries again on the next request', async () => {
    const { service, calls } = fakeService();
    const source = createThumbnailSource(service, { bakeSize: 16, pixels: 16 });
    const key = thumbnailKey('p/9', params(9));
    const got: ThumbnailResult[] = [];
    source.request(key, params(9), (r) => got.push(r));
    calls[0]!.reject(new Error('device lost'));
    await tick();
    expect(got).toEqual([{ error: 'device lost' }]);
    expect(source.peek(key)).toBeUndefined();
    source.request(key, params(9), (r) => got.push(r));
    expect(calls).toHaveLength(2);
  });

  it('keys differ when the params differ, even under the same id', () => {
    expect(thumbnailKey('user/a', params(1))).not.toBe(thumbnailKey('user/a', params(2)));
  });
});

describe('thumbnail source, paused', () => {
  it('queues while paused and starts baking on start()', () => {
    const { service, calls } = fakeService();
    const source = createThumbnailSource(service, { bakeSize: 16, pixels: 16, paused: true });
    source.request(thumbnailKey('p/1', params(1)), params(1), () => {});
    source.request(thumbnailKey('p/2', params(2)), params(2), () => {});
    expect(calls).toHaveLength(0);
    expect(source.queued()).toBe(2);
    source.start();
    source.start();
    expect(calls.map((c) => c.seed)).toEqual([2, 1]);
  });
});
