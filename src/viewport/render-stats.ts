// Per-frame render figures (frame interval, main-thread render time, draw calls, triangles) kept in
// fixed ring buffers outside React: FrameProbe records one entry per rendered frame and
// window.studio.renderStats() summarises the latest ones. Per-frame values never enter the store.

export interface FrameSpread {
  median: number;
  p95: number;
}

export interface RenderStats {
  /** Frames the spreads cover (fewer than asked for when fewer have been recorded). */
  frames: number;
  /** Draw calls of the latest frame (three's renderer.info.render.drawCalls). */
  drawCalls: number;
  /** Triangles of the latest frame (renderer.info.render.triangles, instances included). */
  triangles: number;
  /** Time between consecutive frames, from requestAnimationFrame timestamps (ms). */
  frameMs: FrameSpread;
  /**
   * Main-thread time of one frame (ms): useFrame callbacks and renderer.render, which encodes and
   * submits the GPU work. The GPU's own time is not in it.
   */
  cpuMs: FrameSpread;
}

export interface RenderStatsRecorder {
  /** Called before the frame's callbacks and render. */
  frameStart(): void;
  /** Called after the frame's render, with the frame's rAF timestamp and three's counters. */
  frameEnd(timestamp: number, drawCalls: number, triangles: number): void;
  /** Figures over the latest `frames` frames (default 120, at most the recorder's capacity). */
  stats(frames?: number): RenderStats;
}

/** Nearest-rank percentile of ascending-sorted values (NaN when empty). */
export function percentile(sorted: ArrayLike<number>, p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length)));
  return sorted[rank - 1]!;
}

function spread(values: Float64Array): FrameSpread {
  const sorted = values.slice().sort();
  return { median: percentile(sorted, 50), p95: percentile(sorted, 95) };
}

export function createRenderStatsRecorder(
  capacity = 600,
  now: () => number = () => performance.now(),
): RenderStatsRecorder {
  const interval = new Float64Array(capacity);
  const cpu = new Float64Array(capacity);
  let recorded = 0;
  let intervals = 0;
  let lastTimestamp = Number.NaN;
  let started = Number.NaN;
  let drawCalls = 0;
  let triangles = 0;

  /** The latest `n` entries of a ring whose newest entry is at (count - 1) % capacity. */
  const latest = (ring: Float64Array, count: number, n: number) => {
    const k = Math.min(n, count, capacity);
    const out = new Float64Array(k);
    for (let i = 0; i < k; i++) out[i] = ring[(count - k + i) % capacity]!;
    return out;
  };

  return {
    frameStart() {
      started = now();
    },
    frameEnd(timestamp, calls, tris) {
      if (!Number.isNaN(lastTimestamp) && timestamp > lastTimestamp) {
        interval[intervals % capacity] = timestamp - lastTimestamp;
        intervals++;
      }
      lastTimestamp = timestamp;
      cpu[recorded % capacity] = Number.isNaN(started) ? 0 : now() - started;
      recorded++;
      drawCalls = calls;
      triangles = tris;
    },
    stats(frames = 120) {
      const n = Math.max(1, Math.floor(frames));
      const cpuWindow = latest(cpu, recorded, n);
      return {
        frames: cpuWindow.length,
        drawCalls,
        triangles,
        frameMs: spread(latest(interval, intervals, n)),
        cpuMs: spread(cpuWindow),
      };
    },
  };
}
