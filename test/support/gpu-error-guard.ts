// Browser-test setup: every GPUDevice any test creates on this page gets an uncaptured-error
// listener, and a test fails if any GPU error went uncaptured while it ran (a suite can otherwise
// pass with validation errors only in the console).
import { afterEach, expect } from 'vitest';

// Shared through globalThis: the setup file and a test importing this module may get separate
// module instances, and both must see the same record (and wrap requestDevice only once).
const shared = globalThis as { __canvas3dUncapturedGpu?: string[] };
const installed = shared.__canvas3dUncapturedGpu !== undefined;
const uncaptured: string[] = (shared.__canvas3dUncapturedGpu ??= []);

if (!installed && typeof GPUAdapter !== 'undefined') {
  const requestDevice = GPUAdapter.prototype.requestDevice;
  GPUAdapter.prototype.requestDevice = async function (
    this: GPUAdapter,
    descriptor?: GPUDeviceDescriptor,
  ) {
    const device = await requestDevice.call(this, descriptor);
    device.addEventListener('uncapturederror', (e) => {
      uncaptured.push(
        `${device.label || 'device'}: ${(e as GPUUncapturedErrorEvent).error.message}`,
      );
    });
    return device;
  };
}

/** Takes the errors recorded so far (only for the test that checks this guard itself). */
export function drainUncapturedGpuErrors(): string[] {
  return uncaptured.splice(0);
}

if (!installed)
  afterEach(() => {
    const errors = uncaptured.splice(0);
    expect(errors, 'uncaptured GPU errors').toEqual([]);
  });
