// Browser-test support for GPU work: a compute context on this page's WebGPU that records every
// uncaptured GPU error, and a wrapper that runs a test body inside validation and out-of-memory
// error scopes. Any GPU error fails the test.
import { expect } from 'vitest';
import { GpuContext } from '../../src/gpu/gpu-context';
import { KernelRunner } from '../../src/gpu/kernel-runner';

export interface GpuHarness {
  context: GpuContext;
  runner: KernelRunner;
  device: GPUDevice;
  uncaptured: string[];
}

export function requireWebGpu(): GPU {
  const gpu = navigator.gpu;
  if (!gpu) throw new Error('navigator.gpu is missing: the browser was not started with WebGPU');
  return gpu;
}

export async function createGpuHarness(): Promise<GpuHarness> {
  const uncaptured: string[] = [];
  const context = new GpuContext({ gpu: requireWebGpu() });
  const { device } = await context.device();
  device.addEventListener('uncapturederror', (e) => {
    uncaptured.push((e as GPUUncapturedErrorEvent).error.message);
  });
  return { context, runner: new KernelRunner(context), device, uncaptured };
}

/** Runs body inside validation + out-of-memory scopes on the harness's device; fails on any error. */
export async function inErrorScopes<T>(h: GpuHarness, body: () => Promise<T>): Promise<T> {
  h.device.pushErrorScope('out-of-memory');
  h.device.pushErrorScope('validation');
  const result = await body();
  const validation = await h.device.popErrorScope();
  const oom = await h.device.popErrorScope();
  expect(validation?.message ?? null).toBeNull();
  expect(oom?.message ?? null).toBeNull();
  expect(h.uncaptured).toEqual([]);
  return result;
}

export interface Comparison {
  maxAbs: number;
  meanAbs: number;
  worstIndex: number;
}

export function compareArrays(a: ArrayLike<number>, b: ArrayLike<number>): Comparison {
  expect(a.length).toBe(b.length);
  let maxAbs = 0;
  let sum = 0;
  let worstIndex = -1;
  for (let i = 0; i < a.length; i++) {
    const d = Math.abs(a[i]! - b[i]!);
    if (!(d <= maxAbs)) {
      maxAbs = d;
      worstIndex = i;
    }
    sum += d;
  }
  return { maxAbs, meanAbs: sum / a.length, worstIndex };
}
