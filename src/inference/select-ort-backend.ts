// Where the shape model runs: onnxruntime's WebGPU execution provider or its WASM (CPU) one.
//   'auto'    WebGPU on a hardware adapter; WASM where there is no WebGPU, where the adapter is a
//             software one (SwiftShader runs the GPU's work on the CPU, slower than WASM here), and
//             where the WebGPU EP fails to start (the reason is kept and shown).
//   'webgpu'  WebGPU or an error saying why not.    'wasm'  WASM.
// A pack whose graphs do not match its manifest is refused on either EP, never "fallen back".
import { ModelPackError } from '../core/shape/model-manifest';
import type { OrtBackend, OrtShapeModel } from './ort-shape-model';

export type ShapeBackendPreference = 'auto' | OrtBackend;

export interface WebGpuProbe {
  available: boolean;
  /** The adapter is a software one (SwiftShader, WARP, ...). */
  software: boolean;
  adapter: string;
  /** Why WebGPU is unavailable (empty when available). */
  reason: string;
}

/** How long 'auto' waits for an adapter before running on WASM (a busy software GPU answers in
 *  tens of seconds: 27 s was measured in a worker beside the studio's SwiftShader viewport). */
export const ADAPTER_TIMEOUT_MS = 8000;

export async function probeWebGpu(
  gpu: GPU | undefined,
  timeoutMs = ADAPTER_TIMEOUT_MS,
): Promise<WebGpuProbe> {
  if (!gpu) {
    return {
      available: false,
      software: false,
      adapter: '',
      reason: 'this browser has no WebGPU (navigator.gpu is missing)',
    };
  }
  try {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const late = new Promise<'late'>((resolve) => {
      timer = setTimeout(() => resolve('late'), timeoutMs);
    });
    const adapter = await Promise.race([
      gpu.requestAdapter({ powerPreference: 'high-performance' }),
      late,
    ]).finally(() => clearTimeout(timer));
    if (adapter === 'late') {
      return {
        available: false,
        software: false,
        adapter: '',
        reason: `WebGPU gave no adapter within ${timeoutMs / 1000} s`,
      };
    }
    if (!adapter) {
      return {
        available: false,
        software: false,
        adapter: '',
        reason: 'WebGPU offered no adapter',
      };
    }
    const info = adapter.info;
    const name =
      [info?.vendor, info?.architecture, info?.device, info?.description]
        .filter((s, i, all) => s && all.indexOf(s) === i)
        .join(' ') || 'unknown adapter';
    const software = Boolean(
      (info as GPUAdapterInfo & { isFallbackAdapter?: boolean })?.isFallbackAdapter,
    );
    return { available: true, software, adapter: name, reason: '' };
  } catch (error) {
    return {
      available: false,
      software: false,
      adapter: '',
      reason: `WebGPU could not start: ${(error as Error).message}`,
    };
  }
}

export interface OpenedModel {
  model: OrtShapeModel;
  reason: string;
}

export async function openShapeModel(
  create: (backend: OrtBackend) => Promise<OrtShapeModel>,
  probe: WebGpuProbe,
  preference: ShapeBackendPreference,
): Promise<OpenedModel> {
  if (preference === 'wasm')
    return { model: await create('wasm'), reason: 'WASM chosen in settings' };
  if (preference === 'webgpu') {
    if (!probe.available) throw new Error(`WebGPU was chosen in settings, but ${probe.reason}`);
    return {
      model: await create('webgpu'),
      reason: `WebGPU chosen in settings (${probe.adapter})`,
    };
  }
  if (!probe.available) return { model: await create('wasm'), reason: probe.reason };
  if (probe.software) {
    return {
      model: await create('wasm'),
      reason: `the WebGPU adapter (${probe.adapter}) is a software renderer; WASM runs the model faster`,
    };
  }
  try {
    return { model: await create('webgpu'), reason: `WebGPU (${probe.adapter})` };
  } catch (error) {
    if (error instanceof ModelPackError && error.code === 'session-mismatch') throw error;
    return {
      model: await create('wasm'),
      reason: `the WebGPU execution provider failed (${(error as Error).message}); running on WASM`,
    };
  }
}
