import { readFileSync } from 'node:fs';
import path from 'node:path';
import { WebIO, type Document } from '@gltf-transform/core';
import { KHRLightsPunctual, type Light } from '@gltf-transform/extensions';
import { beforeAll, describe, expect, it } from 'vitest';
import { SCENE_MATERIALS } from '../../src/core/scene/material-factors';
import { generateScene } from '../../src/core/scene/generate-scene';
import type { SceneData } from '../../src/core/scene/scene-data';
import { EXPORT_EXTENSIONS, sceneToGlb } from '../../src/export/scene-to-glb';
import { validateGlb } from '../support/validate-glb';

const example = (name: string): unknown =>
  JSON.parse(readFileSync(path.resolve(__dirname, `../../public/examples/${name}.json`), 'utf8'));

const EXAMPLES = ['primitives', 'dungeon-medium', 'dungeon-large', 'terrain', 'forest'];

interface Exported {
  scene: SceneData;
  glb: Uint8Array;
  doc: Document;
}
const exported = new Map<string, Exported>();

beforeAll(async () => {
  const io = new WebIO().registerExtensions(EXPORT_EXTENSIONS);
  for (const name of EXAMPLES) {
    const scene = await generateScene(example(name));
    const glb = await sceneToGlb(scene);
    exported.set(name, { scene, glb, doc: await io.readBinary(glb) });
  }
});

describe.each(EXAMPLES)('sceneToGlb: %s', (name) => {
  const get = () => exported.get(name)!;

  it('passes the Khronos glTF validator with 0 errors and 0 warnings', async () => {
    const v = await validateGlb(get().glb);
    expect(v.numErrors, v.describe()).toBe(0);
    expect(v.numWarnings, v.describe()).toBe(0);
  });

  it('has one node per instance plus one per light, all in the named scene', () => {
    const { scene, doc } = get();
    const root = doc.getRoot();
    const nodes = root.listNodes();
    expect(nodes.length).toBe(scene.stats.instances + scene.lights.kinds.length);
    expect(nodes.filter((n) => n.getMesh()).length).toBe(scene.stats.instances);
    const lightNodes = nodes.filter((n) => n.getExtension<Light>(KHRLightsPunctual.EXTENSION_NAME));
    expect(lightNodes.length).toBe(scene.lights.kinds.length);
    expect(root.listScenes()).toHaveLength(1);
    expect(root.getDefaultScene()?.getName()).toBe(scene.name);
    expect(root.getDefaultScene()?.listChildren().length).toBe(nodes.length);
  });

  it('draws the same triangles and vertices as the scene stats count', () => {
    const { scene, doc } = get();
    let triangles = 0;
    let vertices = 0;
    for (const node of doc.getRoot().listNodes()) {
      for (const prim of node.getMesh()?.listPrimitives() ?? []) {
        triangles += prim.getIndices()!.getCount() / 3;
        vertices += prim.getAttribute('POSITION')!.getCount();
      }
    }
    expect(triangles).toBe(scene.stats.triangles);
    expect(vertices).toBe(scene.stats.vertices);
  });

  it('shares one glTF mesh per (mesh, material) pair instead of copying geometry', () => {
    const { scene, doc } = get();
    const pairs = new Set(scene.batches.map((b) => `${b.lods[0]}|${b.material}`));
    expect(doc.getRoot().listMeshes().length).toBe(pairs.size);
    const used = new Set(scene.batches.map((b) => b.lods[0]));
    // position, normal, uv, indices per geometry actually drawn
    expect(doc.getRoot().listAccessors().length).toBe(used.size * 4);
  });

  it('places every instance where the scene put it', () => {
    const { scene, doc } = get();
    const nodes = doc.getRoot().listNodes();
    let i = 0;
    let worst = 0;
    for (const batch of scene.batches) {
      for (let k = 0; k < batch.transforms.length; k += 16) {
        const m = nodes[i++]!.getMatrix();
        for (let c = 0; c < 16; c++) {
          worst = Math.max(worst, Math.abs(m[c]! - batch.transforms[k + c]!));
        }
      }
    }
    expect(worst).toBeLessThan(1e-5);
  });

  it('names nodes readably and colours every generator material from the palette', () => {
    const { doc } = get();
    for (const node of doc.getRoot().listNodes()) {
      expect(node.getName()).toMatch(/^[a-z0-9-]+( [a-z0-9()-]+)* #\d+$/);
    }
    for (const material of doc.getRoot().listMaterials()) {
      const id = material.getName();
      if (!id.startsWith('default:')) expect(Object.keys(SCENE_MATERIALS)).toContain(id);
    }
  });

  it('is deterministic: the same spec gives byte-identical GLB', async () => {
    const again = await sceneToGlb(await generateScene(example(name)));
    expect(Buffer.from(again).equals(Buffer.from(get().glb))).toBe(true);
  });
});

describe('sceneToGlb details', () => {
  it('names instances by prop and writes torches as point lights in candela', () => {
    const { scene, doc } = exported.get('dungeon-medium')!;
    const names = doc
      .getRoot()
      .listNodes()
      .map((n) => n.getName());
    expect(names).toContain('barrel #1');
    expect(names).toContain('tile (stone-floor) #1');
    expect(names).toContain('tile (ceiling) #1');
    const light = doc
      .getRoot()
      .listNodes()
      .find((n) => n.getName() === 'torch light #1')!
      .getExtension<Light>(KHRLightsPunctual.EXTENSION_NAME)!;
    expect(light.getType()).toBe('point');
    expect(light.getIntensity()).toBeCloseTo(scene.lights.data[6]!, 5);
    expect(light.getRange()).toBeCloseTo(scene.lights.data[7]!, 5);
  });

  it('writes an emissive torch material with its strength', () => {
    const { doc } = exported.get('dungeon-medium')!;
    const torch = doc
      .getRoot()
      .listMaterials()
      .find((m) => m.getName() === 'prop:torch')!;
    expect(Math.max(...torch.getEmissiveFactor())).toBeGreaterThan(0.5);
    expect(torch.getExtension('KHR_materials_emissive_strength')).not.toBeNull();
  });

  it('exports an empty scene and a directional light that validate', async () => {
    const scene = await generateScene(example('primitives'));
    const empty: SceneData = {
      ...scene,
      batches: [],
      lights: {
        kinds: new Uint8Array([1]),
        data: new Float32Array([50, 100, 20, 1, 0.95, 0.9, 3, 0]),
        sources: ['sun'],
      },
    };
    const glb = await sceneToGlb(empty);
    const v = await validateGlb(glb);
    expect(v.numErrors, v.describe()).toBe(0);
    const doc = await new WebIO().registerExtensions(EXPORT_EXTENSIONS).readBinary(glb);
    const sun = doc.getRoot().listNodes()[0]!;
    expect(sun.getName()).toBe('sun light #1');
    // The light shines down its -Z axis: towards the origin from where it is.
    const m = sun.getWorldMatrix();
    const dir = [-m[8]!, -m[9]!, -m[10]!];
    const to = [-50, -100, -20].map((x) => x / Math.hypot(50, 100, 20));
    for (let i = 0; i < 3; i++) expect(dir[i]).toBeCloseTo(to[i]!, 5);
  });
});
