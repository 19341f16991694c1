// One image-to-3D request, end to end, on whatever runs the model and the surface: encode the
// image, sample a latent, decode a dense coarse grid and extract a preview mesh (sent once through
// onProgress), then refine to the fine grid near the surface and extract the final mesh. Every
// heavy part is passed in (the model, the grid decoders, the surface extraction), so this runs the
// same in the worker, in Node and in tests with fakes.
import { sampleLatent, throwIfAborted } from './flow-sampler';
import type { FieldEvaluator, RefineOptions, RefineResult } from './hierarchical-grid';
import { SHAPE_PACK_LIMITS, type ShapeManifest } from './model-manifest';
import type {
  OccupancyGrid,
  ShapeImage,
  ShapeMesh,
  ShapeModel,
  ShapeProgress,
  ShapeResult,
  ShapeSettings,
  ShapeStage,
} from './shape-types';

export interface SurfaceOutput {
  mesh: ShapeMesh;
  backend: 'webgpu' | 'cpu';
}

export interface ShapePipelineInput {
  model: ShapeModel;
  manifest: ShapeManifest;
  image: ShapeImage;
  settings: ShapeSettings;
  /** Where the model runs (reported in the result). */
  backend: 'webgpu' | 'wasm';
  decodeGrid: (
    n: number,
    bound: number,
    evaluate: FieldEvaluator,
    chunk?: number,
    signal?: AbortSignal,
  ) => Promise<OccupancyGrid>;
  refineGrid: (
    coarse: OccupancyGrid,
    fineN: number,
    evaluate: FieldEvaluator,
    options: RefineOptions,
  ) => Promise<RefineResult>;
  extractSurface: (grid: OccupancyGrid) => Promise<SurfaceOutput>;
  isWatertight: (mesh: ShapeMesh) => boolean;
  onProgress?: (progress: ShapeProgress) => void;
  signal?: AbortSignal;
  now?: () => number;
}

export interface ShapePipelineResult extends ShapeResult {
  /** Fine grid points the decoder evaluated, and the fine grid's points in all. */
  fineEvaluated: number;
  fineTotal: number;
}

/** Where each part of the request starts and ends on the progress bar (0..1). */
const SPANS = {
  encode: [0, 0.05],
  sample: [0.05, 0.5],
  'decode-coarse': [0.5, 0.6],
  preview: [0.6, 0.625],
  'decode-fine': [0.625, 0.975],
  surface: [0.975, 1],
} as const;

/** Checks settings against the manifest; throws a RangeError naming the setting. */
export function checkShapeSettings(settings: ShapeSettings, manifest: ShapeManifest): void {
  const { steps, guidance, seed, coarse, fine } = settings;
  const maxSteps = manifest.sampler.maxSteps;
  const [gLo, gHi] = SHAPE_PACK_LIMITS.guidance;
  const [cLo, cHi] = SHAPE_PACK_LIMITS.gridCells;
  if (!Number.isInteger(steps) || steps < 1 || steps > maxSteps) {
    throw new RangeError(
      `steps: expected an integer 1..${maxSteps} (this model's limit), got ${steps}`,
    );
  }
  if (!Number.isFinite(guidance) || guidance < gLo || guidance > gHi) {
    throw new RangeError(`guidance: expected a number ${gLo}..${gHi}, got ${guidance}`);
  }
  if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff) {
    throw new RangeError(`seed: expected an integer 0..4294967295, got ${seed}`);
  }
  if (!Number.isInteger(coarse) || coarse < cLo || coarse > cHi) {
    throw new RangeError(`coarse: expected an integer ${cLo}..${cHi}, got ${coarse}`);
  }
  if (!Number.isInteger(fine) || fine < coarse || fine > cHi || fine % coarse !== 0) {
    throw new RangeError(
      `fine: expected a multiple of coarse (${coarse}) up to ${cHi}, got ${fine}`,
    );
  }
}

export function checkShapeImage(image: ShapeImage, manifest: ShapeManifest): void {
  const { size, channels } = manifest.image;
  const want = channels.length * size * size;
  if (image.size !== size || image.data.length !== want) {
    throw new RangeError(
      `image: this model takes ${channels.length} x ${size} x ${size} floats, got size ${image.size} with ${image.data.length} floats`,
    );
  }
}

export async function runShapePipeline(input: ShapePipelineInput): Promise<ShapePipelineResult> {
  const { model, manifest, image, settings, signal, onProgress } = input;
  const now = input.now ?? (() => performance.now());
  checkShapeSettings(settings, manifest);
  checkShapeImage(image, manifest);
  const start = now();
  const progress = (part: keyof typeof SPANS, within: number, preview?: ShapeMesh) => {
    const [from, to] = SPANS[part];
    const stage: ShapeStage = part === 'preview' ? 'surface' : part;
    const fraction = from + (to - from) * Math.min(1, Math.max(0, within));
    onProgress?.(preview ? { stage, fraction, preview } : { stage, fraction });
  };
  throwIfAborted(signal);

  // Encode.
  progress('encode', 0);
  let t = now();
  const cond = await model.encode(image);
  const encodeMs = now() - t;
  throwIfAborted(signal);

  // Sample.
  const sampleMs: number[] = [];
  const sampled = await sampleLatent(model, cond, settings, manifest.latent, {
    signal,
    now,
    timeFrom: manifest.sampler.timeFrom,
    timeTo: manifest.sampler.timeTo,
    onStep: (s) => {
      sampleMs.push(s.ms);
      progress('sample', (s.step + 1) / s.steps);
    },
  });
  const latent = sampled;
  const scale = manifest.latent.scale;
  if (scale !== 1) for (let i = 0; i < latent.length; i++) latent[i] = latent[i]! * scale;

  // The decoder, stopping at the next chunk once cancelled.
  const evaluate: FieldEvaluator = async (points) => {
    throwIfAborted(signal);
    const logits = await model.decode(latent, points);
    throwIfAborted(signal);
    return logits;
  };
  const { bound, iso, band, chunk } = manifest.grid;
  const decodeMs: number[] = [];
  const surfaceMs: number[] = [];

  // Coarse grid: dense, then the preview mesh.
  progress('decode-coarse', 0);
  t = now();
  const coarseGrid: OccupancyGrid = {
    ...(await input.decodeGrid(settings.coarse, bound, evaluate, chunk, signal)),
    iso,
  };
  decodeMs.push(now() - t);
  throwIfAborted(signal);
  t = now();
  progress('preview', 0);
  const preview = await input.extractSurface(coarseGrid);
  surfaceMs.push(now() - t);
  throwIfAborted(signal);
  const firstPreview = now() - start;
  progress('preview', 1, preview.mesh);

  // Fine grid near the surface, then the final mesh.
  let fine: RefineResult;
  t = now();
  if (settings.fine === settings.coarse) {
    const total = (settings.coarse + 1) ** 3;
    fine = { grid: coarseGrid, evaluated: total, total };
    progress('decode-fine', 1);
  } else {
    progress('decode-fine', 0);
    fine = await input.refineGrid(coarseGrid, settings.fine, evaluate, {
      band,
      chunk,
      signal,
      onChunk: (evaluated, total) => progress('decode-fine', total > 0 ? evaluated / total : 1),
    });
  }
  decodeMs.push(now() - t);
  throwIfAborted(signal);
  progress('surface', 0);
  t = now();
  const final = settings.fine === settings.coarse ? preview : await input.extractSurface(fine.grid);
  surfaceMs.push(now() - t);
  throwIfAborted(signal);
  progress('surface', 1);

  return {
    mesh: final.mesh,
    watertight: input.isWatertight(final.mesh),
    backend: input.backend,
    surfaceBackend: final.backend,
    timings: {
      encode: encodeMs,
      sample: sampleMs,
      decode: decodeMs,
      surface: surfaceMs,
      total: now() - start,
      firstPreview,
    },
    fineEvaluated: fine.evaluated,
    fineTotal: fine.total,
  };
}
