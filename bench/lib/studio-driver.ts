// Drives the production studio for the browser half of the scenes benchmark: builds it (vite build
// into a temporary folder, so dist/ is left alone), serves it with `vite preview` (the production
// headers: CSP, COOP/COEP), opens it in headless Chromium with WebGPU (SwiftShader), and waits for
// window.studio.ready. WorkerInspector reads a worker's heap over the DevTools protocol.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type CDPSession, type Page } from 'playwright-core';
import { build, preview } from 'vite';
import { WEBGPU_ARGS, chromiumEnv, findChromium } from '../../scripts/chromium.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export const VIEWPORT = { width: 1280, height: 720 } as const;

export interface StudioSession {
  page: Page;
  browserVersion: string;
  /** window.studio.renderer() and compute() once ready. */
  renderer: { backend: string; adapter: string };
  compute: { backend: string; adapter: string; fallbackReason?: string };
  buildMs: number;
  readyMs: number;
  /** Console errors and uncaught exceptions seen on the page. */
  errors: string[];
  /** Attaches to the first worker whose title (its name) or URL contains `name`. */
  inspectWorker(name: string): Promise<WorkerInspector>;
}

export async function withStudio<T>(fn: (session: StudioSession) => Promise<T>): Promise<T> {
  const executablePath = findChromium();
  if (!executablePath) throw new Error('no Chromium found: set CHROMIUM_BIN or install chromium');
  const outDir = mkdtempSync(path.join(os.tmpdir(), 'canvas3d-bench-'));
  try {
    const configFile = path.join(root, 'vite.config.ts');
    const t0 = performance.now();
    await build({
      root,
      configFile,
      logLevel: 'error',
      build: { outDir, emptyOutDir: true, sourcemap: false },
    });
    const buildMs = performance.now() - t0;
    const server = await preview({
      root,
      configFile,
      logLevel: 'error',
      build: { outDir },
      preview: { port: 0, strictPort: false },
    });
    const url = server.resolvedUrls?.local[0];
    if (!url) throw new Error('vite preview gave no local URL');
    const browser = await chromium.launch({
      executablePath,
      args: WEBGPU_ARGS,
      env: chromiumEnv(executablePath) as Record<string, string>,
    });
    const inspectors: WorkerInspector[] = [];
    try {
      const page = await browser.newPage({ viewport: VIEWPORT });
      page.setDefaultTimeout(180_000);
      const errors: string[] = [];
      page.on('console', (m) => {
        if (m.type() === 'error') errors.push(`console: ${m.text()}`);
      });
      page.on('pageerror', (e) => errors.push(`uncaught: ${e.message}`));
      const t1 = performance.now();
      await page.goto(url);
      await page.evaluate(() => window.studio!.ready);
      const readyMs = performance.now() - t1;
      const renderer = await page.evaluate(() => window.studio!.renderer());
      const compute = await page.evaluate(() => window.studio!.compute());
      const browserSession = await browser.newBrowserCDPSession();
      return await fn({
        page,
        browserVersion: browser.version(),
        renderer,
        compute,
        buildMs,
        readyMs,
        errors,
        async inspectWorker(name) {
          const inspector = await WorkerInspector.attach(browserSession, name);
          inspectors.push(inspector);
          return inspector;
        },
      });
    } finally {
      for (const i of inspectors) i.dispose();
      await browser.close();
      await server.close();
    }
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}

interface HeapUsage {
  usedSize: number;
  totalSize: number;
  backingStorageSize?: number;
}

export interface HeapPeak<T> {
  result: T;
  /** Worker heap (V8 used + ArrayBuffer backing stores) after a forced GC, before the work. */
  baseBytes: number;
  /** Highest sampled value while the work ran. */
  peakBytes: number;
  samples: number;
}

/**
 * A DevTools session on one worker, through the browser session (Target.attachToTarget without
 * flattening, since a Playwright CDPSession cannot address flattened child sessions). Commands reach
 * a busy worker through V8 interrupts, so its heap can be sampled while it computes.
 */
export class WorkerInspector {
  private nextId = 1;
  private readonly pending = new Map<number, (m: { result?: unknown; error?: unknown }) => void>();
  private readonly onMessage = (e: { sessionId: string; message: string }) => {
    if (e.sessionId !== this.sessionId) return;
    const m = JSON.parse(e.message) as { id?: number; result?: unknown; error?: unknown };
    const resolve = m.id === undefined ? undefined : this.pending.get(m.id);
    if (resolve) {
      this.pending.delete(m.id!);
      resolve(m);
    }
  };

  private constructor(
    private readonly session: CDPSession,
    private readonly sessionId: string,
    readonly title: string,
  ) {
    session.on('Target.receivedMessageFromTarget', this.onMessage);
  }

  static async attach(session: CDPSession, name: string): Promise<WorkerInspector> {
    const { targetInfos } = await session.send('Target.getTargets');
    const target = targetInfos.find(
      (t) => t.type === 'worker' && (t.title.includes(name) || t.url.includes(name)),
    );
    if (!target) {
      const seen = targetInfos.map((t) => `${t.type} ${t.title}`).join(', ');
      throw new Error(`no worker named ${name} (targets: ${seen})`);
    }
    const { sessionId } = await session.send('Target.attachToTarget', {
      targetId: target.targetId,
      flatten: false,
    });
    return new WorkerInspector(session, sessionId, target.title);
  }

  send<R>(method: string, params: Record<string, unknown> = {}): Promise<R> {
    const id = this.nextId++;
    return new Promise<R>((resolve, reject) => {
      this.pending.set(id, (m) => {
        if (m.error) reject(new Error(`${method}: ${JSON.stringify(m.error)}`));
        else resolve(m.result as R);
      });
      this.session
        .send('Target.sendMessageToTarget', {
          sessionId: this.sessionId,
          message: JSON.stringify({ id, method, params }),
        })
        .catch((error: unknown) => {
          this.pending.delete(id);
          reject(error instanceof Error ? error : new Error(String(error)));
        });
    });
  }

  /** V8 heap in use plus ArrayBuffer backing stores (typed arrays live there), in bytes. */
  async heapBytes(): Promise<number> {
    const u = await this.send<HeapUsage>('Runtime.getHeapUsage');
    return u.usedSize + (u.backingStorageSize ?? 0);
  }

  /**
   * Forces a full GC in the worker, then samples its heap while `work` runs: back to back, or
   * `intervalMs` apart (for long work, where back-to-back sampling would only add load).
   */
  async peakDuring<T>(work: () => Promise<T>, intervalMs = 0): Promise<HeapPeak<T>> {
    await this.send('HeapProfiler.collectGarbage');
    const baseBytes = await this.heapBytes();
    let peakBytes = baseBytes;
    let samples = 0;
    let running = true;
    const sampler = (async () => {
      while (running) {
        peakBytes = Math.max(peakBytes, await this.heapBytes());
        samples++;
        if (intervalMs > 0) await new Promise((r) => setTimeout(r, intervalMs));
      }
    })();
    let result: T;
    try {
      result = await work();
    } finally {
      running = false;
      await sampler.catch(() => undefined);
    }
    return { result, baseBytes, peakBytes, samples };
  }

  dispose(): void {
    this.session.off('Target.receivedMessageFromTarget', this.onMessage);
    void this.session
      .send('Target.detachFromTarget', { sessionId: this.sessionId })
      .catch(() => {});
  }
}

/** Frames the studio's viewport has rendered so far. */
export const framesNow = (page: Page): Promise<number> =>
  page.evaluate(() => window.studio!.frames());

/**
 * Waits until the viewport has rendered `n` more frames, or `maxMs` has passed with at least one;
 * returns how many it rendered.
 */
export async function waitFrames(page: Page, n: number, maxMs = Infinity): Promise<number> {
  const from = await framesNow(page);
  const t0 = performance.now();
  let now = from;
  while (now < from + n && !(performance.now() - t0 > maxMs && now > from)) {
    await new Promise((r) => setTimeout(r, 25));
    now = await framesNow(page);
  }
  return now - from;
}
