// `npm run bench [name] [--no-browser]`: named benchmarks, in Node and in headless Chromium, each
// against its peer or its anchor figures. Prints tables (median, spread, ratios) and writes JSON under
// bench/results/ with the machine described. `noise-fbm`: noise bake vs simplex-noise; `scenes`
// (alias `dungeon`): scene generation, memory and frame time (bench/scenes.ts); `editing`: gizmo
// drag, modal move, undo/redo and hide on the large dungeon in the studio (bench/editing.ts);
// `materials`: 100 presets baked at 512x512, WGSL kernels vs the CPU reference (bench/materials.ts);
// `share`: share-link size and encode/decode time per example vs CompressionStream (bench/share.ts);
// `shape`: image to 3D, per stage, WASM in Node and WASM / WebGPU EP in the studio (bench/shape.ts;
// `--skip-webgpu` leaves out the WebGPU EP, which takes many minutes on SwiftShader).
import { bakeNoiseCpu } from '../src/core/noise';
import { NOISE_CASE, NOISE_CASE_PARAMS, NOISE_CASE_SAMPLES } from './lib/noise-case';
import { peerFbm } from './lib/simplex-peer';
import { summarize, timeRuns, type Timing } from './lib/stats';
import type { BrowserBenchResult } from './browser/noise-bench';
import { machineInfo, textTable, writeResult } from './lib/report';
import { scenes } from './scenes';
import { editing } from './editing';
import { runBenchPage } from './lib/bench-page';
import { materials } from './materials';
import { share } from './share';
import { shape } from './shape';

const PEER = 'simplex-noise (peer)';

async function nodeHalf(): Promise<Timing[]> {
  const { size, octaves, frequency, seed } = NOISE_CASE;
  bakeNoiseCpu({ ...NOISE_CASE_PARAMS, width: 64, height: 64 }); // JIT warm-up
  peerFbm(64, 64, octaves, frequency, seed);
  return [
    summarize(
      'CPU reference (TypeScript)',
      'node',
      await timeRuns(3, () => bakeNoiseCpu(NOISE_CASE_PARAMS)),
      NOISE_CASE_SAMPLES,
    ),
    summarize(
      PEER,
      'node',
      await timeRuns(5, () => peerFbm(size, size, octaves, frequency, seed)),
      NOISE_CASE_SAMPLES,
    ),
  ];
}

function browserHalf() {
  return runBenchPage<BrowserBenchResult>('noise.html', 600_000);
}

function table(timings: Timing[]): string {
  const peerOf = (t: Timing) => timings.find((p) => p.where === t.where && p.name === PEER);
  const rows = timings.map((t) => {
    const peer = peerOf(t);
    const ratio = peer ? peer.medianMs / t.medianMs : undefined;
    return [
      t.where,
      t.name,
      t.medianMs.toFixed(1),
      t.minMs.toFixed(1),
      t.maxMs.toFixed(1),
      (t.samples / t.medianMs / 1000).toFixed(1),
      ratio === undefined ? '' : `${ratio.toFixed(2)}x`,
      t.note ?? '',
    ];
  });
  const head = [
    'where',
    'benchmark',
    'median ms',
    'min ms',
    'max ms',
    'M samples/s',
    'vs peer',
    'note',
  ];
  return textTable(head, rows);
}

async function noiseFbm() {
  console.log(
    `== noise-fbm: ${NOISE_CASE.size}x${NOISE_CASE.size} simplex FBM, ${NOISE_CASE.octaves} octaves ` +
      `(${(NOISE_CASE_SAMPLES / 1e6).toFixed(1)} M noise samples per run)\n`,
  );
  const node = await nodeHalf();
  const browser = await browserHalf();
  const timings = [...node, ...browser.timings];
  console.log(table(timings));
  console.log(
    `\nratio "vs peer" = peer median / this median, same environment (>1: faster than the peer).`,
  );
  console.log(
    `adapter: ${browser.adapter}${browser.gpuError ? ` (error: ${browser.gpuError})` : ''}`,
  );
  if (browser.architecture === 'swiftshader') {
    console.log(
      'NOTE: the WebGPU adapter is SwiftShader, a CPU emulation. Its timing says nothing about a real ' +
        'GPU; measure GPU speed on a machine with one.',
    );
  }
  const machine = machineInfo({
    browser: browser.browserVersion,
    userAgent: browser.userAgent,
    adapter: browser.adapter,
    adapterArchitecture: browser.architecture,
  });
  const file = writeResult('noise-fbm', { case: NOISE_CASE, machine, timings });
  console.log(`\nmachine: ${machine.cpu}, ${machine.cores} cores; results: ${file}\n`);
}

const BENCHMARKS: Record<string, (flags: Set<string>) => unknown> = {
  'noise-fbm': noiseFbm,
  scenes: (flags) => scenes({ browser: !flags.has('--no-browser') }),
  materials: (flags) => materials({ browser: !flags.has('--no-browser') }),
  editing: (flags) =>
    flags.has('--no-browser')
      ? console.log('== editing: skipped (--no-browser; it runs only in the studio)\n')
      : editing(),
  share: () => share(),
  shape: (flags) =>
    shape({ browser: !flags.has('--no-browser'), webgpu: !flags.has('--skip-webgpu') }),
};
/** Old names that still work. */
const ALIASES: Record<string, string> = { dungeon: 'scenes' };

async function main() {
  const args = process.argv.slice(2);
  const flags = new Set(args.filter((a) => a.startsWith('--')));
  const named = args.find((a) => !a.startsWith('--'));
  const only = named ? (ALIASES[named] ?? named) : undefined;
  if (only && !BENCHMARKS[only]) {
    const known = [...Object.keys(BENCHMARKS), ...Object.keys(ALIASES)].join(', ');
    console.error(`unknown benchmark '${named}'; known: ${known}`);
    process.exit(2);
  }
  for (const [name, run] of Object.entries(BENCHMARKS)) {
    if (!only || only === name) await run(flags);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
