// Level-of-detail selection for instanced batches, without three: each instance goes to the first
// level whose distance band contains its distance to the camera, except instances the skip mask
// leaves out (removed or hidden objects). Also records where each instance landed, so a picked
// (level, slot) maps back to its instance and a moved instance can be rewritten in place. Pure, so
// it is unit-tested. partitionMembers does the same for a subset (instances with their own material).

/** levelOf value for an instance that is in no level (skipped). */
export const NOT_SHOWN = 255;

export interface LodPartition {
  /** Instance indices per level, packed at the start of each array. */
  levels: Uint32Array[];
  /** How many indices each level holds. */
  counts: number[];
  /** Per instance: its level, or NOT_SHOWN. */
  levelOf: Uint8Array;
  /** Per instance: its position in levels[levelOf[i]] (meaningless when not shown). */
  slotOf: Uint32Array;
}

export function createLodPartition(instances: number, levels: number): LodPartition {
  if (levels >= NOT_SHOWN) throw new RangeError(`at most ${NOT_SHOWN - 1} levels of detail`);
  return {
    levels: Array.from({ length: levels }, () => new Uint32Array(instances)),
    counts: new Array<number>(levels).fill(0),
    levelOf: new Uint8Array(instances).fill(NOT_SHOWN),
    slotOf: new Uint32Array(instances),
  };
}

/**
 * centres: xyz per instance; switchDistances: where each level after the first takes over
 * (ascending; empty for a single level). skip: instances with a non-zero entry go to no level.
 * Fills `out` and returns it.
 */
export function partitionByDistance(
  centres: Float32Array,
  switchDistances: readonly number[],
  camera: readonly [number, number, number],
  out: LodPartition,
  skip?: Uint8Array,
): LodPartition {
  out.counts.fill(0);
  const squared = switchDistances.map((d) => d * d);
  const n = centres.length / 3;
  for (let i = 0; i < n; i++) {
    if (skip && skip[i] !== 0) {
      out.levelOf[i] = NOT_SHOWN;
      continue;
    }
    const dx = centres[i * 3]! - camera[0];
    const dy = centres[i * 3 + 1]! - camera[1];
    const dz = centres[i * 3 + 2]! - camera[2];
    const d2 = dx * dx + dy * dy + dz * dz;
    let level = 0;
    while (level < squared.length && d2 >= squared[level]!) level++;
    const slot = out.counts[level]!++;
    out.levels[level]![slot] = i;
    out.levelOf[i] = level;
    out.slotOf[i] = slot;
  }
  return out;
}

/**
 * partitionByDistance over a subset: only `members` are sorted into `out` (the instances drawn with
 * a per-object material, in their own meshes). Instances outside the subset are left as they are in
 * `out`; whoever removes a member sets its levelOf back to NOT_SHOWN. Skipped members go to no level.
 */
export function partitionMembers(
  centres: Float32Array,
  switchDistances: readonly number[],
  camera: readonly [number, number, number],
  out: LodPartition,
  members: Iterable<number>,
  skip?: Uint8Array,
): LodPartition {
  out.counts.fill(0);
  const squared = switchDistances.map((d) => d * d);
  for (const i of members) {
    if (skip && skip[i] !== 0) {
      out.levelOf[i] = NOT_SHOWN;
      continue;
    }
    const dx = centres[i * 3]! - camera[0];
    const dy = centres[i * 3 + 1]! - camera[1];
    const dz = centres[i * 3 + 2]! - camera[2];
    const d2 = dx * dx + dy * dy + dz * dz;
    let level = 0;
    while (level < squared.length && d2 >= squared[level]!) level++;
    const slot = out.counts[level]!++;
    out.levels[level]![slot] = i;
    out.levelOf[i] = level;
    out.slotOf[i] = slot;
  }
  return out;
}
