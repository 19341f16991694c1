// A driver for the studio page: opens it, records console errors and uncaught exceptions, waits for
// window.studio.ready, measures what the canvas really shows, and drives the spec panel as a user.
import { expect, type Locator, type Page } from '@playwright/test';

export interface PixelStats {
  width: number;
  height: number;
  distinctColours: number;
  lumaStdDev: number;
  meanRgb: [number, number, number];
}

export class StudioPage {
  readonly errors: string[] = [];

  constructor(readonly page: Page) {
    page.on('console', (m) => {
      if (m.type() === 'error') this.errors.push(`console: ${m.text()}`);
    });
    page.on('pageerror', (e) => this.errors.push(`uncaught: ${e.message}`));
  }

  async open(): Promise<void> {
    await this.page.goto('/');
    await this.page.evaluate(() => window.studio!.ready);
  }

  /** Opens the studio, generates an example from the panel, and lets the camera settle on it. */
  async openWithExample(name: string): Promise<void> {
    await this.open();
    await this.chooseExample(name);
    expect(await this.generateFromPanel()).toBe('ready');
    await this.page.waitForTimeout(300);
  }

  canvas() {
    return this.page.locator('canvas').first();
  }

  /** Screenshots the canvas and measures it. */
  async canvasStats(): Promise<PixelStats> {
    return this.pngStats(await this.canvas().screenshot());
  }

  /** Measures a PNG in the page (decoded by the browser, no PNG library). */
  async pngStats(png: Buffer): Promise<PixelStats> {
    return this.page.evaluate(async (b64) => {
      // Decoded from bytes, not fetched: the studio's CSP (rightly) blocks data: URLs for fetch.
      const bytes = Uint8Array.from(atob(b64), (ch) => ch.charCodeAt(0));
      const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
      const c = new OffscreenCanvas(bitmap.width, bitmap.height);
      const ctx = c.getContext('2d')!;
      ctx.drawImage(bitmap, 0, 0);
      const { data } = ctx.getImageData(0, 0, bitmap.width, bitmap.height);
      const colours = new Set<number>();
      let sum = 0;
      let sumSq = 0;
      const mean: [number, number, number] = [0, 0, 0];
      const n = data.length / 4;
      for (let i = 0; i < data.length; i += 4) {
        const r = data[i]!;
        const g = data[i + 1]!;
        const b = data[i + 2]!;
        colours.add((r << 16) | (g << 8) | b);
        const y = 0.2126 * r + 0.7152 * g + 0.0722 * b;
        sum += y;
        sumSq += y * y;
        mean[0] += r;
        mean[1] += g;
        mean[2] += b;
      }
      const m = sum / n;
      return {
        width: bitmap.width,
        height: bitmap.height,
        distinctColours: colours.size,
        lumaStdDev: Math.sqrt(Math.max(0, sumSq / n - m * m)),
        meanRgb: [mean[0] / n, mean[1] / n, mean[2] / n] as [number, number, number],
      };
    }, png.toString('base64'));
  }

  async expectSceneVisible(): Promise<PixelStats> {
    const stats = await this.canvasStats();
    expect(stats.width).toBeGreaterThan(100);
    // Not one flat colour: the textured scene has thousands of colours and real contrast.
    expect(stats.distinctColours).toBeGreaterThan(1000);
    expect(stats.lumaStdDev).toBeGreaterThan(15);
    return stats;
  }

  expectNoErrors(): void {
    expect(this.errors).toEqual([]);
  }

  // The spec panel -------------------------------------------------------------------------------

  specPanel(): Locator {
    return this.page.getByTestId('spec-panel');
  }

  /** The input for a spec path as the validator names it: "seed", "dungeon.rooms.count". */
  specField(path: string): Locator {
    return this.specPanel().locator(`[data-path="${path}"]`);
  }

  /** The path-named problem shown next to a field. */
  fieldIssue(path: string): Locator {
    return this.specPanel().locator(`[data-issue-for="${path}"]`);
  }

  async chooseExample(name: string): Promise<void> {
    await this.specPanel().getByRole('button', { name: 'New from example' }).click();
    const menu = this.specPanel().getByRole('menu', { name: 'Example specs' });
    await menu.locator(`[data-example="${name}"]`).click();
    await expect(menu).toBeHidden();
  }

  /** Clears a field and types a value into it, key by key. */
  async typeInField(path: string, value: string): Promise<void> {
    const field = this.specField(path);
    await field.click();
    await field.fill('');
    await field.pressSequentially(value);
  }

  async newSeed(): Promise<void> {
    await this.specPanel().getByRole('button', { name: 'New seed' }).click();
  }

  generateButton(): Locator {
    return this.specPanel().getByRole('button', { name: /^Generate/ });
  }

  cancelButton(): Locator {
    return this.specPanel().getByRole('button', { name: 'Cancel' });
  }

  progressBar(): Locator {
    return this.specPanel().getByRole('progressbar', { name: 'Generation progress' });
  }

  /** How the last generation ended, as the panel shows it (data-status: ready, failed, cancelled). */
  generationStatus(): Locator {
    return this.page.getByTestId('generation-status');
  }

  /** Presses Generate and waits for the panel to show the outcome; returns the status. */
  async generateFromPanel(): Promise<string> {
    await this.generateButton().click();
    const status = this.generationStatus();
    await expect(status).toHaveAttribute('data-status', /^(ready|failed|cancelled)$/, {
      timeout: 60_000,
    });
    return (await status.getAttribute('data-status'))!;
  }

  statsPanel(): Locator {
    return this.page.getByTestId('stats-panel');
  }

  /** Unfolds the stats panel (it starts folded to its header). */
  async openStats(): Promise<void> {
    const toggle = this.statsPanel().locator('.stats-toggle');
    if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
  }

  /** A value in the stats panel: "triangles", "drawCalls", "counts.dungeon.rooms", "total". */
  stat(name: string): Locator {
    return this.statsPanel().locator(`[data-stat="${name}"]`);
  }

  async statNumber(name: string): Promise<number> {
    return Number((await this.stat(name).innerText()).replace(/[^\d.]/g, ''));
  }

  /** The short scene hash the stats panel shows. */
  async shownSceneHash(): Promise<string> {
    return (await this.page.getByTestId('scene-hash').innerText()).trim();
  }

  /**
   * Blocks the scene worker's thread for `ms`, so a generation started now is still in flight when
   * the test acts on it (the real ones take tens of milliseconds). Atomics.wait sleeps without
   * spinning (the studio is cross-origin isolated); resolves when the worker is free again.
   */
  holdSceneWorker(ms: number): Promise<void> {
    const worker = this.page.workers().find((w) => /scene-worker/.test(w.url()));
    if (!worker) throw new Error('the scene worker has not started (generate once first)');
    return worker.evaluate((hold) => {
      if (typeof SharedArrayBuffer === 'undefined') throw new Error('not cross-origin isolated');
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, hold);
    }, ms);
  }
}
