// The whole material bake on WebGPU (bakeMaterialGpu: every pass in one submission) against the CPU
// bake (bakeMaterialCpu), map by map and level by level, in real Chromium WebGPU inside
// validation/out-of-memory error scopes.
//
// Tolerances: RGBA8 bytes more than one step apart count as mismatches, and at most 0.2% of a level's
// bytes may mismatch (4 bytes on the smallest levels); heights more than 1e-4 apart likewise. Measured
// on SwiftShader over every case below: albedo, normal, orm and emissive at most 1 step apart at every
// level, no byte beyond it (0%); height max 2.8e-5. The share cap leaves room for texels where f32 and
// f64 land on opposite sides of a pattern's cell border, which a different GPU may produce.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bakeMaterialCpu } from '../../src/core/materials/bake/bake-cpu';
import { MaterialBakeError, type MaterialBakeRequest } from '../../src/core/materials/bake-request';
import { MAP_NAMES, levelCount, levelSize, type MaterialMaps } from '../../src/core/materials/maps';
import { createGpuCompute } from '../../src/gpu/gpu-compute';
import { GpuKernelError } from '../../src/gpu/kernel-runner';
import { bakeMaterialGpu, checkBakeLimits } from '../../src/gpu/materials/material-bake-gpu';
import {
  createGpuHarness,
  inErrorScopes,
  requireWebGpu,
  type GpuHarness,
} from '../support/gpu-harness';
import {
  BRICK,
  GLOWING_METAL,
  IRON,
  MOSS,
  STONE,
  WOOD,
  blendSettings,
  modifiers,
} from '../support/material-fixtures';

/** RGBA8: bytes more than this many steps apart count as mismatches... */
const RGBA8_STEPS = 1;
/** ...and at most this share of a level's bytes (or values, for height) may be mismatches. */
const MISMATCH_SHARE = 0.002;
/** Height (R32F): values further apart than this count as mismatches (same share cap). */
const HEIGHT_TOL = 1e-4;

let h: GpuHarness;
beforeAll(async () => {
  h = await createGpuHarness();
});
afterAll(() => h.context.dispose());

const CASES: [string, MaterialBakeRequest][] = [
  ['brick', { params: BRICK, size: 128 }],
  ['glowing metal (emissive in grooves)', { params: GLOWING_METAL, size: 128 }],
  [
    'wood, wet, worn, dirty, hue shifted',
    {
      params: WOOD,
      modifiers: modifiers({
        weather: 'wet',
        weatherAmount: 0.7,
        wear: 0.4,
        dirt: 0.5,
        hue: 0.03,
        seed: 3,
      }),
      size: 128,
    },
  ],
  [
    'stone + moss in autumn, noise mask',
    {
      params: STONE,
      blend: {
        params: MOSS,
        modifiers: modifiers({ season: 'autumn', seed: 8 }),
        settings: blendSettings({ mask: 'noise', amount: 0.45, softness: 0.3, scale: 4, seed: 2 }),
      },
      size: 128,
    },
  ],
  [
    'corroded iron + glowing metal, height mask (emissive from the partner)',
    {
      params: IRON,
      modifiers: modifiers({ weather: 'corroded', weatherAmount: 0.8, seed: 5 }),
      blend: {
        params: GLOWING_METAL,
        settings: blendSettings({ mask: 'height', amount: 0.6, softness: 0.2 }),
      },
      size: 64,
    },
  ],
  [
    'brick + wood, slope mask, frozen, 256',
    {
      params: BRICK,
      modifiers: modifiers({ weather: 'frozen', seed: 1 }),
      blend: {
        params: WOOD,
        settings: blendSettings({ mask: 'slope', amount: 0.5, softness: 0.4 }),
      },
      size: 256,
    },
  ],
];

const figures: Record<string, number> = {};
function record(key: string, value: number) {
  figures[key] = Math.max(figures[key] ?? 0, value);
}
afterAll(() => console.log('material-bake measured:', JSON.stringify(figures)));

function compareMaps(gpu: MaterialMaps, cpu: MaterialMaps) {
  expect(gpu.size).toBe(cpu.size);
  expect(gpu.emissive === undefined).toBe(cpu.emissive === undefined);
  for (const name of MAP_NAMES) {
    const g = gpu[name];
    const c = cpu[name];
    if (!g || !c) continue;
    expect(g.format).toBe(c.format);
    expect(g.levels.length).toBe(levelCount(cpu.size));
    for (let k = 0; k < c.levels.length; k++) {
      const gl = g.levels[k]!;
      const cl = c.levels[k]!;
      const side = levelSize(cpu.size, k);
      expect(cl.length).toBe(side * side * (c.format === 'rgba8' ? 4 : 1));
      expect(gl.length, `${name} level ${k}`).toBe(cl.length);
      const tol = c.format === 'rgba8' ? RGBA8_STEPS : HEIGHT_TOL;
      let over = 0;
      let maxAbs = 0;
      for (let i = 0; i < cl.length; i++) {
        const d = Math.abs(gl[i]! - cl[i]!);
        if (!(d <= tol)) over++;
        if (!(d <= maxAbs)) maxAbs = d;
      }
      const share = over / cl.length;
      record(`${name} max`, maxAbs);
      record(`${name} share over`, share);
      // Small levels have few texels: allow one mismatching texel there.
      expect(
        over <= 4 || share <= MISMATCH_SHARE,
        `${name} level ${k}: ${over} of ${cl.length} differ (max ${maxAbs})`,
      ).toBe(true);
      if (c.format === 'r32f') {
        expect(
          gl.every((x) => Number.isFinite(x)),
          `${name} level ${k} finite`,
        ).toBe(true);
      } else {
        for (let i = 3; i < gl.length; i += 4) if (gl[i] !== 255) throw new Error(`${name} alpha`);
      }
    }
  }
}

describe('bakeMaterialGpu vs bakeMaterialCpu', () => {
  for (const [name, request] of CASES) {
    it(name, async () => {
      const t0 = performance.now();
      const gpu = await inErrorScopes(h, () => bakeMaterialGpu(h.runner, request));
      const gpuMs = performance.now() - t0;
      const t1 = performance.now();
      const cpu = bakeMaterialCpu(request);
      const cpuMs = performance.now() - t1;
      console.log(`${name}: GPU ${gpuMs.toFixed(0)} ms, CPU ${cpuMs.toFixed(0)} ms`);
      compareMaps(gpu, cpu);
    });
  }

  it('a 512x512 bake with modifiers and a blend, timed, in one submission', async () => {
    const request: MaterialBakeRequest = {
      params: BRICK,
      modifiers: modifiers({ weather: 'dusty', wear: 0.5, seed: 4 }),
      blend: {
        params: MOSS,
        settings: blendSettings({ mask: 'noise', amount: 0.3, softness: 0.3 }),
      },
      size: 512,
    };
    // Warm the pipelines so the timing is the bake's.
    await inErrorScopes(h, () => bakeMaterialGpu(h.runner, { ...request, size: 16 }));
    const before = h.runner.dispatchCount;
    const t0 = performance.now();
    const gpu = await inErrorScopes(h, () => bakeMaterialGpu(h.runner, request));
    const ms = performance.now() - t0;
    const dispatches = h.runner.dispatchCount - before;
    console.log(
      `512x512 bake on ${(await h.runner.info()).adapter}: ${ms.toFixed(0)} ms, ${dispatches} dispatches`,
    );
    // 2 x (pattern, ao, surface, modifier) + blend + normal + 4 packs + 4 maps x 9 mip levels.
    expect(dispatches).toBe(2 * 4 - 1 + 1 + 1 + 4 + 4 * 9);
    compareMaps(gpu, bakeMaterialCpu(request));
  });

  it('through ComputeApi.bakeMaterial, with its timing', async () => {
    const compute = createGpuCompute(requireWebGpu());
    try {
      const maps = await compute.bakeMaterial({ params: GLOWING_METAL, size: 32 });
      expect(maps.ms).toBeGreaterThan(0);
      expect(maps.emissive?.levels.length).toBe(6);
    } finally {
      compute.context.dispose();
    }
  });
});

describe('bakeMaterialGpu refuses what it cannot do', () => {
  it('a bad request rejects with MaterialBakeError naming the field, before any GPU work', async () => {
    const before = h.runner.dispatchCount;
    const bad = { params: { ...BRICK, scale: 0 }, size: 100 } as unknown as MaterialBakeRequest;
    const error = await bakeMaterialGpu(h.runner, bad).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MaterialBakeError);
    expect((error as Error).message).toContain('params.scale');
    expect((error as Error).message).toContain('size');
    expect(h.runner.dispatchCount).toBe(before);
  });

  it('a size over the device limits is a GpuKernelError that says so', () => {
    const limits = {
      maxStorageBufferBindingSize: 128 * 2 ** 20,
      maxBufferSize: 256 * 2 ** 20,
      maxStorageBuffersPerShaderStage: 8,
      maxComputeWorkgroupsPerDimension: 65535,
    };
    expect(() => checkBakeLimits(2048, limits, true)).not.toThrow();
    const small = { ...limits, maxStorageBufferBindingSize: 32 * 2 ** 20 };
    expect(() => checkBakeLimits(2048, small, false)).toThrow(GpuKernelError);
    expect(() => checkBakeLimits(2048, small, false)).toThrow(
      /2048x2048 bake needs 67108864 bytes/,
    );
    expect(() => checkBakeLimits(1024, small, false)).not.toThrow();
    const few = { ...limits, maxStorageBuffersPerShaderStage: 4 };
    expect(() => checkBakeLimits(64, few, false)).not.toThrow();
    expect(() => checkBakeLimits(64, few, true)).toThrow(/8 storage buffers/);
  });
});
