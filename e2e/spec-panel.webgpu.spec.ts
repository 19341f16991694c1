// The spec panel driven as a user would: an example from the menu, a new seed, Generate with the
// stats and hash shown; a bad value named by path with Generate disabled; a generation cancelled
// from the progress bar with the previous scene kept.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { generateScene } from '../src/core/scene/generate-scene';
import { sceneHash } from '../src/core/scene/scene-hash';
import { StudioPage } from './studio-page';

const example = (name: string): Record<string, unknown> =>
  JSON.parse(readFileSync(path.resolve(process.cwd(), `public/examples/${name}.json`), 'utf8'));

test('an example from the menu, a new seed and Generate: the viewport, stats and hash follow', async ({
  page,
}) => {
  const studio = new StudioPage(page);
  await studio.open();
  await expect(studio.generationStatus()).toHaveAttribute('data-status', 'empty');

  await studio.chooseExample('dungeon-medium');
  await expect(studio.specField('name')).toHaveValue('Medium dungeon');
  await expect(studio.specField('seed')).toHaveValue('20240601');
  await expect(studio.specField('dungeon.rooms.count')).toHaveValue('20');

  await studio.newSeed();
  await expect(studio.specField('seed')).not.toHaveValue('20240601');
  const seed = Number(await studio.specField('seed').inputValue());
  expect(Number.isInteger(seed) && seed >= 0 && seed <= 0xffffffff).toBe(true);

  const before = await studio.canvasStats();
  expect(await studio.generateFromPanel()).toBe('ready');
  await studio.openStats();
  await expect(studio.stat('triangles')).toHaveText(/^[\d,]+$/);
  expect(await studio.statNumber('triangles')).toBeGreaterThan(1000);
  expect(await studio.statNumber('drawCalls')).toBeGreaterThan(0);
  expect(await studio.statNumber('counts.dungeon.rooms')).toBe(20);
  await expect(studio.stat('bytes')).toHaveText(/\d (B|KiB|MiB|GiB)$/);
  await expect(studio.stat('total')).toHaveText(/ms|s$/);

  // The hash shown is the scene on show, and the same as Node's for the spec the form holds.
  const shown = await studio.shownSceneHash();
  expect(shown).toMatch(/^[0-9a-f]{12}$/);
  const hash = await page.evaluate(() => window.studio!.sceneHash());
  expect(hash?.startsWith(shown)).toBe(true);
  expect(hash).toBe(await sceneHash(await generateScene({ ...example('dungeon-medium'), seed })));

  const after = await studio.expectSceneVisible();
  expect(after.meanRgb.some((v, i) => Math.abs(v - before.meanRgb[i]!) > 2)).toBe(true);
  studio.expectNoErrors();
});

test('a bad value is named by its path next to the field, and Generate is disabled', async ({
  page,
}) => {
  const studio = new StudioPage(page);
  await studio.open();
  await studio.chooseExample('dungeon-medium');
  await expect(studio.generateButton()).toBeEnabled();

  await studio.typeInField('dungeon.rooms.count', '0');
  await expect(studio.fieldIssue('dungeon.rooms.count')).toHaveText(
    'dungeon.rooms.count: expected 1..500, got 0',
  );
  await expect(studio.generateButton()).toBeDisabled();
  await expect(page.getByTestId('spec-issues')).toContainText('dungeon.rooms.count');

  await studio.typeInField('dungeon.rooms.count', '12');
  await expect(studio.fieldIssue('dungeon.rooms.count')).toHaveCount(0);
  await expect(studio.generateButton()).toBeEnabled();

  // The same spec as JSON text: a syntax error is shown and blocks Generate too.
  await studio.specPanel().getByRole('tab', { name: 'JSON' }).click();
  const json = studio.specPanel().getByTestId('spec-json');
  await expect(json).toHaveValue(/"count": 12/);
  await json.fill('{ "version": 1, "seed": 5, ');
  await expect(page.getByTestId('spec-issues')).toContainText('spec: not valid JSON');
  await expect(studio.generateButton()).toBeDisabled();
  await json.fill('{ "version": 1, "seed": 5, "primitives": [{ "shape": "box" }] }');
  await expect(page.getByTestId('spec-issues')).toHaveCount(0);
  await studio.specPanel().getByRole('tab', { name: 'Form' }).click();
  await expect(studio.specField('seed')).toHaveValue('5');
  expect(await studio.generateFromPanel()).toBe('ready');
  studio.expectNoErrors();
});

test('a generation in progress can be cancelled, and the previous scene stays on show', async ({
  page,
}) => {
  const studio = new StudioPage(page);
  await studio.openWithExample('dungeon-medium');
  const previous = await page.evaluate(() => window.studio!.sceneHash());
  const shown = await studio.shownSceneHash();

  await studio.chooseExample('dungeon-large');
  await expect(studio.specField('dungeon.rooms.count')).toHaveValue('100');
  // The large dungeon takes tens of milliseconds; hold the worker so Cancel lands mid-generation.
  const held = studio.holdSceneWorker(10_000);
  await studio.generateButton().click();
  await expect(studio.progressBar()).toBeVisible();
  await expect(page.getByTestId('generation-phase')).toHaveText(/\S/);
  await studio.cancelButton().click();

  await expect(studio.generationStatus()).toHaveAttribute('data-status', 'cancelled');
  await expect(studio.generationStatus()).toContainText('previous scene is still on show');
  expect(await studio.shownSceneHash()).toBe(shown);
  expect(await page.evaluate(() => window.studio!.sceneHash())).toBe(previous);

  // Once the worker is free it drops the cancelled job; nothing replaces the scene, and the next
  // generation runs normally.
  await held;
  await studio.chooseExample('dungeon-medium');
  expect(await studio.generateFromPanel()).toBe('ready');
  expect(await page.evaluate(() => window.studio!.sceneHash())).toBe(previous);
  expect(await studio.shownSceneHash()).toBe(shown);
  studio.expectNoErrors();
});
