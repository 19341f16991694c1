// Generating scenes in the studio: through window.studio.generate in the scene worker, the same
// content hash as Node's generateScene for the same spec, shown in the viewport.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { generateScene } from '../src/core/scene/generate-scene';
import { sceneHash } from '../src/core/scene/scene-hash';
import { StudioPage } from './studio-page';

const example = (name: string): unknown =>
  JSON.parse(readFileSync(path.resolve(process.cwd(), `public/examples/${name}.json`), 'utf8'));

test('generates the medium dungeon in the worker with the same hash as Node, and shows it', async ({
  page,
}) => {
  const studio = new StudioPage(page);
  await studio.open();
  const before = await studio.canvasStats();
  const spec = example('dungeon-medium');
  const result = await page.evaluate((s) => window.studio!.generate(s), spec);
  const node = await sceneHash(await generateScene(spec));
  expect(result.hash).toBe(node);
  expect(await page.evaluate(() => window.studio!.sceneHash())).toBe(node);
  expect(result.stats.counts['dungeon.rooms']).toBe(20);
  expect(result.stats.drawCalls).toBeLessThan(100);
  const frames = await page.evaluate(() => window.studio!.frames());
  await expect.poll(() => page.evaluate(() => window.studio!.frames())).toBeGreaterThan(frames + 3);
  const after = await studio.expectSceneVisible();
  expect(after.meanRgb.some((v, i) => Math.abs(v - before.meanRgb[i]!) > 2)).toBe(true);
  studio.expectNoErrors();
});

test('a bad spec is refused with path-named errors and the scene on show is kept', async ({
  page,
}) => {
  const studio = new StudioPage(page);
  await studio.open();
  await page.evaluate((s) => window.studio!.generate(s), example('primitives'));
  const hash = await page.evaluate(() => window.studio!.sceneHash());
  const message = await page.evaluate(async () => {
    try {
      await window.studio!.generate({
        version: 1,
        seed: 1,
        dungeon: { width: 64, depth: 64, rooms: { count: 0 } },
      });
      return 'accepted';
    } catch (e) {
      return (e as Error).message;
    }
  });
  expect(message).toContain('dungeon.rooms.count: expected 1..500, got 0');
  expect(await page.evaluate(() => window.studio!.sceneHash())).toBe(hash);
  studio.expectNoErrors();
});

test('terrain and forest generate in the worker on WebGPU with the same hash as Node', async ({
  page,
}) => {
  // Terrain forced onto SwiftShader's WebGPU takes ~10 s a run, and the viewport then draws 0.5 M
  // triangles with triplanar procedural materials on the same two emulating cores.
  test.setTimeout(180_000);
  const studio = new StudioPage(page);
  await studio.open();
  for (const name of ['terrain', 'forest']) {
    const spec = example(name);
    const result = await page.evaluate(
      (s) => window.studio!.generate(s, undefined, { terrainEngine: 'webgpu' }),
      spec,
    );
    const node = await generateScene(spec);
    expect(node.stats.engines).toEqual({ terrain: 'cpu' });
    expect(result.stats.engines).toEqual({ terrain: 'webgpu' });
    expect(result.hash).toBe(await sceneHash(node));
    expect(result.stats.triangles).toBe(node.stats.triangles);
  }
  // The default ('auto') runs terrain on the CPU on a software adapter such as SwiftShader: the
  // same scene, sooner.
  const adapter = await page.evaluate(() => window.studio!.compute().then((c) => c.adapter));
  const auto = await page.evaluate((s) => window.studio!.generate(s), example('forest'));
  expect(auto.stats.engines).toEqual({
    terrain: /swiftshader/i.test(adapter) ? 'cpu' : 'webgpu',
  });
  expect(auto.hash).toBe(await sceneHash(await generateScene(example('forest'))));
  expect(
    await page.evaluate(() => window.studio!.generate({ version: 1, seed: 1 }).catch(String)),
  ).toContain('nothing to generate');
  await studio.expectSceneVisible();
  if (process.env['SCREENSHOT_DIR']) {
    await page.screenshot({ path: path.join(process.env['SCREENSHOT_DIR'], 'forest.png') });
  }
  studio.expectNoErrors();
});
