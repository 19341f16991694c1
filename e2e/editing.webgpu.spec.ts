// Editing in the studio, driven as a user: pick in the viewport, move with G/X/2/Enter and with the
// gizmo, undo and redo with the keys (the scene hash returns exactly), the outliner and inspector,
// delete/duplicate/hide, box select, undoing a regeneration, and the shortcut help.
import { expect, test, type Page } from '@playwright/test';
import { BOX, HistoryPage, InspectorPage, OutlinerPage, ViewportPage } from './editor-panels';
import { StudioPage } from './studio-page';

async function openWithExample(page: Page, name: string) {
  const studio = new StudioPage(page);
  await studio.openWithExample(name);
  return { studio, viewport: new ViewportPage(page) };
}

const hash = (page: Page) => page.evaluate(() => window.studio!.sceneHash());
const position = (page: Page, id: string) =>
  page.evaluate((i) => window.studio!.object(i)!.position, id);

test('click selects; G X 2, R Z 90, S 2 transform exactly; Ctrl+Z restores the hash, redo re-applies', async ({
  page,
}) => {
  const { studio, viewport } = await openWithExample(page, 'primitives');
  const outliner = new OutlinerPage(page);
  const history = new HistoryPage(page);

  await viewport.clickObject(BOX);
  expect(await page.evaluate(() => window.studio!.selection())).toEqual([BOX]);
  await outliner.expectSelected('Box');

  const before = await hash(page);
  const p0 = await position(page, BOX);
  await viewport.modal('g', 'x', '2');
  const p1 = await position(page, BOX);
  expect(p1).toEqual([p0[0] + 2, p0[1], p0[2]]);
  const moved = await hash(page);
  expect(moved).not.toBe(before);
  await expect(history.list()).toContainText('Move Box');

  await page.keyboard.press('Control+z');
  expect(await hash(page)).toBe(before);
  expect(await position(page, BOX)).toEqual(p0);
  await page.keyboard.press('Control+Shift+z');
  expect(await hash(page)).toBe(moved);
  await page.keyboard.press('Control+z');
  await page.keyboard.press('Control+y');
  expect(await hash(page)).toBe(moved);

  // R Z 90: a rotation about the vertical axis, undone exactly too.
  await viewport.modal('r', 'z', '90');
  expect(await hash(page)).not.toBe(moved);
  await page.keyboard.press('Control+z');
  expect(await hash(page)).toBe(moved);

  // S 2 Enter: twice the size, about the object's own origin.
  const m0 = await page.evaluate((id) => window.studio!.object(id)!.matrix, BOX);
  await viewport.modal('s', null, '2');
  const m1 = await page.evaluate((id) => window.studio!.object(id)!.matrix, BOX);
  const axisLength = (m: number[], c: number) =>
    Math.hypot(m[c * 4]!, m[c * 4 + 1]!, m[c * 4 + 2]!);
  for (const c of [0, 1, 2]) expect(axisLength(m1, c)).toBeCloseTo(axisLength(m0, c) * 2, 5);
  expect(m1.slice(12, 15)).toEqual(m0.slice(12, 15));
  await page.keyboard.press('Control+z');
  expect(await hash(page)).toBe(moved);

  // W switches the gizmo between move, rotate and scale; the toolbar shows which.
  const gizmo = page.getByRole('radiogroup', { name: 'Gizmo' });
  await page.keyboard.press('w');
  await expect(gizmo.getByRole('radio', { name: 'Rotate' })).toHaveAttribute(
    'aria-checked',
    'true',
  );
  await gizmo.getByRole('radio', { name: 'Scale' }).click();
  await expect(gizmo.getByRole('radio', { name: 'Scale' })).toHaveAttribute('aria-checked', 'true');
  await gizmo.getByRole('radio', { name: 'Move' }).click();

  // Esc cancels a modal move without an edit.
  const entries = (await page.evaluate(() => window.studio!.history())).past.length;
  await viewport.canvas().hover();
  await page.keyboard.press('g');
  await page.mouse.move(400, 300, { steps: 5 });
  await page.keyboard.press('Escape');
  expect(await hash(page)).toBe(moved);
  expect((await page.evaluate(() => window.studio!.history())).past).toHaveLength(entries);

  // Click on empty space clears the selection.
  await viewport.clickEmpty();
  expect(await page.evaluate(() => window.studio!.selection())).toEqual([]);
  studio.expectNoErrors();
});

test('the gizmo drags along its X axis only; one undo entry per drag', async ({ page }) => {
  const { studio, viewport } = await openWithExample(page, 'primitives');
  await viewport.clickObject(BOX);
  const p0 = await position(page, BOX);
  const before = await hash(page);
  const entries = (await page.evaluate(() => window.studio!.history())).past.length;

  // Grab the X arrow partway along it and drag along the arrow.
  const { grab, dir } = await viewport.gizmoArrowX(BOX);
  await viewport.drag(grab, { x: grab.x + dir.x * 80, y: grab.y + dir.y * 80 });

  const p1 = await position(page, BOX);
  expect(p1[0]).toBeGreaterThan(p0[0] + 0.2);
  expect(p1[1]).toBeCloseTo(p0[1], 5);
  expect(p1[2]).toBeCloseTo(p0[2], 5);
  const h = await page.evaluate(() => window.studio!.history());
  expect(h.past).toHaveLength(entries + 1);
  await page.keyboard.press('Control+z');
  expect(await hash(page)).toBe(before);
  studio.expectNoErrors();
});

test('outliner and inspector: select, rename, hide, lock, type a position; all undoable', async ({
  page,
}) => {
  const { studio } = await openWithExample(page, 'primitives');
  const outliner = new OutlinerPage(page);
  const inspector = new InspectorPage(page);
  const before = await hash(page);

  await outliner.row('Sphere').click();
  const sphere = (await page.evaluate(() => window.studio!.selection()))[0]!;
  expect(sphere).toMatch(/^prim:sphere/);
  await inspector.setField('Position', 'Y', '4.25');
  expect((await position(page, sphere))[1]).toBe(4.25);
  // The inspector names the spec section that made the object.
  await expect(inspector.root().getByRole('region', { name: 'Spec section' })).toContainText(
    'primitives',
  );

  await outliner.rename('Sphere', 'Moon');
  await expect(outliner.row('Moon')).toBeVisible();
  await outliner.row('Moon').hover();
  await outliner.root().getByRole('button', { name: 'Hide Moon' }).click();
  expect(await page.evaluate((i) => window.studio!.object(i)!.visible, sphere)).toBe(false);

  // Locked: the inspector's fields are disabled and scripts are told why a move is refused.
  await outliner.root().getByRole('button', { name: 'Lock Moon' }).click();
  await expect(inspector.field('Position', 'X')).toBeDisabled();
  const refused = await page.evaluate((id) => {
    try {
      window.studio!.translate([id], [1, 0, 0]);
      return 'moved';
    } catch (e) {
      return (e as Error).message;
    }
  }, sphere);
  expect(refused).toMatch(/is locked/);

  const labels = (await page.evaluate(() => window.studio!.history())).past.slice(-4);
  expect(labels[0]).toMatch(/^Transform/);
  expect(labels[1]).toMatch(/^Rename/);
  expect(labels[2]).toMatch(/^Hide/);
  expect(labels[3]).toMatch(/^Lock/);
  await page.keyboard.press('Escape');
  await page.locator('body').click({ position: { x: 700, y: 5 } });
  for (let i = 0; i < 4; i++) await page.keyboard.press('Control+z');
  expect(await hash(page)).toBe(before);
  await expect(outliner.row('Sphere')).toBeVisible();
  studio.expectNoErrors();
});

test('delete, duplicate, select all and box select; the large dungeon groups instances', async ({
  page,
}) => {
  const { studio, viewport } = await openWithExample(page, 'primitives');
  const count = async () => (await page.evaluate(() => window.studio!.objects())).length;
  const n = await count();
  const before = await hash(page);

  await viewport.clickObject(BOX);
  await page.keyboard.press('Shift+D');
  expect(await count()).toBe(n + 1);
  const copy = (await page.evaluate(() => window.studio!.selection()))[0]!;
  expect(copy).toMatch(/^copy:/);
  await page.keyboard.press('Delete');
  expect(await count()).toBe(n);
  await viewport.clickObject(BOX);
  await page.keyboard.press('x');
  expect(await count()).toBe(n - 1);
  await page.keyboard.press('Control+z');
  await page.keyboard.press('Control+z');
  await page.keyboard.press('Control+z');
  expect(await count()).toBe(n);
  expect(await hash(page)).toBe(before);

  await viewport.canvas().hover();
  await page.keyboard.press('a');
  expect((await page.evaluate(() => window.studio!.selection())).length).toBe(n);

  // B, then drag a box around two objects' origins.
  await viewport.clickEmpty();
  const ids = await page.evaluate(() => window.studio!.objects().map((o) => o.id));
  const cone = ids.find((i) => i.startsWith('prim:cone'))!;
  const torus = ids.find((i) => i.startsWith('prim:torus'))!;
  const a = await viewport.pointOf(cone);
  const b = await viewport.pointOf(torus);
  await viewport.canvas().hover();
  await page.keyboard.press('b');
  await viewport.drag(
    { x: Math.min(a.x, b.x) - 10, y: Math.min(a.y, b.y) - 10 },
    { x: Math.max(a.x, b.x) + 10, y: Math.max(a.y, b.y) + 10 },
  );
  const boxed = await page.evaluate(() => window.studio!.selection());
  expect(boxed).toEqual(expect.arrayContaining([cone, torus]));

  // The large dungeon: thousands of instances, grouped per part in the outliner.
  await studio.chooseExample('dungeon-large');
  expect(await studio.generateFromPanel()).toBe('ready');
  const outliner = new OutlinerPage(page);
  await expect(outliner.row(/^Floor tiles/)).toBeVisible();
  await expect(outliner.row(/^Barrels/)).toContainText('90');
  expect((await page.evaluate(() => window.studio!.objects())).length).toBeGreaterThan(15000);
  studio.expectNoErrors();
});

test('a regeneration from a changed spec is undone and redone like any edit', async ({ page }) => {
  const { studio } = await openWithExample(page, 'dungeon-medium');
  const first = await hash(page);
  await studio.typeInField('seed', '77');
  expect(await studio.generateFromPanel()).toBe('ready');
  const second = await hash(page);
  expect(second).not.toBe(first);
  await page.locator('body').click({ position: { x: 700, y: 5 } });
  await page.keyboard.press('Control+z');
  expect(await hash(page)).toBe(first);
  // The spec draft comes back with the scene.
  await page.keyboard.press('Control+z');
  await expect(studio.specField('seed')).not.toHaveValue('77');
  await page.keyboard.press('Control+Shift+z');
  await page.keyboard.press('Control+Shift+z');
  expect(await hash(page)).toBe(second);
  studio.expectNoErrors();
});

test('? shows every shortcut; menus hold the same actions; the layout fits 1280x720', async ({
  page,
}) => {
  const studio = new StudioPage(page);
  await studio.open();
  await page.keyboard.press('?');
  const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(help).toBeVisible();
  for (const label of ['Undo', 'Redo', 'Duplicate', 'Delete', 'Move', 'Frame selected', 'Top']) {
    await expect(help.getByText(label, { exact: true }).first()).toBeVisible();
  }
  await page.keyboard.press('Escape');
  await expect(help).toBeHidden();

  const bar = page.getByRole('menubar', { name: 'Studio menu' });
  await bar.getByRole('menuitem', { name: 'Edit', exact: true }).click();
  const edit = bar.getByRole('menu', { name: 'Edit' });
  await expect(edit.getByRole('menuitem', { name: /Undo/ })).toBeVisible();
  await expect(edit.getByRole('menuitem', { name: /Duplicate/ })).toBeDisabled();
  await page.keyboard.press('Escape');

  // Everything fits side by side without overlapping at 1280x720.
  const spec = (await page.getByTestId('spec-panel').boundingBox())!;
  const stage = (await page.locator('main.stage').boundingBox())!;
  const side = (await page
    .getByRole('complementary', { name: 'Scene', exact: true })
    .boundingBox())!;
  expect(spec.x + spec.width).toBeLessThanOrEqual(stage.x + 1);
  expect(stage.x + stage.width).toBeLessThanOrEqual(side.x + 1);
  expect(side.x + side.width).toBeLessThanOrEqual(1280);
  expect(stage.width).toBeGreaterThan(560);

  // N and T collapse the side panels; the viewport takes the room.
  await page.keyboard.press('n');
  await page.keyboard.press('t');
  await expect(page.getByRole('complementary', { name: 'Scene', exact: true })).toBeHidden();
  expect((await page.locator('main.stage').boundingBox())!.width).toBeGreaterThan(1180);
  studio.expectNoErrors();
});
