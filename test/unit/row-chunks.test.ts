import { describe, expect, it } from 'vitest';
import { planRowChunks } from '../../src/gpu/row-chunks';

const limits = {
  maxComputeWorkgroupsPerDimension: 65535,
  maxStorageBufferBindingSize: 128 * 1024 * 1024,
  maxBufferSize: 256 * 1024 * 1024,
};

describe('planRowChunks', () => {
  it('uses one chunk when everything fits', () => {
    expect(planRowChunks(1024, 1024, 4, [8, 8], limits)).toEqual([
      { rowOffset: 0, rowCount: 1024, groups: [128, 128] },
    ]);
  });

  it('splits by the binding size and covers every row exactly once', () => {
    const chunks = planRowChunks(1000, 999, 4, [8, 8], {
      ...limits,
      maxStorageBufferBindingSize: 4000 * 100,
    });
    expect(chunks.length).toBe(10);
    let next = 0;
    for (const c of chunks) {
      expect(c.rowOffset).toBe(next);
      expect(c.rowCount * 1000 * 4).toBeLessThanOrEqual(400000);
      expect(c.groups).toEqual([125, Math.ceil(c.rowCount / 8)]);
      next += c.rowCount;
    }
    expect(next).toBe(999);
  });

  it('splits by the workgroups-per-dimension limit', () => {
    const chunks = planRowChunks(16, 100, 4, [8, 8], {
      ...limits,
      maxComputeWorkgroupsPerDimension: 4,
    });
    expect(chunks.map((c) => c.rowCount)).toEqual([32, 32, 32, 4]);
    for (const c of chunks) expect(c.groups[1]).toBeLessThanOrEqual(4);
  });

  it('says clearly when a single row cannot fit', () => {
    expect(() =>
      planRowChunks(1000, 10, 4, [8, 8], { ...limits, maxStorageBufferBindingSize: 100 }),
    ).toThrow(/one row of 4000 bytes exceeds/);
    expect(() =>
      planRowChunks(100, 10, 4, [8, 8], { ...limits, maxComputeWorkgroupsPerDimension: 2 }),
    ).toThrow(/needs 13 workgroups in x/);
  });
});
