// Blending two materials through a mask, driven as a user: open a stone preset in the material
// editor, switch "Blend with…" on, find moss in its searchable picker, choose the height mask and an
// amount (the preview re-bakes the blend), apply it to the selected box: the object's material
// carries the blend, the History names both presets, and Ctrl+Z takes it away (the hash comes back).
import { expect, test, type Page } from '@playwright/test';
import { BOX, HistoryPage, ViewportPage } from './editor-panels';
import { MaterialEditorPage, MaterialsPanel } from './materials-panel';
import { StudioPage } from './studio-page';

// Previews bake on the GPU (SwiftShader here): a blend bakes two materials, so allow time.
test.describe.configure({ timeout: 180_000 });

const STONE = 'stone/cobblestone';
const MOSS = 'nature/moss';

const hash = (page: Page) => page.evaluate(() => window.studio!.sceneHash());
const materialOf = (page: Page, id: string) =>
  page.evaluate((i) => window.studio!.object(i)?.material ?? null, id);

test('blend with…: a second material through a height mask, previewed, applied as one undoable edit', async ({
  page,
}) => {
  const studio = new StudioPage(page);
  await studio.openWithExample('primitives');
  const materials = new MaterialsPanel(page);
  const viewport = new ViewportPage(page);
  const editor = new MaterialEditorPage(page);
  await studio.canvas().hover();
  await page.keyboard.press('m');
  await expect(materials.grid()).toBeVisible();
  await viewport.clickObject(BOX);
  expect(await page.evaluate(() => window.studio!.selection())).toEqual([BOX]);

  await materials.searchFor('cobblestone');
  await materials.card(STONE).dblclick();
  await expect(editor.dialog()).toBeVisible();
  await editor.waitForPreview();
  const dialog = editor.dialog();
  const apply = dialog.getByRole('button', { name: 'Apply to selection' });
  await expect(apply).toBeEnabled();

  // Switching the blend on asks for a second material before it can apply.
  await dialog.getByRole('checkbox', { name: 'Blend', exact: true }).check();
  await expect(apply).toBeDisabled();
  await expect(apply).toHaveAttribute('title', /Choose a material to blend with/);

  // The picker searches like the browser; choose moss, the height mask and an amount.
  const bakes = await editor.bakes();
  const key = await editor.bakeKey();
  await dialog.getByRole('searchbox', { name: 'Find a material to blend with' }).fill('moss');
  const picker = dialog.getByRole('combobox', { name: 'Blend material' });
  await expect(picker.locator(`option[value="${MOSS}"]`)).toHaveCount(1);
  await expect(picker.locator(`option[value="${STONE}"]`)).toHaveCount(0);
  await picker.selectOption(MOSS);
  await dialog.getByRole('combobox', { name: 'Mask', exact: true }).selectOption('height');
  await editor.setNumber('Blend amount', '0.4');
  await editor.setNumber('Blend softness', '0.3');

  // The preview re-bakes with the blend (a new content key) and says so.
  await expect.poll(() => editor.bakes()).toBeGreaterThan(bakes);
  await expect(editor.bakeInfo()).toContainText('blended with');
  await expect(editor.bakeInfo()).not.toContainText('Baking');
  expect(await editor.bakeKey()).not.toBe(key);
  await page.screenshot({ path: 'test-results/materials-blend-editor.png' });

  const before = await hash(page);
  await expect(apply).toBeEnabled();
  await apply.click();
  expect(await materialOf(page, BOX)).toMatchObject({
    preset: STONE,
    blend: { preset: MOSS, mask: 'height', amount: 0.4, softness: 0.3, scale: 4, seed: 0 },
  });
  const applied = await hash(page);
  expect(applied).not.toBe(before);
  await expect(new HistoryPage(page).list()).toContainText(`${STONE} + ${MOSS}`);

  // One edit: Ctrl+Z takes the blend away and the hash comes back; redo brings it back.
  await editor.close();
  await viewport.canvas().hover();
  await page.keyboard.press('Control+z');
  expect(await materialOf(page, BOX)).toBeNull();
  expect(await hash(page)).toBe(before);
  await page.keyboard.press('Control+Shift+z');
  expect((await materialOf(page, BOX))?.blend?.preset).toBe(MOSS);
  expect(await hash(page)).toBe(applied);
  studio.expectNoErrors();
});
