// Touch and trackpad navigation: one finger orbits, two fingers pinch to zoom (real touch events
// through the DevTools protocol, as a tablet sends them), a trackpad pinch (Ctrl+wheel) zooms, and
// a tap selects.
import { expect, test, type Page } from '@playwright/test';
import { StudioPage } from './studio-page';

test.use({ hasTouch: true });

type Point = { x: number; y: number };

type TouchType = 'touchStart' | 'touchMove' | 'touchEnd';

/** One gesture: all fingers down at `from`, moved together to `to` in steps, then lifted. */
async function gesture(page: Page, from: Point[], to: Point[], steps = 10) {
  const cdp = await page.context().newCDPSession(page);
  const send = (type: TouchType, points: Point[]) =>
    cdp.send('Input.dispatchTouchEvent', {
      type,
      touchPoints: points.map((p, id) => ({ x: p.x, y: p.y, id })),
    });
  await send('touchStart', from);
  for (let s = 1; s <= steps; s++) {
    const t = s / steps;
    await send(
      'touchMove',
      from.map((p, i) => ({ x: p.x + (to[i]!.x - p.x) * t, y: p.y + (to[i]!.y - p.y) * t })),
    );
    await page.waitForTimeout(16);
  }
  await send('touchEnd', []);
  await cdp.detach();
  await page.waitForTimeout(400);
}

const camera = (page: Page) => page.evaluate(() => window.studio!.camera()!);
const distance = (c: { position: number[]; target: number[] }) =>
  Math.hypot(...c.position.map((p, i) => p - c.target[i]!));

test('one finger orbits, a pinch zooms (touch and trackpad), a tap selects', async ({ page }) => {
  const studio = new StudioPage(page);
  await studio.openWithExample('primitives');
  const box = (await studio.canvas().boundingBox())!;
  const cx = box.x + box.width / 2;
  const cy = box.y + box.height / 2;

  const c0 = await camera(page);
  await gesture(page, [{ x: cx, y: cy }], [{ x: cx + 150, y: cy }]);
  const c1 = await camera(page);
  expect(Math.hypot(...c1.position.map((p, i) => p - c0.position[i]!))).toBeGreaterThan(0.5);
  expect(distance(c1)).toBeCloseTo(distance(c0), 1);

  // Fingers moving apart zoom in.
  await gesture(
    page,
    [
      { x: cx - 40, y: cy },
      { x: cx + 40, y: cy },
    ],
    [
      { x: cx - 160, y: cy },
      { x: cx + 160, y: cy },
    ],
  );
  expect(distance(await camera(page))).toBeLessThan(distance(c1) * 0.8);

  // A trackpad pinch arrives as a wheel event with ctrlKey: it zooms the view, not the page.
  const before = distance(await camera(page));
  await page.mouse.move(cx, cy);
  await page.keyboard.down('Control');
  for (let i = 0; i < 5; i++) await page.mouse.wheel(0, -60);
  await page.keyboard.up('Control');
  await page.waitForTimeout(400);
  expect(distance(await camera(page))).toBeLessThan(before * 0.95);

  const sphere = (await page.evaluate(() => window.studio!.objects())).find((o) =>
    o.id.startsWith('prim:sphere'),
  )!.id;
  const at = (await page.evaluate((id) => window.studio!.debug.screenPosition(id), sphere))!;
  await page.touchscreen.tap(box.x + at.x, box.y + at.y);
  await expect.poll(() => page.evaluate(() => window.studio!.selection())).toEqual([sphere]);
  studio.expectNoErrors();
});
