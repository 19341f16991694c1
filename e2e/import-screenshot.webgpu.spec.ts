// Files in and pictures out: a GLB opened from File → Open and one dropped on the viewport become
// undoable objects; a broken file is named in a message and changes nothing; a screenshot saved at
// a chosen size is a real PNG of that size, and window.studio.screenshot() is not blank.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { generateScene } from '../src/core/scene/generate-scene';
import { sceneToGlb } from '../src/export/scene-to-glb';
import { MenuBarPage, OutlinerPage } from './editor-panels';
import { StudioPage } from './studio-page';

const example = (name: string): unknown =>
  JSON.parse(readFileSync(path.resolve(process.cwd(), `public/examples/${name}.json`), 'utf8'));

const hash = (page: Page) => page.evaluate(() => window.studio!.sceneHash());

async function primitivesGlb(): Promise<Buffer> {
  return Buffer.from(await sceneToGlb(await generateScene(example('primitives'))));
}

test('open a GLB from the File menu, drop another on the viewport; undo removes them', async ({
  page,
}) => {
  const studio = new StudioPage(page);
  await studio.openWithExample('dungeon-medium');
  const before = await hash(page);
  const glb = await primitivesGlb();

  const chooser = page.waitForEvent('filechooser');
  await new MenuBarPage(page).choose('File', /Open model/);
  await (
    await chooser
  ).setFiles({ name: 'shapes.glb', mimeType: 'model/gltf-binary', buffer: glb });
  const outliner = new OutlinerPage(page);
  await expect(outliner.row('shapes.glb')).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'Imported shapes.glb' })).toBeVisible();
  const imported = await page.evaluate(() =>
    window.studio!.objects().filter((o) => o.kind === 'asset'),
  );
  expect(imported).toHaveLength(1);
  expect(await page.evaluate(() => window.studio!.selection())).toEqual([imported[0]!.id]);
  const afterOne = await hash(page);
  expect(afterOne).not.toBe(before);

  // Drag and drop onto the stage, as from the desktop.
  await page.evaluate(
    ([b64, name]) => {
      const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
      const data = new DataTransfer();
      data.items.add(new File([bytes], name, { type: 'model/gltf-binary' }));
      const stage = document.querySelector('main.stage')!;
      for (const type of ['dragenter', 'dragover', 'drop']) {
        stage.dispatchEvent(
          new DragEvent(type, { dataTransfer: data, bubbles: true, cancelable: true }),
        );
      }
    },
    [glb.toString('base64'), 'dropped.glb'] as const,
  );
  await expect(outliner.row('dropped.glb')).toBeVisible();
  await page.locator('body').click({ position: { x: 700, y: 5 } });
  await page.keyboard.press('Control+z');
  expect(await hash(page)).toBe(afterOne);
  await page.keyboard.press('Control+z');
  expect(await hash(page)).toBe(before);
  studio.expectNoErrors();
});

test('a broken file is named in a message and changes nothing', async ({ page }) => {
  const studio = new StudioPage(page);
  await studio.openWithExample('primitives');
  const before = await hash(page);
  const history = await page.evaluate(() => window.studio!.history());
  const glb = await primitivesGlb();

  const chooser = page.waitForEvent('filechooser');
  await new MenuBarPage(page).choose('File', /Open model/);
  await (
    await chooser
  ).setFiles({
    name: 'cut.glb',
    mimeType: 'model/gltf-binary',
    buffer: glb.subarray(0, Math.floor(glb.length / 2)),
  });
  const alert = page.getByRole('alert').filter({ hasText: 'cut.glb' });
  await expect(alert).toBeVisible();
  await expect(alert).toContainText(/truncated|length|end/i);
  expect(await hash(page)).toBe(before);
  expect(await page.evaluate(() => window.studio!.history())).toEqual(history);

  const error = await page.evaluate(() =>
    window.studio!.importFile(new Uint8Array([1, 2, 3, 4, 5]), 'noise.glb').then(
      () => 'imported',
      (e: Error) => e.message,
    ),
  );
  expect(error).toMatch(/^noise\.glb: /);
  expect(await hash(page)).toBe(before);
  // The failure is reported, not a crash: the console stays clean.
  studio.expectNoErrors();
});

test('File → Save screenshot renders a PNG at the chosen size; studio.screenshot() is not blank', async ({
  page,
}) => {
  const studio = new StudioPage(page);
  await studio.openWithExample('dungeon-medium');

  await new MenuBarPage(page).choose('File', /Save screenshot/);
  const dialog = page.getByRole('dialog', { name: 'Save screenshot' });
  await dialog.getByLabel('Width').fill('640');
  await dialog.getByLabel('Height').fill('360');
  const download = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Save PNG' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/-640x360\.png$/);
  const png = readFileSync((await file.path())!);
  expect([...png.subarray(0, 8)]).toEqual([137, 80, 78, 71, 13, 10, 26, 10]);
  expect(png.readUInt32BE(16)).toBe(640);
  expect(png.readUInt32BE(20)).toBe(360);

  // A size out of range is named and cannot be saved.
  await new MenuBarPage(page).choose('File', /Save screenshot/);
  await dialog.getByLabel('Width').fill('9000');
  await expect(dialog.getByRole('alert')).toContainText('Width');
  await expect(dialog.getByRole('button', { name: 'Save PNG' })).toBeDisabled();
  await page.keyboard.press('Escape');

  const bytes = await page.evaluate(async () =>
    Array.from(await window.studio!.screenshot({ width: 320, height: 180 })),
  );
  const stats = await studio.pngStats(Buffer.from(bytes));
  expect(stats).toMatchObject({ width: 320, height: 180 });
  expect(stats.distinctColours).toBeGreaterThan(500);
  studio.expectNoErrors();
});
