// A driver for the studio page: opens it, records console errors and uncaught exceptions, waits for
// window.studio.ready, and measures what the canvas really shows.
import { expect, type Page } from '@playwright/test';

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

  canvas() {
    return this.page.locator('canvas').first();
  }

  /** Screenshots the canvas and measures it in the page (decoded by the browser, no PNG library). */
  async canvasStats(): Promise<PixelStats> {
    const png = await this.canvas().screenshot();
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
}
