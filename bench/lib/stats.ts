// Timing helpers shared by the Node and browser halves of the benchmarks.

export interface Timing {
  name: string;
  where: 'node' | 'chromium';
  runs: number;
  medianMs: number;
  minMs: number;
  maxMs: number;
  /** Work items per run (noise samples: texels x octaves), for a throughput figure. */
  samples: number;
  note?: string;
}

/** Median of the values (NaN when there are none). */
export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export function summarize(
  name: string,
  where: Timing['where'],
  times: number[],
  samples: number,
  note?: string,
): Timing {
  const sorted = [...times].sort((a, b) => a - b);
  return {
    name,
    where,
    runs: times.length,
    medianMs: median(sorted),
    minMs: sorted[0]!,
    maxMs: sorted[sorted.length - 1]!,
    samples,
    ...(note ? { note } : {}),
  };
}

export async function timeRuns(
  runs: number,
  fn: () => unknown | Promise<unknown>,
): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
  }
  return times;
}
