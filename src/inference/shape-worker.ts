// The shape worker's entry: loads a model pack (the shipped one, a URL or the user's files), opens
// it on onnxruntime (WebGPU EP or WASM, see select-ort-backend.ts; ORT makes its own GPUDevice),
// and runs image-to-3D requests: the pipeline in core/, the surface on this worker's own
// GpuContext + KernelRunner (the marching-tetrahedra kernel) or the CPU reference. Each request has
// an AbortController that cancel(jobId) trips; the pipeline stops at its next step or chunk.
import { decodeGrid, refineGrid } from '../core/shape/hierarchical-grid';
import { extractSurfaceCpu } from '../core/shape/marching-tets';
import { isWatertight } from '../core/shape/mesh-checks';
import { ModelPackError, type ShapeManifest } from '../core/shape/model-manifest';
import { runShapePipeline, type SurfaceOutput } from '../core/shape/shape-pipeline';
import type { OccupancyGrid, ShapeResult } from '../core/shape/shape-types';
import { GpuContext } from '../gpu/gpu-context';
import { KernelRunner } from '../gpu/kernel-runner';
import { extractSurfaceGpu } from '../gpu/shape/surface-pass';
import { expose, transfer } from '../lib/comlink';
import { loadShapePack } from './model-pack';
import { createOrtShapeModel, type OrtShapeModel } from './ort-shape-model';
import { ortWeb } from './ort-web';
import { openShapeModel, probeWebGpu, type WebGpuProbe } from './select-ort-backend';
import type { ShapeBackendInfo, ShapeWorkerApi, SurfacePreference } from './shape-api';

interface Loaded {
  model: OrtShapeModel;
  manifest: ShapeManifest;
  info: ShapeBackendInfo;
}

const gpuApi = (self.navigator as Navigator & { gpu?: GPU }).gpu;
const jobs = new Map<number, AbortController>();
let loaded: Loaded | undefined;
let probe: Promise<WebGpuProbe> | undefined;
let surfaceRunner: KernelRunner | undefined;

/** The adapter probe, once per worker (it also decides 'auto' for the surface). */
function webGpu(): Promise<WebGpuProbe> {
  probe ??= probeWebGpu(gpuApi);
  return probe;
}

/**
 * 'auto': the kernel on a hardware adapter; the CPU reference on a software one or without WebGPU
 * (no device is opened for it then), and when the kernel fails.
 */
async function extractSurface(
  grid: OccupancyGrid,
  preference: SurfacePreference,
): Promise<SurfaceOutput> {
  const cpu = (): SurfaceOutput => ({ mesh: extractSurfaceCpu(grid), backend: 'cpu' });
  if (preference === 'cpu') return cpu();
  if (preference === 'auto') {
    const gpu = await webGpu();
    if (!gpu.available || gpu.software) return cpu();
  }
  if (!gpuApi) throw new Error('surface: WebGPU was chosen, but this worker has none');
  try {
    surfaceRunner ??= new KernelRunner(new GpuContext({ gpu: gpuApi }));
    return { mesh: await extractSurfaceGpu(surfaceRunner, grid), backend: 'webgpu' };
  } catch (error) {
    if (preference === 'webgpu') throw error;
    return cpu();
  }
}

const api: ShapeWorkerApi = {
  async load(source, options) {
    const start = performance.now();
    try {
      const pack = await loadShapePack(source);
      const ort = ortWeb();
      const { model, reason } = await openShapeModel(
        (backend) => createOrtShapeModel(ort, pack.files, pack.manifest, { backend }),
        await webGpu(),
        options.backend ?? 'auto',
      );
      const previous = loaded;
      const info: ShapeBackendInfo = {
        backend: model.backend,
        reason,
        modelId: pack.manifest.id,
        manifest: pack.manifest,
        packHash: pack.packHash,
        origin: pack.origin,
        loadMs: performance.now() - start,
      };
      loaded = { model, manifest: pack.manifest, info };
      await previous?.model.release();
      return { ok: true, info };
    } catch (error) {
      const e = error as Error;
      return {
        ok: false,
        error: {
          name: e.name,
          message: e.message,
          ...(e instanceof ModelPackError ? { code: e.code, issues: [...e.issues] } : {}),
        },
      };
    }
  },

  async generate(jobId, image, settings, onProgress, options) {
    if (!loaded) throw new Error('no model is loaded; load a pack first');
    const { model, manifest } = loaded;
    const controller = new AbortController();
    jobs.set(jobId, controller);
    try {
      const result: ShapeResult = await runShapePipeline({
        model,
        manifest,
        image,
        settings,
        backend: model.backend,
        decodeGrid,
        refineGrid,
        extractSurface: (grid) => extractSurface(grid, options.surface ?? 'auto'),
        isWatertight,
        onProgress,
        signal: controller.signal,
      });
      const { mesh } = result;
      return transfer(result, [mesh.positions.buffer, mesh.normals.buffer, mesh.indices.buffer]);
    } finally {
      jobs.delete(jobId);
    }
  },

  cancel(jobId) {
    jobs.get(jobId)?.abort();
  },
};

expose(api);
