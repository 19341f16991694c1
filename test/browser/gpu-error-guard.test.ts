// The guard that fails tests on uncaptured GPU errors really sees them.
import { expect, it } from 'vitest';
import { drainUncapturedGpuErrors } from '../support/gpu-error-guard';
import { requireWebGpu } from '../support/gpu-harness';

it('records a GPU validation error that no error scope caught', async () => {
  const adapter = await requireWebGpu().requestAdapter();
  const device = await adapter!.requestDevice({ label: 'guard-check' });
  // MAP_READ may only be combined with COPY_DST: this is a validation error, deliberately uncaught.
  device.createBuffer({ size: 16, usage: GPUBufferUsage.MAP_READ | GPUBufferUsage.STORAGE });
  await device.queue.onSubmittedWorkDone();
  await expect.poll(() => drainUncapturedGpuErrors().length > 0 || null).toBe(true);
  device.destroy();
});
