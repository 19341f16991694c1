// The compute worker through comlink: lazily started, results transferred, terminated and started
// again, and the same texels as the CPU reference.
import { afterEach, describe, expect, it } from 'vitest';
import { bakeNoiseCpu } from '../../src/core/noise';
import { createComputeClient, type ComputeClient } from '../../src/gpu/compute-client';
import { spawnComputeWorker } from '../../src/gpu/spawn-compute-worker';
import { compareArrays } from '../support/gpu-harness';

let client: ComputeClient | undefined;
afterEach(() => client?.terminate());

const params = {
  width: 64,
  height: 64,
  format: 'r32f' as const,
  fractal: 'fbm' as const,
  octaves: 5,
};

describe('compute worker', () => {
  it('starts no worker until the first call', async () => {
    let spawned = 0;
    client = createComputeClient(() => {
      spawned++;
      return spawnComputeWorker();
    });
    expect(spawned).toBe(0);
    const info = await client.info();
    expect(spawned).toBe(1);
    expect(info.backend).toBe('webgpu');
    expect(info.adapter).not.toBe('');
  });

  it('bakes noise on the GPU in the worker, matching the CPU reference', async () => {
    client = createComputeClient(spawnComputeWorker);
    const field = await client.bakeNoise(params);
    expect(field.data).toBeInstanceOf(Float32Array);
    expect(compareArrays(field.data, bakeNoiseCpu(params).data).maxAbs).toBeLessThan(2e-4);
    expect(field.ms).toBeGreaterThan(0);
  });

  it('can be terminated and starts a new worker on the next call', async () => {
    client = createComputeClient(spawnComputeWorker);
    const a = await client.bakeNoise({ ...params, format: 'rgba8' });
    client.terminate();
    const b = await client.bakeNoise({ ...params, format: 'rgba8' });
    expect(client.workersStarted).toBe(2);
    expect(Array.from(b.data)).toEqual(Array.from(a.data));
  });

  it('reports bad parameters from the worker with the field named', async () => {
    client = createComputeClient(spawnComputeWorker);
    await expect(client.bakeNoise({ width: -4 })).rejects.toThrow(/width: expected an integer/);
  });
});
