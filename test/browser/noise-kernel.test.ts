// The WGSL noise kernels against their CPU reference, in real Chromium WebGPU.
//
// Tolerance: the GPU computes in f32, the reference in f64, so they differ by input rounding carried
// through the noise. Measured on SwiftShader (max abs): one octave 1.1e-5 (simplex, whose 99x
// normalisation scales it), fractals 8.4e-5 (ridged squares its octaves; coordinates grow by
// lacunarity^octave), domain warp 4.5e-4 (one noise's error moves another's input). We allow
// 5e-5, 2e-4 and 1e-3 respectively, and a mean abs under a tenth of that (measured means are at
// most an eighth of the max), which catches a systematic offset. RGBA8 texels may differ by one step where a value sits on a rounding boundary.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NOISE_KINDS, bakeNoiseCpu, type NoiseBakeParams } from '../../src/core/noise';
import { bakeNoiseGpu } from '../../src/gpu/noise-bake-pass';
import {
  compareArrays,
  createGpuHarness,
  inErrorScopes,
  type GpuHarness,
} from '../support/gpu-harness';

const SINGLE_OCTAVE_TOL = 5e-5;
const FRACTAL_TOL = 2e-4;
const WARP_TOL = 1e-3;

let h: GpuHarness;
beforeAll(async () => {
  h = await createGpuHarness();
});
afterAll(() => h.context.dispose());

const base: Partial<NoiseBakeParams> = {
  width: 64,
  height: 48,
  format: 'r32f',
  frequency: 6,
  origin: [-1.3, 2.7, 0.35],
  scale: [1, 0.75],
  outScale: 1,
  outBias: 0,
  seed: 1234,
};

async function compare(params: Partial<NoiseBakeParams>, tolerance: number) {
  const gpu = await inErrorScopes(h, () => bakeNoiseGpu(h.runner, params));
  const cpu = bakeNoiseCpu(params);
  expect(gpu.width).toBe(cpu.width);
  expect(gpu.format).toBe(cpu.format);
  const diff = compareArrays(gpu.data, cpu.data);
  expect(diff.maxAbs).toBeLessThanOrEqual(tolerance);
  if (params.format !== 'rgba8') expect(diff.meanAbs).toBeLessThanOrEqual(tolerance / 10);
  return { gpu, cpu, diff };
}

describe('noise bake kernel vs CPU reference (R32F)', () => {
  it('runs on a real WebGPU adapter', async () => {
    const { info } = await h.context.device();
    expect(info.adapter.length).toBeGreaterThan(0);
  });

  for (const kind of NOISE_KINDS) {
    for (const dimensions of [2, 3] as const) {
      it(`${kind} ${dimensions}D single octave within ${SINGLE_OCTAVE_TOL}`, async () => {
        const { cpu } = await compare(
          { ...base, kind, dimensions, fractal: 'none' },
          SINGLE_OCTAVE_TOL,
        );
        // The field is not trivially flat.
        const values = Array.from(cpu.data);
        expect(Math.max(...values) - Math.min(...values)).toBeGreaterThan(0.5);
      });

      for (const fractal of ['fbm', 'ridged'] as const) {
        it(`${kind} ${dimensions}D ${fractal} (6 octaves) within ${FRACTAL_TOL}`, async () => {
          await compare({ ...base, kind, dimensions, fractal, octaves: 6 }, FRACTAL_TOL);
        });
      }
    }

    it(`${kind} 2D FBM with domain warp within ${WARP_TOL}`, async () => {
      await compare({ ...base, kind, fractal: 'fbm', octaves: 5, warp: 0.8 }, WARP_TOL);
    });
  }

  it(`3D simplex ridged with domain warp and odd lacunarity/gain within ${WARP_TOL}`, async () => {
    await compare(
      {
        ...base,
        kind: 'simplex',
        dimensions: 3,
        fractal: 'ridged',
        octaves: 4,
        lacunarity: 2.3,
        gain: 0.6,
        warp: 1.2,
      },
      WARP_TOL,
    );
  });
});

describe('noise bake kernel: RGBA8 and sizes', () => {
  it('RGBA8 texels match the reference within one step', async () => {
    const params = {
      ...base,
      format: 'rgba8' as const,
      outScale: 0.5,
      outBias: 0.5,
      fractal: 'fbm' as const,
    };
    const { gpu } = await compare(params, 1);
    expect(gpu.data).toBeInstanceOf(Uint8Array);
    expect(gpu.data[3]).toBe(255);
  });

  it('odd sizes not divisible by the workgroup (1x1, 13x7, 257x3)', async () => {
    for (const [width, height] of [
      [1, 1],
      [13, 7],
      [257, 3],
    ] as const) {
      await compare({ ...base, width, height, fractal: 'fbm', octaves: 3 }, FRACTAL_TOL);
    }
  });

  it('chunked dispatch (forced small binding) gives the same texels as one dispatch', async () => {
    const params = { ...base, width: 96, height: 70, fractal: 'fbm' as const, octaves: 4 };
    const before = h.runner.dispatchCount;
    const whole = await inErrorScopes(h, () => bakeNoiseGpu(h.runner, params));
    const oneDispatch = h.runner.dispatchCount - before;
    const chunked = await inErrorScopes(h, () =>
      bakeNoiseGpu(h.runner, params, { maxChunkBytes: 96 * 4 * 9 }),
    );
    const chunks = h.runner.dispatchCount - before - oneDispatch;
    expect(oneDispatch).toBe(1);
    expect(chunks).toBe(Math.ceil(70 / 9));
    expect(Array.from(chunked.data)).toEqual(Array.from(whole.data));
  });

  it('bakes a 1024x1024 FBM field that matches the reference', async () => {
    const params = { ...base, width: 1024, height: 1024, fractal: 'fbm' as const, octaves: 6 };
    await compare(params, FRACTAL_TOL);
  });
});
