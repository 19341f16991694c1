// Browser half of the materials benchmark: the WGSL bake pipeline on this page's WebGPU adapter (end
// to end: uniforms, every pass, readback of every map and mip level), one material after another and
// then the whole batch queued at once; and the CPU reference on a subset, same page.
import { bakeMaterialCpu } from '../../src/core/materials/bake/bake-cpu';
import { GpuContext } from '../../src/gpu/gpu-context';
import { KernelRunner } from '../../src/gpu/kernel-runner';
import { bakeMaterialGpu } from '../../src/gpu/materials/material-bake-gpu';
import { materialCaseRequests, type MaterialBenchRow } from '../lib/material-case';
import { median } from '../lib/stats';

export interface MaterialBrowserResult {
  adapter: string;
  architecture: string;
  userAgent: string;
  rows: MaterialBenchRow[];
  gpuError?: string;
}

/** CPU reference bakes in the page (the Node half bakes the whole batch). */
const CPU_SUBSET = 10;

function row(name: string, times: number[], batchMs: number, note?: string): MaterialBenchRow {
  return {
    name,
    where: 'chromium',
    count: times.length,
    perMaterialMedianMs: median(times),
    perMaterialMinMs: Math.min(...times),
    perMaterialMaxMs: Math.max(...times),
    batchMs,
    ...(note ? { note } : {}),
  };
}

async function run(): Promise<MaterialBrowserResult> {
  const cases = materialCaseRequests();
  const rows: MaterialBenchRow[] = [];
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
      const note =
        architecture === 'swiftshader'
          ? 'SwiftShader: a CPU emulation of a GPU, not a GPU figure'
          : undefined;
      // Pipelines compile on first use: one bake with a modifier and emissive warms them all.
      for (const c of cases.slice(0, 3)) await bakeMaterialGpu(runner, c.request);
      const times: number[] = [];
      const t0 = performance.now();
      for (const c of cases) {
        const t = performance.now();
        await bakeMaterialGpu(runner, c.request);
        times.push(performance.now() - t);
      }
      rows.push(row('WGSL kernels, one after another', times, performance.now() - t0, note));
      // Queued all at once, a real GPU overlaps one bake's readback with the next one's passes.
      // SwiftShader runs them one by one on the same two cores (measured: slower than sequential,
      // 8 more minutes), so the row is left out there.
      if (!note) {
        const t1 = performance.now();
        await Promise.all(cases.map((c) => bakeMaterialGpu(runner, c.request)));
        const queued = performance.now() - t1;
        rows.push({
          ...row('WGSL kernels, whole batch queued', times, queued),
          perMaterialMedianMs: queued / cases.length,
          perMaterialMinMs: Number.NaN,
          perMaterialMaxMs: Number.NaN,
        });
      }
      context.dispose();
    } catch (error) {
      gpuError = String(error);
    }
  }
  const cpuTimes: number[] = [];
  for (const c of cases.slice(0, CPU_SUBSET)) {
    const t = performance.now();
    bakeMaterialCpu(c.request);
    cpuTimes.push(performance.now() - t);
  }
  const cpuSum = cpuTimes.reduce((a, b) => a + b, 0);
  rows.push(
    row(
      'CPU reference (TypeScript)',
      cpuTimes,
      (cpuSum / CPU_SUBSET) * cases.length,
      `first ${CPU_SUBSET} presets; batch extrapolated from their mean`,
    ),
  );
  return {
    adapter,
    architecture,
    userAgent: navigator.userAgent,
    rows,
    ...(gpuError ? { gpuError } : {}),
  };
}

(window as Window & { benchResult?: Promise<MaterialBrowserResult> }).benchResult = run();
