import { describe, expect, it } from 'vitest';
import { createRenderStatsRecorder, percentile } from '../../src/viewport/render-stats';

describe('render stats recorder', () => {
  it('nearest-rank percentiles', () => {
    expect(percentile([1, 2, 3, 4], 50)).toBe(2);
    expect(percentile([1, 2, 3, 4], 95)).toBe(4);
    expect(percentile([], 50)).toBeNaN();
  });

  it('summarises the latest frames of its ring: intervals, main-thread time, counters', () => {
    let clock = 0;
    const r = createRenderStatsRecorder(8, () => clock);
    for (let f = 0; f < 20; f++) {
      r.frameStart();
      clock += f < 10 ? 2 : 5; // render time per frame
      r.frameEnd(f * (f < 10 ? 16 : 1) + (f < 10 ? 0 : 150), 10 + f, 1000 * f);
    }
    const s = r.stats(5);
    expect(s.frames).toBe(5);
    expect(s.cpuMs).toEqual({ median: 5, p95: 5 });
    expect(s.frameMs.median).toBe(1);
    expect(s.drawCalls).toBe(29);
    expect(s.triangles).toBe(19000);
    // Asking for more than the ring holds gives the ring.
    expect(r.stats(100).frames).toBe(8);
  });
});
