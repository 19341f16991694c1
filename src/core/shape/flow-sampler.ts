// Samples a shape latent from the flow model: seeded Gaussian noise (the studio's PRNG through
// Box–Muller), then Euler steps of the velocity field from t = timeFrom to timeTo, with
// classifier-free guidance run as one batch of two (conditional, then an all-zero condition).
// Convention: x(t) = (1 − t)·noise + t·data, velocity = data − noise.
import { Prng } from '../prng';
import type { ShapeModel } from './shape-types';

export interface SampleSettings {
  /** Euler steps, at least 1. */
  steps: number;
  /** Guidance scale: v = v_uncond + g·(v_cond − v_uncond); 1 runs the conditional branch only. */
  guidance: number;
  seed: number;
}

export interface LatentShape {
  tokens: number;
  channels: number;
}

export interface SampleStep {
  /** 0-based index of the step that just finished. */
  step: number;
  steps: number;
  /** Time the velocity was evaluated at. */
  t: number;
  /** Milliseconds the step took (the model call and the update). */
  ms: number;
}

export interface SampleOptions {
  onStep?: (step: SampleStep) => void;
  signal?: AbortSignal;
  /** Clock for step timings (performance.now by default). */
  now?: () => number;
  /** Integration interval (the manifest's sampler.timeFrom / timeTo); 0 → 1 by default. */
  timeFrom?: number;
  timeTo?: number;
}

export class ShapeCancelledError extends Error {
  constructor() {
    super('shape generation was cancelled');
    this.name = 'AbortError';
  }
}

export function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new ShapeCancelledError();
}

/** n standard normal floats from the seed (Box–Muller on the sfc32 stream; same in every runtime). */
export function gaussianNoise(n: number, seed: number): Float32Array {
  const prng = new Prng(seed);
  const out = new Float32Array(n);
  for (let i = 0; i < n; i += 2) {
    // 1 − u keeps the logarithm's argument in (0, 1].
    const u1 = 1 - prng.next();
    const u2 = prng.next();
    const r = Math.sqrt(-2 * Math.log(u1));
    out[i] = r * Math.cos(2 * Math.PI * u2);
    if (i + 1 < n) out[i + 1] = r * Math.sin(2 * Math.PI * u2);
  }
  return out;
}

export function checkSampleSettings(settings: SampleSettings): void {
  const { steps, guidance, seed } = settings;
  if (!Number.isInteger(steps) || steps < 1) {
    throw new RangeError(`steps: expected an integer of at least 1, got ${steps}`);
  }
  if (!Number.isFinite(guidance) || guidance < 0) {
    throw new RangeError(`guidance: expected a number of at least 0, got ${guidance}`);
  }
  if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff) {
    throw new RangeError(`seed: expected an integer 0..4294967295, got ${seed}`);
  }
}

/**
 * Integrates the flow from seeded noise; returns the data latent [tokens, channels] (in the
 * model's sampling space: multiply by the manifest's latent.scale before decoding). Rejects with
 * an AbortError at the next step once the signal aborts.
 */
export async function sampleLatent(
  model: ShapeModel,
  cond: Float32Array,
  settings: SampleSettings,
  shape: LatentShape,
  options: SampleOptions = {},
): Promise<Float32Array> {
  checkSampleSettings(settings);
  const { signal, onStep } = options;
  const now = options.now ?? (() => performance.now());
  const from = options.timeFrom ?? 0;
  const to = options.timeTo ?? 1;
  const n = shape.tokens * shape.channels;
  const guided = settings.guidance !== 1;
  const batch = guided ? 2 : 1;
  // The unconditional half of the batch has an all-zero condition.
  const conds = new Float32Array(cond.length * batch);
  conds.set(cond, 0);
  const latents = new Float32Array(n * batch);
  const times = new Float32Array(batch);
  const x = gaussianNoise(n, settings.seed);
  const dt = (to - from) / settings.steps;

  for (let step = 0; step < settings.steps; step++) {
    throwIfAborted(signal);
    const start = now();
    const t = from + step * dt;
    for (let b = 0; b < batch; b++) latents.set(x, b * n);
    times.fill(t);
    const v = await model.denoise(latents, times, conds, batch);
    throwIfAborted(signal);
    if (v.length !== n * batch) {
      throw new RangeError(
        `denoiser: expected ${batch} x ${shape.tokens} x ${shape.channels} velocities, got ${v.length}`,
      );
    }
    const g = settings.guidance;
    for (let i = 0; i < n; i++) {
      const vc = v[i]!;
      const vi = guided ? v[n + i]! + g * (vc - v[n + i]!) : vc;
      x[i] = x[i]! + dt * vi;
    }
    onStep?.({ step, steps: settings.steps, t, ms: now() - start });
  }
  return x;
}
