// The dungeon benchmark: medium and large example dungeons, spec to SceneData, in Node, each case in
// its own process so its peak memory is its own. Compared with seed 000's claimed figures (medium
// 1.7 s / 720 MB, large 9.2 s / 2.1 GB); our goal for the large one: under 0.3 s and 200 MB.
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { summarize, type Timing } from './lib/stats';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export const DUNGEON_ANCHORS = {
  'dungeon-medium': { ms: 1700, mb: 720 },
  'dungeon-large': { ms: 9200, mb: 2100 },
} as const;

export interface DungeonResult {
  example: keyof typeof DUNGEON_ANCHORS;
  timing: Timing;
  peakRssMB: number;
  baselineRssMB: number;
  stats: Record<string, number>;
}

export function runDungeonBench(runs = 7): DungeonResult[] {
  const tsx = path.join(root, 'node_modules', '.bin', 'tsx');
  return (Object.keys(DUNGEON_ANCHORS) as (keyof typeof DUNGEON_ANCHORS)[]).map((example) => {
    const out = execFileSync(
      tsx,
      [path.join(root, 'bench/lib/generate-once.ts'), example, String(runs)],
      {
        encoding: 'utf8',
      },
    );
    const r = JSON.parse(out) as {
      times: number[];
      baselineRssKiB: number;
      peakRssKiB: number;
      stats: Record<string, number>;
    };
    return {
      example,
      timing: summarize(`generate ${example}`, 'node', r.times, 0),
      peakRssMB: r.peakRssKiB / 1024,
      baselineRssMB: r.baselineRssKiB / 1024,
      stats: r.stats,
    };
  });
}

export function dungeonTable(results: DungeonResult[]): string {
  const head = [
    'example',
    'median ms',
    'min ms',
    'max ms',
    'peak RSS MB',
    'draw calls',
    'seed 000 claim',
    'speed vs claim',
    'memory vs claim',
  ];
  const rows = results.map((r) => {
    const a = DUNGEON_ANCHORS[r.example];
    return [
      r.example,
      r.timing.medianMs.toFixed(1),
      r.timing.minMs.toFixed(1),
      r.timing.maxMs.toFixed(1),
      r.peakRssMB.toFixed(0),
      String(r.stats.drawCalls ?? ''),
      `${a.ms} ms / ${a.mb} MB`,
      `${(a.ms / r.timing.medianMs).toFixed(0)}x faster`,
      `${(a.mb / r.peakRssMB).toFixed(1)}x less`,
    ];
  });
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (r: string[]) => r.map((c, i) => c.padEnd(widths[i]!)).join('  ');
  return [line(head), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}
