// The production build in Chromium with WebGPU: it really renders on WebGPU, the scene is visible,
// textures come from the GPU compute core, and nothing logs an error.
import { expect, test } from '@playwright/test';
import { StudioPage } from './studio-page';

test('loads with no console errors and renders on WebGPU', async ({ page }) => {
  const studio = new StudioPage(page);
  const response = await page.goto('/');
  expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");
  await page.evaluate(() => window.studio!.ready);

  const renderer = await page.evaluate(() => window.studio!.renderer());
  expect(renderer.backend).toBe('webgpu');
  expect(renderer.adapter).toMatch(/\S/);
  const compute = await page.evaluate(() => window.studio!.compute());
  expect(compute.backend).toBe('webgpu');
  expect(await page.evaluate(() => window.studio!.version)).toMatch(/^\d+\.\d+\.\d+/);

  await expect(page.getByTestId('backend')).toHaveText('WebGPU');
  await expect(page.getByTestId('adapter')).toHaveText(renderer.adapter);
  await expect(page.getByTestId('compute')).toHaveText('compute on GPU');
  await studio.expectSceneVisible();
  studio.expectNoErrors();
});

test('orbit, pan and zoom move the camera', async ({ page }) => {
  const studio = new StudioPage(page);
  await studio.open();
  const before = await studio.canvasStats();
  const box = (await studio.canvas().boundingBox())!;
  const cx = box.x + box.width / 2;
  const cy = box.y + box.height / 2;
  await page.mouse.move(cx, cy);
  await page.mouse.down();
  await page.mouse.move(cx + 260, cy + 40, { steps: 8 });
  await page.mouse.up();
  await page.mouse.wheel(0, -600);
  await page.waitForTimeout(500);
  const after = await studio.canvasStats();
  const moved = before.meanRgb.some((v, i) => Math.abs(v - after.meanRgb[i]!) > 1);
  expect(moved).toBe(true);
  await studio.expectSceneVisible();
  studio.expectNoErrors();
});

test('the demo textures are baked by the WGSL kernel in the compute worker', async ({ page }) => {
  const studio = new StudioPage(page);
  await studio.open();
  const field = await page.evaluate(async () => {
    const f = await window.studio!.bakeNoise({ width: 64, height: 32, format: 'rgba8' });
    return {
      width: f.width,
      height: f.height,
      bytes: f.data.length,
      first: Array.from(f.data.slice(0, 8)),
    };
  });
  expect(field).toMatchObject({ width: 64, height: 32, bytes: 64 * 32 * 4 });
  expect(field.first[3]).toBe(255);
  const compute = await page.evaluate(() => window.studio!.compute());
  expect(compute.backend).toBe('webgpu');
  studio.expectNoErrors();
});

test('recovers when the renderer loses its GPU device', async ({ page }) => {
  const studio = new StudioPage(page);
  await studio.open();
  expect(await page.evaluate(() => window.studio!.debug.loseRendererDevice())).toBe(true);
  await expect.poll(() => page.evaluate(() => window.studio!.renderer().deviceLosses)).toBe(1);
  await expect.poll(() => page.evaluate(() => window.studio!.rendererStatus())).toBe('ready');
  const frames = await page.evaluate(() => window.studio!.frames());
  await expect.poll(() => page.evaluate(() => window.studio!.frames())).toBeGreaterThan(frames + 3);
  expect((await page.evaluate(() => window.studio!.renderer())).backend).toBe('webgpu');
  await studio.expectSceneVisible();
  studio.expectNoErrors();
});

test('a restarted compute worker keeps serving bakes', async ({ page }) => {
  const studio = new StudioPage(page);
  await studio.open();
  await page.evaluate(() => window.studio!.debug.terminateComputeWorker());
  const bytes = await page.evaluate(
    async () => (await window.studio!.bakeNoise({ width: 16, height: 16 })).data.length,
  );
  expect(bytes).toBe(16 * 16 * 4);
  studio.expectNoErrors();
});
