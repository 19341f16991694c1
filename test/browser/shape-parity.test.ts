// The shipped shape pack in the browser, through onnxruntime-web as the studio runs it, on the
// WebGPU execution provider and on WASM: every graph's outputs match the exporter's golden tensors
// within the tolerances golden.json states (|a − b| ≤ abs + rel·|b|). WebGPU must really run: the
// graphs' work is counted as compute dispatches on a GPUDevice (WASM runs dispatch none).
import { beforeAll, describe, expect, it } from 'vitest';
import type { ShapeGraphName } from '../../src/core/shape/model-manifest';
import { loadShapePack, type ShapePack } from '../../src/inference/model-pack';
import { ortWeb } from '../../src/inference/ort-web';
import { createOrtShapeModel, type OrtShapeModel } from '../../src/inference/ort-shape-model';

const MANIFEST = new URL('/models/c3d-shape-mini/manifest.json', location.href).href;

interface GoldenTensor {
  shape: number[];
  data: number[];
}
interface Golden {
  tolerance: Record<ShapeGraphName, { abs: number; rel: number }>;
  encoder: { inputs: { image: GoldenTensor }; outputs: { cond: GoldenTensor } };
  denoiser: {
    inputs: { latent: GoldenTensor; t: GoldenTensor; cond: GoldenTensor };
    outputs: { velocity: GoldenTensor };
  };
  decoder: {
    inputs: { latent: GoldenTensor; points: GoldenTensor };
    outputs: { logits: GoldenTensor };
  };
}

let pack: ShapePack;
let golden: Golden;

beforeAll(async () => {
  pack = await loadShapePack({ url: MANIFEST });
  expect(pack.manifest.golden, 'the shipped pack names its golden tensors').toBeDefined();
  const response = await fetch(new URL(pack.manifest.golden!.path, MANIFEST));
  expect(response.ok).toBe(true);
  golden = (await response.json()) as Golden;
});

const f32 = (t: GoldenTensor) => Float32Array.from(t.data);

/** How far past the tolerance the worst element is (≤ 0 passes), and the largest difference. */
function against(actual: Float32Array, expected: GoldenTensor, tol: { abs: number; rel: number }) {
  expect(actual.length).toBe(expected.data.length);
  let excess = -Infinity;
  let maxAbs = 0;
  for (let i = 0; i < actual.length; i++) {
    const b = expected.data[i]!;
    const d = Math.abs(actual[i]! - b);
    maxAbs = Math.max(maxAbs, d);
    excess = Math.max(excess, d - (tol.abs + tol.rel * Math.abs(b)));
    if (!Number.isFinite(actual[i]!)) excess = Infinity;
  }
  return { excess, maxAbs };
}

/** Counts compute dispatches on any GPUDevice of this page (ORT's own device included). */
function countDispatches() {
  const proto = GPUComputePassEncoder.prototype;
  const original = proto.dispatchWorkgroups;
  const counter = { count: 0, restore: () => (proto.dispatchWorkgroups = original) };
  proto.dispatchWorkgroups = function (this: GPUComputePassEncoder, ...args) {
    counter.count++;
    return original.apply(this, args);
  };
  return counter;
}

async function timed<T>(run: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const start = performance.now();
  const value = await run();
  return { value, ms: performance.now() - start };
}

describe('shipped shape pack against golden.json', () => {
  for (const backend of ['wasm', 'webgpu'] as const) {
    it(
      `${backend}: every graph matches within the stated tolerance`,
      { timeout: 240_000 },
      async () => {
        const dispatches = countDispatches();
        let model: OrtShapeModel | undefined;
        try {
          const load = await timed(() =>
            createOrtShapeModel(ortWeb(), pack.files, pack.manifest, { backend }),
          );
          model = load.value;
          const m = model;
          const g = golden;
          const graphs: [ShapeGraphName, () => Promise<Float32Array>, GoldenTensor][] = [
            [
              'encoder',
              () => m.encode({ size: pack.manifest.image.size, data: f32(g.encoder.inputs.image) }),
              g.encoder.outputs.cond,
            ],
            [
              'denoiser',
              () =>
                m.denoise(
                  f32(g.denoiser.inputs.latent),
                  f32(g.denoiser.inputs.t),
                  f32(g.denoiser.inputs.cond),
                  g.denoiser.inputs.t.shape[0]!,
                ),
              g.denoiser.outputs.velocity,
            ],
            [
              'decoder',
              () => m.decode(f32(g.decoder.inputs.latent), f32(g.decoder.inputs.points)),
              g.decoder.outputs.logits,
            ],
          ];
          const report: Record<string, unknown> = { backend, sessionsMs: Math.round(load.ms) };
          for (const [graph, run, expected] of graphs) {
            const before = dispatches.count;
            const first = await timed(run);
            const warm = await timed(run);
            const ran = dispatches.count - before;
            const check = against(warm.value, expected, golden.tolerance[graph]);
            expect(
              check.excess,
              `${backend} ${graph}: max |diff| ${check.maxAbs}`,
            ).toBeLessThanOrEqual(0);
            expect(Array.from(first.value)).toEqual(Array.from(warm.value));
            if (backend === 'webgpu')
              expect(ran, `${graph} dispatched GPU work`).toBeGreaterThan(0);
            else expect(ran, `${graph} on WASM dispatched GPU work`).toBe(0);
            report[graph] = {
              firstMs: Math.round(first.ms),
              warmMs: Math.round(warm.ms * 10) / 10,
              maxAbs: check.maxAbs,
              dispatches: ran / 2,
            };
          }
          console.log(`[shape-parity] ${JSON.stringify(report)}`);
        } finally {
          dispatches.restore();
          await model?.release();
        }
      },
    );
  }
});
