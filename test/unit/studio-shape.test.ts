// The studio's shape service over a fake model client and a memory content cache: identical
// requests share one run (progress and the coarse preview reach every caller), a repeat is a cache
// hit, the key follows input, settings, reading options and pack, a cancelled run caches nothing
// and a request that joined it runs on its own, settings out of range are refused before the model
// runs, and a result enters the scene as GLB bytes through importFile.
import { describe, expect, it, vi } from 'vitest';
import { createContentCache } from '../../src/cache/create-content-cache';
import type { ShapeManifest } from '../../src/core/shape/model-manifest';
import type {
  ShapeImage,
  ShapeMesh,
  ShapeProgress,
  ShapeResult,
  ShapeSettings,
} from '../../src/core/shape/shape-types';
import type { ShapeBackendInfo, ShapeClient } from '../../src/inference/shape-client';
import { createShapeService, settingsRange, shapeCacheKey } from '../../src/app/studio-shape';

const manifest = {
  sampler: { defaultSteps: 8, maxSteps: 64, defaultGuidance: 2 },
  grid: { bound: 0.55, coarse: 32, fine: 64 },
  image: { size: 4, channels: ['mask', 'luminance'] },
} as unknown as ShapeManifest;

const info = (packHash = 'a'.repeat(64)): ShapeBackendInfo => ({
  backend: 'wasm',
  reason: 'test',
  modelId: 'fake',
  manifest,
  packHash,
  origin: 'http://studio.test/models/fake/manifest.json',
  loadMs: 1,
});

const image = (v = 0.5): ShapeImage => ({ size: 4, data: new Float32Array(32).fill(v) });
const SETTINGS: ShapeSettings = { steps: 8, guidance: 2, seed: 1, coarse: 32, fine: 64 };

const tetra = (): ShapeMesh => ({
  positions: new Float32Array([0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 1]),
  normals: new Float32Array([-1, -1, -1, 1, 0, 0, 0, 1, 0, 0, 0, 1]),
  indices: new Uint32Array([0, 2, 1, 0, 1, 3, 0, 3, 2, 1, 2, 3]),
});

interface PendingRun {
  progress: (p: ShapeProgress) => void;
  finish: () => void;
  signal?: AbortSignal;
}

/** A model client whose runs finish when the test says so; aborting rejects at once. */
function fakeClient(loaded = info()) {
  const runs: PendingRun[] = [];
  let current: ShapeBackendInfo | null = null;
  const client: ShapeClient = {
    get info() {
      return current;
    },
    workersStarted: 0,
    load: vi.fn(async () => {
      current = loaded;
      return loaded;
    }),
    generate: vi.fn(
      (_image, _settings, onProgress, signal) =>
        new Promise<ShapeResult>((resolve, reject) => {
          signal?.addEventListener('abort', () =>
            reject(new DOMException('cancelled', 'AbortError')),
          );
          const result: ShapeResult = {
            mesh: tetra(),
            watertight: true,
            timings: {
              encode: 1,
              sample: [1],
              decode: [1],
              surface: [1],
              total: 5,
              firstPreview: 2,
            },
            backend: 'wasm',
            surfaceBackend: 'cpu',
          };
          runs.push({
            progress: (p) => onProgress?.(p),
            finish: () => resolve(result),
            ...(signal ? { signal } : {}),
          });
        }),
    ),
    dispose: () => {},
  };
  return { client, runs };
}

function setup() {
  const { client, runs } = fakeClient();
  const importFile = vi.fn(async (bytes: Uint8Array, name: string) => ({
    id: `import:${name}`,
    hash: 'h',
    triangles: bytes.length > 0 ? 4 : 0,
  }));
  const cache = createContentCache({ db: null });
  const service = createShapeService({
    client,
    cache,
    shippedPack: 'http://studio.test/models/fake/manifest.json',
    importFile,
  });
  return { client, runs, service, importFile, cache };
}

/** Waits until the fake has `n` runs started. */
async function started(runs: PendingRun[], n: number) {
  await vi.waitFor(() => expect(runs.length).toBe(n));
}

describe('createShapeService', () => {
  it('shares one run between identical requests, with progress for both, then serves the cache', async () => {
    const { client, runs, service, cache } = setup();
    const seenA: string[] = [];
    const seenB: string[] = [];
    const a = service.generate({ image: image(), settings: SETTINGS }, (p) => seenA.push(p.stage));
    await started(runs, 1);
    const b = service.generate({ image: image(), settings: SETTINGS }, (p) => seenB.push(p.stage));
    await vi.waitFor(() => expect(cache.stats().shared).toBe(1));
    runs[0]!.progress({ stage: 'surface', fraction: 0.6, preview: tetra() });
    runs[0]!.finish();
    const [ra, rb] = await Promise.all([a, b]);
    expect(client.generate).toHaveBeenCalledTimes(1);
    expect(seenA).toEqual(['surface']);
    expect(seenB).toEqual(['surface']);
    expect(ra.cached).toBe(false);
    expect(rb.cached).toBe(true);
    expect(rb.result).toBe(ra.result);

    const again = await service.generate({ image: image(), settings: SETTINGS });
    expect(again.cached).toBe(true);
    expect(again.key).toBe(ra.key);
    expect(client.generate).toHaveBeenCalledTimes(1);
  });

  it('keys on the input, the settings, how the picture was read, the pack and the backend', async () => {
    const base = await shapeCacheKey({ image: image(), settings: SETTINGS }, 'p1');
    const keys = await Promise.all([
      shapeCacheKey({ image: image(0.25), settings: SETTINGS }, 'p1'),
      shapeCacheKey({ image: image(), settings: { ...SETTINGS, seed: 2 } }, 'p1'),
      shapeCacheKey({ image: image(), settings: { ...SETTINGS, fine: 128 } }, 'p1'),
      shapeCacheKey({ image: image(), settings: SETTINGS }, 'p2'),
      shapeCacheKey({ image: image(), settings: SETTINGS }, 'p1', 'webgpu'),
      shapeCacheKey({ image: image(), settings: SETTINGS, identity: new Uint8Array([1]) }, 'p1'),
      shapeCacheKey(
        { image: image(), settings: SETTINGS, identity: new Uint8Array([1]), keyExtra: { t: 9 } },
        'p1',
      ),
    ]);
    expect(base).toMatch(/^[0-9a-f]{64}$/);
    expect(new Set([base, ...keys]).size).toBe(8);
    // File bytes identify the input: the decoded picture does not change the key.
    expect(
      await shapeCacheKey(
        { image: image(0.9), settings: SETTINGS, identity: new Uint8Array([1]) },
        'p1',
      ),
    ).toBe(keys[5]);
    // Key order in settings does not matter.
    const reordered = { fine: 64, coarse: 32, seed: 1, guidance: 2, steps: 8 };
    expect(await shapeCacheKey({ image: image(), settings: reordered }, 'p1')).toBe(base);
  });

  it('a cancelled run rejects at once and caches nothing; a request that joined it runs its own', async () => {
    const { client, runs, service, cache } = setup();
    const abort = new AbortController();
    const a = service.generate({ image: image(), settings: SETTINGS }, undefined, abort.signal);
    await started(runs, 1);
    const b = service.generate({ image: image(), settings: SETTINGS });
    await vi.waitFor(() => expect(cache.stats().shared).toBe(1));
    abort.abort();
    await expect(a).rejects.toMatchObject({ name: 'AbortError' });
    // b joined a's run, which was cancelled under it: it starts its own.
    await started(runs, 2);
    expect(runs[1]!.signal).toBeUndefined();
    runs[1]!.finish();
    expect((await b).cached).toBe(false);
    expect(client.generate).toHaveBeenCalledTimes(2);

    // A cancelled run keeps nothing: the same request again runs the model.
    const stop = new AbortController();
    const x = service.generate({ image: image(0.1), settings: SETTINGS }, undefined, stop.signal);
    await started(runs, 3);
    stop.abort();
    await expect(x).rejects.toMatchObject({ name: 'AbortError' });
    const y = service.generate({ image: image(0.1), settings: SETTINGS });
    await started(runs, 4);
    runs[3]!.finish();
    expect((await y).cached).toBe(false);
    expect(client.generate).toHaveBeenCalledTimes(4);
  });

  it('refuses settings the pack does not allow before the model runs, naming the setting', async () => {
    const { client, service } = setup();
    await expect(
      service.generate({ image: image(), settings: { ...SETTINGS, steps: 65 } }),
    ).rejects.toThrow(/steps: expected an integer 1\.\.64/);
    await expect(
      service.generate({ image: image(), settings: { ...SETTINGS, fine: 48 } }),
    ).rejects.toThrow(/fine: expected a multiple of coarse \(32\)/);
    expect(client.generate).not.toHaveBeenCalled();
  });

  it("offers the manifest's defaults and fine grids that are multiples of the coarse one", () => {
    const range = settingsRange(info());
    expect(range.defaults).toEqual({ steps: 8, guidance: 2, seed: 1, coarse: 32, fine: 64 });
    expect(range.maxSteps).toBe(64);
    expect(range.fineChoices).toEqual([32, 64, 128]);
  });

  it('loads the shipped pack once and knows it from a user pack', async () => {
    const { client, service } = setup();
    expect(service.current()).toBeNull();
    const [x, y] = await Promise.all([service.backend(), service.backend()]);
    expect(x).toBe(y);
    expect(client.load).toHaveBeenCalledTimes(1);
    expect(service.isShipped(x)).toBe(true);
    expect(service.isShipped({ ...x, origin: 'your files' })).toBe(false);
  });

  it('adds a result to the scene as GLB bytes through importFile', async () => {
    const { service, importFile } = setup();
    const added = await service.addToScene(tetra(), 'vase (3D)');
    expect(added).toEqual({ id: 'import:vase (3D)', triangles: 4 });
    const [bytes, name] = importFile.mock.calls[0]!;
    expect(name).toBe('vase (3D)');
    expect(new TextDecoder().decode(bytes.subarray(0, 4))).toBe('glTF');
  });
});
