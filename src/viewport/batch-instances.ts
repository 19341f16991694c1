// One instanced batch on screen: its effective instance matrices (the generated transforms with the
// edit layer's moves written over them), which instances are shown (removed and hidden objects are
// not), and one InstancedMesh per level of detail holding the shown instances of that level, packed.
// The partition remembers each instance's (level, slot), so a picked slot maps back to its instance
// and a preview rewrites one instance without re-sorting the batch.
import type { InstancedMesh } from 'three/webgpu';
import type { InstanceBatch } from '../core/scene/scene-data';
import {
  createLodPartition,
  NOT_SHOWN,
  partitionByDistance,
  type LodPartition,
} from './lod-partition';

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

  constructor(batch: InstanceBatch, meshes: readonly InstancedMesh[]) {
    const count = batch.transforms.length / 16;
    this.part = batch.part;
    this.meshes = meshes;
    this.base = batch.transforms;
    this.matrices = batch.transforms.slice();
    this.skip = new Uint8Array(count);
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

  private updateCentre(i: number): void {
    this.centres.set(this.matrices.subarray(i * 16 + 12, i * 16 + 15), i * 3);
  }

  /** Sets instance i's matrix (null: back to the generated one) and whether it is drawn. */
  setInstance(i: number, matrix: ArrayLike<number> | null, shown: boolean): void {
    if (matrix) this.matrices.set(matrix, i * 16);
    else this.matrices.set(this.base.subarray(i * 16, i * 16 + 16), i * 16);
    this.updateCentre(i);
    this.skip[i] = shown ? 0 : 1;
  }

  /** Every instance back to its generated matrix, shown. */
  reset(): void {
    this.matrices.set(this.base);
    this.skip.fill(0);
    for (let i = 0; i < this.count; i++) this.updateCentre(i);
  }

  /** Re-sorts the shown instances between levels for this camera and rewrites every mesh. */
  layout(camera: readonly [number, number, number]): void {
    const p = partitionByDistance(
      this.centres,
      this.switchDistances,
      camera,
      this.partition,
      this.skip,
    );
    this.meshes.forEach((mesh, level) => {
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

  /**
   * Sets instance i's matrix and writes it into its slot without re-sorting: for per-frame
   * previews. Its level stays what the last layout chose until the next one.
   */
  writeInstance(i: number, matrix: ArrayLike<number>): void {
    this.matrices.set(matrix, i * 16);
    this.updateCentre(i);
    const level = this.partition.levelOf[i]!;
    if (level === NOT_SHOWN) return;
    const mesh = this.meshes[level]!;
    (mesh.instanceMatrix.array as Float32Array).set(matrix, this.partition.slotOf[i]! * 16);
    mesh.instanceMatrix.needsUpdate = true;
    mesh.boundingSphere = null;
  }

  /** The instance drawn at `slot` of level `level`'s mesh. */
  instanceAt(level: number, slot: number): number | undefined {
    if (slot >= (this.partition.counts[level] ?? 0)) return undefined;
    return this.partition.levels[level]![slot];
  }

  /** The level instance i is drawn at, or null when it is not drawn. */
  levelOf(i: number): number | null {
    const level = this.partition.levelOf[i]!;
    return level === NOT_SHOWN ? null : level;
  }
}
