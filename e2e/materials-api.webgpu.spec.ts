// window.studio.materials in the production build: the library lists 500+ presets, a bake on the
// GPU worker returns maps within range (and a repeat comes from the cache), weather changes what it
// claims, and applying a preset to an object is one undoable edit that changes the scene hash and
// what the viewport shows.
import { expect, test } from '@playwright/test';
import { StudioPage } from './studio-page';

test('library, bake, cache, weather', async ({ page }) => {
  const studio = new StudioPage(page);
  await studio.open();
  const list = await page.evaluate(() => window.studio!.materials.list());
  expect(list.length).toBeGreaterThanOrEqual(500);
  expect(new Set(list.map((m) => m.id)).size).toBe(list.length);
  expect(new Set(list.map((m) => m.family)).size).toBeGreaterThanOrEqual(15);

  const id = list.find((m) => m.family === 'brick')!.id;
  const dry = await page.evaluate(
    (id) => window.studio!.materials.bake(id, { size: 256, engine: 'webgpu' }),
    id,
  );
  expect(dry.cached).toBe(false);
  expect(dry.engine).toBe('webgpu');
  expect(dry.size).toBe(256);
  for (const name of ['albedo', 'normal', 'orm', 'height'] as const) {
    const m = dry.maps[name]!;
    expect(m.nonFinite, name).toBe(0);
    expect(m.min, name).toBeGreaterThanOrEqual(0);
    expect(m.max, name).toBeLessThanOrEqual(1);
    expect(m.max - m.min, `${name} is not flat`).toBeGreaterThan(0.05);
  }
  const again = await page.evaluate(
    (id) => window.studio!.materials.bake(id, { size: 256, engine: 'webgpu' }),
    id,
  );
  expect(again.cached).toBe(true);
  expect(again.key).toBe(dry.key);
  const wet = await page.evaluate(
    (id) => window.studio!.materials.bake(id, { size: 256, weather: 'wet', engine: 'webgpu' }),
    id,
  );
  expect(wet.key).not.toBe(dry.key);
  expect(wet.maps.albedo!.mean).toBeLessThan(dry.maps.albedo!.mean);
  // 'auto' picks the CPU reference on a software adapter (SwiftShader): the same maps within a step.
  const auto = await page.evaluate((id) => window.studio!.materials.bake(id, { size: 256 }), id);
  expect(auto.engine).toBe('cpu');
  for (const name of ['albedo', 'normal', 'orm'] as const) {
    expect(Math.abs(auto.maps[name]!.mean - dry.maps[name]!.mean), name).toBeLessThan(1 / 255);
  }

  await expect(
    page.evaluate(() => window.studio!.materials.bake('no/such-preset')),
  ).rejects.toThrow(/no preset 'no\/such-preset'/);
  studio.expectNoErrors();
});

test('apply is one undoable edit that shows in the viewport and the hash', async ({ page }) => {
  const studio = new StudioPage(page);
  await studio.openWithExample('primitives');
  const target = await page.evaluate(() => {
    const s = window.studio!;
    return s.objects().find((o) => o.kind === 'generated' && !o.id.startsWith('primitives[0]'))!;
  });
  const hash0 = await page.evaluate(() => window.studio!.sceneHash());
  const before = await studio.canvasStats();
  const lava = await page.evaluate(
    () => window.studio!.materials.list().find((m) => m.id.includes('lava'))!.id,
  );
  await page.evaluate(
    ({ id, lava }) => window.studio!.materials.apply([id], lava, { projection: 'triplanar' }),
    { id: target.id, lava },
  );
  const applied = await page.evaluate((id) => window.studio!.object(id)!.material, target.id);
  expect(applied).toMatchObject({ preset: lava, projection: 'triplanar' });
  const hash1 = await page.evaluate(() => window.studio!.sceneHash());
  expect(hash1).not.toBe(hash0);
  const history = await page.evaluate(() => window.studio!.history().past);
  expect(history.at(-1)).toContain(lava);
  // The viewport shows it: the picture changes once the bake has arrived.
  await expect
    .poll(async () => {
      const now = await studio.canvasStats();
      return (
        Math.abs(now.meanRgb[0] - before.meanRgb[0]) + Math.abs(now.meanRgb[2] - before.meanRgb[2])
      );
    })
    .toBeGreaterThan(0.5);

  expect(await page.evaluate(() => window.studio!.undo())).toBe(true);
  expect(await page.evaluate(() => window.studio!.sceneHash())).toBe(hash0);
  expect(
    await page.evaluate((id) => window.studio!.object(id)!.material, target.id),
  ).toBeUndefined();
  await expect(
    page.evaluate((id) => window.studio!.materials.apply([id], 'no/such-preset'), target.id),
  ).rejects.toThrow(/no preset/);
  studio.expectNoErrors();
});
