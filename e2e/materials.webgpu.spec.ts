// The material browser and editor, driven as a user: open the shelf (M), search, filter by family,
// star a favourite (it survives a reload), apply a preset to the selection (one undoable edit: the
// History shows it, Ctrl+Z takes it away and the scene hash comes back), drag a card onto an object
// in the viewport, edit a preset (the preview re-bakes), save it as a new preset and find it by
// search, export the library and import it back, and import a bad file (its problem is told and
// nothing changes).
import { expect, test, type Page } from '@playwright/test';
import { BOX, HistoryPage, ViewportPage } from './editor-panels';
import { MaterialEditorPage, MaterialsPanel } from './materials-panel';
import { StudioPage } from './studio-page';

// Thumbnails and previews bake on the GPU; under SwiftShader (software WebGPU) a bake takes about
// a second, so these tests get more time than the default.
test.describe.configure({ timeout: 180_000 });

const hash = (page: Page) => page.evaluate(() => window.studio!.sceneHash());
const materialOf = (page: Page, id: string) =>
  page.evaluate((i) => window.studio!.object(i)?.material ?? null, id);
const presets = (page: Page) => page.evaluate(() => window.studio!.materials.list());

async function openStudio(page: Page) {
  const studio = new StudioPage(page);
  await studio.openWithExample('primitives');
  const materials = new MaterialsPanel(page);
  await studio.canvas().hover();
  await page.keyboard.press('m');
  await expect(materials.grid()).toBeVisible();
  return { studio, materials, viewport: new ViewportPage(page) };
}

test('browse: windowed thumbnails, search, family chips with counts, favourites that survive a reload', async ({
  page,
}) => {
  const { studio, materials } = await openStudio(page);
  const all = await presets(page);
  expect(all.length).toBeGreaterThanOrEqual(500);

  // Only the cards in view are mounted, and they get lit thumbnails.
  const mounted = await materials.cards().count();
  expect(mounted).toBeGreaterThan(4);
  expect(mounted).toBeLessThan(120);
  const first = (await materials.shownIds())[0]!;
  await expect(materials.thumb(first)).toHaveAttribute('data-state', 'ready');
  await page.screenshot({ path: 'test-results/materials-browser.png' });

  // A family chip shows its count and narrows the grid to that family.
  const metals = all.filter((m) => m.family === 'metal');
  await expect(materials.family('metal')).toContainText(String(metals.length));
  await materials.family('metal').click();
  await expect(materials.family('metal')).toHaveAttribute('aria-pressed', 'true');
  await expect
    .poll(async () => (await materials.shownIds()).every((id) => id.startsWith('metal/')))
    .toBe(true);

  // Search within the family, then across all of them.
  const target = metals.find((m) => /copper/i.test(m.name)) ?? metals[0]!;
  const word = target.name.split(/\s+/)[0]!;
  await materials.searchFor(word);
  await expect(materials.card(target.id)).toBeVisible();
  const found = await materials.shownIds();
  expect(found.length).toBeLessThan(metals.length + 1);
  await materials.family('all').click();
  await materials.searchFor('zzzz-no-such-material');
  await expect(materials.grid()).toContainText('No materials match');
  await materials.searchFor(word);
  await expect(materials.card(target.id)).toBeVisible();

  // Star it; "favourites only" shows just that one.
  await materials.card(target.id).hover();
  await materials.favourite(target.id).click();
  await expect(materials.favourite(target.id)).toHaveAttribute('aria-checked', 'true');
  await materials.searchFor('');
  await materials.favouritesOnly().click();
  await expect.poll(() => materials.shownIds()).toEqual([target.id]);

  // After a reload the favourite (and the filter) are still there.
  await page.reload();
  await page.evaluate(() => window.studio!.ready);
  await materials.open();
  await expect.poll(() => materials.shownIds()).toEqual([target.id]);
  await expect(materials.favourite(target.id)).toHaveAttribute('aria-checked', 'true');
  await materials.favouritesOnly().click();
  studio.expectNoErrors();
});

test('apply to the selection is one undoable edit; a card dropped on an object applies to it', async ({
  page,
}) => {
  const { studio, materials, viewport } = await openStudio(page);
  const all = await presets(page);
  const brick = all.find((m) => m.family === 'brick')!;
  await materials.searchFor(brick.name);
  await materials.card(brick.id).click();
  await expect(materials.card(brick.id)).toHaveAttribute('aria-selected', 'true');

  // Nothing selected: the button says why it cannot apply.
  await page.evaluate(() => window.studio!.select([]));
  await expect(materials.applyButton()).toBeDisabled();
  await expect(materials.applyButton()).toHaveAttribute('title', /Select one or more objects/);

  await viewport.clickObject(BOX);
  expect(await page.evaluate(() => window.studio!.selection())).toEqual([BOX]);
  await materials.projection().selectOption('box');
  const before = await hash(page);
  await materials.applyButton().click();
  expect(await materialOf(page, BOX)).toMatchObject({ preset: brick.id, projection: 'box' });
  const applied = await hash(page);
  expect(applied).not.toBe(before);
  await expect(new HistoryPage(page).list()).toContainText(`Apply`);
  await expect(new HistoryPage(page).list()).toContainText(brick.id);

  await viewport.canvas().hover();
  await page.keyboard.press('Control+z');
  expect(await materialOf(page, BOX)).toBeNull();
  expect(await hash(page)).toBe(before);
  await page.keyboard.press('Control+Shift+z');
  expect(await hash(page)).toBe(applied);
  await page.keyboard.press('Control+z');

  // Drag another preset onto the sphere in the viewport.
  const sphere = (await page.evaluate(() => window.studio!.objects())).find((o) =>
    o.id.startsWith('prim:sphere'),
  )!;
  const at = (await page.evaluate((id) => window.studio!.debug.screenPosition(id), sphere.id))!;
  const wood = all.find((m) => m.family === 'wood')!;
  await materials.searchFor(wood.name);
  await expect(materials.card(wood.id)).toBeVisible();
  await materials.dragOntoCanvas(wood.id, at);
  await expect.poll(() => materialOf(page, sphere.id)).toMatchObject({ preset: wood.id });
  expect(await hash(page)).not.toBe(before);
  await expect(new HistoryPage(page).list()).toContainText(wood.id);
  studio.expectNoErrors();
});

test('editor: a change re-bakes the preview; save as new, find it, export and import the library, refuse a bad file', async ({
  page,
}) => {
  const { studio, materials } = await openStudio(page);
  const editor = new MaterialEditorPage(page);
  const all = await presets(page);
  const base = all.find((m) => m.family === 'stone')!;
  await materials.searchFor(base.name);
  await materials.card(base.id).dblclick();
  await expect(editor.dialog()).toBeVisible();
  await editor.waitForPreview();
  await expect(editor.bakeInfo()).toContainText(/Baked in|From the cache/);
  const bakes = await editor.bakes();
  const key = await editor.bakeKey();

  // A parameter change re-bakes the preview (a new content key).
  await editor.setNumber('Density', '0.9');
  await expect.poll(() => editor.bakes()).toBeGreaterThan(bakes);
  expect(await editor.bakeKey()).not.toBe(key);
  await expect(editor.bakeInfo()).toContainText(/Baked in \d/);
  await page.screenshot({ path: 'test-results/materials-editor.png' });

  // Save as a new preset: it gets a user/ id and the browser finds it.
  await editor.saveAsNew('E2E Dense Stone');
  await expect(page.getByRole('status').filter({ hasText: 'user/e2e-dense-stone' })).toBeVisible();
  await editor.close();
  await materials.searchFor('e2e dense');
  await expect.poll(() => materials.shownIds()).toEqual(['user/e2e-dense-stone']);

  // Export downloads the user's presets; after they are gone, importing the file brings them back.
  const exported = await materials.exportLibrary();
  expect(exported.name).toMatch(/\.json$/);
  expect(exported.text).toContain('user/e2e-dense-stone');
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await page.evaluate(() => window.studio!.ready);
  await page.keyboard.press('m');
  await materials.searchFor('e2e dense');
  await expect(materials.grid()).toContainText('No materials match');
  await materials.importLibrary(exported.name, exported.text);
  await expect.poll(() => materials.shownIds()).toEqual(['user/e2e-dense-stone']);
  expect((await presets(page)).length).toBe(all.length + 1);

  // A bad file: the problem is told, and nothing changes.
  await materials.importLibrary('broken.json', '{"format":"something else"}');
  const alert = page.getByRole('alert').filter({ hasText: 'broken.json' });
  await expect(alert).toBeVisible();
  expect((await presets(page)).length).toBe(all.length + 1);
  await materials.importLibrary('not-json.json', '{oops');
  await expect(page.getByRole('alert').filter({ hasText: 'not-json.json' })).toBeVisible();
  expect((await presets(page)).length).toBe(all.length + 1);
  studio.expectNoErrors();
});
