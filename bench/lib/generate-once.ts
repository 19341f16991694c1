// Child process of the scenes benchmark: generates one example scene `runs` times in this fresh
// process and prints JSON: times, phase totals, and this process's peak RSS before generating, after
// the first generation and at the end. With runs = 0 it only loads the same modules and spec: the
// baseline process. A generation that throws is reported as { error }, never as a crash.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateScene } from '../../src/core/scene/generate-scene';

export type GenerateOnceResult =
  | {
      times: number[];
      /** stats.phases summed per run (the generator's own clock). */
      phases: number[];
      /** stats.phases of the first run, phase by phase. */
      firstPhases: Record<string, number>;
      rssBeforeKiB: number;
      /** Peak RSS after the first generation (0 when runs = 0). */
      rssFirstKiB: number;
      rssEndKiB: number;
      stats: Record<string, number>;
      /** Which engine ran each accelerated phase (Node: the CPU references). */
      engines: Record<string, string>;
    }
  | { error: string; rssEndKiB: number };

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const [example, runsArg] = process.argv.slice(2);
const runs = Number(runsArg ?? 5);

/** maxRSS of this process so far, in KiB (Linux and macOS report it in KiB through libuv). */
const peakRssKiB = () => process.resourceUsage().maxRSS;

async function main(): Promise<GenerateOnceResult> {
  const spec: unknown = JSON.parse(
    readFileSync(path.join(root, 'public/examples', `${example}.json`), 'utf8'),
  );
  const rssBeforeKiB = peakRssKiB();
  const times: number[] = [];
  const phases: number[] = [];
  let rssFirstKiB = 0;
  let stats: Record<string, number> = {};
  let engines: Record<string, string> = {};
  let firstPhases: Record<string, number> = {};
  try {
    for (let i = 0; i < runs; i++) {
      const t0 = performance.now();
      const scene = await generateScene(spec);
      times.push(performance.now() - t0);
      phases.push(Object.values(scene.stats.phases).reduce((a, b) => a + b, 0));
      if (i === 0) {
        rssFirstKiB = peakRssKiB();
        firstPhases = scene.stats.phases;
      }
      stats = {
        drawCalls: scene.stats.drawCalls,
        instances: scene.stats.instances,
        triangles: scene.stats.triangles,
        bytes: scene.stats.bytes,
      };
      engines = (scene.stats as { engines?: Record<string, string> }).engines ?? {};
    }
  } catch (error) {
    return {
      error: error instanceof Error ? error.message : String(error),
      rssEndKiB: peakRssKiB(),
    };
  }
  return {
    times,
    phases,
    firstPhases,
    rssBeforeKiB,
    rssFirstKiB,
    rssEndKiB: peakRssKiB(),
    stats,
    engines,
  };
}

main().then(
  (result) => process.stdout.write(JSON.stringify(result)),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
