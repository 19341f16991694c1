// Level-of-detail selection for instanced batches, without three: each instance goes to the first
// level whose distance band contains its distance to the camera. Pure, so it is unit-tested.

export interface LodPartition {
  /** Instance indices per level, packed at the start of each array. */
  levels: Uint32Array[];
  /** How many indices each level holds. */
  counts: number[];
}

export function createLodPartition(instances: number, levels: number): LodPartition {
  return {
    levels: Array.from({ length: levels }, () => new Uint32Array(instances)),
    counts: new Array<number>(levels).fill(0),
  };
}

/**
 * centres: xyz per instance; switchDistances: where each level after the first takes over
 * (ascending). Fills `out` and returns it.
 */
export function partitionByDistance(
  centres: Float32Array,
  switchDistances: readonly number[],
  camera: readonly [number, number, number],
  out: LodPartition,
): LodPartition {
  out.counts.fill(0);
  const squared = switchDistances.map((d) => d * d);
  const n = centres.length / 3;
  for (let i = 0; i < n; i++) {
    const dx = centres[i * 3]! - camera[0];
    const dy = centres[i * 3 + 1]! - camera[1];
    const dz = centres[i * 3 + 2]! - camera[2];
    const d2 = dx * dx + dy * dy + dz * dz;
    let level = 0;
    while (level < squared.length && d2 >= squared[level]!) level++;
    out.levels[level]![out.counts[level]!++] = i;
  }
  return out;
}
