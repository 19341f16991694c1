// Procedural materials in the viewport on WebGPU (asserted): node materials over baked-looking maps
// (made here by a small CPU baker: bricks with mortar, so relief, normals, ORM and glow are real)
// compile and render with every projection, every animated look, physical layers and winter snow
// with no GPU validation errors (the setup file fails a test on any uncaptured GPU error), and the
// pixels differ as they should: snow brightens the top of a box and not its side, an animated
// material changes between two times, triplanar and uv give different images, a moved instance
// carries its triplanar texture with it. The provider answers at once with a flat look, upgrades the
// same material when the bake lands, bakes levels ≥ 1 at a quarter size, survives unknown presets and
// failed bakes; in the scene objects a per-object material moves an instance into its own
// InstancedMesh and back on undo. PNGs of the looks go to test-results/materials/ for a human eye.
import { afterEach, describe, expect, it } from 'vitest';
import { commands } from 'vitest/browser';
import { createElement } from 'react';
import { createRoot } from 'react-dom/client';
import { Canvas, type RootState } from '@react-three/fiber';
import {
  AmbientLight,
  BoxGeometry,
  Color,
  DirectionalLight,
  HemisphereLight,
  InstancedMesh,
  Matrix4,
  Mesh,
  OrthographicCamera,
  PerspectiveCamera,
  Scene,
  SphereGeometry,
  TorusKnotGeometry,
  Vector3,
  type BufferGeometry,
  type Camera,
  type Material,
  type WebGPURenderer,
} from 'three/webgpu';
import type { BakeSize } from '../../src/core/materials/bake-request';
import { levelCount, levelSize, type MaterialMaps } from '../../src/core/materials/maps';
import type { MaterialRef, Projection } from '../../src/core/materials/material-ref';
import type {
  MaterialAnimation,
  MaterialLook,
  MaterialParams,
  MaterialPreset,
} from '../../src/core/materials/preset';
import type {
  BakeOptions,
  BakedMaterial,
  MaterialService,
} from '../../src/materials/material-service';
import type { Command } from '../../src/core/document/commands';
import { generateScene } from '../../src/core/scene/generate-scene';
import type { SceneData } from '../../src/core/scene/scene-data';
import { createStudioStore } from '../../src/state/store';
import { createStudioRenderer } from '../../src/viewport/create-renderer';
import { createEditHandle } from '../../src/viewport/edit-handle-impl';
import { OrbitController } from '../../src/viewport/OrbitController';
import { pickObject } from '../../src/viewport/picking';
import { SceneView, sceneFocus } from '../../src/viewport/SceneView';
import { StoreProvider } from '../../src/state/store-context';
import { buildSceneObjects, type SceneObjects } from '../../src/viewport/scene-objects';
import { defaultBatchMaterial, snapScale } from '../../src/viewport/materials/batch-defaults';
import primitivesSpec from '../../public/examples/primitives.json';
import dungeonLargeSpec from '../../public/examples/dungeon-large.json';
import dungeonMediumSpec from '../../public/examples/dungeon-medium.json';
import { renderScreenshot } from '../../src/viewport/screenshot';
import {
  bakeSizeForLod,
  createMaterialProvider,
  FALLBACK_PRESET,
} from '../../src/viewport/materials/material-provider';
import { createNodeMaterial, studioMaterialInfo } from '../../src/viewport/materials/node-material';
import { createMaterialTextures } from '../../src/viewport/materials/texture-set';

// ---------------------------------------------------------------- a small CPU baker (bricks)

const hash = (x: number, y: number, s: number) => {
  let h = Math.imul(x, 0x27d4eb2d) ^ Math.imul(y, 0x165667b1) ^ Math.imul(s, 0x9e3779b9);
  h = Math.imul(h ^ (h >>> 15), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return ((h ^ (h >>> 16)) >>> 0) / 4294967296;
};
const srgbToLinear = (c: number) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
const linearToSrgb = (c: number) =>
  c <= 0.0031308 ? c * 12.92 : 1.055 * Math.pow(Math.max(c, 0), 1 / 2.4) - 0.055;
const hexRgb = (hex: string) =>
  [1, 3, 5].map((i) => srgbToLinear(parseInt(hex.slice(i, i + 2), 16) / 255)) as [
    number,
    number,
    number,
  ];
const byte = (v: number) => Math.max(0, Math.min(255, Math.round(v * 255)));

function mipRgba(level0: Uint8Array<ArrayBuffer>, size: number): Uint8Array<ArrayBuffer>[] {
  const levels = [level0];
  for (let l = 1; l < levelCount(size); l++) {
    const prev = levels[l - 1]!;
    const ps = levelSize(size, l - 1);
    const s = levelSize(size, l);
    const out = new Uint8Array(s * s * 4);
    for (let y = 0; y < s; y++)
      for (let x = 0; x < s; x++)
        for (let c = 0; c < 4; c++) {
          let sum = 0;
          for (const [dx, dy] of [
            [0, 0],
            [1, 0],
            [0, 1],
            [1, 1],
          ] as const)
            sum += prev[((y * 2 + dy) * ps + (x * 2 + dx)) * 4 + c]!;
          out[(y * s + x) * 4 + c] = Math.round(sum / 4);
        }
    levels.push(out);
  }
  return levels;
}

function mipHeight(level0: Float32Array<ArrayBuffer>, size: number): Float32Array<ArrayBuffer>[] {
  const levels = [level0];
  for (let l = 1; l < levelCount(size); l++) {
    const prev = levels[l - 1]!;
    const ps = levelSize(size, l - 1);
    const s = levelSize(size, l);
    const out = new Float32Array(s * s);
    for (let y = 0; y < s; y++)
      for (let x = 0; x < s; x++)
        out[y * s + x] =
          (prev[y * 2 * ps + x * 2]! +
            prev[y * 2 * ps + x * 2 + 1]! +
            prev[(y * 2 + 1) * ps + x * 2]! +
            prev[(y * 2 + 1) * ps + x * 2 + 1]!) /
          4;
    levels.push(out);
  }
  return levels;
}

/** Periodic value-noise FBM over the tile (0..1), `cells` lattice cells per side at octave 0. */
function fbm(i: number, j: number, n: number, cells: number, seed: number): number {
  let sum = 0;
  let amp = 0.5;
  let norm = 0;
  for (let o = 0; o < 4; o++) {
    const c = cells << o;
    const x = ((i + 0.5) / n) * c;
    const y = ((j + 0.5) / n) * c;
    const x0 = Math.floor(x);
    const y0 = Math.floor(y);
    const fx = x - x0;
    const fy = y - y0;
    const sx = fx * fx * (3 - 2 * fx);
    const sy = fy * fy * (3 - 2 * fy);
    const v = (a: number, b: number) => hash(((a % c) + c) % c, ((b % c) + c) % c, seed + o);
    const top = v(x0, y0) + (v(x0 + 1, y0) - v(x0, y0)) * sx;
    const bottom = v(x0, y0 + 1) + (v(x0 + 1, y0 + 1) - v(x0, y0 + 1)) * sx;
    sum += (top + (bottom - top) * sy) * amp;
    norm += amp;
    amp *= 0.5;
  }
  return sum / norm;
}

/**
 * A tiling material's maps like the bake makes them: 'brick' is running-bond bricks (4 rows, 2 per
 * row) with mortar, 'cracks' is crust plates split by thin cracks, anything else FBM clouds. Low
 * relief is darker (the groove colour) and glows when the params glow.
 */
function bakeTestMaps(params: MaterialParams, size: number): MaterialMaps {
  const n = size;
  const height = new Float32Array(n * n);
  const brickId = new Float32Array(n * n);
  const rows = 4;
  const perRow = 2;
  const mortar = 0.07;
  for (let j = 0; j < n; j++) {
    for (let i = 0; i < n; i++) {
      if (params.pattern !== 'brick') {
        const f = fbm(i, j, n, 4, params.seed);
        const crack = Math.min(1, Math.abs(f - 0.5) / 0.035);
        height[j * n + i] = params.pattern === 'cracks' ? crack * (0.7 + f * 0.3) : f;
        brickId[j * n + i] = fbm(i, j, n, 2, params.seed + 3);
        continue;
      }
      const v = ((j + 0.5) / n) * rows;
      const row = Math.floor(v);
      const u = ((i + 0.5) / n) * perRow + (row % 2 ? 0.5 : 0);
      const col = Math.floor(u);
      const fu = u - col;
      const fv = v - row;
      const edge = Math.min(fu, 1 - fu, (fv * perRow) / rows, ((1 - fv) * perRow) / rows);
      const bevel = Math.min(1, Math.max(0, (edge - mortar * 0.5) / (mortar * 0.8)));
      const grain = hash(i, j, params.seed) * 0.08;
      height[j * n + i] = bevel * (0.85 + grain);
      brickId[j * n + i] = hash(col % perRow, row, params.seed + 7);
    }
  }
  const albedo = new Uint8Array(n * n * 4);
  const normal = new Uint8Array(n * n * 4);
  const orm = new Uint8Array(n * n * 4);
  const glows = params.emissive && params.emissive.strength > 0;
  const emissive = glows ? new Uint8Array(n * n * 4) : null;
  const c0 = hexRgb(params.colors[0]);
  const c1 = hexRgb(params.colors[1]);
  const c2 = hexRgb(params.colors[2]);
  const glow = glows ? hexRgb(params.emissive!.color) : [0, 0, 0];
  const depth = 4 * params.height;
  for (let j = 0; j < n; j++) {
    for (let i = 0; i < n; i++) {
      const k = j * n + i;
      const h = height[k]!;
      const t = brickId[k]!;
      for (let c = 0; c < 3; c++) {
        const brick = c0[c]! + (c1[c]! - c0[c]!) * t;
        albedo[k * 4 + c] = byte(linearToSrgb(c2[c]! + (brick - c2[c]!) * Math.min(1, h * 1.5)));
      }
      albedo[k * 4 + 3] = 255;
      const at = (x: number, y: number) => height[((y + n) % n) * n + ((x + n) % n)]!;
      // +X right, +Y up (towards row j − 1).
      const dx = ((at(i + 1, j) - at(i - 1, j)) / 2) * depth;
      const dy = ((at(i, j - 1) - at(i, j + 1)) / 2) * depth;
      const len = Math.hypot(dx, dy, 1);
      normal[k * 4] = byte((-dx / len) * 0.5 + 0.5);
      normal[k * 4 + 1] = byte((-dy / len) * 0.5 + 0.5);
      normal[k * 4 + 2] = byte((1 / len) * 0.5 + 0.5);
      normal[k * 4 + 3] = 255;
      const [r0, r1] = params.roughness;
      const [m0, m1] = params.metalness;
      orm[k * 4] = byte(1 - params.ao * (1 - h) * 0.6);
      orm[k * 4 + 1] = byte(r1 + (r0 - r1) * h);
      orm[k * 4 + 2] = byte(m0 + (m1 - m0) * h);
      orm[k * 4 + 3] = 255;
      if (emissive) {
        const s = (params.emissive!.strength * (1 - h)) / 8;
        for (let c = 0; c < 3; c++) emissive[k * 4 + c] = byte(linearToSrgb(glow[c]! * s));
        emissive[k * 4 + 3] = 255;
      }
    }
  }
  const maps: MaterialMaps = {
    size: n,
    albedo: { format: 'rgba8', levels: mipRgba(albedo, n) },
    normal: { format: 'rgba8', levels: mipRgba(normal, n) },
    orm: { format: 'rgba8', levels: mipRgba(orm, n) },
    height: { format: 'r32f', levels: mipHeight(height, n) },
  };
  if (emissive) maps.emissive = { format: 'rgba8', levels: mipRgba(emissive, n) };
  return maps;
}

const BASE_PARAMS: MaterialParams = {
  pattern: 'brick',
  scale: 4,
  density: 0.5,
  groove: 0.07,
  jitter: 0.3,
  warp: 0.1,
  detail: 0.3,
  stretch: 1,
  colors: ['#a4492e', '#7d3522', '#c9c1b0'],
  colorVariation: 0.2,
  roughness: [0.55, 0.9],
  metalness: [0, 0],
  height: 0.6,
  ao: 0.7,
  wear: 0,
  seed: 11,
};

function preset(id: string, look?: MaterialLook, params: Partial<MaterialParams> = {}) {
  const p: MaterialPreset = {
    id,
    name: id,
    family: 'brick',
    tags: [],
    params: { ...BASE_PARAMS, ...params },
  };
  if (look) p.look = look;
  return p;
}

const ANIMATED: Record<MaterialAnimation, MaterialPreset> = {
  lava: preset(
    'test/lava',
    { animation: 'lava' },
    {
      pattern: 'cracks',
      colors: ['#2a1a14', '#3b2219', '#120807'],
      emissive: { color: '#ff5a14', strength: 8, mask: 'groove' },
    },
  ),
  water: preset(
    'test/water',
    { animation: 'water' },
    {
      pattern: 'noise',
      height: 0.25,
      colors: ['#1d4f73', '#174461', '#0e2c40'],
      roughness: [0.02, 0.1],
    },
  ),
  fire: preset(
    'test/fire',
    { animation: 'fire' },
    {
      pattern: 'noise',
      colors: ['#301008', '#401408', '#100402'],
      emissive: { color: '#ff7a1a', strength: 6, mask: 'all' },
    },
  ),
  hologram: preset(
    'test/hologram',
    { animation: 'hologram', opacity: 0.8 },
    {
      colors: ['#3fd8ff', '#2ab0e0', '#0a3040'],
    },
  ),
  shield: preset(
    'test/shield',
    { animation: 'shield' },
    {
      colors: ['#4cc3ff', '#3aa0e0', '#0a2030'],
    },
  ),
};

// ---------------------------------------------------------------- rig

const W = 160;
const H = 120;

interface Rig {
  renderer: WebGPURenderer;
  scene: Scene;
  camera: PerspectiveCamera;
  canvas: HTMLCanvasElement;
}

const cleanup: (() => void)[] = [];
afterEach(() => {
  for (const f of cleanup.splice(0).reverse()) f();
});

async function makeRig(): Promise<Rig> {
  const canvas = document.createElement('canvas');
  document.body.append(canvas);
  const { renderer, report } = await createStudioRenderer({ canvas });
  expect(report.backend).toBe('webgpu');
  renderer.setPixelRatio(1);
  renderer.setSize(W, H);
  renderer.setClearColor(new Color('#1b1e24'), 1);
  const scene = new Scene();
  scene.add(new HemisphereLight('#cfd8ff', '#2a231c', 0.9));
  const sun = new DirectionalLight('#ffffff', 2.2);
  sun.position.set(3, 6, 4);
  scene.add(sun);
  scene.add(new AmbientLight('#ffffff', 0.15));
  const camera = new PerspectiveCamera(40, W / H, 0.1, 100);
  camera.position.set(0, 2.2, 4.2);
  camera.lookAt(0, 0, 0);
  camera.updateMatrixWorld();
  cleanup.push(() => {
    renderer.dispose();
    canvas.remove();
  });
  return { renderer: renderer as WebGPURenderer, scene, camera, canvas };
}

interface Image {
  width: number;
  height: number;
  data: Uint8ClampedArray;
  png: Uint8Array;
}

async function shoot(rig: Rig, width = W, height = H, camera: Camera = rig.camera): Promise<Image> {
  const png = await renderScreenshot(
    { renderer: rig.renderer, scene: rig.scene, camera: camera as PerspectiveCamera },
    { width, height },
  );
  const bitmap = await createImageBitmap(new Blob([png as BlobPart], { type: 'image/png' }), {
    colorSpaceConversion: 'none',
    premultiplyAlpha: 'none',
  });
  const c = new OffscreenCanvas(bitmap.width, bitmap.height);
  const ctx = c.getContext('2d')!;
  ctx.drawImage(bitmap, 0, 0);
  return { width, height, data: ctx.getImageData(0, 0, width, height).data, png };
}

async function save(name: string, image: Image): Promise<void> {
  let s = '';
  for (let i = 0; i < image.png.length; i++) s += String.fromCharCode(image.png[i]!);
  await commands.writeFile(`test-results/materials/${name}.png`, btoa(s), 'base64');
}

/** Mean luminance (0..255) of a rectangle. */
function meanLum(img: Image, x0: number, y0: number, x1: number, y1: number): number {
  let sum = 0;
  let n = 0;
  for (let y = Math.floor(y0); y < y1; y++)
    for (let x = Math.floor(x0); x < x1; x++) {
      const i = (y * img.width + x) * 4;
      sum += 0.2126 * img.data[i]! + 0.7152 * img.data[i + 1]! + 0.0722 * img.data[i + 2]!;
      n++;
    }
  return sum / Math.max(1, n);
}

/** Mean absolute difference per channel between two images (0..255), optionally in a rectangle. */
function diff(a: Image, b: Image, rect = [0, 0, a.width, a.height]): number {
  const [x0, y0, x1, y1] = rect.map(Math.floor) as [number, number, number, number];
  let sum = 0;
  for (let y = y0; y < y1; y++)
    for (let x = x0; x < x1; x++)
      for (let c = 0; c < 3; c++) {
        const i = (y * a.width + x) * 4 + c;
        sum += Math.abs(a.data[i]! - b.data[i]!);
      }
  return sum / Math.max(1, (x1 - x0) * (y1 - y0) * 3);
}

/** Standard deviation of luminance: a flat colour has ~0, a textured one more. */
function lumSpread(img: Image, x0: number, y0: number, x1: number, y1: number): number {
  const m = meanLum(img, x0, y0, x1, y1);
  let sum = 0;
  let n = 0;
  for (let y = Math.floor(y0); y < y1; y++)
    for (let x = Math.floor(x0); x < x1; x++) {
      const i = (y * img.width + x) * 4;
      const l = 0.2126 * img.data[i]! + 0.7152 * img.data[i + 1]! + 0.0722 * img.data[i + 2]!;
      sum += (l - m) ** 2;
      n++;
    }
  return Math.sqrt(sum / Math.max(1, n));
}

/** Screen position (pixels) of a world point. */
function screen(camera: Camera, p: Vector3, width = W, height = H): [number, number] {
  const v = p.clone().project(camera);
  return [(v.x * 0.5 + 0.5) * width, (0.5 - v.y * 0.5) * height];
}

const texturesFor = (params: MaterialParams, size = 64) => {
  const t = createMaterialTextures(bakeTestMaps(params, size), { label: 'test' });
  cleanup.push(() => t.dispose());
  return t;
};

function add(rig: Rig, geometry: BufferGeometry, material: Material, x = 0, y = 0, z = 0): Mesh {
  const mesh = new Mesh(geometry, material);
  mesh.position.set(x, y, z);
  rig.scene.add(mesh);
  cleanup.push(() => {
    geometry.dispose();
    material.dispose();
  });
  return mesh;
}

// ---------------------------------------------------------------- tests

describe('procedural materials (WebGPU)', () => {
  it('renders on the WebGPU backend, not the WebGL2 fallback', async () => {
    const rig = await makeRig();
    expect((rig.renderer.backend as { isWebGPUBackend?: boolean }).isWebGPUBackend).toBe(true);
  });

  it('renders every projection; triplanar and uv give different images', async () => {
    const rig = await makeRig();
    const p = preset('test/bricks');
    const textures = texturesFor(p.params, 128);
    const images: Partial<Record<Projection, Image>> = {};
    for (const projection of ['uv', 'triplanar', 'box', 'cylindrical', 'spherical'] as const) {
      rig.scene.clear();
      rig.scene.add(new HemisphereLight('#cfd8ff', '#2a231c', 0.9));
      const sun = new DirectionalLight('#ffffff', 2.2);
      sun.position.set(3, 6, 4);
      rig.scene.add(sun);
      const ref: MaterialRef = { preset: p.id, projection, scale: projection === 'uv' ? 1 : 1.5 };
      const m = createNodeMaterial(p, textures, ref);
      add(rig, new BoxGeometry(1.3, 1.3, 1.3), m, -0.9, 0, 0);
      add(rig, new SphereGeometry(0.75, 48, 24), m, 0.9, 0, 0);
      const img = await shoot(rig);
      images[projection] = img;
      await save(`projection-${projection}`, img);
      // Textured: the box's face is not one flat colour.
      const [bx, by] = screen(rig.camera, new Vector3(-0.9, 0.1, 0.66));
      expect(lumSpread(img, bx - 10, by - 8, bx + 10, by + 8), projection).toBeGreaterThan(4);
    }
    expect(diff(images.uv!, images.triplanar!)).toBeGreaterThan(3);
    expect(diff(images.triplanar!, images.spherical!)).toBeGreaterThan(1);
  });
});

describe('looks (WebGPU)', () => {
  it('winter snow whitens the top of a box, not its side', async () => {
    const rig = await makeRig();
    const p = preset('test/bricks');
    const textures = texturesFor(p.params);
    const plain = createNodeMaterial(p, textures, { preset: p.id, projection: 'triplanar' });
    const winter = createNodeMaterial(p, textures, {
      preset: p.id,
      projection: 'triplanar',
      modifiers: { season: 'winter' },
    });
    const box = add(rig, new BoxGeometry(1.4, 1.4, 1.4), plain);
    const [tx, ty] = screen(rig.camera, new Vector3(0, 0.7, 0));
    const [sx, sy] = screen(rig.camera, new Vector3(0, 0, 0.7));
    const region = (img: Image, x: number, y: number) => meanLum(img, x - 8, y - 4, x + 8, y + 4);
    const before = await shoot(rig);
    box.material = winter;
    const after = await shoot(rig);
    await save('snow-off', before);
    await save('snow-on', after);
    const topGain = region(after, tx, ty) - region(before, tx, ty);
    const sideGain = region(after, sx, sy) - region(before, sx, sy);
    expect(topGain).toBeGreaterThan(40);
    expect(Math.abs(sideGain)).toBeLessThan(6);
    expect(region(after, tx, ty)).toBeGreaterThan(region(after, sx, sy) + 40);
  });

  it.each(Object.keys(ANIMATED) as MaterialAnimation[])(
    'animates %s: pixels change between two times',
    async (kind) => {
      const rig = await makeRig();
      const p = ANIMATED[kind];
      const m = createNodeMaterial(p, texturesFor(p.params), {
        preset: p.id,
        projection: 'triplanar',
        scale: 1,
      });
      add(rig, new SphereGeometry(1, 48, 24), m);
      const a = await shoot(rig);
      await new Promise((r) => setTimeout(r, 350));
      const b = await shoot(rig);
      await save(`animated-${kind}`, b);
      // Within the sphere's square on screen.
      const sphere = [W / 2 - 30, H / 2 - 30, W / 2 + 30, H / 2 + 30];
      expect(diff(a, b, sphere), kind).toBeGreaterThan(0.5);
      // Not black: something shows.
      expect(meanLum(b, W / 2 - 20, H / 2 - 20, W / 2 + 20, H / 2 + 20), kind).toBeGreaterThan(8);
    },
  );

  it('animated looks move before their bake lands (flat look + procedural relief)', async () => {
    const rig = await makeRig();
    const m = createNodeMaterial(ANIMATED.lava, null, { preset: 'test/lava', projection: 'uv' });
    add(rig, new SphereGeometry(1, 48, 24), m);
    const a = await shoot(rig);
    await new Promise((r) => setTimeout(r, 350));
    const b = await shoot(rig);
    expect(diff(a, b)).toBeGreaterThan(0.3);
  });

  it('renders physical looks (transmission, sheen, clearcoat, iridescence)', async () => {
    const rig = await makeRig();
    const looks: MaterialLook[] = [
      { physical: { transmission: 1, thickness: 0.5, ior: 1.5, attenuationColor: '#e8f4ff' } },
      { physical: { sheen: 1, sheenColor: '#ff88aa' } },
      { physical: { clearcoat: 1, clearcoatRoughness: 0.05 } },
      { physical: { iridescence: 1 }, opacity: 0.7 },
    ];
    const backdrop = createNodeMaterial(preset('test/backdrop'), texturesFor(BASE_PARAMS), {
      preset: 'test/backdrop',
      projection: 'triplanar',
    });
    add(rig, new BoxGeometry(6, 3, 0.2), backdrop, 0, 0, -1.5);
    looks.forEach((look, i) => {
      const p = preset(`test/physical-${i}`, look, { colors: ['#d0d4d8', '#b0b4b8', '#606468'] });
      const m = createNodeMaterial(p, texturesFor(p.params), { preset: p.id, projection: 'uv' });
      expect(m.type).toBe('MeshPhysicalNodeMaterial');
      add(rig, new SphereGeometry(0.45, 32, 16), m, -1.5 + i, 0, 0);
    });
    const img = await shoot(rig, 320, 240);
    await save('physical', img);
    expect(meanLum(img, 0, 0, 320, 240)).toBeGreaterThan(10);
  });

  it.each(['uv', 'triplanar', 'box'] as const)(
    "tilts normals the way the maps mean them (%s): +Y of the map is the image's up, -v",
    async (projection) => {
      // Every texel tilted towards the image's top row. Rows are sampled top row at v = 0, and v
      // runs up the face here, so the tilt leans the surface down: lit more from below.
      const rig = await makeRig();
      rig.scene.clear();
      const maps = bakeTestMaps(BASE_PARAMS, 16);
      const tilt = [128, byte(0.6 * 0.5 + 0.5), byte(0.8 * 0.5 + 0.5), 255];
      maps.normal.levels = maps.normal.levels.map((l) => l.map((_, i) => tilt[i % 4]!));
      maps.albedo.levels = maps.albedo.levels.map((l) => l.map(() => 200));
      const t = createMaterialTextures(maps);
      cleanup.push(() => t.dispose());
      const p = preset('test/tilt');
      add(rig, new BoxGeometry(2, 2, 0.2), createNodeMaterial(p, t, { preset: p.id, projection }));
      rig.camera.position.set(0, 0, 3);
      rig.camera.lookAt(0, 0, 0);
      rig.camera.updateMatrixWorld();
      const sun = new DirectionalLight('#ffffff', 2);
      rig.scene.add(sun);
      const lit = async (y: number) => {
        sun.position.set(0, y, 1);
        return meanLum(await shoot(rig), W / 2 - 10, H / 2 - 10, W / 2 + 10, H / 2 + 10);
      };
      const fromBelow = await lit(-1);
      const fromAbove = await lit(1);
      expect(fromBelow, `below ${fromBelow}, above ${fromAbove}`).toBeGreaterThan(fromAbove + 20);
    },
  );

  it('triplanar sticks to an instance: a moved instance shows the same texture', async () => {
    const rig = await makeRig();
    const p = preset('test/bricks');
    const m = createNodeMaterial(p, texturesFor(p.params, 128), {
      preset: p.id,
      projection: 'triplanar',
      scale: 1.3,
    });
    const geometry = new SphereGeometry(0.6, 48, 24);
    const mesh = new InstancedMesh(geometry, m, 2);
    const place = (x: number) => {
      mesh.setMatrixAt(0, new Matrix4().makeRotationY(0.4).setPosition(x, 0, 0));
      mesh.setMatrixAt(1, new Matrix4().makeTranslation(0, -40, 0)); // out of view
      mesh.instanceMatrix.needsUpdate = true;
      mesh.boundingSphere = null;
    };
    mesh.frustumCulled = false;
    rig.scene.add(mesh);
    cleanup.push(() => {
      geometry.dispose();
      m.dispose();
    });
    const ortho = new OrthographicCamera(-1, 1, 0.75, -0.75, 0.1, 20);
    const view = async (x: number) => {
      place(x);
      ortho.position.set(x, 0, 5);
      ortho.lookAt(x, 0, 0);
      ortho.updateMatrixWorld();
      // Light moves with the object, so only the texture could differ.
      rig.scene.children
        .filter((c): c is DirectionalLight => c instanceof DirectionalLight)
        .forEach((l) => {
          l.position.set(x + 3, 6, 4);
          l.target.position.set(x, 0, 0);
          l.target.updateMatrixWorld();
        });
      return shoot(rig, 96, 72, ortho);
    };
    const a = await view(0);
    const b = await view(2.37);
    await save('instance-moved', b);
    expect(diff(a, b)).toBeLessThan(1.5);
    expect(lumSpread(a, 30, 20, 66, 52)).toBeGreaterThan(4);
  });
});

/** A material service that bakes with the test baker when told to (or fails). */
function fakeService(fail = false) {
  const calls: { preset: number; size: BakeSize; options: BakeOptions }[] = [];
  const waiting: (() => void)[] = [];
  const service: MaterialService = {
    bake(params: MaterialParams, options: BakeOptions): Promise<BakedMaterial> {
      calls.push({ preset: params.seed, size: options.size, options });
      return new Promise((resolve, reject) => {
        waiting.push(() =>
          fail
            ? reject(new Error('bake failed on purpose'))
            : resolve({
                key: `${params.seed}:${options.size}:${JSON.stringify(options.modifiers ?? null)}`,
                maps: bakeTestMaps(params, options.size),
                ms: 1,
                cached: false,
                engine: 'cpu' as const,
              }),
        );
      });
    },
    stats: () => ({ entries: 0, bytes: 0, budgetBytes: 0, hits: 0, misses: 0 }),
  };
  return {
    service,
    calls,
    /** Lands every bake asked for so far. */
    land() {
      for (const f of waiting.splice(0)) f();
    },
  };
}

describe('material provider', () => {
  const presets = new Map<string, MaterialPreset>([['test/bricks', preset('test/bricks')]]);
  const resolvePreset = (id: string) => presets.get(id);

  it('answers at once with a flat look and upgrades the same material when the bake lands', async () => {
    const rig = await makeRig();
    const fake = fakeService();
    let changes = 0;
    const provider = createMaterialProvider({
      service: fake.service,
      resolvePreset,
      size: 128,
      onChange: () => changes++,
    });
    cleanup.push(() => provider.dispose());
    const ref: MaterialRef = { preset: 'test/bricks', projection: 'triplanar', scale: 1.5 };
    const material = provider.material(ref);
    expect(provider.material({ ...ref })).toBe(material);
    expect(studioMaterialInfo(material)).toMatchObject({ baked: false, bakeSize: 0 });
    const geometry = new BoxGeometry(1.3, 1.3, 1.3);
    rig.scene.add(new Mesh(geometry, material));
    cleanup.push(() => geometry.dispose());
    const [cx, cy] = screen(rig.camera, new Vector3(0, 0.1, 0.66));
    const flat = await shoot(rig);
    // The flat look is the preset's first colour, lit: neither black nor white, and even.
    const flatLum = meanLum(flat, cx - 10, cy - 8, cx + 10, cy + 8);
    expect(flatLum).toBeGreaterThan(20);
    expect(flatLum).toBeLessThan(235);
    expect(lumSpread(flat, cx - 10, cy - 8, cx + 10, cy + 8)).toBeLessThan(3);

    fake.land();
    await provider.settled();
    expect(changes).toBe(1);
    expect(provider.material(ref)).toBe(material);
    expect(studioMaterialInfo(material)).toMatchObject({ baked: true, bakeSize: 128 });
    const baked = await shoot(rig);
    await save('provider-flat', flat);
    await save('provider-baked', baked);
    expect(lumSpread(baked, cx - 10, cy - 8, cx + 10, cy + 8)).toBeGreaterThan(6);
    expect(fake.calls.map((c) => c.size)).toEqual([128]);
  });

  it('bakes levels of detail ≥ 1 at a quarter of the size (at least 64), one material per level', async () => {
    expect([bakeSizeForLod(512, 0), bakeSizeForLod(512, 1), bakeSizeForLod(512, 3)]).toEqual([
      512, 128, 128,
    ]);
    expect([bakeSizeForLod(128, 1), bakeSizeForLod(64, 1), bakeSizeForLod(32, 1)]).toEqual([
      64, 64, 32,
    ]);
    const fake = fakeService();
    const provider = createMaterialProvider({ service: fake.service, resolvePreset, size: 512 });
    cleanup.push(() => provider.dispose());
    const ref: MaterialRef = { preset: 'test/bricks', modifiers: { season: 'winter' } };
    const near = provider.material(ref, 0);
    const far = provider.material(ref, 1);
    expect(far).not.toBe(near);
    expect(provider.material(ref, 2)).toBe(far);
    expect(fake.calls.map((c) => c.size)).toEqual([512, 128]);
    // The assignment's modifiers go to the bake (the winter map), and render-time snow on top.
    expect(fake.calls[0]!.options.modifiers).toEqual({ season: 'winter' });
    fake.land();
    await provider.settled();
    expect(studioMaterialInfo(near)!.bakeSize).toBe(512);
    expect(studioMaterialInfo(far)!.bakeSize).toBe(128);
    // A different projection is another material but shares the bake.
    provider.material({ ...ref, projection: 'box' }, 0);
    expect(fake.calls.length).toBe(3);
    expect(provider.count).toBe(3);
  });

  it('shows unknown presets with the fallback look and warns once', async () => {
    const rig = await makeRig();
    const fake = fakeService();
    const warnings: unknown[][] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => warnings.push(args);
    cleanup.push(() => (console.warn = warn));
    const provider = createMaterialProvider({ service: fake.service, resolvePreset });
    cleanup.push(() => provider.dispose());
    const a = provider.material({ preset: 'nope/missing' });
    const b = provider.material({ preset: 'nope/missing', projection: 'triplanar' });
    provider.material({ preset: 'nope/missing' }, 1);
    expect(b).not.toBe(a);
    expect(warnings.length).toBe(1);
    expect(String(warnings[0]![0])).toContain("unknown preset 'nope/missing'");
    expect(fake.calls.length).toBe(0);
    expect(studioMaterialInfo(a)!.preset).toBe(FALLBACK_PRESET.id);
    const geometry = new SphereGeometry(1, 32, 16);
    rig.scene.add(new Mesh(geometry, a));
    cleanup.push(() => geometry.dispose());
    const img = await shoot(rig);
    const lum = meanLum(img, W / 2 - 10, H / 2 - 10, W / 2 + 10, H / 2 + 10);
    expect(lum).toBeGreaterThan(20);
    expect(lum).toBeLessThan(235);
  });

  it('keeps the flat look and reports through onError when a bake fails', async () => {
    const fake = fakeService(true);
    const errors: [unknown, MaterialRef][] = [];
    const provider = createMaterialProvider({
      service: fake.service,
      resolvePreset,
      onError: (e, ref) => errors.push([e, ref]),
    });
    cleanup.push(() => provider.dispose());
    const ref: MaterialRef = { preset: 'test/bricks' };
    const m = provider.material(ref);
    fake.land();
    await provider.settled();
    expect(errors.length).toBe(1);
    expect(String(errors[0]![0])).toContain('bake failed on purpose');
    expect(errors[0]![1]).toBe(ref);
    expect(studioMaterialInfo(m)).toMatchObject({ baked: false });

    // Maps that do not match their size are a failure too, not an exception in a promise.
    const broken: MaterialService = {
      bake: async (params, options) => {
        const maps = bakeTestMaps(params, options.size);
        maps.albedo.levels[1] = new Uint8Array(3);
        return { key: 'broken', maps, ms: 0, cached: false, engine: 'cpu' as const };
      },
      stats: fake.service.stats,
    };
    const second = createMaterialProvider({
      service: broken,
      resolvePreset,
      size: 16,
      onError: (e, r) => errors.push([e, r]),
    });
    cleanup.push(() => second.dispose());
    const n = second.material(ref);
    await second.settled();
    expect(errors.length).toBe(2);
    expect(String(errors[1]![0])).toContain('level 1');
    expect(studioMaterialInfo(n)).toMatchObject({ baked: false });
  });
});

/**
 * A material service that bakes at once with the test baker and, for a blend, mixes the second
 * material in through a noise mask at the asked amount (what the blend pass does, in miniature).
 */
function blendingService() {
  const calls: { params: MaterialParams; options: BakeOptions }[] = [];
  const service: MaterialService = {
    bake(params: MaterialParams, options: BakeOptions): Promise<BakedMaterial> {
      calls.push({ params, options });
      const n = options.size;
      const a = bakeTestMaps(params, n);
      const b = options.blend ? bakeTestMaps(options.blend.params, n) : null;
      if (b && options.blend) {
        const { amount, softness, seed = 0 } = options.blend.settings;
        const w = softness * 0.5 + 0.01;
        const weight = new Float32Array(n * n);
        for (let j = 0; j < n; j++)
          for (let i = 0; i < n; i++) {
            const t = 1 + w - (1 + 2 * w) * amount;
            const x = (fbm(i, j, n, 4, seed + 101) - t + w) / (2 * w);
            weight[j * n + i] = Math.min(1, Math.max(0, x));
          }
        const mixRgba = (x: Uint8Array, y: Uint8Array) =>
          x.map((v, k) => Math.round(v + (y[k]! - v) * weight[k >> 2]!));
        a.albedo.levels = mipRgba(mixRgba(a.albedo.levels[0]!, b.albedo.levels[0]!), n);
        a.normal.levels = mipRgba(mixRgba(a.normal.levels[0]!, b.normal.levels[0]!), n);
        a.orm.levels = mipRgba(mixRgba(a.orm.levels[0]!, b.orm.levels[0]!), n);
        const ha = a.height.levels[0]!;
        const hb = b.height.levels[0]!;
        a.height.levels = mipHeight(
          ha.map((v, k) => v + (hb[k]! - v) * weight[k]!),
          n,
        );
      }
      return Promise.resolve({
        key: JSON.stringify([params, options]),
        maps: a,
        ms: 1,
        cached: false,
        engine: 'cpu' as const,
      });
    },
    stats: () => ({ entries: 0, bytes: 0, budgetBytes: 0, hits: 0, misses: 0 }),
  };
  return { service, calls };
}

describe('blended assignments', () => {
  const moss = preset('test/moss', undefined, {
    pattern: 'noise',
    colors: ['#4f7a2a', '#6b9a38', '#2c4418'],
    roughness: [0.8, 1],
    height: 0.3,
    seed: 5,
  });
  const bricks = preset('test/bricks');
  const presets = new Map<string, MaterialPreset>([
    [bricks.id, bricks],
    [moss.id, moss],
  ]);

  it('asks the service for one blend bake and looks unlike either material alone', async () => {
    const rig = await makeRig();
    const { service, calls } = blendingService();
    const errors: unknown[] = [];
    const provider = createMaterialProvider({
      service,
      resolvePreset: (id) => presets.get(id),
      size: 128,
      onError: (e) => errors.push(e),
    });
    cleanup.push(() => provider.dispose());
    const alone: MaterialRef = { preset: bricks.id, projection: 'triplanar', scale: 1.2 };
    const mossy: MaterialRef = { ...alone, preset: moss.id };
    const blended: MaterialRef = {
      ...alone,
      blend: { preset: moss.id, mask: 'noise', amount: 0.5, softness: 0.2, seed: 3 },
    };
    const mb = provider.material(blended);
    expect(mb).not.toBe(provider.material(alone));
    expect(provider.material({ ...blended, blend: { ...blended.blend!, scale: 4 } })).toBe(mb);
    expect(provider.material({ ...blended, blend: { ...blended.blend!, amount: 0.6 } })).not.toBe(
      mb,
    );
    const call = calls[0]!;
    expect(call.params).toBe(bricks.params);
    expect(call.options.blend).toEqual({
      params: moss.params,
      settings: { mask: 'noise', amount: 0.5, softness: 0.2, seed: 3 },
    });
    expect(calls[1]!.options.blend).toBeUndefined();
    await provider.settled();
    expect(studioMaterialInfo(mb)).toMatchObject({ baked: true, bakeSize: 128 });

    const geometry = new BoxGeometry(1.4, 1.4, 1.4);
    const mesh = new Mesh(geometry, mb);
    rig.scene.add(mesh);
    cleanup.push(() => geometry.dispose());
    const show = async (ref: MaterialRef) => {
      mesh.material = provider.material(ref);
      await provider.settled();
      return shoot(rig);
    };
    const [imgA, imgB, imgAB] = [await show(alone), await show(mossy), await show(blended)];
    await save('blend-bricks', imgA);
    await save('blend-moss', imgB);
    await save('blend-bricks-moss', imgAB);
    const box = screen(rig.camera, new Vector3(0, 0, 0.7));
    const rect = [box[0] - 25, box[1] - 20, box[0] + 25, box[1] + 20];
    const dA = diff(imgAB, imgA, rect);
    const dB = diff(imgAB, imgB, rect);
    expect(dA, `blend vs bricks ${dA}`).toBeGreaterThan(4);
    expect(dB, `blend vs moss ${dB}`).toBeGreaterThan(4);
    // Some of each shows: the blend is greener than the bricks and redder than the moss.
    const greenShare = (img: Image) => {
      let g = 0;
      let r = 0;
      for (let y = Math.floor(rect[1]!); y < rect[3]!; y++)
        for (let x = Math.floor(rect[0]!); x < rect[2]!; x++) {
          const i = (y * img.width + x) * 4;
          r += img.data[i]!;
          g += img.data[i + 1]!;
        }
      return g / Math.max(1, r + g);
    };
    expect(greenShare(imgAB)).toBeGreaterThan(greenShare(imgA) + 0.03);
    expect(greenShare(imgAB)).toBeLessThan(greenShare(imgB) - 0.03);
    expect(errors).toEqual([]);
  });

  it('blends the fallback look for an unknown second preset and reports it once', async () => {
    const { service, calls } = blendingService();
    const errors: [unknown, MaterialRef][] = [];
    const provider = createMaterialProvider({
      service,
      resolvePreset: (id) => presets.get(id),
      size: 64,
      onError: (e, ref) => errors.push([e, ref]),
    });
    cleanup.push(() => provider.dispose());
    const ref: MaterialRef = {
      preset: bricks.id,
      blend: { preset: 'nope/gone', mask: 'height', amount: 0.4, softness: 0.3 },
    };
    const a = provider.material(ref);
    const b = provider.material({ ...ref, projection: 'box' });
    provider.material(ref, 1);
    await provider.settled();
    expect(errors.length).toBe(1);
    expect(String(errors[0]![0])).toContain("unknown blend preset 'nope/gone'");
    expect(errors[0]![1]).toBe(ref);
    expect(calls.length).toBe(3);
    for (const c of calls) expect(c.options.blend!.params).toBe(FALLBACK_PRESET.params);
    for (const m of [a, b]) expect(studioMaterialInfo(m)).toMatchObject({ baked: true });
    expect(studioMaterialInfo(a)!.preset).toBe(bricks.id);
  });
});

describe('scene objects with procedural materials', () => {
  const anyPreset = (id: string) => preset(id);

  async function sceneRig(data: SceneData, withProvider = true, size: BakeSize = 64) {
    const rig = await makeRig();
    const fake = fakeService();
    const provider = createMaterialProvider({
      service: fake.service,
      resolvePreset: anyPreset,
      size,
    });
    const store = createStudioStore();
    store.getState().generationFinished(data, 'test');
    const objects = buildSceneObjects(data, withProvider ? { materials: { provider } } : {});
    rig.scene.add(objects.group);
    cleanup.push(() => {
      objects.dispose();
      provider.dispose();
    });
    const apply = () => {
      const d = store.getState().doc;
      objects.applyLayer({ index: d.index, layer: d.layer }, d.assets);
    };
    apply();
    return { rig, fake, provider, store, objects, apply };
  }

  /** Instanced meshes of the per-object materials. */
  const variantMeshes = (objects: SceneObjects) =>
    objects.group.children.find((c) => c.name === 'materials')!.children as InstancedMesh[];

  it('gives batches their default presets and projections (triplanar for pieces, uv for props)', async () => {
    const dungeon = await generateScene(dungeonLargeSpec);
    const wall = dungeon.batches.find((b) => b.part === 'dungeon:wall')!;
    const barrel = dungeon.batches.find((b) => b.part === 'prop:barrel')!;
    const wallRef = defaultBatchMaterial(wall, dungeon);
    expect(wallRef.projection).toBe('triplanar');
    expect(wallRef.preset).toBe('stone/stone-blocks-dungeon');
    // A whole number of tiles per cell, so neighbouring pieces meet without a seam.
    const tile = dungeon.meshes.find((m) => m.id === 'dungeon:tile')!;
    const cell = Math.max(...tile.positions.filter((_, i) => i % 3 === 0)) * 2;
    expect(Number.isInteger(Math.round(wallRef.scale! * cell * 1e6) / 1e6)).toBe(true);
    expect(defaultBatchMaterial(barrel, dungeon).projection).toBe('uv');
    expect(snapScale(0.5, 3)).toBeCloseTo(2 / 3);
    expect(snapScale(0.5, 1)).toBe(1);
  });

  it('draws an object with its own material in another InstancedMesh, and back on undo', async () => {
    const data = await generateScene(primitivesSpec);
    const { rig, fake, provider, store, objects, apply } = await sceneRig(data);
    const boxBatch = data.batches.findIndex((b) => b.material === 'default:box');
    const boxMesh = objects.group.children[boxBatch] as InstancedMesh;
    const id = `${data.batches[boxBatch]!.part}#0`;
    expect(boxMesh.count).toBe(1);
    expect(studioMaterialInfo(boxMesh.material as Material)).toMatchObject({ baked: false });
    const drawCalls = objects.drawCalls;
    expect(variantMeshes(objects)).toEqual([]);

    // Aim at the box and render: the default material is a procedural one.
    const at = new Vector3().fromArray(data.batches[boxBatch]!.transforms, 12);
    rig.camera.position.set(at.x + 2.5, at.y + 2, at.z + 3.5);
    rig.camera.lookAt(at);
    rig.camera.updateMatrixWorld();
    fake.land();
    await provider.settled();
    expect(studioMaterialInfo(boxMesh.material as Material)).toMatchObject({ baked: true });
    const before = await shoot(rig);
    expect(pickObject(objects, rig.camera, 0, 0)).toBe(id);

    const ref: MaterialRef = { preset: 'test/lava-override', projection: 'box', scale: 2 };
    store.getState().edit({ type: 'setMaterial', ids: [id], material: ref });
    apply();
    const extra = variantMeshes(objects);
    expect(extra.length).toBe(1);
    expect(extra[0]!.count).toBe(1);
    expect(extra[0]!.material).toBe(provider.material(ref, 0));
    expect(boxMesh.count).toBe(0);
    expect(objects.drawCalls).toBe(drawCalls + 1);
    // Picking and shapes follow the instance into its new mesh.
    expect(pickObject(objects, rig.camera, 0, 0)).toBe(id);
    expect(objects.shapesOf(id).length).toBe(1);
    fake.land();
    await provider.settled();
    const after = await shoot(rig);
    await save('override-before', before);
    await save('override-after', after);
    expect(diff(before, after, [W / 2 - 20, H / 2 - 20, W / 2 + 20, H / 2 + 20])).toBeGreaterThan(
      2,
    );

    // Moving it keeps its material; hiding it hides it from the extra mesh.
    store.getState().edit({ type: 'translate', ids: [id], delta: [0, 0.25, 0] });
    apply();
    expect(variantMeshes(objects)[0]!.count).toBe(1);
    store.getState().edit({ type: 'setHidden', ids: [id], hidden: true });
    apply();
    expect(variantMeshes(objects)[0]!.count).toBe(0);
    expect(boxMesh.count).toBe(0);

    // Undo all three: the record loses its material, the instance is back in the default mesh.
    for (let k = 0; k < 3; k++) store.getState().undo();
    apply();
    expect(store.getState().doc.layer.records[id]).toBeUndefined();
    expect(variantMeshes(objects)).toEqual([]);
    expect(boxMesh.count).toBe(1);
    expect(objects.drawCalls).toBe(drawCalls);
    const undone = await shoot(rig);
    expect(diff(before, undone)).toBeLessThan(0.5);
  });

  it("an added object (a copy) draws with its own material, and its part's without one", async () => {
    const data = await generateScene(primitivesSpec);
    const { provider, store, objects, apply } = await sceneRig(data);
    const boxBatch = data.batches.findIndex((b) => b.material === 'default:box');
    const boxMesh = objects.group.children[boxBatch] as InstancedMesh;
    const [copy] = store.getState().edit({
      type: 'duplicate',
      ids: [`${data.batches[boxBatch]!.part}#0`],
      offset: [3, 0, 0],
    });
    apply();
    const meshes = () => objects.shapesOf(copy!).length;
    expect(meshes()).toBe(1);
    const addedMesh = () =>
      objects.group.children.find((c) => c.name === 'added')!.children[0] as Mesh;
    expect(addedMesh().material).toBe(boxMesh.material);
    const ref: MaterialRef = { preset: 'test/copy', projection: 'spherical', scale: 3 };
    store.getState().edit({ type: 'setMaterial', ids: [copy!], material: ref });
    apply();
    expect(addedMesh().material).toBe(provider.material(ref, 0));
    store.getState().undo();
    apply();
    expect(addedMesh().material).toBe(boxMesh.material);
  });

  it('draws levels of detail ≥ 1 with the quarter-size bake', async () => {
    const data = await generateScene(dungeonMediumSpec);
    const { fake, provider, objects } = await sceneRig(data, true, 256);
    const barrel = data.batches.findIndex((b) => b.part === 'prop:barrel');
    const [near, far] = [0, 1].map((level) =>
      objects.group.children.find(
        (c) => c.name === `${data.batches[barrel]!.lods[level]}|${data.batches[barrel]!.material}`,
      ),
    ) as [InstancedMesh, InstancedMesh];
    fake.land();
    await provider.settled();
    expect(studioMaterialInfo(near.material as Material)!.bakeSize).toBe(256);
    expect(studioMaterialInfo(far.material as Material)!.bakeSize).toBe(64);
  });

  it('without a provider, keeps the palette materials and ignores assignments', async () => {
    const data = await generateScene(primitivesSpec);
    const { store, objects, apply } = await sceneRig(data, false);
    const box = objects.group.children[1] as InstancedMesh;
    expect((box.material as Material).type).toBe('MeshStandardMaterial');
    store.getState().edit({
      type: 'setMaterial',
      ids: [`${data.batches[1]!.part}#0`],
      material: { preset: 'test/x' },
    });
    apply();
    expect(variantMeshes(objects)).toEqual([]);
    expect(box.count).toBe(1);
  });

  it('large dungeon: a one-object material change is as incremental as a move (figures logged)', async () => {
    const dungeon = await generateScene(dungeonLargeSpec);
    const median = (samples: number[]) =>
      Number([...samples].sort((a, b) => a - b)[samples.length >> 1]!.toFixed(3));
    const round = (samples: number[]) => samples.map((v) => Number(v.toFixed(3)));
    /** applyLayer's own time after each edit (the edit command itself is not counted). */
    const applyAfter = (rig: { store: typeof plain.store; apply: () => void }, edits: Command[]) =>
      edits.map((command) => {
        rig.store.getState().edit(command);
        const s = performance.now();
        rig.apply();
        return performance.now() - s;
      });
    const runs = 7;
    const moves = (from: number): Command[] =>
      Array.from({ length: runs }, (_, r) => ({
        type: 'translate',
        ids: [`dungeon:floor#${from + r}`],
        delta: [0, 0.01, 0],
      }));
    // Material r % 2 on wall r: the first two create their extra meshes, the rest join them.
    const assignments = (from: number): Command[] =>
      Array.from({ length: runs }, (_, r) => ({
        type: 'setMaterial',
        ids: [`dungeon:wall#${from + r}`],
        material: { preset: `test/override-${r % 2}` },
      }));

    // Before: the palette materials (no provider), where an assignment changes nothing on screen
    // but its record still re-lays out the object's batch, like a move.
    const plain = await sceneRig(dungeon, false);
    const paletteMove = applyAfter(plain, moves(0));
    const paletteSet = applyAfter(plain, assignments(0));
    // After: procedural materials.
    const withMaterials = await sceneRig(dungeon);
    const { objects, provider } = withMaterials;
    const materialMove = applyAfter(withMaterials, moves(100));
    const materialSet = applyAfter(withMaterials, assignments(100));
    const materialReset = applyAfter(withMaterials, [
      { type: 'setMaterial', ids: ['dungeon:wall#100'], material: null },
    ]);
    expect(variantMeshes(objects).length).toBe(2);
    const full: number[] = [];
    const build: number[] = [];
    for (let r = 0; r < 3; r++) {
      const b = performance.now();
      const o = buildSceneObjects(dungeon, { materials: { provider } });
      build.push(performance.now() - b);
      const d = withMaterials.store.getState().doc;
      const s = performance.now();
      o.applyLayer({ index: d.index, layer: d.layer }, d.assets);
      full.push(performance.now() - s);
      o.dispose();
    }
    console.log(
      JSON.stringify({
        dungeonLarge: {
          instances: dungeon.batches.reduce((n, b) => n + b.transforms.length / 16, 0),
          applyLayerMs: {
            before: { moveOne: round(paletteMove), setMaterialOne: round(paletteSet) },
            after: {
              moveOne: round(materialMove),
              setMaterialOne: round(materialSet),
              resetMaterialOne: round(materialReset),
              full: round(full),
            },
          },
          buildObjectsMs: round(build),
          materials: provider.count,
        },
      }),
    );
    // Incremental: a one-object assignment costs about what a move does, far below a full apply.
    expect(median(materialSet)).toBeLessThan(Math.max(5, median(full) / 2));
  });
});

describe('SceneView with materials', () => {
  it('draws node materials from the provider and lights them with a studio environment', async () => {
    const data = await generateScene(primitivesSpec);
    const store = createStudioStore();
    store.getState().generationFinished(data, 'test');
    const fake = fakeService();
    let changes = 0;
    const provider = createMaterialProvider({
      service: fake.service,
      resolvePreset: (id) => preset(id),
      size: 64,
      onChange: () => changes++,
    });
    const materials = { provider };
    const handle = createEditHandle();
    const stage = document.createElement('div');
    stage.style.cssText = 'position:fixed;left:0;top:0;width:320px;height:240px';
    document.body.append(stage);
    let state: RootState | null = null;
    const backends: boolean[] = [];
    const gl = async (defaults: { canvas: unknown }) => {
      const { renderer } = await createStudioRenderer({
        canvas: defaults.canvas as HTMLCanvasElement,
      });
      backends.push((renderer.backend as { isWebGPUBackend?: boolean }).isWebGPUBackend === true);
      return renderer as unknown as RootState['gl'];
    };
    const root = createRoot(stage);
    root.render(
      createElement(StoreProvider, {
        store,
        children: createElement(
          Canvas,
          {
            gl,
            camera: { fov: 42, near: 0.1, far: 200 },
            onCreated: (s: RootState) => {
              state = s;
            },
          },
          createElement(OrbitController, { target: sceneFocus(data).target }),
          createElement(SceneView, { scene: data, edit: handle, materials }),
        ),
      }),
    );
    cleanup.push(() => {
      root.unmount();
      stage.remove();
      provider.dispose();
    });
    await expect.poll(() => handle.pickAt(160, 120), { timeout: 20_000 }).not.toBeNull();
    expect(backends).toEqual([true]);
    const scene = (state as RootState | null)!.scene;
    expect(scene.environment).not.toBeNull();
    const instanced: InstancedMesh[] = [];
    scene.traverse((o) => {
      if (o instanceof InstancedMesh) instanced.push(o);
    });
    expect(instanced.length).toBeGreaterThan(0);
    for (const m of instanced) expect(studioMaterialInfo(m.material as Material)).toBeDefined();
    fake.land();
    await provider.settled();
    expect(changes).toBeGreaterThan(0);
    for (const m of instanced) {
      expect(studioMaterialInfo(m.material as Material)).toMatchObject({ baked: true });
    }
    // A few frames with the baked materials (compiled in the live render loop).
    const info = () => (state as RootState | null)!.gl.info as unknown as { frame: number };
    const frames = info().frame;
    await expect.poll(() => info().frame, { timeout: 20_000 }).toBeGreaterThan(frames + 2);
  });
});

describe('gallery (PNGs for a human eye)', () => {
  it('a row of projections (boxes) over a row of animated looks (spheres)', async () => {
    const rig = await makeRig();
    const p = preset('test/bricks');
    const bricks = texturesFor(p.params, 256);
    const projections = ['uv', 'triplanar', 'box', 'cylindrical', 'spherical'] as const;
    projections.forEach((projection, i) => {
      const m = createNodeMaterial(p, bricks, { preset: p.id, projection, scale: 1.2 });
      const mesh = add(rig, new BoxGeometry(0.9, 0.9, 0.9), m, (i - 2) * 1.25, 0.7, 0);
      mesh.rotation.y = 0.5;
    });
    (Object.keys(ANIMATED) as MaterialAnimation[]).forEach((kind, i) => {
      const a = ANIMATED[kind];
      const m = createNodeMaterial(a, texturesFor(a.params, 128), {
        preset: a.id,
        projection: 'triplanar',
        scale: 1,
      });
      add(rig, new SphereGeometry(0.5, 48, 24), m, (i - 2) * 1.25, -0.6, 0);
    });
    const winter = createNodeMaterial(p, bricks, {
      preset: p.id,
      projection: 'triplanar',
      scale: 1.2,
      modifiers: { season: 'winter' },
    });
    add(rig, new TorusKnotGeometry(0.35, 0.12, 128, 16), winter, 3.6, 0.1, 0);
    rig.camera.position.set(0.4, 1.6, 6.2);
    rig.camera.lookAt(0.4, 0, 0);
    rig.camera.updateMatrixWorld();
    await new Promise((r) => setTimeout(r, 400));
    await save('gallery', await shoot(rig, 720, 360));
  });

  it('close-up of a wall lit from above', async () => {
    const rig = await makeRig();
    rig.scene.clear();
    const sun = new DirectionalLight('#ffffff', 3);
    sun.position.set(0.3, 5, 1.5);
    rig.scene.add(sun);
    rig.scene.add(new AmbientLight('#ffffff', 0.2));
    const p = preset('test/bricks');
    const textures = texturesFor(p.params, 256);
    const m = createNodeMaterial(p, textures, {
      preset: p.id,
      projection: 'triplanar',
      scale: 0.5,
    });
    add(rig, new BoxGeometry(3, 2, 0.2), m, 0, 0, 0);
    rig.camera.position.set(0, 0, 2.2);
    rig.camera.lookAt(0, 0, 0);
    rig.camera.updateMatrixWorld();
    await save('wall-closeup', await shoot(rig, 480, 360));
  });
});
