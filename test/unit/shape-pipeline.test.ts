// The image-to-3D pipeline with an analytic model whose decoder is a sphere SDF of a radius the
// sampler's result decides: a coarse preview arrives once, before the final mesh; the mesh is a
// closed sphere of the expected radius; the fine level only evaluates near the surface; timings
// are recorded per stage; cancelling stops it where it is.
import { describe, expect, it } from 'vitest';
import { decodeGrid, refineGrid } from '../../src/core/shape/hierarchical-grid';
import { extractSurfaceCpu } from '../../src/core/shape/marching-tets';
import { isWatertight } from '../../src/core/shape/mesh-checks';
import { parseShapeManifest, type ShapeManifest } from '../../src/core/shape/model-manifest';
import { runShapePipeline, type ShapePipelineInput } from '../../src/core/shape/shape-pipeline';
import type { ShapeMesh, ShapeProgress, ShapeSettings } from '../../src/core/shape/shape-types';
import {
  analyticModel,
  meanOf,
  tinyImage,
  tinyPack,
  TINY_P,
  type Json,
} from '../support/shape-fakes';

const { manifest: json } = await tinyPack();
const manifestWith = (change: (m: Json) => void = () => {}): ShapeManifest => {
  const m = structuredClone(json) as Json;
  change(m);
  return parseShapeManifest(m);
};
const settings: ShapeSettings = { steps: 4, guidance: 2, seed: 3, coarse: 8, fine: 32 };
const meanP = meanOf(TINY_P);

/** The image brightness that makes the sampled sphere's radius `radius` (guidance g, scale k). */
async function imageForRadius(radius: number, g: number, k = 1) {
  const s1 = meanOf(await analyticModel().encode(tinyImage(1)));
  const value = radius / (g * s1 * meanP * k);
  expect(value).toBeGreaterThan(0);
  expect(value).toBeLessThanOrEqual(1);
  return tinyImage(value);
}

function radii(mesh: ShapeMesh): { min: number; max: number } {
  let min = Infinity;
  let max = 0;
  for (let i = 0; i < mesh.positions.length; i += 3) {
    const r = Math.hypot(mesh.positions[i]!, mesh.positions[i + 1]!, mesh.positions[i + 2]!);
    min = Math.min(min, r);
    max = Math.max(max, r);
  }
  return { min, max };
}

async function run(overrides: Partial<ShapePipelineInput> = {}) {
  const model = analyticModel();
  const events: ShapeProgress[] = [];
  let clock = 0;
  const input: ShapePipelineInput = {
    model,
    manifest: manifestWith(),
    image: await imageForRadius(0.3, settings.guidance),
    settings,
    backend: 'wasm',
    decodeGrid,
    refineGrid,
    extractSurface: async (grid) => ({ mesh: extractSurfaceCpu(grid), backend: 'cpu' }),
    isWatertight,
    onProgress: (p) => events.push(p),
    now: () => (clock += 1),
    ...overrides,
  };
  const result = await runShapePipeline(input);
  return { result, events, model };
}

describe('runShapePipeline', () => {
  it('sends one coarse preview, then returns a closed sphere of the sampled radius', async () => {
    const { result, events } = await run();
    const previews = events.filter((e) => e.preview);
    expect(previews).toHaveLength(1);
    const preview = previews[0]!.preview!;
    expect(previews[0]!.stage).toBe('surface');
    // The preview comes before any fine decoding and is coarser than the result.
    const at = events.indexOf(previews[0]!);
    expect(events.slice(0, at).some((e) => e.stage === 'decode-fine')).toBe(false);
    expect(events.slice(at).some((e) => e.stage === 'decode-fine')).toBe(true);
    expect(preview.indices.length).toBeLessThan(result.mesh.indices.length / 4);
    expect(isWatertight(preview)).toBe(true);

    expect(result.watertight).toBe(true);
    expect(isWatertight(result.mesh)).toBe(true);
    const { min, max } = radii(result.mesh);
    expect(min).toBeGreaterThan(0.3 - 0.01);
    expect(max).toBeLessThan(0.3 + 0.01);
    expect(result.backend).toBe('wasm');
    expect(result.surfaceBackend).toBe('cpu');
  });

  it('reports progress in stage order, never going back, ending at 1', async () => {
    const { events } = await run();
    const fractions = events.map((e) => e.fraction);
    fractions.forEach((f, i) => i > 0 && expect(f).toBeGreaterThanOrEqual(fractions[i - 1]!));
    expect(fractions.at(-1)).toBe(1);
    const order = ['encode', 'sample', 'decode-coarse', 'surface', 'decode-fine', 'surface'];
    const stages = events.map((e) => e.stage).filter((s, i, all) => s !== all[i - 1]);
    expect(stages).toEqual(order);
    expect(events.filter((e) => e.stage === 'sample')).toHaveLength(settings.steps);
  });

  it('records timings per stage: each step, both decode levels, both surfaces', async () => {
    const { result } = await run();
    const t = result.timings;
    expect(t.encode).toBeGreaterThan(0);
    expect(t.sample).toHaveLength(settings.steps);
    expect(t.sample.every((ms) => ms > 0)).toBe(true);
    expect(t.decode).toHaveLength(2);
    expect(t.surface).toHaveLength(2);
    expect(t.firstPreview).toBeGreaterThan(t.encode);
    expect(t.total).toBeGreaterThan(t.firstPreview);
  });

  it('evaluates the dense coarse grid and only the band around the surface at the fine level', async () => {
    // band 0.5 logits = 0.05 from the surface, plus the one-cell dilation around it.
    const levels = { ...settings, coarse: 16, fine: 64 };
    const { result, model } = await run({
      settings: levels,
      manifest: manifestWith((m) => (m.grid.band = 0.5)),
    });
    const coarsePoints = (levels.coarse + 1) ** 3;
    expect(result.fineTotal).toBe((levels.fine + 1) ** 3);
    expect(result.fineEvaluated).toBeGreaterThan(0);
    expect(result.fineEvaluated).toBeLessThan(result.fineTotal / 2);
    expect(result.watertight).toBe(true);
    expect(model.log.decodedPoints).toBe(coarsePoints + result.fineEvaluated);
    expect(model.log.encode).toBe(1);
    expect(model.log.denoise).toHaveLength(settings.steps);
  });

  it('decodes latent · scale and extracts at the manifest iso', async () => {
    const scaled = await run({
      manifest: manifestWith((m) => (m.latent.scale = 2)),
      image: await imageForRadius(0.3, settings.guidance, 2),
    });
    const r1 = radii(scaled.result.mesh);
    expect(r1.min).toBeGreaterThan(0.29);
    expect(r1.max).toBeLessThan(0.31);
    // logits = 10·(r − |p|) ≥ 1 puts the surface 0.1 inside.
    const iso = await run({ manifest: manifestWith((m) => (m.grid.iso = 1)) });
    const r2 = radii(iso.result.mesh);
    expect(r2.min).toBeGreaterThan(0.19);
    expect(r2.max).toBeLessThan(0.21);
  });

  it('returns the preview as the result when fine equals coarse', async () => {
    const { result, events } = await run({ settings: { ...settings, coarse: 16, fine: 16 } });
    expect(events.find((e) => e.preview)!.preview).toBe(result.mesh);
    expect(result.timings.decode).toHaveLength(2);
  });

  it('stops at the next chunk when cancelled after the preview', async () => {
    const controller = new AbortController();
    let decodesAtAbort = -1;
    const model = analyticModel();
    const running = run({
      model,
      signal: controller.signal,
      onProgress: (p) => {
        if (p.preview) {
          decodesAtAbort = model.log.decode;
          controller.abort();
        }
      },
    });
    await expect(running).rejects.toMatchObject({ name: 'AbortError' });
    expect(model.log.decode).toBe(decodesAtAbort);
  });

  it('stops during sampling when cancelled there', async () => {
    const controller = new AbortController();
    const model = analyticModel();
    const running = run({
      model,
      signal: controller.signal,
      onProgress: (p) => {
        if (p.stage === 'sample') controller.abort();
      },
    });
    await expect(running).rejects.toMatchObject({ name: 'AbortError' });
    expect(model.log.denoise).toHaveLength(1);
    expect(model.log.decode).toBe(0);
  });

  it('refuses settings and images the model cannot take, naming them', async () => {
    await expect(run({ settings: { ...settings, steps: 33 } })).rejects.toThrow(
      /steps: expected an integer 1\.\.32 \(this model's limit\), got 33/,
    );
    await expect(run({ settings: { ...settings, fine: 20 } })).rejects.toThrow(
      /fine: expected a multiple of coarse \(8\) up to 256, got 20/,
    );
    await expect(run({ image: { size: 16, data: new Float32Array(512) } })).rejects.toThrow(
      /image: this model takes 2 x 8 x 8 floats, got size 16 with 512 floats/,
    );
  });
});
