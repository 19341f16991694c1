// Image to 3D with the shipped model pack: a picture made in the page becomes a watertight shape in
// the scene through window.studio.shape.fromImage (one undoable import; the same request again comes
// from the content cache), bad pictures are named and change nothing, and the panel is driven as a
// user: File → Image to 3D…, the backend shown, a bad file named, a sketch drawn and preprocessed,
// a run cancelled (nothing added) and a run finished (the object in the outliner). One test, one
// page load: the studio's start on SwiftShader costs more than everything else here.
import { expect, test, type Page } from '@playwright/test';
import { MenuBarPage, OutlinerPage } from './editor-panels';
import { StudioPage } from './studio-page';

/** PNG bytes of a grey vase silhouette on white, drawn in the page, as base64. */
function vasePng(page: Page, options: { empty?: boolean } = {}): Promise<string> {
  return page.evaluate(async (empty) => {
    const canvas = new OffscreenCanvas(256, 256);
    const g = canvas.getContext('2d')!;
    g.fillStyle = '#fff';
    g.fillRect(0, 0, 256, 256);
    if (!empty) {
      g.fillStyle = '#666';
      g.beginPath();
      g.moveTo(108, 40);
      g.lineTo(148, 40);
      g.bezierCurveTo(150, 90, 200, 110, 190, 170);
      g.bezierCurveTo(185, 210, 160, 220, 128, 220);
      g.bezierCurveTo(96, 220, 71, 210, 66, 170);
      g.bezierCurveTo(56, 110, 106, 90, 108, 40);
      g.fill();
    }
    const blob = await canvas.convertToBlob({ type: 'image/png' });
    const bytes = new Uint8Array(await blob.arrayBuffer());
    return btoa(String.fromCharCode(...bytes));
  }, options.empty ?? false);
}

/** Runs studio.shape.fromImage on base64 bytes; the result, or { error } with its message. */
function fromImage(page: Page, b64: string, name: string) {
  return page.evaluate(
    ([data, n]) => {
      const bytes = Uint8Array.from(atob(data), (c) => c.charCodeAt(0));
      return window.studio!.shape.fromImage(bytes, { name: n }).then(
        (r) => ({ ...r, error: null }),
        (e: Error) => ({ error: e.message }),
      );
    },
    [b64, name] as const,
  );
}

/**
 * Blocks the shape worker's thread for `ms` (Atomics.wait sleeps without spinning; the studio is
 * cross-origin isolated), so a run started now is surely in flight when the test cancels it.
 */
function holdShapeWorker(page: Page, ms: number): Promise<void> {
  const worker = page.workers().find((w) => /shape-worker/.test(w.url()));
  if (!worker) throw new Error('the shape worker has not started');
  return worker.evaluate((hold) => {
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, hold);
  }, ms);
}

const hash = (page: Page) => page.evaluate(() => window.studio!.sceneHash());
const assets = (page: Page) =>
  page.evaluate(() => window.studio!.objects().filter((o) => o.kind === 'asset'));

test('image to 3D: studio.shape.fromImage (watertight, undoable, cached, bad pictures named) and the panel driven as a user', async ({
  page,
}) => {
  // One page for both parts: the studio's start is the slowest step on SwiftShader.
  test.setTimeout(150_000);
  const studio = new StudioPage(page);
  await studio.open();

  await test.step('fromImage: a vase picture becomes a watertight, undoable shape', async () => {
    const info = await page.evaluate(() => window.studio!.shape.backend());
    expect(['webgpu', 'wasm']).toContain(info.backend);
    expect(info.modelId).toBe('c3d-shape-mini');
    expect(info.packHash).toMatch(/^[0-9a-f]{64}$/);
    const before = await hash(page);
    const png = await vasePng(page);

    const first = await fromImage(page, png, 'vase');
    expect(first.error).toBeNull();
    if (first.error !== null) return;
    expect(first.watertight).toBe(true);
    expect(first.triangles).toBeGreaterThan(100);
    expect(first.vertices).toBeGreaterThan(50);
    expect(first.cached).toBe(false);
    expect(first.backend).toBe(info.backend);
    expect(first.method).toBe('background');
    const added = await assets(page);
    expect(added.map((o) => o.name)).toEqual(['vase']);
    expect(added[0]!.id).toBe(first.id);
    expect((await page.evaluate(() => window.studio!.history())).past.at(-1)).toBe('Import vase');
    const withVase = await hash(page);
    expect(withVase).not.toBe(before);
    expect(await page.evaluate(() => window.studio!.undo())).toBe(true);
    expect(await assets(page)).toEqual([]);
    expect(await hash(page)).toBe(before);

    // Bad pictures are named and change nothing.
    const history = await page.evaluate(() => window.studio!.history());
    const text = Buffer.from('this is not a picture').toString('base64');
    expect((await fromImage(page, text, 'x')).error).toMatch(/not an image the studio can read/);
    const blank = await fromImage(page, await vasePng(page, { empty: true }), 'x');
    expect(blank.error).toMatch(/No object found/);
    expect(await page.evaluate(() => window.studio!.history())).toEqual(history);
    expect(await hash(page)).toBe(before);

    // The same bytes and settings on the same pack: from the cache, the same mesh, fast.
    const hits = () => page.evaluate(() => window.studio!.cache.stats().byKind.inference.hits);
    const hitsBefore = await hits();
    const second = await fromImage(page, png, 'vase');
    expect(second.error).toBeNull();
    if (second.error !== null) return;
    expect(second.cached).toBe(true);
    expect(second.triangles).toBe(first.triangles);
    expect(second.vertices).toBe(first.vertices);
    expect(second.ms).toBeLessThan(first.ms / 3);
    expect(await hits()).toBe(hitsBefore + 1);
    expect(await hash(page)).toBe(withVase);
    // Leave the scene light for the panel's part.
    await page.evaluate(() => window.studio!.undo());
  });

  await test.step('the panel: backend, a bad file, a sketch, cancel, a finished run', async () => {
    await new MenuBarPage(page).choose('File', /Image to 3D/);
    const panel = page.getByRole('dialog', { name: 'Image to 3D' });
    await expect(panel.getByTestId('shape-backend')).toContainText(/Runs on (WebGPU|WASM)/);

    const chooser = page.waitForEvent('filechooser');
    await panel.getByRole('button', { name: 'Open image…' }).click();
    await (
      await chooser
    ).setFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('hello') });
    await expect(panel.getByTestId('image-error')).toContainText(
      'notes.txt is not an image the studio can read',
    );

    // A picture pasted into the panel (Ctrl+V) is decoded and preprocessed.
    await page.evaluate(
      async (b64) => {
        const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
        const data = new DataTransfer();
        data.items.add(new File([bytes], 'vase.png', { type: 'image/png' }));
        const target = document.querySelector('[aria-label="Image to 3D"]')!;
        target.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true }));
      },
      await vasePng(page),
    );
    await expect(panel.getByTestId('original')).toBeVisible();
    await expect(panel.getByTestId('image-error')).toBeHidden();
    await expect(panel.getByTestId('preprocess-method')).toContainText('Background threshold');

    // A closed outline on the sketch pad: preprocessing fills it and shows the model's input.
    await panel.getByRole('tab', { name: 'Sketch' }).click();
    const box = (await panel.getByTestId('sketch-pad').boundingBox())!;
    const at = ([x, y]: number[]) => [box.x + x! * box.width, box.y + y! * box.height] as const;
    const outline = [
      [0.42, 0.15],
      [0.58, 0.15],
      [0.74, 0.5],
      [0.7, 0.82],
      [0.3, 0.82],
      [0.26, 0.5],
      [0.42, 0.15],
    ];
    await page.mouse.move(...at(outline[0]!));
    await page.mouse.down();
    for (const p of outline.slice(1)) await page.mouse.move(...at(p), { steps: 2 });
    await page.mouse.up();
    await expect(panel.getByTestId('mask-preview')).toBeVisible();
    await expect(panel.getByTestId('preprocess-method')).toContainText('Background threshold');
    await panel.getByLabel('Quality').selectOption({ label: 'Draft (32³)' });

    // Cancel while the model worker is held busy, so the run is surely still going.
    const history = await page.evaluate(() => window.studio!.history());
    const held = holdShapeWorker(page, 4000);
    await panel.getByRole('button', { name: 'Generate' }).click();
    await expect(panel.getByTestId('shape-progress')).toBeVisible();
    await panel.getByRole('button', { name: 'Cancel' }).click();
    await expect(panel.getByTestId('shape-result')).toContainText('Cancelled: nothing was added');
    await held;
    expect(await page.evaluate(() => window.studio!.history())).toEqual(history);

    await panel.getByRole('button', { name: 'Generate' }).click();
    const result = panel.getByTestId('shape-result');
    await expect(result).toContainText('Added Sketch (3D) to the scene', { timeout: 60_000 });
    await expect(result).toContainText('· watertight ·');
    await expect(new OutlinerPage(page).row('Sketch (3D)')).toBeVisible();
    expect((await page.evaluate(() => window.studio!.history())).past.at(-1)).toBe(
      'Import Sketch (3D)',
    );
    await panel.getByRole('button', { name: 'Close' }).click();
    await expect(panel).toBeHidden();
  });
  studio.expectNoErrors();
});
