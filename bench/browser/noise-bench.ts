// Browser half of the noise benchmark: the WGSL kernel on this page's WebGPU adapter (end to end:
// upload, dispatch, readback), the CPU reference, and the simplex-noise peer, same page, same grid.
import { bakeNoiseCpu } from '../../src/core/noise';
import { GpuContext } from '../../src/gpu/gpu-context';
import { KernelRunner } from '../../src/gpu/kernel-runner';
import { bakeNoiseGpu } from '../../src/gpu/noise-bake-pass';
import { NOISE_CASE, NOISE_CASE_PARAMS, NOISE_CASE_SAMPLES } from '../lib/noise-case';
import { peerFbm } from '../lib/simplex-peer';
import { summarize, timeRuns, type Timing } from '../lib/stats';

export interface BrowserBenchResult {
  adapter: string;
  architecture: string;
  userAgent: string;
  timings: Timing[];
  gpuError?: string;
}

async function run(): Promise<BrowserBenchResult> {
  const timings: Timing[] = [];
  let adapter = 'none';
  let architecture = '';
  let gpuError: string | undefined;
  if (navigator.gpu) {
    try {
      const context = new GpuContext({ gpu: navigator.gpu });
      const runner = new KernelRunner(context);
      const info = await runner.info();
      adapter = info.adapter;
      architecture = info.architecture;
      await bakeNoiseGpu(runner, NOISE_CASE_PARAMS); // pipeline compile and warm-up
      const times = await timeRuns(7, () => bakeNoiseGpu(runner, NOISE_CASE_PARAMS));
      const emulated = architecture === 'swiftshader';
      timings.push(
        summarize(
          'WGSL kernel (WebGPU, end to end)',
          'chromium',
          times,
          NOISE_CASE_SAMPLES,
          emulated ? 'SwiftShader: a CPU emulation of a GPU, not a GPU figure' : undefined,
        ),
      );
      context.dispose();
    } catch (error) {
      gpuError = String(error);
    }
  }
  timings.push(
    summarize(
      'CPU reference (TypeScript)',
      'chromium',
      await timeRuns(3, () => bakeNoiseCpu(NOISE_CASE_PARAMS)),
      NOISE_CASE_SAMPLES,
    ),
  );
  const { size, octaves, frequency, seed } = NOISE_CASE;
  timings.push(
    summarize(
      'simplex-noise (peer)',
      'chromium',
      await timeRuns(5, () => peerFbm(size, size, octaves, frequency, seed)),
      NOISE_CASE_SAMPLES,
    ),
  );
  return {
    adapter,
    architecture,
    userAgent: navigator.userAgent,
    timings,
    ...(gpuError ? { gpuError } : {}),
  };
}

(window as Window & { benchResult?: Promise<BrowserBenchResult> }).benchResult = run();
