// Viewport tools and layout, driven as a user: F frames the selection, numpad and view-cube views,
// shading modes and grid from the toolbar and menus, snapping while dragging the gizmo, grouping and
// reordering, resizable panels and a large monitor.
import { expect, test, type Page } from '@playwright/test';
import { BOX, MenuBarPage, OutlinerPage, ViewportPage } from './editor-panels';
import { StudioPage } from './studio-page';

const camera = (page: Page) => page.evaluate(() => window.studio!.camera()!);

async function open(page: Page) {
  const studio = new StudioPage(page);
  await studio.openWithExample('primitives');
  return { studio, viewport: new ViewportPage(page) };
}

function direction(c: { position: number[]; target: number[] }): number[] {
  const d = c.position.map((p, i) => p - c.target[i]!);
  const n = Math.hypot(...d);
  return d.map((v) => v / n);
}

test('F frames the selection; numpad and view-cube views; shading and grid', async ({ page }) => {
  const { studio, viewport } = await open(page);
  // The sphere: solid at its origin (a click at the torus's origin would go through its hole).
  const sphere = (await page.evaluate(() => window.studio!.objects())).find((o) =>
    o.id.startsWith('prim:sphere'),
  )!;
  await viewport.clickObject(sphere.id);
  await page.keyboard.press('f');
  await expect
    .poll(async () => (await camera(page)).target.map((v) => Math.round(v * 10) / 10))
    .toEqual(sphere.position.map((v) => Math.round(v * 10) / 10));
  // The framed object sits in the middle of the canvas.
  const size = (await viewport.canvas().boundingBox())!;
  const at = (await page.evaluate((id) => window.studio!.debug.screenPosition(id), sphere.id))!;
  expect(Math.abs(at.x - size.width / 2)).toBeLessThan(size.width * 0.1);
  expect(Math.abs(at.y - size.height / 2)).toBeLessThan(size.height * 0.1);

  await viewport.canvas().hover();
  await page.keyboard.press('Numpad7');
  expect(direction(await camera(page))[1]).toBeGreaterThan(0.999);
  await page.keyboard.press('Control+Numpad1');
  expect(direction(await camera(page))[2]).toBeLessThan(-0.999);
  // From an axis view only the facing cube face can be clicked; the others are reachable by keyboard.
  await page.getByRole('button', { name: 'View from right' }).focus();
  await page.keyboard.press('Enter');
  expect(direction(await camera(page))[0]).toBeGreaterThan(0.999);
  // From the top, framing everything: the ground plane fills the view.
  await page.keyboard.press('Numpad7');
  await page.keyboard.press('Home');
  await page.waitForTimeout(300);

  const lit = await studio.canvasStats();
  const shading = page.getByRole('radiogroup', { name: 'Shading' });
  await shading.getByRole('radio', { name: 'Wire' }).click();
  await expect(shading.getByRole('radio', { name: 'Wire' })).toHaveAttribute(
    'aria-checked',
    'true',
  );
  await page.waitForTimeout(300);
  const wire = await studio.canvasStats();
  const change = wire.meanRgb.reduce((n, v, i) => n + Math.abs(v - lit.meanRgb[i]!), 0);
  expect(change).toBeGreaterThan(10);
  await page.keyboard.press('Shift+Z');
  await expect(shading.getByRole('radio', { name: 'Lit' })).toHaveAttribute('aria-checked', 'true');

  const bar = page.getByRole('menubar', { name: 'Studio menu' });
  await bar.getByRole('menuitem', { name: 'View', exact: true }).click();
  const grid = bar
    .getByRole('menu', { name: 'View' })
    .getByRole('menuitemcheckbox', { name: 'Grid' });
  await expect(grid).toHaveAttribute('aria-checked', 'true');
  await grid.click();
  await expect(
    page.getByRole('toolbar', { name: 'Tools' }).getByRole('button', { name: 'Grid' }),
  ).toHaveAttribute('aria-pressed', 'false');
  studio.expectNoErrors();
});

test('Ctrl snaps a gizmo drag to the 0.5 m grid; Ctrl+G groups; Alt+Up reorders', async ({
  page,
}) => {
  const { studio, viewport } = await open(page);
  await viewport.clickObject(BOX);
  const p0 = await page.evaluate((id) => window.studio!.object(id)!.position, BOX);
  const { grab, dir } = await viewport.gizmoArrowX(BOX);
  // Ctrl is held once the drag has started (Ctrl at the press would start a box select).
  await page.mouse.move(grab.x, grab.y);
  await page.mouse.down();
  await page.mouse.move(grab.x + dir.x, grab.y + dir.y);
  await page.keyboard.down('Control');
  await page.mouse.move(grab.x + dir.x * 90, grab.y + dir.y * 90, { steps: 12 });
  await page.mouse.up();
  await page.keyboard.up('Control');
  const p1 = await page.evaluate((id) => window.studio!.object(id)!.position, BOX);
  const moved = p1[0] - p0[0];
  expect(moved).toBeGreaterThan(0.4);
  // Snapped: the offset is a whole number of half metres.
  expect(Math.abs(moved * 2 - Math.round(moved * 2))).toBeLessThan(1e-6);

  // Group two objects with Ctrl+G, then move the group up the outliner with Alt+Up.
  const sphere = (await page.evaluate(() => window.studio!.objects())).find((x) =>
    x.id.startsWith('prim:sphere'),
  )!.id;
  // Add the sphere from the outliner (in the viewport the gizmo may now cover it).
  const outliner = new OutlinerPage(page);
  await outliner.row('Sphere').click({ modifiers: ['Control'] });
  await page.keyboard.press('Control+g');
  const group = (await page.evaluate(() => window.studio!.selection()))[0]!;
  expect(group).toMatch(/^group:/);
  const objects = await page.evaluate(() => window.studio!.objects());
  expect(
    objects
      .filter((x) => x.parent === group)
      .map((x) => x.id)
      .sort(),
  ).toEqual([BOX, sphere].sort());
  const row = outliner.row(/^Group/);
  await row.click();
  const before = await outliner.tree().getByRole('treeitem').allInnerTexts();
  await row.press('Alt+ArrowUp');
  await expect
    .poll(() => outliner.tree().getByRole('treeitem').allInnerTexts())
    .not.toEqual(before);
  expect((await page.evaluate(() => window.studio!.history())).past.slice(-1)[0]).toBe(
    'Reorder outliner',
  );
  studio.expectNoErrors();
});

test('panels resize and collapse; the layout also fits a 2560x1440 monitor', async ({ page }) => {
  await page.setViewportSize({ width: 2560, height: 1440 });
  const studio = new StudioPage(page);
  await studio.open();
  const spec = page.getByTestId('spec-panel');
  const w0 = (await spec.boundingBox())!.width;
  const divider = page.getByRole('separator', { name: 'Resize the spec panel' });
  await divider.focus();
  for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowRight');
  expect((await spec.boundingBox())!.width).toBeCloseTo(w0 + 80, 0);
  const handle = (await divider.boundingBox())!;
  await page.mouse.move(handle.x + 2, handle.y + 200);
  await page.mouse.down();
  await page.mouse.move(handle.x - 60, handle.y + 200, { steps: 6 });
  await page.mouse.up();
  expect((await spec.boundingBox())!.width).toBeCloseTo(w0 + 80 - 62, -1);

  const side = page.getByRole('complementary', { name: 'Scene', exact: true });
  const stage = (await page.locator('main.stage').boundingBox())!;
  expect(stage.width).toBeGreaterThan(1800);
  expect((await side.boundingBox())!.x + (await side.boundingBox())!.width).toBeLessThanOrEqual(
    2560,
  );
  await new MenuBarPage(page).choose('View', 'Outliner and inspector');
  await expect(side).toBeHidden();
  studio.expectNoErrors();
});
