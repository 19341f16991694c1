// Renders the camera's current view at an exact size and returns PNG bytes, leaving the on-screen
// canvas alone: the frame goes to an offscreen target set as the renderer's *output* target, so
// three runs the same path as for the canvas (scene into its linear half-float framebuffer target
// with the canvas's MSAA, then the output pass with the renderer's tone mapping and output colour
// space) and the bytes read back are the canvas's bytes at another size. Works on WebGPU and on
// the WebGL2 backend (whose rows come back bottom-up and are flipped here).
import {
  RGBAFormat,
  RenderTarget,
  UnsignedByteType,
  type PerspectiveCamera,
  type Scene,
  type WebGPURenderer,
} from 'three/webgpu';
import { checkScreenshotSize } from './screenshot-size';
import type { ScreenshotOptions } from './viewport-handle';
import { HELPER_LAYER } from './viewport-helpers';

export interface ScreenshotSource {
  renderer: WebGPURenderer;
  scene: Scene;
  camera: PerspectiveCamera;
}

interface BackendInternals {
  isWebGPUBackend?: boolean;
  device?: GPUDevice;
  gl?: WebGL2RenderingContext;
}

/** The largest side this renderer can render to and read back. */
export function maxRenderSide(renderer: WebGPURenderer): number {
  const backend = renderer.backend as unknown as BackendInternals;
  if (backend.device) return backend.device.limits.maxTextureDimension2D;
  const gl = backend.gl;
  if (!gl) return 0;
  const viewport = gl.getParameter(gl.MAX_VIEWPORT_DIMS) as Int32Array;
  return Math.min(
    gl.getParameter(gl.MAX_TEXTURE_SIZE) as number,
    gl.getParameter(gl.MAX_RENDERBUFFER_SIZE) as number,
    viewport[0] ?? 0,
    viewport[1] ?? 0,
  );
}

export async function renderScreenshot(
  source: ScreenshotSource,
  options: ScreenshotOptions,
): Promise<Uint8Array> {
  const { width, height } = checkScreenshotSize(options, maxRenderSide(source.renderer));
  const rgba = await renderPixels(source, width, height, options.helpers ?? true);
  return encodePng(rgba, width, height);
}

/** The view as tightly packed RGBA8 rows, top row first, sRGB-encoded like the canvas. */
async function renderPixels(
  { renderer, scene, camera }: ScreenshotSource,
  width: number,
  height: number,
  helpers: boolean,
): Promise<Uint8Array> {
  const backend = renderer.backend as unknown as BackendInternals;
  // No depth here: the scene is drawn into three's own framebuffer target, which has one; this
  // target only receives the output pass. The default colour space (none) keeps it rgba8unorm, so
  // the output pass's sRGB encoding is stored as is.
  const target = new RenderTarget(width, height, {
    type: UnsignedByteType,
    format: RGBAFormat,
    depthBuffer: false,
    generateMipmaps: false,
  });
  target.texture.name = 'viewport.screenshot';
  const device = backend.device;
  device?.pushErrorScope('out-of-memory');
  device?.pushErrorScope('validation');

  const previousTarget = renderer.getRenderTarget();
  const previousOutput = renderer.getOutputRenderTarget();
  const aspect = camera.aspect;
  const layers = camera.layers.mask;
  let readback: Promise<unknown> | undefined;
  let scopes: Promise<GPUError | null>[] = [];
  try {
    camera.aspect = width / height;
    if (!helpers) camera.layers.disable(HELPER_LAYER);
    camera.updateProjectionMatrix();
    renderer.setRenderTarget(null);
    renderer.setOutputRenderTarget(target);
    renderer.render(scene, camera);
    // Submits the copy now (inside the error scopes); resolves once the buffer is mapped.
    readback = renderer.readRenderTargetPixelsAsync(target, 0, 0, width, height);
  } finally {
    renderer.setOutputRenderTarget(previousOutput);
    renderer.setRenderTarget(previousTarget);
    camera.aspect = aspect;
    camera.layers.mask = layers;
    camera.updateProjectionMatrix();
    // Popped before any await, so the scopes hold this render and copy only, never a frame the
    // render loop draws meanwhile. A pop that rejects (device gone) leaves the readback to fail.
    if (device)
      scopes = [device.popErrorScope(), device.popErrorScope()].map((p) => p.catch(() => null));
  }

  try {
    const [data, ...errors] = await Promise.all([readback, ...scopes]);
    const error = (errors as (GPUError | null)[]).find((e) => e);
    if (error) throw new Error(`screenshot ${width}x${height} failed on the GPU: ${error.message}`);
    if (!(data instanceof Uint8Array) || data.length !== width * height * 4) {
      throw new Error(`screenshot ${width}x${height}: unexpected readback of ${describe(data)}`);
    }
    if (!backend.isWebGPUBackend) flipRows(data, width, height);
    unpremultiply(data);
    return data;
  } finally {
    target.dispose();
  }
}

function describe(data: unknown): string {
  const array = data as { constructor?: { name?: string }; length?: number } | null;
  return `${array?.constructor?.name ?? typeof data} (${array?.length ?? 0} values)`;
}

/** WebGL reads rows bottom-up; PNG rows go top-down. */
export function flipRows(rgba: Uint8Array, width: number, height: number): void {
  const stride = width * 4;
  const row = new Uint8Array(stride);
  for (let top = 0, bottom = height - 1; top < bottom; top++, bottom--) {
    const a = top * stride;
    const b = bottom * stride;
    row.set(rgba.subarray(a, a + stride));
    rgba.copyWithin(a, b, b + stride);
    rgba.set(row, b);
  }
}

/**
 * The framebuffer holds premultiplied colour (what the canvas composites); PNG stores straight
 * alpha. Only pixels where the background is transparent and something partly covers it change.
 */
export function unpremultiply(rgba: Uint8Array): void {
  for (let i = 0; i < rgba.length; i += 4) {
    const a = rgba[i + 3]!;
    if (a === 255 || a === 0) continue;
    for (let c = i; c < i + 3; c++) rgba[c] = Math.min(255, Math.round((rgba[c]! * 255) / a));
  }
}

/** RGBA8 rows (top first, straight alpha) → PNG file bytes, through the browser's encoder. */
export async function encodePng(
  rgba: Uint8Array,
  width: number,
  height: number,
): Promise<Uint8Array> {
  const image = new ImageData(
    new Uint8ClampedArray(rgba.buffer as ArrayBuffer, rgba.byteOffset, rgba.byteLength),
    width,
    height,
  );
  let blob: Blob;
  if (typeof OffscreenCanvas !== 'undefined') {
    const canvas = new OffscreenCanvas(width, height);
    canvas.getContext('2d')!.putImageData(image, 0, 0);
    blob = await canvas.convertToBlob({ type: 'image/png' });
  } else {
    const canvas = document.createElement('canvas');
    canvas.width = width;
    canvas.height = height;
    canvas.getContext('2d')!.putImageData(image, 0, 0);
    blob = await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob(
        (b) => (b ? resolve(b) : reject(new Error('PNG encoding failed'))),
        'image/png',
      ),
    );
  }
  return new Uint8Array(await blob.arrayBuffer());
}
