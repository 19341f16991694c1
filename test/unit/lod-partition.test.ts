import { describe, expect, it } from 'vitest';
import { createLodPartition, partitionByDistance } from '../../src/viewport/lod-partition';

describe('LOD partition', () => {
  it('puts each instance in the level of its distance band, every instance exactly once', () => {
    // Instances on the x axis at 0, 5, 10, ..., 95 metres.
    const centres = new Float32Array(60);
    for (let i = 0; i < 20; i++) centres[i * 3] = i * 5;
    const p = partitionByDistance(centres, [14, 60], [0, 0, 0], createLodPartition(20, 3));
    expect(p.counts).toEqual([3, 9, 8]);
    expect([...p.levels[0]!.subarray(0, 3)]).toEqual([0, 1, 2]);
    expect([...p.levels[2]!.subarray(0, 8)]).toEqual([12, 13, 14, 15, 16, 17, 18, 19]);
    // Moving the camera moves instances between levels.
    const q = partitionByDistance(centres, [14, 60], [95, 0, 0], p);
    expect(q.counts).toEqual([3, 9, 8]);
    expect([...q.levels[0]!.subarray(0, 3)]).toEqual([17, 18, 19]);
  });
});
