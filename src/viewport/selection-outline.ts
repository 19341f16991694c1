// Selected objects drawn outlined in the accent orange, as in Blender: an inverted hull (the mesh's
// back faces pushed out along welded normals by a constant number of screen pixels) around each
// selected object, plus a faint tint over it that also marks flat, open meshes (a floor tile has no
// back faces to show). One InstancedMesh pair per geometry in the selection, whatever the number of
// objects; the active object's instances are brighter. Matrices are read from the scene's own
// (live) arrays, so drags and level-of-detail changes show up on the next frame.
import {
  BackSide,
  Color,
  Group,
  InstancedMesh,
  MeshBasicNodeMaterial,
  type BufferGeometry,
  type Camera,
  type PerspectiveCamera,
} from 'three/webgpu';
import {
  cameraPosition,
  modelWorldMatrix,
  normalLocal,
  positionLocal,
  uniform,
  vec4,
} from 'three/tsl';
import { hullGeometry } from './hull-geometry';
import type { DrawnShape, SceneObjects } from './scene-objects';

export const OUTLINE_COLOUR = '#ff9f1c';
export const ACTIVE_OUTLINE_COLOUR = '#ffd27a';
/** Outline width in CSS pixels. */
const OUTLINE_PX = 2;
const TINT_OPACITY = 0.16;

interface Entry {
  hull: InstancedMesh;
  tint: InstancedMesh;
  capacity: number;
  shapes: DrawnShape[];
  active: boolean[];
}

export class SelectionOutline {
  readonly group = new Group();
  private readonly entries = new Map<BufferGeometry, Entry>();
  private readonly hulls = new Map<BufferGeometry, BufferGeometry>();
  private readonly hullMaterial = new MeshBasicNodeMaterial({ side: BackSide });
  private readonly tintMaterial = new MeshBasicNodeMaterial({
    transparent: true,
    opacity: TINT_OPACITY,
    depthWrite: false,
    polygonOffset: true,
    polygonOffsetFactor: -1,
    polygonOffsetUnits: -1,
  });
  /** World metres of outline per metre of distance from the camera. */
  private readonly thickness = uniform(0.003);
  private readonly normal = new Color(OUTLINE_COLOUR);
  private readonly bright = new Color(ACTIVE_OUTLINE_COLOUR);
  private ids: readonly string[] = [];
  private dirty = true;
  private seenLayout = -1;
  private seenMatrix = -1;

  constructor(private readonly objects: SceneObjects) {
    this.group.name = 'selection-outline';
    const world = modelWorldMatrix.mul(vec4(positionLocal, 1)).xyz;
    const push = normalLocal.normalize().mul(this.thickness.mul(world.distance(cameraPosition)));
    this.hullMaterial.positionNode = positionLocal.add(push);
    for (const m of [this.hullMaterial, this.tintMaterial]) {
      m.toneMapped = false;
      // Shading modes (solid, wireframe) replace scene materials; the outline keeps its own.
      m.allowOverride = false;
      m.name = m === this.hullMaterial ? 'selection:hull' : 'selection:tint';
    }
  }

  /** The selected ids, active first. */
  setSelection(ids: readonly string[]): void {
    this.ids = ids;
    this.dirty = true;
  }

  /** Call once per frame, before rendering. heightPx: the canvas's CSS height. */
  frame(camera: Camera, heightPx: number): void {
    const fov = (camera as PerspectiveCamera).isPerspectiveCamera
      ? (camera as PerspectiveCamera).fov / (camera as PerspectiveCamera).zoom
      : 50;
    this.thickness.value =
      (OUTLINE_PX * 2 * Math.tan((fov * Math.PI) / 360)) / Math.max(1, heightPx);
    if (this.dirty || this.objects.layoutVersion !== this.seenLayout) this.rebuild();
    else if (this.objects.matrixVersion !== this.seenMatrix) this.rewrite();
  }

  private hullOf(geometry: BufferGeometry): BufferGeometry {
    let hull = this.hulls.get(geometry);
    if (!hull) {
      hull = hullGeometry(geometry);
      this.hulls.set(geometry, hull);
    }
    return hull;
  }

  private entryFor(geometry: BufferGeometry, needed: number): Entry {
    const existing = this.entries.get(geometry);
    if (existing && existing.capacity >= needed) return existing;
    if (existing) this.drop(geometry, existing);
    const capacity = Math.max(needed, existing ? existing.capacity * 2 : 4);
    const hull = new InstancedMesh(this.hullOf(geometry), this.hullMaterial, capacity);
    const tint = new InstancedMesh(geometry, this.tintMaterial, capacity);
    hull.setColorAt(0, this.normal);
    tint.instanceMatrix = hull.instanceMatrix;
    tint.instanceColor = hull.instanceColor;
    for (const mesh of [hull, tint]) {
      // Instances are anywhere in the scene; the selection is small enough to skip culling.
      mesh.frustumCulled = false;
      mesh.count = 0;
      this.group.add(mesh);
    }
    hull.name = `${geometry.name}|outline`;
    tint.name = `${geometry.name}|tint`;
    const entry: Entry = { hull, tint, capacity, shapes: [], active: [] };
    this.entries.set(geometry, entry);
    return entry;
  }

  private drop(geometry: BufferGeometry, entry: Entry): void {
    this.group.remove(entry.hull, entry.tint);
    entry.hull.dispose();
    entry.tint.dispose();
    this.entries.delete(geometry);
  }

  private rebuild(): void {
    const grouped = new Map<BufferGeometry, { shapes: DrawnShape[]; active: boolean[] }>();
    this.ids.forEach((id, k) => {
      for (const shape of this.objects.shapesOf(id)) {
        let g = grouped.get(shape.geometry);
        if (!g) grouped.set(shape.geometry, (g = { shapes: [], active: [] }));
        g.shapes.push(shape);
        g.active.push(k === 0);
      }
    });
    for (const entry of this.entries.values()) {
      entry.shapes = [];
      entry.active = [];
    }
    for (const [geometry, g] of grouped) {
      const entry = this.entryFor(geometry, g.shapes.length);
      entry.shapes = g.shapes;
      entry.active = g.active;
      entry.active.forEach((on, k) => entry.hull.setColorAt(k, on ? this.bright : this.normal));
      entry.hull.instanceColor!.needsUpdate = true;
    }
    this.dirty = false;
    this.seenLayout = this.objects.layoutVersion;
    this.rewrite();
  }

  private rewrite(): void {
    for (const entry of this.entries.values()) {
      const target = entry.hull.instanceMatrix.array as Float32Array;
      entry.shapes.forEach((shape, k) => target.set(shape.matrix, k * 16));
      entry.hull.count = entry.tint.count = entry.shapes.length;
      entry.hull.instanceMatrix.needsUpdate = true;
    }
    this.seenMatrix = this.objects.matrixVersion;
  }

  dispose(): void {
    for (const [geometry, entry] of [...this.entries]) this.drop(geometry, entry);
    this.hulls.forEach((g) => g.dispose());
    this.hullMaterial.dispose();
    this.tintMaterial.dispose();
  }
}
