// The scenes benchmark: example specs to SceneData (medium and large dungeon, 512-class terrain,
// forest), in Node and in the studio's scene worker in headless Chromium, with peak memory; then the
// large dungeon's frame time and draw calls in the studio. Compared with seed 000's claimed figures
// and our goals (PERFORMANCE.md). A case that throws is reported as "error: <message>", so cases whose
// generator has not landed yet start working when it does.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import type { RenderStats } from '../src/viewport/render-stats';
import type { GenerateOnceResult } from './lib/generate-once';
import { machineInfo, textTable, writeResult } from './lib/report';
import { FRAME_CASE, SCENE_CASES, type SceneCase } from './lib/scene-cases';
import { median, summarize, type Timing } from './lib/stats';
import { VIEWPORT, waitFrames, withStudio, type WorkerInspector } from './lib/studio-driver';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const GENERATE_ONCE = path.join(root, 'bench/lib/generate-once.ts');

/** Fresh Node processes per case, generations per process, baseline processes. */
const PROCESSES = 5;
const RUNS_PER_PROCESS = 5;
const BASELINE_PROCESSES = 5;
/** Timed studio.generate calls per case (after one first call), then heap-sampled calls. */
const BROWSER_RUNS = 5;
const MEMORY_RUNS = 3;
/**
 * A case whose first call takes longer than this has its heap sampled during the timed calls instead
 * of in extra calls: sampling costs well under 1% of a call that long, and the bench stays short.
 */
const SLOW_CALL_MS = 1000;
/** Heap sampling interval during such slow calls (back to back otherwise). */
const SLOW_SAMPLE_MS = 5;
/** Frames the frame time is taken over (at most FRAME_MAX_MS of them), after FRAME_WARMUP frames. */
const FRAME_WINDOW = 120;
const FRAME_WARMUP = 10;
const FRAME_MAX_MS = 30_000;
/** The demo scene's frame time (before any generation) is taken over at most this long. */
const IDLE_MAX_MS = 10_000;
const IDLE_CASE = 'demo scene (reference)';

const MB = 2 ** 20;
const message = (e: unknown) => (e instanceof Error ? e.message : String(e));
const readSpec = (example: string): unknown =>
  JSON.parse(readFileSync(path.join(root, 'public/examples', `${example}.json`), 'utf8'));

// ---- Node ----------------------------------------------------------------------------------------

export interface NodeCase {
  case: string;
  error?: string;
  /** The first generation in each fresh process (JIT cold, as a CLI run would be). */
  fresh?: Timing;
  /** The later generations in the same processes (JIT warm). */
  repeat?: Timing;
  /** Median of stats.phases totals of the first generations (the generator's own clock). */
  phasesMs?: number;
  /** stats.phases of the last process's first generation, phase by phase. */
  phases?: Record<string, number>;
  /** Median over processes of peak RSS after the first generation: the whole process. */
  peakMB?: number;
  /** peakMB minus the baseline process's peak RSS: what generating adds. */
  peakDeltaMB?: number;
  /** Highest peak RSS of any process after all its generations. */
  peakEndMB?: number;
  stats?: Record<string, number>;
  engines?: Record<string, string>;
}

function runChild(example: string, runs: number): GenerateOnceResult {
  try {
    const out = execFileSync(
      process.execPath,
      ['--import', 'tsx', GENERATE_ONCE, example, String(runs)],
      { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] },
    );
    return JSON.parse(out) as GenerateOnceResult;
  } catch (error) {
    const stderr = String((error as { stderr?: unknown }).stderr ?? '').trim();
    const last = stderr.split('\n').filter(Boolean).pop();
    return { error: `child process failed: ${last ?? message(error)}`, rssEndKiB: 0 };
  }
}

function nodeCase(c: SceneCase, baselineMB: number): NodeCase {
  const first: number[] = [];
  const later: number[] = [];
  const phases: number[] = [];
  const peaks: number[] = [];
  let peakEndMB = 0;
  let stats: Record<string, number> | undefined;
  let engines: Record<string, string> = {};
  let lastPhases: Record<string, number> = {};
  for (let p = 0; p < PROCESSES; p++) {
    const r = runChild(c.example, RUNS_PER_PROCESS);
    if ('error' in r) return { case: c.id, error: r.error };
    first.push(r.times[0]!);
    later.push(...r.times.slice(1));
    phases.push(r.phases[0]!);
    peaks.push(r.rssFirstKiB / 1024);
    peakEndMB = Math.max(peakEndMB, r.rssEndKiB / 1024);
    stats = r.stats;
    engines = r.engines;
    lastPhases = r.firstPhases;
  }
  const peakMB = median(peaks);
  return {
    case: c.id,
    fresh: summarize(`${c.id} fresh process`, 'node', first, 0),
    repeat: summarize(`${c.id} same process`, 'node', later, 0),
    phasesMs: median(phases),
    phases: lastPhases,
    peakMB,
    peakDeltaMB: peakMB - baselineMB,
    peakEndMB,
    ...(stats ? { stats } : {}),
    engines,
  };
}

function nodeHalf(): { baselineMB: number; cases: NodeCase[] } {
  const baselines: number[] = [];
  for (let i = 0; i < BASELINE_PROCESSES; i++) {
    const r = runChild(SCENE_CASES[0]!.example, 0);
    if (r.rssEndKiB > 0) baselines.push(r.rssEndKiB / 1024);
  }
  const baselineMB = baselines.length ? median(baselines) : 0;
  const cases = SCENE_CASES.map((c) => {
    process.stdout.write(`  node: ${c.id}…`);
    const r = nodeCase(c, baselineMB);
    process.stdout.write(r.error ? ' error\n' : ` ${r.fresh!.medianMs.toFixed(1)} ms\n`);
    return r;
  });
  return { baselineMB, cases };
}

// ---- Chromium ------------------------------------------------------------------------------------

export interface BrowserCase {
  case: string;
  error?: string;
  /** The first studio.generate call of this case on the page (includes the worker's start for the first case). */
  firstMs?: number;
  /** Wall time around studio.generate (worker, hash, transfer, store), warm worker. */
  wall?: Timing;
  /** Median of stats.phases totals: generateScene alone inside the worker. */
  phasesMs?: number;
  /** stats.phases of the last timed call, phase by phase. */
  phases?: Record<string, number>;
  /** Highest (peak - base) of the worker's heap over the sampled calls, MB. */
  heapDeltaMB?: number;
  /** 'extra calls' (MEMORY_RUNS after the timed ones) or 'timed calls' (slow cases). */
  heapSampledDuring?: string;
  /** Worker heap after a forced GC before a sampled call, MB. */
  heapBaseMB?: number;
  heapSamples?: number;
  stats?: Record<string, number>;
  engines?: Record<string, string>;
}

export interface FrameResult {
  case: string;
  error?: string;
  stats?: RenderStats;
  /** stats.drawCalls of the generated scene: batches x levels of detail in use. */
  sceneDrawCalls?: number;
  /** stats.triangles of the generated scene: every instance at its full mesh (lod0). */
  sceneTriangles?: number;
}

export interface BrowserHalf {
  error?: string;
  browserVersion?: string;
  renderer?: { backend: string; adapter: string };
  compute?: { backend: string; adapter: string; fallbackReason?: string };
  buildMs?: number;
  readyMs?: number;
  cases: BrowserCase[];
  /** The demo scene first (a reference for the page's own cost), then FRAME_CASE. */
  frames: FrameResult[];
  pageErrors: string[];
}

type CallResult =
  | {
      ms: number;
      phasesMs: number;
      drawCalls: number;
      triangles: number;
      instances: number;
      bytes: number;
      /** Which engine ran each accelerated phase, where the build reports it. */
      engines: Record<string, string>;
      phases: Record<string, number>;
    }
  | { error: string };

/** One studio.generate call, timed in the page (no DevTools round trip inside the figure). */
function generateIn(page: Page, spec: unknown): Promise<CallResult> {
  return page.evaluate(async (s) => {
    const t0 = performance.now();
    try {
      const r = await window.studio!.generate(s);
      const ms = performance.now() - t0;
      let phasesMs = 0;
      for (const v of Object.values(r.stats.phases)) phasesMs += v;
      return {
        ms,
        phasesMs,
        drawCalls: r.stats.drawCalls,
        triangles: r.stats.triangles,
        instances: r.stats.instances,
        bytes: r.stats.bytes,
        engines: (r.stats as { engines?: Record<string, string> }).engines ?? {},
        phases: r.stats.phases,
      };
    } catch (e) {
      return { error: e instanceof Error ? e.message : String(e) };
    }
  }, spec);
}

async function browserCase(
  page: Page,
  c: SceneCase,
  inspector: () => Promise<WorkerInspector>,
): Promise<BrowserCase> {
  const spec = readSpec(c.example);
  const first = await generateIn(page, spec);
  if ('error' in first) return { case: c.id, error: first.error };
  // Let the viewport take the new scene (its first frames compile pipelines) before the next call.
  await waitFrames(page, 2);
  const slow = first.ms > SLOW_CALL_MS;
  const worker = await inspector();
  const times: number[] = [];
  const phases: number[] = [];
  let lastPhases: Record<string, number> = {};
  let heapDeltaMB = 0;
  let heapBaseMB = 0;
  let heapSamples = 0;
  const sampled = async () => {
    const m = await worker.peakDuring(() => generateIn(page, spec), slow ? SLOW_SAMPLE_MS : 0);
    heapDeltaMB = Math.max(heapDeltaMB, (m.peakBytes - m.baseBytes) / MB);
    heapBaseMB = m.baseBytes / MB;
    heapSamples += m.samples;
    return m.result;
  };
  for (let i = 0; i < BROWSER_RUNS; i++) {
    const r = slow ? await sampled() : await generateIn(page, spec);
    if ('error' in r) return { case: c.id, error: r.error };
    times.push(r.ms);
    phases.push(r.phasesMs);
    lastPhases = r.phases;
    await waitFrames(page, 2);
  }
  for (let i = 0; !slow && i < MEMORY_RUNS; i++) {
    const r = await sampled();
    if ('error' in r) return { case: c.id, error: r.error };
    await waitFrames(page, 2);
  }
  const { ms: _ms, phasesMs: _p, phases: _ph, engines, ...stats } = first;
  return {
    case: c.id,
    firstMs: first.ms,
    wall: summarize(`${c.id} studio.generate`, 'chromium', times, 0),
    phasesMs: median(phases),
    phases: lastPhases,
    heapDeltaMB,
    heapSampledDuring: slow ? 'timed calls' : 'extra calls',
    heapBaseMB,
    heapSamples,
    stats,
    engines,
  };
}

/** The scene on show now: the demo scene before any generation. */
async function idleFrameTime(page: Page): Promise<FrameResult> {
  const n = await waitFrames(page, FRAME_WINDOW, IDLE_MAX_MS);
  const stats = await page.evaluate((k) => window.studio!.renderStats(k), n);
  return { case: IDLE_CASE, stats };
}

async function frameTime(page: Page): Promise<FrameResult> {
  const c = SCENE_CASES.find((s) => s.id === FRAME_CASE)!;
  const r = await generateIn(page, readSpec(c.example));
  if ('error' in r) return { case: c.id, error: r.error };
  await waitFrames(page, FRAME_WARMUP);
  const n = await waitFrames(page, FRAME_WINDOW, FRAME_MAX_MS);
  const stats = await page.evaluate((k) => window.studio!.renderStats(k), n);
  return { case: c.id, stats, sceneDrawCalls: r.drawCalls, sceneTriangles: r.triangles };
}

async function browserHalf(): Promise<BrowserHalf> {
  try {
    return await withStudio(async (s) => {
      console.log(
        `  chromium ${s.browserVersion}: studio built in ${(s.buildMs / 1000).toFixed(1)} s, ` +
          `ready in ${(s.readyMs / 1000).toFixed(1)} s (${s.renderer.backend}, ${s.renderer.adapter})`,
      );
      process.stdout.write(
        `  chromium: frame time of the demo scene (up to ${IDLE_MAX_MS / 1000} s)…`,
      );
      let idle: FrameResult;
      try {
        idle = await idleFrameTime(s.page);
      } catch (error) {
        idle = { case: IDLE_CASE, error: message(error) };
      }
      process.stdout.write(idle.error ? ' error\n' : ' done\n');
      let worker: WorkerInspector | undefined;
      const inspector = async () => (worker ??= await s.inspectWorker('canvas3d-scene'));
      const cases: BrowserCase[] = [];
      for (const c of SCENE_CASES) {
        process.stdout.write(`  chromium: ${c.id}…`);
        let r: BrowserCase;
        try {
          r = await browserCase(s.page, c, inspector);
        } catch (error) {
          r = { case: c.id, error: message(error) };
        }
        process.stdout.write(r.error ? ' error\n' : ` ${r.wall!.medianMs.toFixed(1)} ms\n`);
        cases.push(r);
      }
      process.stdout.write(`  chromium: frame time of ${FRAME_CASE} over ${FRAME_WINDOW} frames…`);
      let frame: FrameResult;
      try {
        frame = await frameTime(s.page);
      } catch (error) {
        frame = { case: FRAME_CASE, error: message(error) };
      }
      process.stdout.write(frame.error ? ' error\n' : ' done\n');
      return {
        browserVersion: s.browserVersion,
        renderer: s.renderer,
        compute: s.compute,
        buildMs: s.buildMs,
        readyMs: s.readyMs,
        cases,
        frames: [idle, frame],
        pageErrors: s.errors,
      };
    });
  } catch (error) {
    return { error: message(error), cases: [], frames: [], pageErrors: [] };
  }
}

// ---- Output --------------------------------------------------------------------------------------

const ms = (v: number) => (v >= 100 ? v.toFixed(0) : v.toFixed(1));
const mb = (v: number) => (v >= 100 ? v.toFixed(0) : v.toFixed(1));
const spread = (t: Timing) => `${ms(t.minMs)}-${ms(t.maxMs)}`;
const ratio = (v: number) => (v >= 10 ? v.toFixed(0) : v.toFixed(1));
/** "terrain on webgpu" for the phases that report an engine. */
const enginesNote = (engines: Record<string, string> | undefined) =>
  Object.entries(engines ?? {})
    .map(([phase, engine]) => `${phase} on ${engine}`)
    .join(', ');
const joinNotes = (...notes: string[]) => notes.filter(Boolean).join('; ');

function measurementTable(node: NodeCase[], browser: BrowserHalf): string {
  const head = [
    'case',
    'where',
    'runs',
    'median ms',
    'min-max ms',
    'phases ms',
    'memory MB',
    'raw peak MB',
    'draw calls',
    'note',
  ];
  const rows: string[][] = [];
  for (const c of SCENE_CASES) {
    const n = node.find((r) => r.case === c.id);
    if (n?.error) rows.push([c.id, 'node', `error: ${n.error}`]);
    else if (n) {
      rows.push([
        c.id,
        'node, fresh process',
        String(n.fresh!.runs),
        ms(n.fresh!.medianMs),
        spread(n.fresh!),
        ms(n.phasesMs!),
        `+${mb(n.peakDeltaMB!)} RSS`,
        mb(n.peakMB!),
        String(n.stats?.drawCalls ?? ''),
        joinNotes('1st generation per process', enginesNote(n.engines)),
      ]);
      rows.push([
        c.id,
        'node, same process',
        String(n.repeat!.runs),
        ms(n.repeat!.medianMs),
        spread(n.repeat!),
        '',
        '',
        mb(n.peakEndMB!),
        '',
        `generations 2-${RUNS_PER_PROCESS} per process`,
      ]);
    }
    const b = browser.cases.find((r) => r.case === c.id);
    if (browser.error) rows.push([c.id, 'chromium worker', `error: ${browser.error}`]);
    else if (b?.error) rows.push([c.id, 'chromium worker', `error: ${b.error}`]);
    else if (b) {
      rows.push([
        c.id,
        'chromium worker',
        String(b.wall!.runs),
        ms(b.wall!.medianMs),
        spread(b.wall!),
        ms(b.phasesMs!),
        `+${mb(b.heapDeltaMB!)} heap`,
        '',
        String(b.stats?.drawCalls ?? ''),
        joinNotes(
          `first call ${ms(b.firstMs!)} ms`,
          enginesNote(b.engines),
          b.heapSampledDuring === 'timed calls' ? 'heap sampled during the timed calls' : '',
        ),
      ]);
    }
  }
  return textTable(head, rows);
}

interface GoalRow {
  case: string;
  where: string;
  ms: number;
  memMB: number;
  memWhat: string;
  speedup?: number;
  memRatio?: number;
  timeGoal?: 'pass' | 'miss';
  memGoal?: 'pass' | 'miss';
}

function goalRows(node: NodeCase[], browser: BrowserHalf): GoalRow[] {
  const out: GoalRow[] = [];
  for (const c of SCENE_CASES) {
    const entries: Omit<GoalRow, 'case'>[] = [];
    const n = node.find((r) => r.case === c.id && !r.error);
    if (n) {
      entries.push({
        where: 'node, fresh process',
        ms: n.fresh!.medianMs,
        memMB: n.peakMB!,
        memWhat: 'RSS',
      });
    }
    const b = browser.cases.find((r) => r.case === c.id && !r.error);
    if (b) {
      entries.push({
        where: 'chromium worker',
        ms: b.wall!.medianMs,
        memMB: b.heapDeltaMB!,
        memWhat: 'heap',
      });
    }
    for (const e of entries) {
      out.push({
        case: c.id,
        ...e,
        ...(c.anchor ? { speedup: c.anchor.ms / e.ms, memRatio: c.anchor.mb / e.memMB } : {}),
        ...(c.goal
          ? {
              timeGoal: e.ms < c.goal.ms ? 'pass' : 'miss',
              memGoal: e.memMB < c.goal.mb ? 'pass' : 'miss',
            }
          : {}),
      });
    }
  }
  return out;
}

function goalTable(rows: GoalRow[]): string {
  const head = [
    'case',
    'where',
    'ours',
    'seed 000',
    'speed-up',
    'memory ratio',
    'goal',
    'time',
    'memory',
  ];
  return textTable(
    head,
    rows.map((r) => {
      const c = SCENE_CASES.find((s) => s.id === r.case)!;
      return [
        r.case,
        r.where,
        `${ms(r.ms)} ms / ${mb(r.memMB)} MB ${r.memWhat}`,
        c.anchor ? `${c.anchor.ms} ms / ${c.anchor.mb} MB` : 'no figure',
        r.speedup === undefined ? '' : `${ratio(r.speedup)}x`,
        r.memRatio === undefined ? '' : `${ratio(r.memRatio)}x less`,
        c.goal?.text ?? 'none set',
        r.timeGoal ?? '',
        r.memGoal ?? '',
      ];
    }),
  );
}

function frameTable(results: FrameResult[]): string {
  const head = [
    'scene',
    'frames',
    'frame ms median',
    'frame ms p95',
    'render JS ms median',
    'render JS ms p95',
    'draw calls',
    'triangles',
    'scene draw calls',
    'scene triangles (lod0)',
  ];
  const rows = results.map((f) => {
    if (f.error || !f.stats) return [f.case, `error: ${f.error ?? 'no render stats'}`];
    const s = f.stats;
    return [
      f.case,
      String(s.frames),
      ms(s.frameMs.median),
      ms(s.frameMs.p95),
      ms(s.cpuMs.median),
      ms(s.cpuMs.p95),
      String(s.drawCalls),
      s.triangles.toLocaleString('en-US'),
      String(f.sceneDrawCalls ?? ''),
      f.sceneTriangles?.toLocaleString('en-US') ?? '',
    ];
  });
  return textTable(head, rows);
}

export async function scenes(options: { browser?: boolean } = {}): Promise<void> {
  console.log(
    '== scenes: example specs to SceneData (dungeon medium/large, terrain 512 class, forest), ' +
      'in Node and in the studio worker; frame time of the large dungeon in the studio\n',
  );
  const loadBefore = machineInfo().loadAverage;
  const t0 = performance.now();
  const node = nodeHalf();
  const t1 = performance.now();
  console.log(`  node half: ${((t1 - t0) / 1000).toFixed(0)} s`);
  const browser: BrowserHalf =
    options.browser === false
      ? { error: 'skipped (--no-browser)', cases: [], frames: [], pageErrors: [] }
      : await browserHalf();
  if (options.browser !== false) {
    console.log(`  browser half: ${((performance.now() - t1) / 1000).toFixed(0)} s`);
  }

  console.log(`\n${measurementTable(node.cases, browser)}\n`);
  console.log(
    [
      `node, fresh process: ${PROCESSES} processes per case, median of each one's first generation; ` +
        `memory = peak RSS after it minus a baseline process's peak RSS (same modules and spec, no ` +
        `generation: ${mb(node.baselineMB)} MB); raw peak = the whole process's peak RSS.`,
      `node, same process: generations 2-${RUNS_PER_PROCESS} in those processes (JIT warm); raw peak ` +
        `= the highest process peak after all ${RUNS_PER_PROCESS}.`,
      `chromium worker: wall time around window.studio.generate(spec) in the production build ` +
        `(scene worker, hash, transfer back, store), ${BROWSER_RUNS} calls after a first one; phases ` +
        `= generateScene's own phase timings. memory = peak minus base of the scene worker's V8 heap ` +
        `plus ArrayBuffer backing stores (CDP Runtime.getHeapUsage, sampled back to back during ` +
        `${MEMORY_RUNS} more calls, or every ${SLOW_SAMPLE_MS} ms during the timed calls when the ` +
        `first call took over ${SLOW_CALL_MS / 1000} s; a forced GC before each); the renderer ` +
        `process and the main thread are not in it.`,
    ].join('\n'),
  );

  const goals = goalRows(node.cases, browser);
  console.log(`\n${goalTable(goals)}\n`);
  console.log(
    'seed 000 figures are claims from its design document, not measurements of ours. Goals from ' +
      'PERFORMANCE.md; the memory goal is judged on the whole Node process (raw peak RSS) and on ' +
      'the worker heap in Chromium.',
  );

  const frame = browser.frames.find((f) => f.case === FRAME_CASE);
  if (frame) {
    console.log(
      `\nframe time in the studio (${VIEWPORT.width}x${VIEWPORT.height}, ${browser.renderer?.backend ?? '?'} ` +
        `on ${browser.renderer?.adapter ?? '?'}); ${FRAME_CASE} after ${FRAME_WARMUP} warm-up ` +
        `frames, the demo scene before any generation as a reference:\n`,
    );
    console.log(frameTable(browser.frames));
    console.log(
      '\nframe ms = requestAnimationFrame interval; render JS ms = main-thread time of one frame ' +
        '(useFrame + renderer.render encoding and submit); draw calls and triangles = what three ' +
        'issued in the latest frame (renderer.info, via window.studio.renderStats()); scene draw ' +
        "calls/triangles = the scene's stats (one call per batch and LOD level, every instance at " +
        'lod0): upper bounds, since LOD levels with no instances at this camera are not drawn.',
    );
    const covered = frame.stats?.frames ?? 0;
    if (covered > 0 && covered < FRAME_WINDOW) {
      console.log(
        `Only ${covered} frames: the window is capped at ${FRAME_MAX_MS / 1000} s so the ` +
          'benchmark stays short when frames are slow.',
      );
    }
    if (/swiftshader/i.test(browser.renderer?.adapter ?? '')) {
      console.log(
        'NOTE: the adapter is SwiftShader, a CPU emulation of a GPU: this frame time is CPU ' +
          'rasterisation on this machine, not a GPU figure.',
      );
    }
    const median = frame.stats?.frameMs.median ?? 0;
    if (median > 0 && median < 18) {
      console.log('The frame interval is at the display rate (vsync-capped): it is a floor.');
    }
  }
  if (browser.pageErrors.length) {
    console.log(`\npage errors:\n  ${browser.pageErrors.join('\n  ')}`);
  }

  const machine = machineInfo({
    loadAverageBefore: loadBefore,
    chromium: browser.browserVersion ?? null,
    renderer: browser.renderer ?? null,
    compute: browser.compute ?? null,
  });
  const file = writeResult('scenes', {
    machine,
    settings: {
      processes: PROCESSES,
      runsPerProcess: RUNS_PER_PROCESS,
      baselineProcesses: BASELINE_PROCESSES,
      browserRuns: BROWSER_RUNS,
      memoryRuns: MEMORY_RUNS,
      frameWindow: FRAME_WINDOW,
      viewport: VIEWPORT,
    },
    cases: SCENE_CASES,
    node,
    browser,
    goals,
  });
  console.log(
    `\nmachine: ${machine.cpu}, ${machine.cores} cores, Node ${machine.node}, ` +
      `Chromium ${machine.chromium ?? 'n/a'}; load average (1 min) ${loadBefore[0]} before, ` +
      `${machine.loadAverage[0]} after; results: ${file}\n`,
  );
}
