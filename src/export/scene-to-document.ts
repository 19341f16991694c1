// SceneData → glTF-Transform Document: the scene graph the GLB is written from.
//
// Layout: one glTF mesh per (mesh id, material) pair that instances use, its accessors shared with
// any other pair over the same geometry; one node per instance referencing that mesh, so node count
// = instance count + light count, all children of the one scene. Plain nodes rather than
// EXT_mesh_gpu_instancing because every importer reads them, and an exported scene is for other
// tools. Only each batch's full level of detail (lods[0]) is written; lower levels stay in the
// studio. A mesh without triangles cannot be held by glTF (no empty accessors): its instances are
// left out. TEXCOORD_0 is kept for tools that texture the model later, though no material uses it
// yet (the validator notes this as UNUSED_OBJECT, an info, not a warning). Output order follows
// SceneData order, so the same SceneData gives the same document.
import { Document, VERSION, type Buffer, type Material, type Mesh } from '@gltf-transform/core';
import type { InstanceBatch, MeshData, SceneData } from '../core/scene/scene-data';
import { createGeometryAccessors, isDrawable, type GeometryAccessors } from './gltf-geometry';
import { createLightNodes } from './gltf-lights';
import { createMaterials } from './gltf-materials';
import { materialLabel, meshLabel, NameCounter } from './node-names';
import { decomposeTransform } from './transform-trs';

export const GLTF_GENERATOR = `Canvas3D Studio (glTF-Transform ${VERSION})`;

export function sceneToDocument(scene: SceneData): Document {
  const doc = new Document();
  doc.getRoot().getAsset().generator = GLTF_GENERATOR;
  const meshById = new Map(scene.meshes.map((m) => [m.id, m]));

  // Batches with something to draw, and which materials each geometry is drawn with (a geometry
  // drawn with several gets the material in its label: 'tile (ceiling) #3').
  const drawn: { batch: InstanceBatch; mesh: MeshData }[] = [];
  const materialsOf = new Map<string, Set<string>>();
  for (const batch of scene.batches) {
    const id = batch.lods[0];
    const mesh = id === undefined ? undefined : meshById.get(id);
    if (!mesh) throw new Error(`batch refers to unknown mesh '${id}'`);
    if (batch.transforms.length < 16 || !isDrawable(mesh)) continue;
    drawn.push({ batch, mesh });
    const set = materialsOf.get(mesh.id) ?? new Set<string>();
    set.add(batch.material);
    materialsOf.set(mesh.id, set);
  }

  const materials: Map<string, Material> = createMaterials(doc, [
    ...new Set(drawn.map((d) => d.batch.material)),
  ]);
  let buffer: Buffer | undefined;
  const geometries = new Map<string, GeometryAccessors>();
  const gltfMeshes = new Map<string, Mesh>();
  const meshFor = (mesh: MeshData, material: string, label: string): Mesh => {
    const key = `${mesh.id}\u0000${material}`;
    let out = gltfMeshes.get(key);
    if (out) return out;
    let g = geometries.get(mesh.id);
    if (!g) {
      // The one binary buffer, made only when there is geometry: glTF forbids an empty buffer.
      buffer ??= doc.createBuffer('scene');
      g = createGeometryAccessors(doc, buffer, mesh);
      geometries.set(mesh.id, g);
    }
    const primitive = doc
      .createPrimitive()
      .setAttribute('POSITION', g.position)
      .setAttribute('NORMAL', g.normal)
      .setAttribute('TEXCOORD_0', g.texcoord)
      .setIndices(g.indices)
      .setMaterial(materials.get(material)!);
    out = doc.createMesh(label).addPrimitive(primitive).setExtras({ meshId: mesh.id, material });
    gltfMeshes.set(key, out);
    return out;
  };

  const root = doc.createScene(scene.name).setExtras({ seed: scene.seed });
  doc.getRoot().setDefaultScene(root);
  const names = new NameCounter();
  for (const { batch, mesh } of drawn) {
    const label =
      materialsOf.get(mesh.id)!.size > 1
        ? `${meshLabel(mesh.id)} (${materialLabel(batch.material)})`
        : meshLabel(mesh.id);
    const gltfMesh = meshFor(mesh, batch.material, label);
    const count = Math.floor(batch.transforms.length / 16);
    for (let i = 0; i < count; i++) {
      const trs = decomposeTransform(batch.transforms, i * 16);
      const node = doc
        .createNode(names.next(label))
        .setMesh(gltfMesh)
        .setTranslation(trs.translation)
        .setRotation(trs.rotation)
        .setScale(trs.scale);
      root.addChild(node);
    }
  }
  for (const node of createLightNodes(doc, scene.lights)) root.addChild(node);
  return doc;
}
