// Makes the viewport's renderer: three's WebGPURenderer, which runs on WebGPU where the browser has
// it and otherwise on its WebGL2 backend. Reports which backend is really live and on what adapter,
// so the fallback is visible, never silent.
import { WebGPURenderer } from 'three/webgpu';
import { describeAdapter } from '../gpu/gpu-context';
import type { RenderBackend } from '../state/renderer-slice';

export interface RendererReport {
  backend: RenderBackend;
  adapter: string;
}

interface BackendInternals {
  isWebGPUBackend?: boolean;
  device?: GPUDevice & { adapterInfo?: GPUAdapterInfo };
  gl?: WebGL2RenderingContext;
}

export function reportRenderer(renderer: WebGPURenderer): RendererReport {
  const backend = renderer.backend as unknown as BackendInternals;
  if (backend.isWebGPUBackend) {
    return { backend: 'webgpu', adapter: describeAdapter(backend.device?.adapterInfo) };
  }
  const gl = backend.gl;
  let adapter = 'unknown WebGL2 renderer';
  if (gl) {
    const ext = gl.getExtension('WEBGL_debug_renderer_info');
    adapter = String(gl.getParameter(ext ? ext.UNMASKED_RENDERER_WEBGL : gl.RENDERER));
  }
  return { backend: 'webgl2', adapter };
}

export interface CreateRendererOptions {
  canvas: HTMLCanvasElement | OffscreenCanvas;
  /** Force the WebGL2 backend even where WebGPU exists (for A/B checks). */
  forceWebGL?: boolean;
  onDeviceLost?: () => void;
}

export async function createStudioRenderer(
  options: CreateRendererOptions,
): Promise<{ renderer: WebGPURenderer; report: RendererReport }> {
  const renderer = new WebGPURenderer({
    canvas: options.canvas as HTMLCanvasElement,
    antialias: true,
    forceWebGL: options.forceWebGL ?? false,
  });
  await renderer.init();
  const lost = options.onDeviceLost ?? (() => {});
  const device = (renderer.backend as unknown as BackendInternals).device;
  if (device) {
    // three ignores losses with reason 'destroyed'; the studio treats every loss it did not cause
    // itself (by disposing the renderer) as one to recover from.
    let disposing = false;
    const dispose = renderer.dispose.bind(renderer);
    renderer.dispose = () => {
      disposing = true;
      return dispose();
    };
    void device.lost.then(() => {
      if (!disposing) lost();
    });
    renderer.onDeviceLost = () => {};
  } else {
    renderer.onDeviceLost = () => lost();
  }
  return { renderer, report: reportRenderer(renderer) };
}
