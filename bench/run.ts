// `npm run bench`: named benchmarks, each run side by side with its peer in the same process on the
// same input, in Node and in headless Chromium. Prints a table (median, min, max, throughput, ratio
// vs peer) and writes JSON under bench/results/ with the machine described.
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { createServer } from 'vite';
import { bakeNoiseCpu } from '../src/core/noise';
import { NOISE_CASE, NOISE_CASE_PARAMS, NOISE_CASE_SAMPLES } from './lib/noise-case';
import { peerFbm } from './lib/simplex-peer';
import { summarize, timeRuns, type Timing } from './lib/stats';
import type { BrowserBenchResult } from './browser/noise-bench';
import { dungeonTable, runDungeonBench } from './dungeon';
import { WEBGPU_ARGS, chromiumEnv, findChromium } from '../scripts/chromium.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
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

async function browserHalf(): Promise<BrowserBenchResult & { browserVersion: string }> {
  const executablePath = findChromium();
  if (!executablePath) throw new Error('no Chromium found: set CHROMIUM_BIN or install chromium');
  const server = await createServer({
    root,
    configFile: path.join(root, 'vite.config.ts'),
    logLevel: 'error',
    server: { port: 0, strictPort: false },
  });
  await server.listen();
  const url = `${server.resolvedUrls!.local[0]!}bench/browser/noise.html`;
  const browser = await chromium.launch({
    executablePath,
    args: WEBGPU_ARGS,
    env: chromiumEnv(executablePath) as Record<string, string>,
  });
  try {
    const page = await browser.newPage();
    page.setDefaultTimeout(600_000);
    await page.goto(url);
    const result = await page.evaluate(
      () => (window as Window & { benchResult?: Promise<BrowserBenchResult> }).benchResult!,
    );
    return { ...result, browserVersion: browser.version() };
  } finally {
    await browser.close();
    await server.close();
  }
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
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (r: string[]) => r.map((c, i) => c.padEnd(widths[i]!)).join('  ');
  return [line(head), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

function machineInfo(extra: Record<string, string> = {}) {
  return {
    cpu: os.cpus()[0]?.model ?? 'unknown',
    cores: os.cpus().length,
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    platform: `${os.platform()} ${os.release()}`,
    node: process.version,
    ...extra,
  };
}

function writeResult(name: string, result: Record<string, unknown>): string {
  const dir = path.join(root, 'bench', 'results');
  mkdirSync(dir, { recursive: true });
  const date = new Date().toISOString();
  const out = { benchmark: name, date, ...result };
  const file = path.join(dir, `${name}-${date.replace(/[:.]/g, '-')}.json`);
  writeFileSync(file, `${JSON.stringify(out, null, 2)}\n`);
  writeFileSync(path.join(dir, `${name}-latest.json`), `${JSON.stringify(out, null, 2)}\n`);
  return path.relative(root, file);
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

function dungeon() {
  console.log('== dungeon: example spec to SceneData in Node (each case in its own process)\n');
  const results = runDungeonBench();
  console.log(dungeonTable(results));
  const base = Math.max(...results.map((r) => r.baselineRssMB));
  console.log(
    `\npeak RSS is the whole Node process (runtime and TypeScript loader included: ${base.toFixed(0)} MB before generating).`,
  );
  console.log(
    'seed 000 figures are claims from the original design document, not measurements of ours.',
  );
  const file = writeResult('dungeon', { machine: machineInfo(), results });
  console.log(`results: ${file}\n`);
}

const BENCHMARKS: Record<string, () => unknown> = { 'noise-fbm': noiseFbm, dungeon };

async function main() {
  const only = process.argv[2];
  if (only && !BENCHMARKS[only]) {
    console.error(`unknown benchmark '${only}'; known: ${Object.keys(BENCHMARKS).join(', ')}`);
    process.exit(2);
  }
  for (const [name, run] of Object.entries(BENCHMARKS)) {
    if (!only || only === name) await run();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
