// The shape worker through its client, as the studio uses it: lazy start, the shipped pack loaded
// and opened on the backend 'auto' picks (with its reason), a generation with a preview and a
// transferred mesh, cancel rejecting at once, a bad pack refused naming the file while the loaded
// one stays, and the WebGPU execution provider inside the worker.
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { ModelPackError } from '../../src/core/shape/model-manifest';
import type { ShapeProgress, ShapeSettings } from '../../src/core/shape/shape-types';
import {
  createShapeClient,
  SHIPPED_SHAPE_PACK_PATH,
  type ShapeClient,
} from '../../src/inference/shape-client';
import { spawnShapeWorker } from '../../src/inference/spawn-shape-worker';

const SHIPPED = `/${SHIPPED_SHAPE_PACK_PATH}`;
const small: ShapeSettings = { steps: 2, guidance: 2, seed: 7, coarse: 8, fine: 16 };

function image(size: number) {
  const data = new Float32Array(2 * size * size);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const inside = (x - size / 2) ** 2 + (y - size / 2) ** 2 < (size / 3) ** 2;
      data[y * size + x] = inside ? 1 : 0;
      data[size * size + y * size + x] = inside ? 0.5 : 1;
    }
  }
  return { size, data };
}

function checkMesh(mesh: { positions: Float32Array; normals: Float32Array; indices: Uint32Array }) {
  expect(mesh.positions).toBeInstanceOf(Float32Array);
  expect(mesh.normals.length).toBe(mesh.positions.length);
  expect(mesh.indices.length % 3).toBe(0);
  const vertices = mesh.positions.length / 3;
  expect(mesh.indices.every((i) => i < vertices)).toBe(true);
}

let client: ShapeClient | undefined;
afterEach(() => {
  client?.dispose();
  client = undefined;
});

// One client (one worker, one pack load) for the tests that leave it usable: starting the worker and
// compiling ORT's 27 MB wasm is most of each test's time on these machines.
let sharedClient: ShapeClient | undefined;
function shared(): ShapeClient {
  sharedClient ??= createShapeClient(spawnShapeWorker, { shippedPack: SHIPPED });
  return sharedClient;
}
afterAll(() => sharedClient?.dispose());

describe('shape worker', () => {
  it('starts no worker until asked, then loads the shipped pack where auto puts it', async () => {
    let spawned = 0;
    client = createShapeClient(() => (spawned++, spawnShapeWorker()), { shippedPack: SHIPPED });
    expect(spawned).toBe(0);
    expect(client.info).toBeNull();
    const info = await client.load();
    expect(spawned).toBe(1);
    expect(info.modelId).toBe('c3d-shape-mini');
    expect(info.packHash).toMatch(/^[0-9a-f]{64}$/);
    expect(info.manifest.latent.tokens).toBeGreaterThan(0);
    // This browser's WebGPU is SwiftShader (a software adapter): WASM, and why.
    expect(info.backend).toBe('wasm');
    expect(info.reason).toMatch(/software renderer/);
    expect(client.info).toEqual(info);
  });

  it(
    'generates: progress with one preview, a transferred mesh, timings',
    { timeout: 120_000 },
    async () => {
      const client = shared();
      const events: ShapeProgress[] = [];
      const size = 64;
      const result = await client.generate(image(size), small, (p) => events.push(p));
      expect(client.info?.backend).toBe('wasm');
      expect(result.backend).toBe('wasm');
      expect(result.surfaceBackend).toBe('cpu');
      checkMesh(result.mesh);
      expect(typeof result.watertight).toBe('boolean');
      expect(events.filter((e) => e.preview)).toHaveLength(1);
      expect(events.at(-1)?.fraction).toBe(1);
      expect(result.timings.sample).toHaveLength(small.steps);
      expect(result.timings.decode).toHaveLength(2);
      expect(result.timings.total).toBeGreaterThan(0);
    },
  );

  it('extracts the surface with the WGSL kernel when told to', { timeout: 120_000 }, async () => {
    client = createShapeClient(spawnShapeWorker, { shippedPack: SHIPPED, surface: 'webgpu' });
    const result = await client.generate(image(64), small);
    expect(result.surfaceBackend).toBe('webgpu');
    checkMesh(result.mesh);
  });

  it(
    'rejects at once when cancelled, and the worker stays usable',
    { timeout: 120_000 },
    async () => {
      const client = shared();
      await client.load();
      const controller = new AbortController();
      let abortedAt = 0;
      const running = client.generate(
        image(64),
        { ...small, steps: 64, fine: 64 },
        (p) => {
          if (p.stage === 'sample' && !abortedAt) {
            abortedAt = performance.now();
            controller.abort();
          }
        },
        controller.signal,
      );
      await expect(running).rejects.toMatchObject({ name: 'AbortError' });
      expect(performance.now() - abortedAt).toBeLessThan(100);
      const again = await client.generate(image(64), small);
      checkMesh(again.mesh);
    },
  );

  it(
    'rejects what is in flight when disposed, and starts a new worker after',
    { timeout: 120_000 },
    async () => {
      client = createShapeClient(spawnShapeWorker, { shippedPack: SHIPPED });
      await client.load();
      const running = client.generate(image(64), { ...small, steps: 64, fine: 64 });
      client.dispose();
      await expect(running).rejects.toMatchObject({ name: 'AbortError' });
      expect(client.info).toBeNull();
      await client.load();
      expect(client.workersStarted).toBe(2);
    },
  );

  it(
    'refuses a damaged pack naming the file, keeping the loaded one',
    { timeout: 120_000 },
    async () => {
      const client = shared();
      const first = await client.load();
      const base = new URL(SHIPPED, location.href);
      const get = async (name: string) =>
        new Uint8Array(await (await fetch(new URL(name, base))).arrayBuffer());
      const decoder = await get(first.manifest.files.decoder.path);
      decoder[decoder.length - 1]! ^= 0x55;
      const files = [
        { name: 'manifest.json', bytes: await get('manifest.json') },
        {
          name: first.manifest.files.encoder.path,
          bytes: await get(first.manifest.files.encoder.path),
        },
        {
          name: first.manifest.files.denoiser.path,
          bytes: await get(first.manifest.files.denoiser.path),
        },
        { name: first.manifest.files.decoder.path, bytes: decoder },
      ];
      const error = await client.load({ files }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ModelPackError);
      expect((error as ModelPackError).code).toBe('checksum');
      expect((error as Error).message).toMatch(/decoder\.onnx: its SHA-256 is/);
      expect(client.info?.packHash).toBe(first.packHash);
      checkMesh((await client.generate(image(64), small)).mesh);
    },
  );

  it(
    'runs the model on the WebGPU execution provider in the worker when told to',
    { timeout: 240_000 },
    async () => {
      client = createShapeClient(spawnShapeWorker, { shippedPack: SHIPPED });
      const info = await client.load(undefined, { backend: 'webgpu' });
      expect(info.backend).toBe('webgpu');
      expect(info.reason).toMatch(/WebGPU chosen in settings/);
      const result = await client.generate(image(64), { ...small, steps: 1, coarse: 4, fine: 8 });
      expect(result.backend).toBe('webgpu');
      checkMesh(result.mesh);
    },
  );
});
