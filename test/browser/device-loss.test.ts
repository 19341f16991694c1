// Device loss: the compute device is destroyed on purpose, and the work that needed it re-runs on a
// new device with the same result.
import { describe, expect, it } from 'vitest';
import { bakeNoiseCpu } from '../../src/core/noise';
import { GpuContext } from '../../src/gpu/gpu-context';
import { KernelRunner } from '../../src/gpu/kernel-runner';
import { bakeNoiseGpu } from '../../src/gpu/noise-bake-pass';
import { compareArrays, requireWebGpu } from '../support/gpu-harness';

const params = {
  width: 40,
  height: 24,
  format: 'r32f' as const,
  fractal: 'fbm' as const,
  octaves: 4,
};

describe('GPU device loss', () => {
  it('re-creates the device after it is destroyed and later work succeeds', async () => {
    const losses: string[] = [];
    const context = new GpuContext({
      gpu: requireWebGpu(),
      onDeviceLost: (l) => losses.push(l.reason),
    });
    const runner = new KernelRunner(context);
    const first = await bakeNoiseGpu(runner, params);
    const { device: before } = await context.device();

    before.destroy();
    await before.lost;
    const second = await bakeNoiseGpu(runner, params);
    const { device: after } = await context.device();

    expect(losses).toEqual(['destroyed']);
    expect(context.lossCount).toBe(1);
    expect(after).not.toBe(before);
    expect(Array.from(second.data)).toEqual(Array.from(first.data));
    context.dispose();
  });

  it('re-runs work that was in flight when the device was lost', async () => {
    const context = new GpuContext({ gpu: requireWebGpu() });
    const runner = new KernelRunner(context);
    const { device: before } = await context.device();
    // Lose the device while the bake is submitted but not yet read back.
    const pending = bakeNoiseGpu(runner, params);
    queueMicrotask(() => before.destroy());
    const result = await pending;
    const { device: after } = await context.device();

    expect(after).not.toBe(before);
    expect(context.lossCount).toBe(1);
    expect(compareArrays(result.data, bakeNoiseCpu(params).data).maxAbs).toBeLessThan(2e-4);
    context.dispose();
  });

  it('gives up with a clear error once the context is disposed', async () => {
    const context = new GpuContext({ gpu: requireWebGpu() });
    context.dispose();
    await expect(bakeNoiseGpu(new KernelRunner(context), params)).rejects.toThrow(
      'GPU context was disposed',
    );
  });
});
