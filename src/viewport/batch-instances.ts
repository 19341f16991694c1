// One instanced batch on screen: its effective instance matrices (the generated transforms with the
// edit layer's moves written over them), which instances are shown (removed and hidden objects are
// not), and one InstancedMesh per level of detail holding the shown instances of that level, packed.
// The partition remembers each instance's (level, slot), so a picked slot maps back to its instance
// and a preview rewrites one instance without re-sorting the batch.
//
// Instances with a per-object material (a variant, named by its material key) leave the default
// meshes and are drawn in their variant's own InstancedMesh per level, made on demand through the
// VariantMeshes factory, grown by doubling and removed when the last member leaves.
import type { InstancedMesh } from 'three/webgpu';
import type { InstanceBatch } from '../core/scene/scene-data';
import {
  createLodPartition,
  NOT_SHOWN,
  partitionByDistance,
  partitionMembers,
  type LodPartition,
} from './lod-partition';

/** Makes and frees the meshes of variants (scene-objects.ts: material, scene graph, picking). */
export interface VariantMeshes {
  /** The InstancedMesh of variant `key` at `level`, with room for `capacity` instances. */
  create(batch: BatchInstances, key: string, level: number, capacity: number): InstancedMesh;
  /** Takes a mesh create() made out of the scene and frees it. */
  remove(mesh: InstancedMesh): void;
}

interface Variant {
  key: string;
  members: Set<number>;
  /** Per level; empty until the first layout after the variant got members. */
  meshes: InstancedMesh[];
  capacity: number;
  partition: LodPartition;
}

/** Room for this many members: a power of two, at least 8, at most the batch. */
function capacityFor(members: number, count: number): number {
  let c = 8;
  while (c < members) c *= 2;
  return Math.min(c, Math.max(count, 1));
}

export class BatchInstances {
  readonly part: string;
  readonly meshes: readonly InstancedMesh[];
  /** Effective column-major matrices, 16 floats per instance. */
  readonly matrices: Float32Array;
  /** Non-zero for instances not drawn (removed or hidden). */
  readonly skip: Uint8Array;
  readonly partition: LodPartition;
  private readonly base: Float32Array;
  private readonly centres: Float32Array;
  private readonly switchDistances: readonly number[];
  /** skip, plus instances drawn by a variant: what the default meshes leave out. */
  private readonly defaultSkip: Uint8Array;
  /** Per instance: its variant's key, when it has one. */
  private readonly variantOf = new Map<number, string>();
  private readonly variants = new Map<string, Variant>();

  constructor(
    batch: InstanceBatch,
    meshes: readonly InstancedMesh[],
    private readonly variantMeshes?: VariantMeshes,
  ) {
    const count = batch.transforms.length / 16;
    this.part = batch.part;
    this.meshes = meshes;
    this.base = batch.transforms;
    this.matrices = batch.transforms.slice();
    this.skip = new Uint8Array(count);
    this.defaultSkip = new Uint8Array(count);
    this.centres = new Float32Array(count * 3);
    for (let i = 0; i < count; i++) this.updateCentre(i);
    this.switchDistances = meshes.length > 1 ? batch.lodDistances : [];
    this.partition = createLodPartition(count, meshes.length);
  }

  get count(): number {
    return this.skip.length;
  }

  /** Whether the batch re-sorts its instances when the camera moves. */
  get hasLevels(): boolean {
    return this.meshes.length > 1;
  }

  /** Meshes drawn for variants (per-object materials). */
  get variantMeshCount(): number {
    let n = 0;
    for (const v of this.variants.values()) n += v.meshes.length;
    return n;
  }

  private updateCentre(i: number): void {
    this.centres.set(this.matrices.subarray(i * 16 + 12, i * 16 + 15), i * 3);
  }

  /** Sets instance i's matrix (null: back to the generated one) and whether it is drawn. */
  setInstance(i: number, matrix: ArrayLike<number> | null, shown: boolean): void {
    if (matrix) this.matrices.set(matrix, i * 16);
    else this.matrices.set(this.base.subarray(i * 16, i * 16 + 16), i * 16);
    this.updateCentre(i);
    this.skip[i] = shown ? 0 : 1;
    this.defaultSkip[i] = shown && !this.variantOf.has(i) ? 0 : 1;
  }

  /**
   * Puts instance i into variant `key` (drawn in that variant's meshes) or, with null, back into
   * the default meshes. Takes effect at the next layout. Ignored without a VariantMeshes factory.
   */
  setVariant(i: number, key: string | null): void {
    if (!this.variantMeshes) return;
    const old = this.variantOf.get(i);
    if (old === (key ?? undefined)) return;
    if (old !== undefined) {
      const v = this.variants.get(old)!;
      v.members.delete(i);
      v.partition.levelOf[i] = NOT_SHOWN;
      this.variantOf.delete(i);
    }
    if (key !== null) {
      let v = this.variants.get(key);
      if (!v) {
        v = {
          key,
          members: new Set(),
          meshes: [],
          capacity: 0,
          partition: createLodPartition(this.count, this.meshes.length),
        };
        this.variants.set(key, v);
      }
      v.members.add(i);
      this.variantOf.set(i, key);
    }
    this.defaultSkip[i] = this.skip[i] === 0 && key === null ? 0 : 1;
  }

  /** The variant key instance i is drawn with, or null for the batch's default material. */
  variantKeyOf(i: number): string | null {
    return this.variantOf.get(i) ?? null;
  }

  /** Every instance back to its generated matrix, shown, with the default material. */
  reset(): void {
    this.matrices.set(this.base);
    this.skip.fill(0);
    this.defaultSkip.fill(0);
    for (const i of [...this.variantOf.keys()]) this.setVariant(i, null);
    for (let i = 0; i < this.count; i++) this.updateCentre(i);
  }

  /** Makes, grows or drops variant meshes to fit their members. */
  private syncVariantMeshes(): void {
    const factory = this.variantMeshes;
    if (!factory) return;
    for (const v of [...this.variants.values()]) {
      if (v.members.size === 0) {
        for (const mesh of v.meshes) factory.remove(mesh);
        this.variants.delete(v.key);
        continue;
      }
      const needed = capacityFor(v.members.size, this.count);
      // Grow when full; shrink only when a quarter is used (no churn around a boundary).
      const fits =
        needed === v.capacity || (needed < v.capacity && v.members.size * 4 > v.capacity);
      if (v.meshes.length > 0 && fits) continue;
      for (const mesh of v.meshes) factory.remove(mesh);
      v.capacity = needed;
      v.meshes = [];
      for (let level = 0; level < this.meshes.length; level++) {
        v.meshes.push(factory.create(this, v.key, level, needed));
      }
    }
  }

  /** Re-sorts the shown instances between levels for this camera and rewrites every mesh. */
  layout(camera: readonly [number, number, number]): void {
    const p = partitionByDistance(
      this.centres,
      this.switchDistances,
      camera,
      this.partition,
      this.defaultSkip,
    );
    this.writeMeshes(this.meshes, p);
    this.syncVariantMeshes();
    for (const v of this.variants.values()) {
      partitionMembers(
        this.centres,
        this.switchDistances,
        camera,
        v.partition,
        v.members,
        this.skip,
      );
      this.writeMeshes(v.meshes, v.partition);
    }
  }

  private writeMeshes(meshes: readonly InstancedMesh[], p: LodPartition): void {
    meshes.forEach((mesh, level) => {
      const indices = p.levels[level]!;
      const n = p.counts[level]!;
      const target = mesh.instanceMatrix.array as Float32Array;
      for (let k = 0; k < n; k++) {
        const i = indices[k]!;
        target.set(this.matrices.subarray(i * 16, i * 16 + 16), k * 16);
      }
      mesh.count = n;
      mesh.instanceMatrix.needsUpdate = true;
      // Stale once instances moved or changed level; three recomputes it when it needs it
      // (frustum culling, raycasting).
      mesh.boundingSphere = null;
    });
  }

  /** The partition and meshes instance i is drawn from. */
  private drawnIn(i: number): { partition: LodPartition; meshes: readonly InstancedMesh[] } {
    const key = this.variantOf.get(i);
    const v = key === undefined ? undefined : this.variants.get(key);
    return v ? v : { partition: this.partition, meshes: this.meshes };
  }

  /**
   * Sets instance i's matrix and writes it into its slot without re-sorting: for per-frame
   * previews. Its level stays what the last layout chose until the next one.
   */
  writeInstance(i: number, matrix: ArrayLike<number>): void {
    this.matrices.set(matrix, i * 16);
    this.updateCentre(i);
    const { partition, meshes } = this.drawnIn(i);
    const level = partition.levelOf[i]!;
    if (level === NOT_SHOWN) return;
    const mesh = meshes[level];
    if (!mesh) return;
    (mesh.instanceMatrix.array as Float32Array).set(matrix, partition.slotOf[i]! * 16);
    mesh.instanceMatrix.needsUpdate = true;
    mesh.boundingSphere = null;
  }

  /** The instance drawn at `slot` of level `level`'s mesh (of variant `key`, when given). */
  instanceAt(level: number, slot: number, key?: string): number | undefined {
    const p = key === undefined ? this.partition : this.variants.get(key)?.partition;
    if (!p || slot >= (p.counts[level] ?? 0)) return undefined;
    return p.levels[level]![slot];
  }

  /** The level instance i is drawn at, or null when it is not drawn. */
  levelOf(i: number): number | null {
    const level = this.drawnIn(i).partition.levelOf[i]!;
    return level === NOT_SHOWN ? null : level;
  }

  /** Frees every variant mesh (the default meshes belong to the caller). */
  dispose(): void {
    for (const v of this.variants.values()) {
      for (const mesh of v.meshes) this.variantMeshes?.remove(mesh);
    }
    this.variants.clear();
    this.variantOf.clear();
  }
}
