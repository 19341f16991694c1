// Turns SceneData (plain typed arrays) into three objects and keeps them in step with the document:
// shared geometries per mesh id, one material per material id, the first few point lights, per
// batch one InstancedMesh per level of detail (batch-instances.ts), and the objects the user added
// (added-objects.ts). applyLayer redraws only what an edit changed; update(camera) re-sorts
// instances between levels by distance when the camera has moved; previewWorld moves objects for a
// drag without touching the document. The only place SceneData meets three.
//
// With a material provider (options.materials) batches draw procedural node materials instead of
// the palette: each batch's default assignment (materials/batch-defaults.ts) at each level of detail,
// and objects the user gave a material (record.material) leave their batch's default meshes for one
// extra InstancedMesh per level and distinct material (batch-instances.ts variants). Without one the
// palette materials of scene-materials.ts remain.
import {
  Box3,
  Color,
  Group,
  InstancedMesh,
  PointLight,
  Vector3,
  type BufferGeometry,
  type Material,
  type Object3D,
} from 'three/webgpu';
import {
  getObject,
  lookupGenerated,
  objectId,
  parseObjectId,
  type DocumentView,
  type EditLayer,
} from '../core/document';
import type { MaterialRef } from '../core/materials/material-ref';
import { EMPTY_SCENE } from '../core/scene/empty-scene';
import {
  LIGHT_KINDS,
  LIGHT_STRIDE,
  type InstanceBatch,
  type SceneData,
} from '../core/scene/scene-data';
import type { ImportedAsset } from '../import/imported-asset';
import { AddedObjects, type Shape } from './added-objects';
import { BatchInstances, type VariantMeshes } from './batch-instances';
import { changedObjectIds } from './layer-diff';
import { defaultBatchMaterial } from './materials/batch-defaults';
import { materialRefKey, type MaterialProvider } from './materials/material-provider';
import { meshGeometry } from './mesh-geometry';
import { createSceneMaterial } from './scene-materials';

/** Point lights rendered at once; more cost every fragment on every frame. */
export const MAX_SCENE_LIGHTS = 8;

/** The camera must move this far (metres) before instances are re-sorted between levels. */
const LOD_UPDATE_STEP = 0.5;

type Assets = Readonly<Record<string, ImportedAsset>>;
type Vec3 = [number, number, number];

/** One mesh an object draws right now, with a live view of its world matrix. */
export interface DrawnShape {
  geometry: BufferGeometry;
  matrix: ArrayLike<number>;
}

/** Procedural materials for the scene (absent: the palette materials). */
export interface SceneMaterialOptions {
  provider: MaterialProvider;
  /** A generated batch's default assignment; materials/batch-defaults.ts when absent. */
  defaultFor?: (batch: InstanceBatch, scene: SceneData) => MaterialRef;
}

export interface SceneObjects {
  group: Group;
  readonly scene: SceneData;
  /** Draw calls at most: one per batch and level of detail (and per-object material), one per
   *  added mesh shown. */
  readonly drawCalls: number;
  /** Bumps when instances change level or are shown or hidden (shapes may differ). */
  readonly layoutVersion: number;
  /** Bumps when any drawn matrix changes (layouts and previews). */
  readonly matrixVersion: number;
  /** Moves instances between levels of detail for this camera position. */
  update(x: number, y: number, z: number): void;
  /** Shows the document: the layer's moves, removals, hidden objects and added objects. */
  applyLayer(view: DocumentView, assets: Assets): void;
  /** Draws objects at these world matrices until the next applyLayer; the document is untouched. */
  previewWorld(ids: readonly string[], matrices: readonly ArrayLike<number>[]): void;
  /** The object a raycast hit belongs to (instanceId for instanced meshes), or null. */
  objectAt(object: Object3D, instanceId: number | undefined): string | null;
  /** The meshes an object draws now (none when hidden, removed or a group). */
  shapesOf(id: string): DrawnShape[];
  /** Calls back with every drawn object's world-space centre (its bounding box centre). */
  forEachCentre(visit: (id: string, x: number, y: number, z: number) => void): void;
  dispose(): void;
}

function localCentre(geometries: readonly BufferGeometry[]): Vec3 {
  const box = new Box3();
  for (const g of geometries) {
    if (!g.boundingBox) g.computeBoundingBox();
    box.union(g.boundingBox!);
  }
  const c = box.isEmpty() ? new Vector3() : box.getCenter(new Vector3());
  return [c.x, c.y, c.z];
}

function transformed(m: ArrayLike<number>, o: number, p: Vec3): Vec3 {
  const [x, y, z] = p;
  return [
    m[o]! * x + m[o + 4]! * y + m[o + 8]! * z + m[o + 12]!,
    m[o + 1]! * x + m[o + 5]! * y + m[o + 9]! * z + m[o + 13]!,
    m[o + 2]! * x + m[o + 6]! * y + m[o + 10]! * z + m[o + 14]!,
  ];
}

export function buildSceneObjects(
  scene: SceneData,
  options: { materials?: SceneMaterialOptions | undefined } = {},
): SceneObjects {
  const group = new Group();
  group.name = `scene:${scene.name}`;
  const geometries = new Map<string, BufferGeometry>();
  for (const m of scene.meshes) geometries.set(m.id, meshGeometry(m));
  const provider = options.materials?.provider;
  const defaultFor = options.materials?.defaultFor ?? defaultBatchMaterial;
  // Palette materials (owned here) when there is no provider; the provider owns its own.
  const palette = new Map<string, Material>();
  if (!provider) for (const id of scene.materials) palette.set(id, createSceneMaterial(id));
  const batchMaterial = (data: InstanceBatch, level: number): Material =>
    provider ? provider.material(defaultFor(data, scene), level) : palette.get(data.material)!;
  /** The assignments behind variant keys (per-object materials). */
  const refs = new Map<string, MaterialRef>();

  let batchDrawCalls = 0;
  const batches: BatchInstances[] = [];
  const byPart = new Map<string, BatchInstances[]>();
  const meshInfo = new Map<Object3D, { batch: BatchInstances; level: number; variant?: string }>();
  const partShapes = new Map<string, Shape[]>();
  const variantGroup = new Group();
  variantGroup.name = 'materials';
  const variantMeshes: VariantMeshes | undefined = provider && {
    create(batch, key, level, capacity) {
      const base = batch.meshes[level]!;
      const mesh = new InstancedMesh(
        base.geometry,
        provider.material(refs.get(key)!, level),
        capacity,
      );
      mesh.name = `${base.name}|${key}`;
      mesh.userData['lod'] = level;
      mesh.frustumCulled = base.frustumCulled;
      mesh.count = 0;
      variantGroup.add(mesh);
      meshInfo.set(mesh, { batch, level, variant: key });
      return mesh;
    },
    remove(mesh) {
      variantGroup.remove(mesh);
      meshInfo.delete(mesh);
      // Frees the instance matrix buffer; geometry and material are shared and stay.
      mesh.dispose();
    },
  };
  for (const data of scene.batches) {
    const count = data.transforms.length / 16;
    const meshes = data.lods.map((id, level) => {
      const mesh = new InstancedMesh(geometries.get(id)!, batchMaterial(data, level), count);
      mesh.name = `${id}|${data.material}`;
      mesh.userData['lod'] = level;
      // Level membership changes with the camera, so a precomputed bounding sphere would go stale.
      if (data.lods.length > 1) mesh.frustumCulled = false;
      group.add(mesh);
      batchDrawCalls++;
      return mesh;
    });
    const batch = new BatchInstances(data, meshes, variantMeshes);
    meshes.forEach((mesh, level) => meshInfo.set(mesh, { batch, level }));
    batches.push(batch);
    if (!byPart.has(data.part)) byPart.set(data.part, []);
    byPart.get(data.part)!.push(batch);
    if (!partShapes.has(data.part)) partShapes.set(data.part, []);
    partShapes.get(data.part)!.push({
      geometry: meshes[0]!.geometry,
      material: meshes[0]!.material as Material,
    });
  }
  const partCentres = new Map<string, Vec3>();
  for (const [part, shapes] of partShapes) {
    partCentres.set(part, localCentre(shapes.map((s) => s.geometry)));
  }

  const addedGroup = new Group();
  addedGroup.name = 'added';
  group.add(addedGroup);
  const added = new AddedObjects(
    addedGroup,
    (part) => partShapes.get(part) ?? [],
    provider ? (ref) => provider.material(ref, 0) : undefined,
  );
  group.add(variantGroup);

  let camera: Vec3 | undefined;
  let layoutVersion = 0;
  let matrixVersion = 0;
  let lastLayer: EditLayer | undefined;
  let lastAssets: Assets | undefined;

  const layout = (list: Iterable<BatchInstances>) => {
    for (const b of list) b.layout(camera ?? [0, 0, 0]);
    layoutVersion++;
    matrixVersion++;
  };
  // Before the first layer arrives the generated scene is shown as it is.
  layout(batches);

  const update = (x: number, y: number, z: number) => {
    if (camera && Math.hypot(x - camera[0], y - camera[1], z - camera[2]) < LOD_UPDATE_STEP) return;
    camera = [x, y, z];
    layout(batches.filter((b) => b.hasLevels));
  };

  const setGenerated = (view: DocumentView, id: string, dirty: Set<BatchInstances>) => {
    const found = lookupGenerated(view.index, id);
    if (!found) return false;
    const obj = getObject(view, id);
    let variant: string | null = null;
    if (provider && obj?.material) {
      variant = materialRefKey(obj.material);
      if (!refs.has(variant)) refs.set(variant, obj.material);
    }
    for (const b of byPart.get(found.part.key) ?? []) {
      b.setInstance(found.instance, obj ? obj.world : null, obj?.visible ?? false);
      b.setVariant(found.instance, variant);
      dirty.add(b);
    }
    return true;
  };

  const applyLayer = (view: DocumentView, assets: Assets) => {
    // The store may announce a new scene's index before this scene's view is replaced. Objects
    // added before anything was generated are edited over no scene and shown over EMPTY_SCENE.
    const indexed = view.index.scene ?? EMPTY_SCENE;
    if (indexed !== scene) return;
    const dirty = new Set<BatchInstances>();
    if (!lastLayer) {
      for (const b of batches) {
        b.reset();
        dirty.add(b);
      }
      for (const id of Object.keys(view.layer.records)) setGenerated(view, id, dirty);
      added.sync(view, assets, 'all');
    } else {
      const addedIds: string[] = [];
      for (const id of changedObjectIds(lastLayer, view.layer)) {
        if (!setGenerated(view, id, dirty)) addedIds.push(id);
      }
      added.sync(view, assets, addedIds);
      if (assets !== lastAssets) added.syncWaiting(view, assets);
    }
    // Previews wrote instances in place; re-sort the batches they touched (levels may differ now).
    for (const b of previewed) dirty.add(b);
    previewed.clear();
    lastLayer = view.layer;
    lastAssets = assets;
    layout(dirty);
  };

  const previewed = new Set<BatchInstances>();
  const previewWorld = (ids: readonly string[], matrices: readonly ArrayLike<number>[]) => {
    ids.forEach((id, k) => {
      const m = matrices[k]!;
      const parsed = parseObjectId(id);
      const list = parsed ? byPart.get(parsed.part) : undefined;
      if (parsed && list && parsed.instance < list[0]!.count) {
        for (const b of list) {
          b.writeInstance(parsed.instance, m);
          previewed.add(b);
        }
      } else {
        added.preview(id, m);
      }
    });
    matrixVersion++;
  };

  const objectAt = (object: Object3D, instanceId: number | undefined): string | null => {
    const info = meshInfo.get(object);
    if (info) {
      const i =
        instanceId === undefined
          ? undefined
          : info.batch.instanceAt(info.level, instanceId, info.variant);
      return i === undefined ? null : objectId(info.batch.part, i);
    }
    return added.idOf(object) ?? null;
  };

  const shapesOf = (id: string): DrawnShape[] => {
    const parsed = parseObjectId(id);
    const list = parsed ? byPart.get(parsed.part) : undefined;
    if (parsed && list) {
      const shapes: DrawnShape[] = [];
      const i = parsed.instance;
      for (const b of list) {
        const level = i < b.count ? b.levelOf(i) : null;
        if (level === null) continue;
        shapes.push({
          geometry: b.meshes[level]!.geometry,
          matrix: b.matrices.subarray(i * 16, i * 16 + 16),
        });
      }
      return shapes;
    }
    return added
      .meshesOf(id)
      .filter((mesh) => mesh.parent)
      .map((mesh) => ({ geometry: mesh.geometry, matrix: mesh.matrix.elements }));
  };

  const forEachCentre = (visit: (id: string, x: number, y: number, z: number) => void) => {
    for (const [part, list] of byPart) {
      const b = list[0]!;
      const local = partCentres.get(part)!;
      for (let i = 0; i < b.count; i++) {
        if (b.skip[i] !== 0) continue;
        const [x, y, z] = transformed(b.matrices, i * 16, local);
        visit(objectId(part, i), x, y, z);
      }
    }
    for (const [id, meshes] of added.shown()) {
      const [x, y, z] = transformed(
        meshes[0]!.matrix.elements,
        0,
        localCentre(meshes.map((m) => m.geometry)),
      );
      visit(id, x, y, z);
    }
  };

  const lightCount = Math.min(scene.lights.kinds.length, MAX_SCENE_LIGHTS);
  for (let i = 0; i < lightCount; i++) {
    if (LIGHT_KINDS[scene.lights.kinds[i]!] !== 'point') continue;
    const d = scene.lights.data.subarray(i * LIGHT_STRIDE, (i + 1) * LIGHT_STRIDE);
    const light = new PointLight(new Color(d[3]!, d[4]!, d[5]!), d[6]!, d[7]!, 2);
    light.position.set(d[0]!, d[1]!, d[2]!);
    light.name = `light:${scene.lights.sources[i]}`;
    group.add(light);
  }
  return {
    group,
    scene,
    get drawCalls() {
      let variants = 0;
      for (const b of batches) variants += b.variantMeshCount;
      return batchDrawCalls + variants + added.meshCount;
    },
    get layoutVersion() {
      return layoutVersion;
    },
    get matrixVersion() {
      return matrixVersion;
    },
    update,
    applyLayer,
    previewWorld,
    objectAt,
    shapesOf,
    forEachCentre,
    dispose() {
      // A later applyLayer starts over (React's StrictMode disposes and re-uses once in development).
      lastLayer = undefined;
      added.dispose();
      batches.forEach((b) => b.dispose());
      geometries.forEach((g) => g.dispose());
      palette.forEach((m) => m.dispose());
    },
  };
}
