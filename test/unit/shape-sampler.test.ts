// The flow sampler on an analytic model whose velocity field has a known end point: Euler lands on
// it, guidance is the stated arithmetic on a batch of two with a zero condition, the noise is a
// function of the seed only, the step count is honoured and a cancel stops it.
import { describe, expect, it } from 'vitest';
import { gaussianNoise, sampleLatent } from '../../src/core/shape/flow-sampler';
import type { ShapeModel } from '../../src/core/shape/shape-types';
import { analyticModel, meanOf, TINY, TINY_P } from '../support/shape-fakes';

const shape = { tokens: TINY.latentTokens, channels: TINY.channels };
const n = shape.tokens * shape.channels;
const cond = Float32Array.from({ length: TINY.tokens * TINY.width }, (_, i) => 0.1 + 0.02 * i);
const s = meanOf(cond);

/** The field v = c − x (no 1/(1 − t)): Euler's error is visible and shrinks with the step count. */
function linearModel(c: number): ShapeModel {
  return {
    encode: () => Promise.reject(new Error('unused')),
    decode: () => Promise.reject(new Error('unused')),
    denoise: async (latents) => latents.map((x) => c - x),
  };
}

describe('sampleLatent', () => {
  it('integrates a linear field to its end point, more closely with more steps', async () => {
    // Exact flow of dx/dt = c − x from x0 over [0, 1]: c + (x0 − c)·e^−1.
    const x0 = gaussianNoise(n, 5);
    const exact = x0.map((x) => 1.5 + (x - 1.5) * Math.exp(-1));
    const errorWith = async (steps: number) => {
      const x = await sampleLatent(linearModel(1.5), cond, { steps, guidance: 1, seed: 5 }, shape);
      return Math.max(...x.map((v, i) => Math.abs(v - exact[i]!)));
    };
    const e4 = await errorWith(4);
    const e16 = await errorWith(16);
    const e64 = await errorWith(64);
    expect(e16).toBeLessThan(e4 / 3);
    expect(e64).toBeLessThan(e16 / 3);
    expect(e64).toBeLessThan(0.01);
  });

  it('lands on the data of the rectified field v = (s·P − x)/(1 − t) in any number of steps', async () => {
    for (const steps of [1, 3, 8]) {
      const model = analyticModel();
      const x = await sampleLatent(model, cond, { steps, guidance: 1, seed: 9 }, shape);
      for (let i = 0; i < n; i++) expect(x[i]).toBeCloseTo(s * TINY_P[i]!, 5);
      // Guidance 1: the conditional branch alone, one latent per call.
      expect(model.log.denoise.every((d) => d.batch === 1)).toBe(true);
    }
  });

  it('guides with v_u + g·(v_c − v_u) over a batch of two whose second condition is zero', async () => {
    for (const guidance of [0, 2.5, 4]) {
      const model = analyticModel();
      const x = await sampleLatent(model, cond, { steps: 5, guidance, seed: 1 }, shape);
      // v_c − v_u = s·P/(1 − t), v_u = −x/(1 − t): the guided field ends at g·s·P.
      for (let i = 0; i < n; i++) expect(x[i]).toBeCloseTo(guidance * s * TINY_P[i]!, 4);
      expect(model.log.denoise).toHaveLength(5);
      for (const call of model.log.denoise) {
        expect(call.batch).toBe(2);
        expect(call.condZeroHalf).toBe(true);
        expect(call.t[0]).toBe(call.t[1]);
      }
    }
  });

  it('honours the step count and the time interval, and reports each step', async () => {
    const model = analyticModel();
    const steps: { step: number; t: number; ms: number }[] = [];
    let clock = 0;
    await sampleLatent(model, cond, { steps: 7, guidance: 1, seed: 2 }, shape, {
      onStep: (st) => steps.push(st),
      now: () => (clock += 3),
      timeFrom: 0.2,
      timeTo: 0.9,
    });
    expect(model.log.denoise).toHaveLength(7);
    expect(steps.map((st) => st.step)).toEqual([0, 1, 2, 3, 4, 5, 6]);
    const times = model.log.denoise.map((d) => d.t[0]!);
    times.forEach((t, k) => expect(t).toBeCloseTo(0.2 + (k * 0.7) / 7, 6));
    steps.forEach((st, k) => expect(st.t).toBeCloseTo(0.2 + (k * 0.7) / 7, 12));
    expect(steps.every((st) => st.ms === 3)).toBe(true);
  });

  it('is a function of the seed: same seed, same latent; another seed, other noise', async () => {
    const a = await sampleLatent(linearModel(0), cond, { steps: 3, guidance: 1, seed: 42 }, shape);
    const b = await sampleLatent(linearModel(0), cond, { steps: 3, guidance: 1, seed: 42 }, shape);
    const c = await sampleLatent(linearModel(0), cond, { steps: 3, guidance: 1, seed: 43 }, shape);
    expect(Array.from(b)).toEqual(Array.from(a));
    expect(Array.from(c)).not.toEqual(Array.from(a));
  });

  it('draws standard normal noise', () => {
    const z = gaussianNoise(20001, 7);
    const mean = meanOf(z);
    const variance = meanOf(z.map((v) => (v - mean) ** 2));
    expect(Math.abs(mean)).toBeLessThan(0.03);
    expect(Math.abs(variance - 1)).toBeLessThan(0.05);
    expect(z.every(Number.isFinite)).toBe(true);
    expect(z[20000]).not.toBe(0);
  });

  it('stops at the next step once aborted, with an AbortError', async () => {
    const model = analyticModel({ delayMs: 2 });
    const controller = new AbortController();
    const run = sampleLatent(model, cond, { steps: 50, guidance: 2, seed: 1 }, shape, {
      signal: controller.signal,
      onStep: (st) => {
        if (st.step === 2) controller.abort();
      },
    });
    await expect(run).rejects.toMatchObject({ name: 'AbortError' });
    expect(model.log.denoise).toHaveLength(3);
  });

  it('refuses bad settings naming them, and a model that returns the wrong size', async () => {
    const model = analyticModel();
    await expect(
      sampleLatent(model, cond, { steps: 0, guidance: 1, seed: 1 }, shape),
    ).rejects.toThrow(/steps: expected an integer of at least 1, got 0/);
    await expect(
      sampleLatent(model, cond, { steps: 2, guidance: Number.NaN, seed: 1 }, shape),
    ).rejects.toThrow(/guidance: expected a number of at least 0, got NaN/);
    await expect(
      sampleLatent(model, cond, { steps: 2, guidance: 1, seed: -1 }, shape),
    ).rejects.toThrow(/seed: expected an integer 0\.\.4294967295, got -1/);
    const short: ShapeModel = { ...model, denoise: async () => new Float32Array(3) };
    await expect(
      sampleLatent(short, cond, { steps: 2, guidance: 1, seed: 1 }, shape),
    ).rejects.toThrow(/denoiser: expected 1 x 8 x 4 velocities, got 3/);
  });
});
