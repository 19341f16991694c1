// Viewport screenshots on the real renderer: three's WebGPURenderer on WebGPU (asserted), a small
// scene with known colours, the PNG decoded back and checked for size, colours (sRGB, as the canvas
// shows them), orientation and the canvas being left as it was; then the same on the WebGL2 backend,
// whose rows come back bottom-up.
import { afterEach, describe, expect, it } from 'vitest';
import {
  ACESFilmicToneMapping,
  BoxGeometry,
  Color,
  Mesh,
  MeshBasicNodeMaterial,
  PerspectiveCamera,
  Scene,
  type WebGPURenderer,
} from 'three/webgpu';
import { createStudioRenderer, type RendererReport } from '../../src/viewport/create-renderer';
import { createViewportHandle } from '../../src/viewport/create-viewport-handle';
import { HELPER_LAYER } from '../../src/viewport/viewport-helpers';

const CLEAR = '#203a5c';
const BOX = '#e07020';
const TOP = '#30c050';
const MARKER = '#ff00ff';

interface Rig {
  renderer: WebGPURenderer;
  report: RendererReport;
  canvas: HTMLCanvasElement;
  scene: Scene;
  camera: PerspectiveCamera;
}

const rigs: Rig[] = [];

afterEach(() => {
  for (const rig of rigs.splice(0)) {
    rig.renderer.dispose();
    rig.canvas.remove();
  }
});

function solid(hex: string, w: number, h: number, d: number): Mesh {
  return new Mesh(new BoxGeometry(w, h, d), new MeshBasicNodeMaterial({ color: hex }));
}

/**
 * A 64x48 canvas at pixel ratio 1; camera at z = 5 looking at the origin (fov 50, so the view is
 * 4.66 m tall at z = 0). An orange box fills the centre, a green bar sits in the top fifth of the
 * view only, and a magenta marker on the helpers' layer sits in front of the box.
 */
async function makeRig(forceWebGL = false): Promise<Rig> {
  const canvas = document.createElement('canvas');
  document.body.append(canvas);
  const { renderer, report } = await createStudioRenderer({ canvas, forceWebGL });
  renderer.setPixelRatio(1);
  renderer.setSize(64, 48);
  renderer.setClearColor(new Color(CLEAR), 1);
  const scene = new Scene();
  scene.add(solid(BOX, 1.2, 1.2, 1.2));
  const bar = solid(TOP, 1, 0.5, 0.5);
  bar.position.y = 1.75;
  scene.add(bar);
  const marker = solid(MARKER, 0.3, 0.3, 0.3);
  marker.position.z = 1;
  marker.layers.set(HELPER_LAYER);
  scene.add(marker);
  const camera = new PerspectiveCamera(50, 64 / 48, 0.1, 100);
  camera.position.set(0, 0, 5);
  camera.lookAt(0, 0, 0);
  camera.layers.enable(HELPER_LAYER);
  const rig = { renderer, report, canvas, scene, camera };
  rigs.push(rig);
  return rig;
}

function attach(rig: Rig) {
  const handle = createViewportHandle();
  handle.attach({ renderer: rig.renderer, scene: rig.scene, camera: rig.camera });
  return handle;
}

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

interface Decoded {
  width: number;
  height: number;
  /** Width and height as written in the IHDR chunk. */
  header: [number, number];
  data: Uint8ClampedArray;
}

async function decodePng(bytes: Uint8Array): Promise<Decoded> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const header: [number, number] = [view.getUint32(16), view.getUint32(20)];
  const bitmap = await createImageBitmap(new Blob([bytes as BlobPart], { type: 'image/png' }), {
    colorSpaceConversion: 'none',
    premultiplyAlpha: 'none',
  });
  const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
  const ctx = canvas.getContext('2d')!;
  ctx.drawImage(bitmap, 0, 0);
  const data = ctx.getImageData(0, 0, bitmap.width, bitmap.height).data;
  return { width: bitmap.width, height: bitmap.height, header, data };
}

function pixel(image: { width: number; data: Uint8ClampedArray }, x: number, y: number): number[] {
  const i = (Math.floor(y) * image.width + Math.floor(x)) * 4;
  return Array.from(image.data.subarray(i, i + 4));
}

/** The hex colour as 8-bit sRGB with alpha 255 (what an unlit material shows with no tone mapping). */
function srgb(hex: string): number[] {
  const n = parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255, 255];
}

function expectColour(actual: number[], hex: string, where: string, tolerance = 2) {
  const expected = srgb(hex);
  const worst = Math.max(...actual.map((v, i) => Math.abs(v - expected[i]!)));
  expect(worst, `${where}: got rgba(${actual.join(',')}), expected ${hex}`).toBeLessThanOrEqual(
    tolerance,
  );
}

function expectSceneLayout(image: Decoded, helpers: boolean) {
  const { width: w, height: h } = image;
  expectColour(pixel(image, w / 2, h / 2), helpers ? MARKER : BOX, 'centre');
  expectColour(pixel(image, w / 2 + w * 0.06, h / 2 + h * 0.1), BOX, 'box beside the marker');
  expectColour(pixel(image, 0, 0), CLEAR, 'top-left corner');
  expectColour(pixel(image, w - 1, h - 1), CLEAR, 'bottom-right corner');
  // The green bar is only in the top fifth: an upside-down image has it at the bottom.
  expectColour(pixel(image, w / 2, h * 0.12), TOP, 'top bar');
  expectColour(pixel(image, w / 2, h * 0.88), CLEAR, 'below the box');
}

describe('viewport screenshot (WebGPU)', () => {
  it('runs on the WebGPU backend', async () => {
    const rig = await makeRig();
    expect(rig.report.backend).toBe('webgpu');
    expect((rig.renderer.backend as { isWebGPUBackend?: boolean }).isWebGPUBackend).toBe(true);
  });

  it('returns a PNG of exactly the requested size, right way up, in the canvas colours', async () => {
    const rig = await makeRig();
    const handle = attach(rig);
    for (const [width, height] of [
      [320, 200],
      [64, 64],
      [33, 77],
    ] as const) {
      const png = await handle.screenshot({ width, height });
      expect(png).toBeInstanceOf(Uint8Array);
      expect(Array.from(png.subarray(0, 8))).toEqual(PNG_SIGNATURE);
      const image = await decodePng(png);
      expect([image.width, image.height]).toEqual([width, height]);
      expect(image.header).toEqual([width, height]);
      expectSceneLayout(image, true);
    }
  });

  it('leaves out the grid and axes layer when asked', async () => {
    const rig = await makeRig();
    const image = await decodePng(
      await attach(rig).screenshot({ width: 96, height: 64, helpers: false }),
    );
    expectSceneLayout(image, false);
    expect(rig.camera.layers.isEnabled(HELPER_LAYER)).toBe(true);
  });

  it('leaves the canvas, pixel ratio, camera and render targets as they were', async () => {
    const rig = await makeRig();
    const { renderer, scene, camera, canvas } = rig;
    // A frame on screen first: the renderer sets the camera's coordinate system on its first render.
    renderer.render(scene, camera);
    const before = {
      size: [canvas.width, canvas.height],
      ratio: renderer.getPixelRatio(),
      aspect: camera.aspect,
      projection: camera.projectionMatrix.toArray(),
    };
    await attach(rig).screenshot({ width: 300, height: 100 });
    expect([canvas.width, canvas.height]).toEqual(before.size);
    expect(renderer.getPixelRatio()).toBe(before.ratio);
    expect(camera.aspect).toBe(before.aspect);
    expect(camera.projectionMatrix.toArray()).toEqual(before.projection);
    expect(renderer.getRenderTarget()).toBeNull();
    expect(renderer.getOutputRenderTarget()).toBeNull();
  });

  it('matches what the canvas shows, tone mapping and all', async () => {
    const rig = await makeRig();
    const { renderer, scene, camera, canvas } = rig;
    renderer.toneMapping = ACESFilmicToneMapping;
    // Render to the canvas and copy it in the same task, before the frame is presented.
    renderer.render(scene, camera);
    const copy = new OffscreenCanvas(canvas.width, canvas.height);
    const ctx = copy.getContext('2d')!;
    ctx.drawImage(canvas, 0, 0);
    const onScreen = { width: canvas.width, data: ctx.getImageData(0, 0, 64, 48).data };

    const shot = await decodePng(await attach(rig).screenshot({ width: 64, height: 48 }));
    let worst = 0;
    for (let i = 0; i < shot.data.length; i++) {
      worst = Math.max(worst, Math.abs(shot.data[i]! - onScreen.data[i]!));
    }
    expect(worst).toBeLessThanOrEqual(2);
    // ACES really ran: the box is no longer its plain sRGB colour.
    expect(pixel(shot, 36, 28)).not.toEqual(srgb(BOX));
  });

  it('refuses sizes that are not whole pixels from 1 to 8192, naming the value', async () => {
    const handle = attach(await makeRig());
    const bad: [number, number, RegExp][] = [
      [0, 10, /screenshot width: expected an integer from 1 to \d+.*got 0/],
      [10, -1, /screenshot height: .*got -1/],
      [12.5, 10, /width: .*got 12\.5/],
      [Number.NaN, 10, /width: .*got NaN/],
      [10, 8193, /height: expected an integer from 1 to \d+.*got 8193/],
      [Infinity, 10, /width: .*got Infinity/],
    ];
    for (const [width, height, message] of bad) {
      await expect(handle.screenshot({ width, height })).rejects.toThrow(message);
    }
    const stringly = { width: '64', height: 64 } as unknown as { width: number; height: number };
    await expect(handle.screenshot(stringly)).rejects.toThrow(/width: .*got "64"/);
  });

  it('refuses to work without an attached viewport', async () => {
    const handle = createViewportHandle();
    expect(handle.attached()).toBe(false);
    await expect(handle.screenshot({ width: 8, height: 8 })).rejects.toThrow(/no viewport/);
  });
});

describe('viewport screenshot (WebGL2 backend)', () => {
  it('reads rows bottom-up and still returns the image right way up', async () => {
    const rig = await makeRig(true);
    expect(rig.report.backend).toBe('webgl2');
    const image = await decodePng(await attach(rig).screenshot({ width: 120, height: 80 }));
    expect([image.width, image.height]).toEqual([120, 80]);
    expectSceneLayout(image, true);
  });
});
