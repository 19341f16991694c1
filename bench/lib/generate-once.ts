// Child process for the dungeon benchmark: generates one example scene several times and reports
// timings and this process's peak resident memory, so each case's memory is measured on its own.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateScene } from '../../src/core/scene/generate-scene';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const [example, runsArg] = process.argv.slice(2);
const runs = Number(runsArg ?? 5);

async function main() {
  const spec: unknown = JSON.parse(
    readFileSync(path.join(root, 'public/examples', `${example}.json`), 'utf8'),
  );
  const baselineRssKiB = process.resourceUsage().maxRSS;
  const times: number[] = [];
  let stats = {};
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    const scene = await generateScene(spec);
    times.push(performance.now() - t0);
    stats = {
      drawCalls: scene.stats.drawCalls,
      instances: scene.stats.instances,
      triangles: scene.stats.triangles,
      bytes: scene.stats.bytes,
    };
  }
  const peakRssKiB = process.resourceUsage().maxRSS;
  process.stdout.write(JSON.stringify({ times, baselineRssKiB, peakRssKiB, stats }));
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
