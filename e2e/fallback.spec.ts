// Chromium launched with no WebGPU adapter: the studio falls back to WebGL2, says so in the badge,
// runs its kernels on the CPU references, and still renders the scene.
import { expect, test } from '@playwright/test';
import { StudioPage } from './studio-page';

test('falls back to WebGL2 visibly and still renders', async ({ page }) => {
  const studio = new StudioPage(page);
  await studio.open();
  const renderer = await page.evaluate(() => window.studio!.renderer());
  expect(renderer.backend).toBe('webgl2');
  expect(renderer.adapter).toMatch(/\S/);
  await expect(page.getByTestId('backend')).toHaveText('WebGL2 fallback');
  await expect(page.getByTestId('status-badge')).toContainText('renders on WebGL2');
  const compute = await page.evaluate(() => window.studio!.compute());
  expect(compute.backend).toBe('cpu');
  expect(compute.fallbackReason).toMatch(/WebGPU/);
  await expect(page.getByTestId('compute')).toHaveText('compute on CPU (slower)');
  await studio.expectSceneVisible();
  studio.expectNoErrors();
});

test('CPU fallback bakes the same texels the GPU kernel would', async ({ page }) => {
  const studio = new StudioPage(page);
  await studio.open();
  const field = await page.evaluate(async () => {
    const f = await window.studio!.bakeNoise({ width: 8, height: 8, format: 'rgba8', seed: 3 });
    return Array.from(f.data);
  });
  expect(field).toHaveLength(8 * 8 * 4);
  expect(new Set(field.filter((_, i) => i % 4 === 0)).size).toBeGreaterThan(4);
  studio.expectNoErrors();
});
