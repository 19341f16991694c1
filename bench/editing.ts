// The editing benchmark: what interaction costs on the large dungeon (17,487 objects) in the
// production studio, driven in headless Chromium as a user would (real pointer and key events through
// Playwright). It measures, in one run: the idle frame interval and main-thread render time, the same
// during a gizmo drag and a modal G move of one barrel (as ratios to idle at the same camera), the
// DOM mutations in the sidebar and the spec panel during those gestures (a drag must not re-render
// React per frame: the previews write matrices directly and only the release reaches the store),
// whether each gesture moved the object and left exactly one history entry, and the cost of undo,
// redo, a 6,123-object hide, sceneHash() and objects() at this scale. Why: editing must stay smooth
// and undo instant on the largest scene we generate, and these are the figures that would regress
// first (a per-frame store write, a per-move React render, an O(scene) undo). The renderer here is
// SwiftShader (WebGPU emulated on the CPU), so absolute frame times are CPU rasterisation, not a GPU's;
// the ratios between gestures and idle, the mutation counts and the store/undo times are what matter.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import type { RenderStats } from '../src/viewport/render-stats';
import { machineInfo, textTable, writeResult } from './lib/report';
import { median } from './lib/stats';
import {
  VIEWPORT,
  framesNow,
  waitFrames,
  withStudio,
  type StudioSession,
} from './lib/studio-driver';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const EXAMPLE = 'dungeon-large';
/** The object dragged and moved. */
const OBJECT = 'prop:barrel#0';
/** The large edit hides every instance of this part. */
const FLOOR_PREFIX = 'dungeon:floor#';
/** Frames to let the new scene settle after generation (at most WARMUP_MAX_MS). */
const WARMUP_FRAMES = 60;
const WARMUP_MAX_MS = 15_000;
/** Idle windows: up to IDLE_FRAMES frames, at most IDLE_MAX_MS (SwiftShader: ~0.5 s a frame). */
const IDLE_FRAMES = 60;
const IDLE_MAX_MS = 15_000;
/** Frames after pressing F before the framed idle window (the LOD re-sort after a camera jump). */
const SETTLE_FRAMES = 3;
/** Gesture: pointer moves, one per rendered frame, DRAG_PX in all along the X arrow's direction. */
const STEPS = 40;
const DRAG_PX = 120;
/** Where the X arrow is grabbed: this far from the origin along its screen direction (as e2e). */
const GRAB_PX = 48;
/** Longest wait for one frame during a gesture. */
const STEP_MAX_MS = 5_000;
/** Mutations are counted this long after the release, to show the probe sees the inspector. */
const AFTER_RELEASE_MS = 500;
/** Undo/redo pairs per edit, and timed repetitions of the large edit itself. */
const UNDO_PAIRS = 5;
const EDIT_REPEATS = 3;
const OBJECTS_CALLS = 5;

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));
const ms = (v: number | undefined) =>
  v === undefined || Number.isNaN(v) ? '' : v < 10 ? v.toFixed(2) : v.toFixed(1);
const ratio = (a: number, b: number) => (b > 0 && Number.isFinite(a / b) ? a / b : Number.NaN);
const x = (v: number) => (Number.isNaN(v) ? '' : `${v.toFixed(2)}x`);

type Vec3 = [number, number, number];
type Point = { x: number; y: number };

// ---- In-page helpers -----------------------------------------------------------------------------

interface MutationCounts {
  sidebar: number;
  spec: number;
  /** Everything else in the page (direct DOM writes such as the modal hint line). */
  other: number;
  /** Where the `other` mutations were, most first: 'div.hint-line ×12'. */
  otherWhere: string[];
}

interface OpTiming {
  ok: boolean;
  /** The store call alone (undo(), redo(), edit()): the store and its synchronous subscribers. */
  storeMs: number;
  /** Until the next task: adds React's commit (scheduled as a microtask) and its effects. */
  settledMs: number;
  /** Until two requestAnimationFrame callbacks: the viewport has rendered the new state. */
  shownMs: number;
  /** await sceneHash() after that. */
  hashMs: number;
  hash: string | null;
  /** Render stats of the latest frame once shown: proves what the viewport drew. */
  triangles: number;
  drawCalls: number;
  /** Highest main-thread render time of the two frames after the call. */
  frameCpuMs: number;
}

interface BenchHelpers {
  panels(): { sidebar: boolean; spec: boolean };
  resetMutations(): void;
  mutations(): MutationCounts;
  raf(): Promise<void>;
  /** Times objects() `n` times; keeps the floor ids for the large edit; returns times and counts. */
  timeObjects(n: number, prefix: string): { times: number[]; objects: number; floors: number };
  op(kind: 'undo' | 'redo' | 'hide-floors' | 'none'): Promise<OpTiming>;
}

/** Plain JavaScript, evaluated once in the page (not transpiled, so no bundler helpers leak in). */
const PAGE_HELPERS = `(() => {
  const counts = { sidebar: 0, spec: 0, other: 0 };
  const where = new Map();
  const describe = (node) => {
    const el = node && node.nodeType === 1 ? node : node && node.parentElement;
    if (!el) return '?';
    const cls = typeof el.className === 'string' && el.className.trim()
      ? '.' + el.className.trim().split(/\\s+/).join('.') : '';
    const tid = el.getAttribute && el.getAttribute('data-testid');
    return el.tagName.toLowerCase() + cls + (tid ? '[data-testid=' + tid + ']' : '');
  };
  const handle = (records) => {
    const sidebar = document.querySelector('aside[aria-label="Scene"]');
    const spec = document.querySelector('[data-testid="spec-panel"]');
    for (const r of records) {
      if (sidebar && sidebar.contains(r.target)) counts.sidebar++;
      else if (spec && spec.contains(r.target)) counts.spec++;
      else {
        counts.other++;
        const d = describe(r.target);
        where.set(d, (where.get(d) || 0) + 1);
      }
    }
  };
  const observer = new MutationObserver(handle);
  observer.observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
  const raf = () => new Promise((r) => requestAnimationFrame(() => r()));
  const nextTask = () => new Promise((r) => {
    const c = new MessageChannel();
    c.port1.onmessage = () => { c.port1.close(); r(); };
    c.port2.postMessage(0);
  });
  let floorIds = [];
  window.__editingBench = {
    panels: () => ({
      sidebar: !!document.querySelector('aside[aria-label="Scene"]'),
      spec: !!document.querySelector('[data-testid="spec-panel"]'),
    }),
    resetMutations() {
      handle(observer.takeRecords());
      counts.sidebar = 0; counts.spec = 0; counts.other = 0;
      where.clear();
    },
    mutations() {
      handle(observer.takeRecords());
      const otherWhere = [...where.entries()].sort((a, b) => b[1] - a[1]).slice(0, 4)
        .map(([k, v]) => k + ' x' + v);
      return { ...counts, otherWhere };
    },
    raf,
    timeObjects(n, prefix) {
      const times = [];
      let list = [];
      for (let i = 0; i < n; i++) {
        const t0 = performance.now();
        list = window.studio.objects();
        times.push(performance.now() - t0);
      }
      floorIds = list.filter((o) => o.id.startsWith(prefix)).map((o) => o.id);
      return { times, objects: list.length, floors: floorIds.length };
    },
    async op(kind) {
      const s = window.studio;
      const t0 = performance.now();
      let ok = true;
      if (kind === 'undo') ok = s.undo();
      else if (kind === 'redo') ok = s.redo();
      else if (kind === 'hide-floors') s.edit({ type: 'setHidden', ids: floorIds, hidden: true });
      const t1 = performance.now();
      await nextTask();
      const t2 = performance.now();
      await raf();
      await raf();
      const t3 = performance.now();
      const hash = await s.sceneHash();
      const t4 = performance.now();
      const last = s.renderStats(1);
      const two = s.renderStats(2);
      return {
        ok, storeMs: t1 - t0, settledMs: t2 - t0, shownMs: t3 - t0, hashMs: t4 - t3, hash,
        triangles: last.triangles, drawCalls: last.drawCalls, frameCpuMs: two.cpuMs.p95,
      };
    },
  };
})()`;

type BenchWindow = Window & { __editingBench: BenchHelpers };

// Callbacks run in the page: they name window.__editingBench themselves (no Node closures).
const resetMutations = (page: Page) =>
  page.evaluate(() => (window as unknown as BenchWindow).__editingBench.resetMutations());
const mutations = (page: Page) =>
  page.evaluate(() => (window as unknown as BenchWindow).__editingBench.mutations());

// ---- Steps ---------------------------------------------------------------------------------------

/** Render stats over exactly the frames rendered since frame count `from`. */
function statsSince(page: Page, from: number): Promise<RenderStats> {
  return page.evaluate((f) => {
    const s = window.studio!;
    return s.renderStats(Math.max(1, s.frames() - f));
  }, from);
}

const nextFrame = (page: Page) =>
  Promise.race([
    page.evaluate(() => (window as unknown as BenchWindow).__editingBench.raf()),
    new Promise((r) => setTimeout(r, STEP_MAX_MS)),
  ]);

export interface FrameWindow {
  name: string;
  /** Wall time of the window (ms). */
  wallMs: number;
  stats: RenderStats;
}

async function idleWindow(page: Page, name: string): Promise<FrameWindow> {
  const from = await framesNow(page);
  const t0 = performance.now();
  await waitFrames(page, IDLE_FRAMES, IDLE_MAX_MS);
  const stats = await statsSince(page, from);
  return { name, wallMs: performance.now() - t0, stats };
}

export interface GestureResult {
  name: string;
  error?: string;
  frames?: FrameWindow;
  steps?: number;
  /** Pointer travel in CSS px. */
  pointerPx?: number;
  positionBefore?: Vec3;
  positionAfter?: Vec3;
  historyAdded?: number;
  historyLabel?: string;
  /** From the gesture's start (pointerdown / G) to just before its end (pointerup / Enter). */
  during?: MutationCounts;
  /** In AFTER_RELEASE_MS after the end. */
  after?: MutationCounts;
  hashBefore?: string | null;
  hashAfter?: string | null;
}

const position = (page: Page, id: string) =>
  page.evaluate((i) => window.studio!.object(i)?.position ?? null, id);
const historyNow = (page: Page) => page.evaluate(() => window.studio!.history().past);
const hashNow = (page: Page) => page.evaluate(() => window.studio!.sceneHash());

/** The X arrow's screen direction at the object (unit vector) and the object's page position. */
async function xArrow(page: Page, id: string): Promise<{ origin: Point; dir: Point }> {
  const box = await page.locator('canvas').first().boundingBox();
  if (!box) throw new Error('no canvas on the page');
  const p = await position(page, id);
  if (!p) throw new Error(`${id} does not exist`);
  const o = await page.evaluate((i) => window.studio!.debug.screenPosition(i), id);
  const a = await page.evaluate(
    ([px, py, pz]) => window.studio!.debug.screenPoint([px + 0.5, py, pz]),
    p,
  );
  if (!o || !a) throw new Error(`${id} is not on screen`);
  const dx = a.x - o.x;
  const dy = a.y - o.y;
  const len = Math.hypot(dx, dy);
  if (len < 1) throw new Error(`the X axis at ${id} is edge-on (${len.toFixed(2)} px per 0.5 m)`);
  return {
    origin: { x: box.x + o.x, y: box.y + o.y },
    dir: { x: dx / len, y: dy / len },
  };
}

/** What covers a page point instead of the viewport (null when the viewport gets the press). */
function coverAt(page: Page, p: Point): Promise<string | null> {
  return page.evaluate(
    ([px, py]) => {
      const canvas = document.querySelector('canvas');
      const el = document.elementFromPoint(px, py);
      if (!canvas || !el) return el ? 'something, with no canvas on the page' : 'nothing';
      if ((canvas.parentElement ?? canvas).contains(el)) return null;
      const region = el.closest('[data-testid], [aria-label]');
      const name = region
        ? `${region.getAttribute('data-testid') ?? ''} "${region.getAttribute('aria-label') ?? ''}"`
        : '';
      return `<${el.tagName.toLowerCase()}> of ${name.trim() || 'the page'}`;
    },
    [p.x, p.y] as const,
  );
}

/**
 * A gesture: `begin` (press), STEPS pointer moves one per rendered frame, `end` (release). Frame
 * figures cover exactly the frames from just before `begin` to just before `end`; mutations the same
 * span, then AFTER_RELEASE_MS after `end`.
 */
async function gesture(
  page: Page,
  name: string,
  start: Point,
  dir: Point,
  begin: () => Promise<void>,
  end: () => Promise<void>,
): Promise<GestureResult> {
  const result: GestureResult = { name };
  try {
    result.positionBefore = (await position(page, OBJECT)) ?? undefined;
    result.hashBefore = await hashNow(page);
    const pastBefore = (await historyNow(page)).length;
    await page.mouse.move(start.x, start.y);
    await nextFrame(page);
    await resetMutations(page);
    const from = await framesNow(page);
    const t0 = performance.now();
    await begin();
    let last = from;
    for (let i = 1; i <= STEPS; i++) {
      const t = (DRAG_PX * i) / STEPS;
      // Chromium delivers moves aligned to frames, so a move usually returns a frame later; if
      // not, wait for one: one pointer move per rendered frame, as a real drag delivers them.
      await page.mouse.move(start.x + dir.x * t, start.y + dir.y * t);
      let now = await framesNow(page);
      if (now === last) {
        await nextFrame(page);
        now = await framesNow(page);
      }
      last = now;
    }
    const stats = await statsSince(page, from);
    const wallMs = performance.now() - t0;
    result.during = await mutations(page);
    await resetMutations(page);
    await end();
    await page.waitForTimeout(AFTER_RELEASE_MS);
    result.after = await mutations(page);
    result.frames = { name, wallMs, stats };
    result.steps = STEPS;
    result.pointerPx = DRAG_PX;
    result.positionAfter = (await position(page, OBJECT)) ?? undefined;
    const past = await historyNow(page);
    result.historyAdded = past.length - pastBefore;
    result.historyLabel = past[past.length - 1];
    result.hashAfter = await hashNow(page);
  } catch (error) {
    result.error = message(error);
  }
  return result;
}

export interface OpSeries {
  name: string;
  runs: number;
  storeMs: number;
  settledMs: number;
  shownMs: number;
  hashMs: number;
  frameCpuMs: number;
  /** Every run returned true and left the expected scene hash. */
  hashesOk: boolean;
  triangles: number;
  drawCalls: number;
  samples: OpTiming[];
}

function series(name: string, samples: OpTiming[], expected: (string | null)[] | null): OpSeries {
  const m = (f: (t: OpTiming) => number) => median(samples.map(f));
  return {
    name,
    runs: samples.length,
    storeMs: m((t) => t.storeMs),
    settledMs: m((t) => t.settledMs),
    shownMs: m((t) => t.shownMs),
    hashMs: m((t) => t.hashMs),
    frameCpuMs: m((t) => t.frameCpuMs),
    hashesOk: samples.every((t, i) => t.ok && (!expected || t.hash === expected[i])),
    triangles: samples[samples.length - 1]?.triangles ?? 0,
    drawCalls: samples[samples.length - 1]?.drawCalls ?? 0,
    samples,
  };
}

const op = (page: Page, kind: 'undo' | 'redo' | 'hide-floors' | 'none') =>
  page.evaluate((k) => (window as unknown as BenchWindow).__editingBench.op(k), kind);

/**
 * UNDO_PAIRS of undo then redo of the latest entry; the hashes must alternate before/after. Each
 * pair is preceded by a no-edit run into `baseline`, so the reference spans the same time (the frame
 * interval drifts with the machine's load).
 */
async function undoRedo(
  page: Page,
  label: string,
  hashBefore: string | null,
  hashAfter: string | null,
  baseline: OpTiming[],
): Promise<OpSeries[]> {
  const undos: OpTiming[] = [];
  const redos: OpTiming[] = [];
  for (let i = 0; i < UNDO_PAIRS; i++) {
    baseline.push(await op(page, 'none'));
    undos.push(await op(page, 'undo'));
    redos.push(await op(page, 'redo'));
  }
  return [
    series(
      `undo ${label}`,
      undos,
      undos.map(() => hashBefore),
    ),
    series(
      `redo ${label}`,
      redos,
      redos.map(() => hashAfter),
    ),
  ];
}

export interface EditingResult {
  error?: string;
  browserVersion?: string;
  renderer?: { backend: string; adapter: string };
  compute?: { backend: string; adapter: string; fallbackReason?: string };
  buildMs?: number;
  readyMs?: number;
  generateMs?: number;
  objectCount?: number;
  floorCount?: number;
  objectsMs?: { median: number; min: number; max: number; runs: number };
  idle?: FrameWindow[];
  gestures: GestureResult[];
  ops: OpSeries[];
  checks: { what: string; ok: boolean; detail: string }[];
  /** Things in the studio that got in the bench's way, and what it did about them. */
  findings: string[];
  pageErrors: string[];
  timings: Record<string, number>;
}

async function run(session: StudioSession): Promise<EditingResult> {
  const { page } = session;
  const out: EditingResult = {
    browserVersion: session.browserVersion,
    renderer: session.renderer,
    compute: session.compute,
    buildMs: session.buildMs,
    readyMs: session.readyMs,
    gestures: [],
    ops: [],
    checks: [],
    findings: [],
    pageErrors: session.errors,
    timings: {},
  };
  const check = (what: string, ok: boolean, detail: string) =>
    out.checks.push({ what, ok, detail });
  const phase = (name: string, t0: number) => {
    out.timings[name] = performance.now() - t0;
    process.stdout.write(`  ${name}: ${((performance.now() - t0) / 1000).toFixed(1)} s\n`);
  };
  await page.evaluate(PAGE_HELPERS);

  // 1. Generate, settle, idle figures over the whole dungeon.
  let t = performance.now();
  const spec: unknown = JSON.parse(
    readFileSync(path.join(root, 'public/examples', `${EXAMPLE}.json`), 'utf8'),
  );
  out.generateMs = await page.evaluate(async (s) => {
    const t0 = performance.now();
    await window.studio!.generate(s);
    return performance.now() - t0;
  }, spec);
  await waitFrames(page, WARMUP_FRAMES, WARMUP_MAX_MS);
  phase('generate + warm-up', t);
  const panels = await page.evaluate(() =>
    (window as unknown as BenchWindow).__editingBench.panels(),
  );
  check(
    'sidebar and spec panel on the page',
    panels.sidebar && panels.spec,
    `sidebar ${panels.sidebar ? 'found' : 'missing'}, spec panel ${panels.spec ? 'found' : 'missing'}`,
  );
  t = performance.now();
  const overview = await idleWindow(page, 'idle, whole dungeon (after generate)');
  phase('idle window', t);

  // objects() at this scale, and the floor ids for the large edit.
  const objs = await page.evaluate(
    ([n, prefix]) =>
      (window as unknown as BenchWindow).__editingBench.timeObjects(n as number, prefix as string),
    [OBJECTS_CALLS, FLOOR_PREFIX] as const,
  );
  out.objectCount = objs.objects;
  out.floorCount = objs.floors;
  const sorted = [...objs.times].sort((a, b) => a - b);
  out.objectsMs = {
    median: median(sorted),
    min: sorted[0]!,
    max: sorted[sorted.length - 1]!,
    runs: sorted.length,
  };

  // 2. Select the barrel and frame it (F over the canvas), then idle at that camera.
  t = performance.now();
  await page.evaluate((id) => window.studio!.select([id]), OBJECT);
  await page.locator('canvas').first().hover();
  await page.keyboard.press('f');
  await waitFrames(page, SETTLE_FRAMES);
  const selection = await page.evaluate(() => window.studio!.selection());
  check('barrel selected', selection[0] === OBJECT, `selection: ${JSON.stringify(selection)}`);
  // The X arrow must be on the canvas: a press on an overlay never reaches the viewport.
  let grab: Point | undefined;
  let dir: Point | undefined;
  let setupError: string | undefined;
  try {
    const arrow = await xArrow(page, OBJECT);
    dir = arrow.dir;
    grab = { x: arrow.origin.x + dir.x * GRAB_PX, y: arrow.origin.y + dir.y * GRAB_PX };
    const cover = await coverAt(page, grab);
    if (cover) {
      const at = `page (${grab.x.toFixed(0)}, ${grab.y.toFixed(0)})`;
      const toggle = page.getByTestId('stats-panel').locator('button[aria-expanded="true"]');
      const canCollapse = /stats-panel/.test(cover) && (await toggle.count()) > 0;
      out.findings.push(
        `after Frame selected (F), the gizmo's X arrow at ${at} is under ${cover}, so pressing ` +
          `it never reaches the viewport` +
          (canCollapse ? '; the bench collapses the stats panel (its header button) first' : ''),
      );
      if (canCollapse) {
        await toggle.click();
        await waitFrames(page, SETTLE_FRAMES);
      }
      const still = await coverAt(page, grab);
      if (still) throw new Error(`the X arrow at ${at} is under ${still}`);
    }
  } catch (error) {
    setupError = message(error);
  }
  const framed = await idleWindow(page, `idle, ${OBJECT} selected and framed`);
  out.idle = [overview, framed];
  phase('select, frame, idle window', t);

  // 2-3. Gizmo drag along the X arrow, with the mutation probe.
  t = performance.now();
  const drag: GestureResult =
    grab && dir && !setupError
      ? await gesture(
          page,
          'gizmo drag (X arrow)',
          grab,
          dir,
          () => page.mouse.down(),
          () => page.mouse.up(),
        )
      : { name: 'gizmo drag (X arrow)', error: setupError ?? 'no grab point' };
  out.gestures.push(drag);
  phase('gizmo drag', t);

  // 4. Modal G: pointer over the object, G, moves, Enter.
  t = performance.now();
  let modal: GestureResult = { name: 'modal move (G … Enter)' };
  try {
    const again = await xArrow(page, OBJECT);
    // Start beside the gizmo's handles (its centre would only highlight them; harmless either way).
    const startAt = { x: again.origin.x - again.dir.y * 30, y: again.origin.y + again.dir.x * 30 };
    modal = await gesture(
      page,
      modal.name,
      startAt,
      again.dir,
      () => page.keyboard.press('g'),
      () => page.keyboard.press('Enter'),
    );
  } catch (error) {
    modal.error = message(error);
  }
  out.gestures.push(modal);
  phase('modal move', t);
  t = performance.now();
  out.idle.push(await idleWindow(page, 'idle, framed, after the gestures (drift check)'));
  phase('idle window after', t);

  for (const g of out.gestures) {
    if (g.error) {
      check(`${g.name}: ran`, false, g.error);
      continue;
    }
    const p0 = g.positionBefore!;
    const p1 = g.positionAfter!;
    const d = p1.map((v, i) => v - p0[i]!);
    const moved = Math.hypot(d[0]!, d[1]!, d[2]!);
    const detail = `moved (${d.map((v) => v.toFixed(3)).join(', ')}) m`;
    if (g === drag) {
      check(
        `${g.name}: object moved along X only`,
        d[0]! > 0.05 && Math.abs(d[1]!) < 1e-5 && Math.abs(d[2]!) < 1e-5,
        detail,
      );
    } else {
      check(`${g.name}: object moved`, moved > 0.05, detail);
    }
    check(
      `${g.name}: exactly one history entry`,
      g.historyAdded === 1,
      `${g.historyAdded} added, latest '${g.historyLabel}'`,
    );
    check(
      `${g.name}: no sidebar/spec-panel mutations during`,
      g.during!.sidebar === 0 && g.during!.spec === 0,
      `sidebar ${g.during!.sidebar}, spec panel ${g.during!.spec}`,
    );
    check(
      `${g.name}: inspector updates after the end (probe works)`,
      g.after!.sidebar > 0,
      `sidebar ${g.after!.sidebar} mutations in ${AFTER_RELEASE_MS} ms`,
    );
  }

  // 5. Undo/redo. The small edit is the drag (the modal move is undone first, untimed in the
  // figures); the large one hides every floor tile.
  t = performance.now();
  const baseline: OpTiming[] = [];
  if (!modal.error && modal.historyAdded === 1) {
    const undoModal = await op(page, 'undo');
    check(
      'undo of the modal move restores the hash',
      undoModal.hash === modal.hashBefore,
      `${undoModal.hash?.slice(0, 12)} vs ${modal.hashBefore?.slice(0, 12)}`,
    );
  }
  const history = await historyNow(page);
  if (!drag.error && drag.historyAdded === 1 && history[history.length - 1] === drag.historyLabel) {
    out.ops.push(
      ...(await undoRedo(
        page,
        `small: '${drag.historyLabel}'`,
        drag.hashBefore!,
        drag.hashAfter!,
        baseline,
      )),
    );
  } else {
    check(
      'small edit undo/redo',
      false,
      `latest entry is '${history[history.length - 1]}', not the drag`,
    );
  }
  phase('undo/redo, small edit', t);

  t = performance.now();
  const hashShown = await hashNow(page);
  const edits: OpTiming[] = [];
  for (let i = 0; i < EDIT_REPEATS; i++) {
    baseline.push(await op(page, 'none'));
    edits.push(await op(page, 'hide-floors'));
    if (i < EDIT_REPEATS - 1) await op(page, 'undo');
  }
  const hidden = edits[edits.length - 1]!.hash;
  const edit = series(
    `edit: hide ${out.floorCount.toLocaleString('en-US')} floor tiles`,
    edits,
    null,
  );
  edit.hashesOk = edits.every((e) => e.ok && e.hash === hidden && e.hash !== hashShown);
  out.ops.push(edit);
  const large = await undoRedo(
    page,
    `large: '${(await historyNow(page)).at(-1)}'`,
    hashShown,
    hidden,
    baseline,
  );
  out.ops.push(...large);
  out.ops.unshift(series('no edit (two frames; interleaved, for reference)', baseline, null));
  check(
    'hiding the floor tiles changes what is drawn',
    large[0]!.triangles > large[1]!.triangles,
    `triangles ${large[0]!.triangles.toLocaleString('en-US')} shown, ` +
      `${large[1]!.triangles.toLocaleString('en-US')} hidden (latest frame)`,
  );
  phase('edit + undo/redo, large edit', t);
  for (const s of out.ops) {
    if (s.name.startsWith('no edit')) continue;
    check(`${s.name}: every call gave the expected hash`, s.hashesOk, `${s.runs} runs`);
  }
  return out;
}

// ---- Report --------------------------------------------------------------------------------------

function frameTable(idle: FrameWindow[], gestures: GestureResult[]): string {
  // The framed idle window before the gestures is the reference: same camera, same selection.
  const ref = idle[1]?.stats;
  const head = [
    'window',
    'frames',
    'wall s',
    'frame ms median',
    'p95',
    'render JS ms median',
    'p95',
    'draw calls',
    'frame vs idle',
    'render JS vs idle',
  ];
  const windows: { name: string; w?: FrameWindow; compare: boolean }[] = [
    ...idle.slice(0, 2).map((w) => ({ name: w.name, w, compare: false })),
    ...gestures.map((g) => ({ name: g.name, w: g.frames, compare: true })),
    ...idle.slice(2).map((w) => ({ name: w.name, w, compare: true })),
  ];
  const rows = windows.map(({ name, w, compare }) => {
    if (!w) return [name, 'error (see the gestures table)'];
    const s = w.stats;
    return [
      name,
      String(s.frames),
      (w.wallMs / 1000).toFixed(1),
      ms(s.frameMs.median),
      ms(s.frameMs.p95),
      ms(s.cpuMs.median),
      ms(s.cpuMs.p95),
      String(s.drawCalls),
      compare && ref ? x(ratio(s.frameMs.median, ref.frameMs.median)) : '',
      compare && ref ? x(ratio(s.cpuMs.median, ref.cpuMs.median)) : '',
    ];
  });
  return textTable(head, rows);
}

function gestureTable(gestures: GestureResult[]): string {
  const head = [
    'gesture',
    'moves',
    'moved (m)',
    'history',
    'sidebar muts during',
    'spec panel muts during',
    'other DOM muts during',
    `sidebar muts ${AFTER_RELEASE_MS} ms after`,
  ];
  const rows = gestures.map((g) => {
    if (g.error) return [g.name, `error: ${g.error}`];
    const d = g.positionAfter!.map((v, i) => v - g.positionBefore![i]!);
    return [
      g.name,
      `${g.steps} (${g.pointerPx} px)`,
      `(${d.map((v) => v.toFixed(3)).join(', ')})`,
      `+${g.historyAdded} '${g.historyLabel}'`,
      String(g.during!.sidebar),
      String(g.during!.spec),
      String(g.during!.other),
      String(g.after!.sidebar),
    ];
  });
  return textTable(head, rows);
}

function opTable(ops: OpSeries[]): string {
  const head = [
    'operation',
    'runs',
    'store call ms',
    'to next task ms',
    'to shown (2 rAF) ms',
    'render JS ms (max of 2 frames)',
    'sceneHash() ms',
    'hash as expected',
  ];
  return textTable(
    head,
    ops.map((s) => [
      s.name,
      String(s.runs),
      ms(s.storeMs),
      ms(s.settledMs),
      ms(s.shownMs),
      ms(s.frameCpuMs),
      ms(s.hashMs),
      s.name.startsWith('no edit') ? '' : s.hashesOk ? 'yes' : 'NO',
    ]),
  );
}

export async function editing(): Promise<void> {
  console.log(
    `== editing: interaction on ${EXAMPLE} in the studio: idle vs gizmo drag vs modal G move ` +
      `(frames, DOM mutations, one history entry), undo/redo/hide/sceneHash/objects times\n`,
  );
  const loadBefore = machineInfo().loadAverage;
  const t0 = performance.now();
  let result: EditingResult;
  try {
    result = await withStudio(async (session) => {
      process.stdout.write(
        `  build ${(session.buildMs / 1000).toFixed(1)} s, ready ${(session.readyMs / 1000).toFixed(1)} s\n`,
      );
      return run(session);
    });
  } catch (error) {
    result = {
      error: message(error),
      gestures: [],
      ops: [],
      checks: [],
      findings: [],
      pageErrors: [],
      timings: {},
    };
  }
  const totalS = (performance.now() - t0) / 1000;

  if (result.error) console.log(`\nerror: ${result.error}`);
  const adapter = result.renderer?.adapter ?? '?';
  const swiftshader = /swiftshader/i.test(adapter);
  if (result.idle) {
    console.log(
      `\nframes (${VIEWPORT.width}x${VIEWPORT.height}, ${result.renderer?.backend ?? '?'} on ${adapter}); ` +
        `${result.objectCount?.toLocaleString('en-US')} objects, generated in ${ms(result.generateMs)} ms:\n`,
    );
    console.log(frameTable(result.idle, result.gestures));
    console.log(
      `\nframe ms = requestAnimationFrame interval; render JS ms = main-thread time of one frame ` +
        `(useFrame callbacks + renderer.render encode/submit), both from window.studio.renderStats() ` +
        `over exactly the frames of each window. Gestures: ${STEPS} pointer moves, one per rendered ` +
        `frame, from the press to just before the release; "vs idle" = gesture median / the framed ` +
        `idle median (same camera, same selection).`,
    );
    if (swiftshader) {
      console.log(
        'NOTE: the renderer is SwiftShader (WebGPU emulated on the CPU): frame intervals are CPU ' +
          'rasterisation on this machine, not a GPU figure. Compare the ratios, not the milliseconds.',
      );
    }
  }
  if (result.gestures.length) {
    console.log(`\ngestures on ${OBJECT}:\n`);
    console.log(gestureTable(result.gestures));
    const other = result.gestures
      .filter((g) => g.during?.otherWhere.length)
      .map((g) => `${g.name}: ${g.during!.otherWhere.join(', ')}`);
    console.log(
      `\nmutations = MutationObserver records (childList, attributes, characterData, subtree) in ` +
        `aside[aria-label="Scene"] (outliner, inspector, history) and the spec panel; "other" = the ` +
        `rest of the page.${other.length ? ` Other mutations during: ${other.join('; ')}.` : ''}`,
    );
  }
  if (result.ops.length) {
    console.log(
      `\nundo/redo and edits (medians; objects() = ${ms(result.objectsMs?.median)} ms median over ` +
        `${result.objectsMs?.runs} calls for ${result.objectCount?.toLocaleString('en-US')} objects):\n`,
    );
    console.log(opTable(result.ops));
    console.log(
      `\nstore call = performance.now() around window.studio.undo()/redo()/edit() in the page (the ` +
        `store and its synchronous subscribers, the viewport's layer diff included); to next task = ` +
        `until a MessageChannel task after it (React's commit and effects); to shown = until two ` +
        `requestAnimationFrame callbacks (the viewport has rendered the new state; dominated by the ` +
        `frame interval, compare with "no edit"); sceneHash() = await window.studio.sceneHash() ` +
        `after that. ${UNDO_PAIRS} undo/redo pairs per edit; the hide edit ${EDIT_REPEATS} times ` +
        `with an untimed undo between.`,
    );
  }
  if (result.checks.length) {
    console.log('\nchecks:');
    for (const c of result.checks)
      console.log(`  ${c.ok ? 'ok  ' : 'FAIL'} ${c.what}: ${c.detail}`);
  }
  if (result.findings.length) console.log(`\nfindings:\n  ${result.findings.join('\n  ')}`);
  if (result.pageErrors.length) console.log(`\npage errors:\n  ${result.pageErrors.join('\n  ')}`);

  const machine = machineInfo({
    loadAverageBefore: loadBefore,
    chromium: result.browserVersion ?? null,
    renderer: result.renderer ?? null,
    compute: result.compute ?? null,
  });
  const file = writeResult('editing', {
    machine,
    note: swiftshader
      ? 'renderer is SwiftShader (software WebGPU): absolute frame times are emulated; ratios matter'
      : undefined,
    settings: {
      example: EXAMPLE,
      object: OBJECT,
      viewport: VIEWPORT,
      warmupFrames: WARMUP_FRAMES,
      idleFrames: IDLE_FRAMES,
      idleMaxMs: IDLE_MAX_MS,
      steps: STEPS,
      dragPx: DRAG_PX,
      grabPx: GRAB_PX,
      afterReleaseMs: AFTER_RELEASE_MS,
      undoPairs: UNDO_PAIRS,
      editRepeats: EDIT_REPEATS,
    },
    result,
  });
  console.log(
    `\nmachine: ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGiB} GiB, Node ${machine.node}, ` +
      `Chromium ${machine.chromium ?? 'n/a'}; load average (1 min) ${loadBefore[0]} before, ` +
      `${machine.loadAverage[0]} after; ${totalS.toFixed(0)} s in all; results: ${file}\n`,
  );
  if (result.error) process.exitCode = 1;
}
