// The ShapeModel over real onnxruntime sessions (the WASM EP in Node), on tiny graphs with the same
// maths as the analytic model: the same numbers, the whole pipeline to a closed sphere, refusals
// naming the file, and the backend choice with its reasons.
import { describe, expect, it } from 'vitest';
import { decodeGrid, refineGrid } from '../../src/core/shape/hierarchical-grid';
import { extractSurfaceCpu } from '../../src/core/shape/marching-tets';
import { isWatertight } from '../../src/core/shape/mesh-checks';
import { ModelPackError, parseShapeManifest } from '../../src/core/shape/model-manifest';
import { runShapePipeline } from '../../src/core/shape/shape-pipeline';
import { ortNode } from '../../src/inference/ort-node';
import { createOrtShapeModel, type OrtShapeModel } from '../../src/inference/ort-shape-model';
import {
  openShapeModel,
  probeWebGpu,
  type WebGpuProbe,
} from '../../src/inference/select-ort-backend';
import { analyticModel, TINY, tinyImage, tinyPack } from '../support/shape-fakes';

const ort = await ortNode();
const { manifest: json, graphs } = await tinyPack();
const manifest = parseShapeManifest(json);

function maxDiff(a: Float32Array, b: Float32Array): number {
  expect(a.length).toBe(b.length);
  return Math.max(...a.map((x, i) => Math.abs(x - b[i]!)));
}

describe('createOrtShapeModel (WASM EP in Node)', () => {
  it('computes what the analytic model computes, graph by graph', async () => {
    const model = await createOrtShapeModel(ort, graphs, manifest, { backend: 'wasm' });
    const reference = analyticModel();
    const image = tinyImage(0.4);
    image.data[5] = 0.9;
    const cond = await model.encode(image);
    expect(maxDiff(cond, await reference.encode(image))).toBeLessThan(1e-5);

    const latents = Float32Array.from({ length: 2 * TINY.latentTokens * TINY.channels }, (_, i) =>
      Math.sin(i),
    );
    const t = Float32Array.of(0.25, 0.25);
    const conds = new Float32Array(2 * cond.length);
    conds.set(cond);
    expect(
      maxDiff(
        await model.denoise(latents, t, conds, 2),
        await reference.denoise(latents, t, conds, 2),
      ),
    ).toBeLessThan(1e-5);

    const latent = latents.subarray(0, TINY.latentTokens * TINY.channels).map((x) => 0.3 + 0.1 * x);
    const points = Float32Array.from({ length: 3 * 1000 }, (_, i) => Math.cos(i * 1.7) * 0.5);
    expect(
      maxDiff(await model.decode(latent, points), await reference.decode(latent, points)),
    ).toBeLessThan(1e-5);
    expect(model.stats.decoder.runs).toBe(1);
    expect(model.backend).toBe('wasm');
    await model.release();
    await expect(model.decode(latent, points)).rejects.toThrow(/released/);
  });

  it('runs the whole pipeline to a closed sphere', async () => {
    const model = await createOrtShapeModel(ort, graphs, manifest, { backend: 'wasm' });
    const result = await runShapePipeline({
      model,
      manifest,
      image: tinyImage(0.5),
      settings: { steps: 4, guidance: 2, seed: 1, coarse: 8, fine: 16 },
      backend: model.backend,
      decodeGrid,
      refineGrid,
      extractSurface: async (grid) => ({ mesh: extractSurfaceCpu(grid), backend: 'cpu' }),
      isWatertight,
    });
    expect(result.watertight).toBe(true);
    expect(result.mesh.indices.length).toBeGreaterThan(300);
    expect(result.timings.sample).toHaveLength(4);
    expect(model.stats.denoiser.runs).toBe(4);
    await model.release();
  });

  it('refuses inputs of the wrong size, naming them', async () => {
    const model = await createOrtShapeModel(ort, graphs, manifest, { backend: 'wasm' });
    await expect(model.encode({ size: 8, data: new Float32Array(10) })).rejects.toThrow(
      /image: this model takes 2 x 8 x 8 floats, got size 8 with 10 floats/,
    );
    await expect(
      model.denoise(new Float32Array(32), new Float32Array(1), new Float32Array(5), 1),
    ).rejects.toThrow(/denoiser: expected 1 x 4 x 3 condition values, got 5/);
    await expect(model.decode(new Float32Array(32), new Float32Array(4))).rejects.toThrow(
      /decoder: expected xyz points, got 4 values/,
    );
    await model.release();
  });

  it('refuses a graph that does not match its manifest, and one onnxruntime cannot read', async () => {
    const renamed = (await tinyPack({ encoderInput: 'pixels' })).graphs;
    const mismatch = await createOrtShapeModel(ort, renamed, manifest, { backend: 'wasm' }).catch(
      (e: unknown) => e,
    );
    expect(mismatch).toBeInstanceOf(ModelPackError);
    expect((mismatch as ModelPackError).code).toBe('session-mismatch');
    expect((mismatch as ModelPackError).message).toMatch(
      /encoder\.onnx: inputs: the graph has "pixels"/,
    );

    const garbage = { ...graphs, decoder: new Uint8Array([1, 2, 3, 4, 5]) };
    const failed = await createOrtShapeModel(ort, garbage, manifest, { backend: 'wasm' }).catch(
      (e: unknown) => e,
    );
    expect((failed as ModelPackError).code).toBe('session-failed');
    expect((failed as ModelPackError).message).toMatch(
      /decoder\.onnx: onnxruntime \(wasm\) could not load it/,
    );
  });
});

describe('openShapeModel', () => {
  const hardware: WebGpuProbe = {
    available: true,
    software: false,
    adapter: 'Test GPU',
    reason: '',
  };
  const software: WebGpuProbe = {
    available: true,
    software: true,
    adapter: 'SwiftShader',
    reason: '',
  };
  const none: WebGpuProbe = {
    available: false,
    software: false,
    adapter: '',
    reason: 'this browser has no WebGPU (navigator.gpu is missing)',
  };
  const fake = (failWebGpu?: Error) => {
    const tried: string[] = [];
    const create = async (backend: 'webgpu' | 'wasm') => {
      tried.push(backend);
      if (backend === 'webgpu' && failWebGpu) throw failWebGpu;
      return { backend } as OrtShapeModel;
    };
    return { tried, create };
  };

  it("'auto' uses WebGPU on a hardware adapter", async () => {
    const f = fake();
    const opened = await openShapeModel(f.create, hardware, 'auto');
    expect(opened.model.backend).toBe('webgpu');
    expect(opened.reason).toMatch(/WebGPU \(Test GPU\)/);
  });

  it("'auto' falls back to WASM, keeping the reason", async () => {
    expect((await openShapeModel(fake().create, none, 'auto')).reason).toMatch(/no WebGPU/);
    const soft = await openShapeModel(fake().create, software, 'auto');
    expect(soft.model.backend).toBe('wasm');
    expect(soft.reason).toMatch(/SwiftShader\) is a software renderer/);
    const f = fake(new Error('no shader-f16'));
    const failed = await openShapeModel(f.create, hardware, 'auto');
    expect(f.tried).toEqual(['webgpu', 'wasm']);
    expect(failed.model.backend).toBe('wasm');
    expect(failed.reason).toMatch(/WebGPU execution provider failed \(no shader-f16\)/);
  });

  it('does not fall back from a pack that does not match its manifest', async () => {
    const f = fake(new ModelPackError('session-mismatch', ['encoder.onnx: inputs: bad']));
    await expect(openShapeModel(f.create, hardware, 'auto')).rejects.toThrow(/encoder\.onnx/);
    expect(f.tried).toEqual(['webgpu']);
  });

  it('honours a forced backend', async () => {
    const w = await openShapeModel(fake().create, hardware, 'wasm');
    expect(w.model.backend).toBe('wasm');
    const g = await openShapeModel(fake().create, software, 'webgpu');
    expect(g.model.backend).toBe('webgpu');
    await expect(openShapeModel(fake().create, none, 'webgpu')).rejects.toThrow(
      /WebGPU was chosen in settings, but this browser has no WebGPU/,
    );
  });
});

describe('probeWebGpu', () => {
  const gpu = (requestAdapter: () => Promise<unknown>) => ({ requestAdapter }) as unknown as GPU;
  const adapter = (info: Record<string, unknown>) => ({ info });

  it('names the adapter and tells a software one', async () => {
    const hw = await probeWebGpu(
      gpu(async () => adapter({ vendor: 'acme', architecture: 'rdna', isFallbackAdapter: false })),
    );
    expect(hw).toEqual({ available: true, software: false, adapter: 'acme rdna', reason: '' });
    const sw = await probeWebGpu(
      gpu(async () =>
        adapter({ vendor: 'google', architecture: 'swiftshader', isFallbackAdapter: true }),
      ),
    );
    expect(sw.software).toBe(true);
  });

  it('says why WebGPU is not available', async () => {
    expect((await probeWebGpu(undefined)).reason).toMatch(/navigator\.gpu is missing/);
    expect((await probeWebGpu(gpu(async () => null))).reason).toBe('WebGPU offered no adapter');
    expect((await probeWebGpu(gpu(() => Promise.reject(new Error('blocked'))))).reason).toBe(
      'WebGPU could not start: blocked',
    );
    const silent = await probeWebGpu(
      gpu(() => new Promise(() => {})),
      20,
    );
    expect(silent.available).toBe(false);
    expect(silent.reason).toBe('WebGPU gave no adapter within 0.02 s');
  });
});
