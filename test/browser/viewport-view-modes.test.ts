// The viewport's shading modes on WebGPU: scene.overrideMaterial draws instanced meshes in the
// solid clay material (shaded by its own light, with no scene lights at all) and as wireframe, leaves
// helpers that opt out alone, and 'lit' restores every object's own material.
import { afterEach, describe, expect, it } from 'vitest';
import {
  BoxGeometry,
  Color,
  InstancedMesh,
  Matrix4,
  Mesh,
  MeshBasicNodeMaterial,
  MeshStandardNodeMaterial,
  PerspectiveCamera,
  Scene,
  SphereGeometry,
  type WebGPURenderer,
} from 'three/webgpu';
import { createStudioRenderer } from '../../src/viewport/create-renderer';
import { createViewportHandle } from '../../src/viewport/create-viewport-handle';
import { applyViewMode, createViewModeMaterials } from '../../src/viewport/view-mode';

const CLEAR = [16, 18, 24];
const W = 160;
const H = 80;

const cleanup: (() => void)[] = [];
afterEach(() => {
  for (const f of cleanup.splice(0)) f();
});

async function makeRig() {
  const canvas = document.createElement('canvas');
  document.body.append(canvas);
  const { renderer, report } = await createStudioRenderer({ canvas });
  expect(report.backend).toBe('webgpu');
  renderer.setPixelRatio(1);
  renderer.setSize(W, H);
  renderer.setClearColor(
    new Color().setRGB(...(CLEAR.map((c) => c / 255) as [number, number, number]), 'srgb'),
    1,
  );
  const scene = new Scene();
  // Two instances of a red sphere, left and right of the centre; no lights in the scene.
  const spheres = new InstancedMesh(
    new SphereGeometry(0.9, 12, 8),
    new MeshStandardNodeMaterial({ color: '#c03020', roughness: 0.6 }),
    2,
  );
  spheres.setMatrixAt(0, new Matrix4().makeTranslation(-1.2, 0, 0));
  spheres.setMatrixAt(1, new Matrix4().makeTranslation(1.2, 0, 0));
  scene.add(spheres);
  // A marker that opts out of overrides, as the grid and axes do.
  const markerMaterial = new MeshBasicNodeMaterial({ color: '#00ffff' });
  markerMaterial.allowOverride = false;
  const marker = new Mesh(new BoxGeometry(0.3, 0.3, 0.3), markerMaterial);
  marker.position.set(0, 0.9, 0);
  scene.add(marker);
  const camera = new PerspectiveCamera(40, W / H, 0.1, 50);
  camera.position.set(0, 0, 6);
  camera.lookAt(0, 0, 0);
  const handle = createViewportHandle();
  handle.attach({ renderer: renderer as WebGPURenderer, scene, camera });
  const materials = createViewModeMaterials();
  cleanup.push(() => {
    materials.dispose();
    renderer.dispose();
    canvas.remove();
  });

  const shoot = async () => {
    const png = await handle.screenshot({ width: W, height: H });
    const bitmap = await createImageBitmap(new Blob([png as BlobPart], { type: 'image/png' }));
    const ctx = new OffscreenCanvas(W, H).getContext('2d')!;
    ctx.drawImage(bitmap, 0, 0);
    const data = ctx.getImageData(0, 0, W, H).data;
    return (x: number, y: number) => {
      const i = (Math.round(y) * W + Math.round(x)) * 4;
      return [data[i]!, data[i + 1]!, data[i + 2]!];
    };
  };
  return { scene, materials, shoot };
}

// Pixel positions: sphere centres at x = W/2 ± 1.2 m projected; 6 m away with a 40° fov the view
// is 4.37 m tall, so 1.2 m is 22 px and the spheres' radius about 16 px.
const LEFT = W / 2 - 22;
const RIGHT = W / 2 + 22;
const MID = H / 2;

const brightness = (c: number[]) => (c[0]! + c[1]! + c[2]!) / 3;
const spread = (c: number[]) => Math.max(...c) - Math.min(...c);

describe('view modes', () => {
  it('solid: clay grey on every instance, shaded, whatever the scene lights', async () => {
    const { scene, materials, shoot } = await makeRig();
    const lit = await shoot();
    // No lights: the standard material is black.
    expect(brightness(lit(LEFT, MID))).toBeLessThan(20);

    applyViewMode(scene, 'solid', materials);
    const solid = await shoot();
    for (const x of [LEFT, RIGHT]) {
      const c = solid(x, MID);
      expect(brightness(c), `instance at ${x}: ${c}`).toBeGreaterThan(80);
      expect(spread(c), `instance at ${x} is grey: ${c}`).toBeLessThan(30);
    }
    // Lit from above-left: the upper-left of a sphere is brighter than its lower-right.
    const upperLeft = brightness(solid(RIGHT - 8, MID - 8));
    const lowerRight = brightness(solid(RIGHT + 9, MID + 9));
    expect(upperLeft - lowerRight).toBeGreaterThan(40);
    // The opted-out marker keeps its own colour.
    const marker = solid(W / 2, MID - 16);
    expect(marker[0]).toBeLessThan(30);
    expect(marker[2]).toBeGreaterThan(200);
  });

  it('wireframe: edges over the background, on every instance', async () => {
    const { scene, materials, shoot } = await makeRig();
    applyViewMode(scene, 'wireframe', materials);
    const wire = await shoot();
    for (const cx of [LEFT, RIGHT]) {
      let lines = 0;
      let background = 0;
      for (let y = MID - 10; y <= MID + 10; y++) {
        for (let x = cx - 10; x <= cx + 10; x++) {
          const b = brightness(wire(x, y));
          if (b > 100) lines++;
          else if (b < 30) background++;
        }
      }
      expect(lines, `line pixels around ${cx}`).toBeGreaterThan(20);
      expect(background, `background pixels between lines around ${cx}`).toBeGreaterThan(20);
    }
  });

  it('lit: back to each object’s own material', async () => {
    const { scene, materials, shoot } = await makeRig();
    applyViewMode(scene, 'solid', materials);
    await shoot();
    applyViewMode(scene, 'lit', materials);
    expect(scene.overrideMaterial).toBeNull();
    const lit = await shoot();
    expect(brightness(lit(LEFT, MID))).toBeLessThan(20);
  });
});
