import { describe, expect, it } from 'vitest';
import { cpuTerrainEngine, type TerrainEngine } from '../../src/core/terrain/terrain-engine';
import { chooseTerrainEngine, withFallback } from '../../src/generation/terrain-engine-choice';

const fakeGpu = (fail = false): TerrainEngine => ({
  name: 'webgpu',
  heightfield: async (p) => {
    if (fail) throw new Error('device lost');
    return new Int32Array(p.resolution * p.resolution).fill(7);
  },
  erode: async (h) => h,
});

describe('terrain engine choice', () => {
  it('auto: WebGPU on hardware, CPU on a software adapter; preferences override', () => {
    const gpu = fakeGpu();
    expect(chooseTerrainEngine({ gpu, softwareAdapter: false }).name).toBe('webgpu');
    expect(chooseTerrainEngine({ gpu, softwareAdapter: true })).toBe(cpuTerrainEngine);
    expect(chooseTerrainEngine({ gpu, softwareAdapter: true }, 'webgpu').name).toBe('webgpu');
    expect(chooseTerrainEngine({ gpu, softwareAdapter: false }, 'cpu')).toBe(cpuTerrainEngine);
    expect(chooseTerrainEngine({ softwareAdapter: false }, 'webgpu')).toBe(cpuTerrainEngine);
  });

  it('a failing GPU run is redone on the CPU, and the engine says so', async () => {
    const engine = withFallback(fakeGpu(true));
    const params = {
      resolution: 9,
      kind: 1,
      fractal: 1,
      octaves: [{ step: 4096, offsetX: 1, offsetY: 2, amplitude: 65536, seed: 3 }],
      warpSamples: 0,
      warpSeedX: 0,
      warpSeedY: 0,
    };
    const out = await engine.heightfield(params);
    expect(out).toEqual(await cpuTerrainEngine.heightfield(params));
    expect(engine.name).toBe('cpu');
  });
});
