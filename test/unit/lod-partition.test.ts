import { describe, expect, it } from 'vitest';
import {
  createLodPartition,
  NOT_SHOWN,
  partitionByDistance,
} from '../../src/viewport/lod-partition';

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

describe('LOD partition with a skip mask', () => {
  const centres = new Float32Array(30);
  for (let i = 0; i < 10; i++) centres[i * 3] = i * 10;

  it('leaves skipped instances out of every level and records where the others went', () => {
    const skip = new Uint8Array(10);
    skip[1] = 1;
    skip[7] = 1;
    const p = partitionByDistance(centres, [35], [0, 0, 0], createLodPartition(10, 2), skip);
    expect(p.counts).toEqual([3, 5]);
    expect([...p.levels[0]!.subarray(0, 3)]).toEqual([0, 2, 3]);
    expect([...p.levels[1]!.subarray(0, 5)]).toEqual([4, 5, 6, 8, 9]);
    expect(p.levelOf[1]).toBe(NOT_SHOWN);
    expect(p.levelOf[7]).toBe(NOT_SHOWN);
    // (level, slot) of every shown instance points back at it.
    for (let i = 0; i < 10; i++) {
      if (skip[i]) continue;
      expect(p.levels[p.levelOf[i]!]![p.slotOf[i]!]).toBe(i);
    }
  });

  it('a single level with no distances packs the shown instances in order', () => {
    const skip = new Uint8Array(10).fill(1);
    skip[4] = 0;
    skip[9] = 0;
    const p = partitionByDistance(centres, [], [0, 0, 0], createLodPartition(10, 1), skip);
    expect(p.counts).toEqual([2]);
    expect([...p.levels[0]!.subarray(0, 2)]).toEqual([4, 9]);
    expect(p.slotOf[9]).toBe(1);
  });

  it('a re-partition clears instances that were skipped before', () => {
    const p = createLodPartition(10, 1);
    const skip = new Uint8Array(10);
    skip[0] = 1;
    partitionByDistance(centres, [], [0, 0, 0], p, skip);
    expect(p.levelOf[0]).toBe(NOT_SHOWN);
    partitionByDistance(centres, [], [0, 0, 0], p, new Uint8Array(10));
    expect(p.levelOf[0]).toBe(0);
    expect(p.counts).toEqual([10]);
  });
});
