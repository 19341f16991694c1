// Local storage in the production build: a hostile share link changes nothing; two tabs on one
// project never overwrite each other silently; closing the page at random moments during saves,
// many times, never loses or corrupts the project; without IndexedDB the studio works and says so.
// Storage does not depend on the renderer, so these run in the browser without WebGPU, where the
// studio starts in a fraction of the time SwiftShader WebGPU takes (they open many pages).
import { readFileSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import {
  ProjectsDialogPage,
  SaveIndicatorPage,
  ShareLinkDialogPage,
  StoragePanelPage,
  VersionsPanelPage,
} from './projects-panel';

const example = (name: string): unknown =>
  JSON.parse(readFileSync(path.resolve(process.cwd(), `public/examples/${name}.json`), 'utf8'));

function report(name: string, value: unknown): void {
  const dir = path.resolve(process.cwd(), 'test-results');
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, `${name}.json`), JSON.stringify(value, null, 2));
}

async function started(page: Page): Promise<void> {
  await page.waitForFunction(() => window.studio?.projects !== undefined);
  await page.evaluate(() => window.studio!.projects.whenStarted());
}

test('a hostile share link is refused with a message and the project is untouched', async ({
  page,
  context,
}) => {
  await page.goto('/');
  await started(page);
  await page.evaluate((s) => window.studio!.generate(s), example('primitives'));
  await page.evaluate(() => window.studio!.projects.saveNow());
  const before = await page.evaluate(async () => ({
    hash: await window.studio!.sceneHash(),
    projects: window.studio!.projects.list().length,
  }));
  // Pasted into the open tab (only the fragment changes: no reload) and opened in a new tab.
  await page.evaluate(() => {
    location.hash = '#v1.' + 'A'.repeat(6000);
  });
  await expect(page.getByText(/share link could not be opened/i).first()).toBeVisible();
  const fresh = await context.newPage();
  await fresh.goto('/#v1.8J-Nq0JvdHRvbQ');
  await started(fresh);
  await expect(fresh.getByText(/share link could not be opened/i).first()).toBeVisible();
  for (const p of [page, fresh]) {
    expect(await p.evaluate(() => window.studio!.sceneHash())).toBe(before.hash);
    expect(await p.evaluate(() => window.studio!.projects.list().length)).toBe(before.projects);
  }
  await fresh.close();
});

test('two tabs on one project: saves reach the other tab, and neither overwrites silently', async ({
  context,
}) => {
  const a = await context.newPage();
  await a.goto('/');
  await started(a);
  await a.evaluate((s) => window.studio!.generate(s), example('primitives'));
  await a.evaluate(() => window.studio!.projects.saveNow());
  const b = await context.newPage();
  await b.goto('/');
  await started(b);
  const hashA = () => a.evaluate(() => window.studio!.sceneHash());
  const hashB = () => b.evaluate(() => window.studio!.sceneHash());
  expect(await hashB()).toBe(await hashA());

  const id = await a.evaluate(() => window.studio!.objects()[1]!.id);
  await a.evaluate((i) => window.studio!.translate([i], [1, 0, 0]), id);
  await a.evaluate(() => window.studio!.projects.saveNow());
  await expect.poll(hashB).toBe(await hashA());

  // Both change the project at once: one of them is told and stops; the head is the other's.
  await b.evaluate((i) => window.studio!.translate([i], [0, 0, 2]), id);
  await a.evaluate((i) => window.studio!.translate([i], [0, 2, 0]), id);
  await Promise.all([
    a.evaluate(() => window.studio!.projects.saveNow()),
    b.evaluate(() => window.studio!.projects.saveNow()),
  ]);
  const status = async (p: Page) => p.evaluate(() => window.studio!.projects.status().save);
  await expect.poll(async () => [await status(a), await status(b)].sort()).toContain('conflict');
  const loser = (await status(a)) === 'conflict' ? a : b;
  const winner = loser === a ? b : a;
  await expect(loser.getByText(/changed in another tab/i).first()).toBeVisible();
  // A third view of storage: the head is the winner's state, not the loser's.
  const c = await context.newPage();
  await c.goto('/');
  await started(c);
  expect(await c.evaluate(() => window.studio!.sceneHash())).toBe(
    await winner.evaluate(() => window.studio!.sceneHash()),
  );
  await Promise.all([a.close(), b.close(), c.close()]);
});

test('without IndexedDB (a private window) the studio works and says nothing will be kept', async ({
  page,
}) => {
  await page.addInitScript(() => {
    Object.defineProperty(IDBFactory.prototype, 'open', {
      value() {
        throw new DOMException(
          'The user denied permission to access the database.',
          'InvalidStateError',
        );
      },
    });
  });
  await page.goto('/');
  await page.evaluate(() => window.studio!.ready);
  await expect(page.getByText(/nothing will be kept/i).first()).toBeVisible();
  await page.evaluate((s) => window.studio!.generate(s), example('primitives'));
  expect(await page.evaluate(() => window.studio!.sceneHash())).toMatch(/^[0-9a-f]{64}$/);
  expect(await page.evaluate(() => window.studio!.projects.status())).toMatchObject({
    save: 'off',
    storage: { available: false },
  });
});

test('closing the page at random moments during saves never loses or corrupts the project', async ({
  context,
}) => {
  // 20 rounds in `npm test`; KILL_ROUNDS=100 for the README's figure.
  const ROUNDS = Number(process.env.KILL_ROUNDS ?? 20);
  test.setTimeout(60_000 + ROUNDS * 8_000);
  let page = await context.newPage();
  await page.goto('/');
  await started(page);
  await page.evaluate((s) => window.studio!.generate(s), example('primitives'));
  await page.evaluate(() => window.studio!.projects.saveNow());
  const projectId = await page.evaluate(() => window.studio!.projects.current()!.id);
  const fingerprint = () =>
    page.evaluate(() => JSON.stringify(window.studio!.objects().map((o) => o.position)));
  await page.evaluate((f) => localStorage.setItem(`produced:${f}`, '1'), await fingerprint());
  let acked = { revision: 0, hash: '' };
  let lost = 0;
  let corrupt = 0;
  const seeds = [0x9e3779b9];
  const random = () => {
    seeds[0] = (seeds[0]! * 1664525 + 1013904223) >>> 0;
    return seeds[0]! / 2 ** 32;
  };
  const times: number[] = [];
  const closeMs: number[] = [];
  const openMs: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const roundStart = Date.now();
    await page.exposeFunction('__acked', (revision: number, hash: string) => {
      if (revision >= acked.revision) acked = { revision, hash };
    });
    // Edits and saves back to back until the page is closed under them.
    void page
      .evaluate(async (r) => {
        const w = window as unknown as { __acked(r: number, h: string): Promise<void> };
        const ids = window.studio!.objects().map((o) => o.id);
        const positions = () => JSON.stringify(window.studio!.objects().map((o) => o.position));
        for (let k = 0; ; k++) {
          // Recorded in the same task as the edit, before any autosave can write it.
          window.studio!.translate([ids[(r + k) % ids.length]!], [0.01 * (k + 1), 0, 0.02]);
          localStorage.setItem(`produced:${positions()}`, '1');
          const hash = (await window.studio!.sceneHash())!;
          const revision = await window.studio!.projects.saveNow();
          await w.__acked(revision, hash);
        }
      }, round)
      .catch(() => {});
    await page.waitForTimeout(40 + random() * 400);
    const closing = Date.now();
    await page.close();
    closeMs.push(Date.now() - closing);
    page = await context.newPage();
    const opening = Date.now();
    await page.goto('/');
    await started(page);
    openMs.push(Date.now() - opening);
    const now = await page.evaluate(() => ({
      project: window.studio!.projects.current(),
      status: window.studio!.projects.status().save,
    }));
    const hash = (await page.evaluate(() => window.studio!.sceneHash()))!;
    if (now.project?.id !== projectId || now.project.revision < acked.revision) lost++;
    else if (now.project.revision === acked.revision && hash !== acked.hash) lost++;
    // Not corrupt: the reopened state is exactly one the edits produced, and it opened cleanly.
    const seen = await page.evaluate(
      (f) => localStorage.getItem(`produced:${f}`),
      await fingerprint(),
    );
    if (seen !== '1' || now.status === 'error') corrupt++;
    times.push(Date.now() - roundStart);
  }
  report('kill-during-save', {
    rounds: ROUNDS,
    lost,
    corrupt,
    lastRevision: acked.revision,
    roundMs: times,
    closeMs,
    openMs,
  });
  expect({ lost, corrupt }).toEqual({ lost: 0, corrupt: 0 });
  expect(acked.revision).toBeGreaterThan(ROUNDS);
  await page.close();
});

test('the projects UI: versions, revert with undo, compare, rename, duplicate, delete with undo, storage', async ({
  page,
}) => {
  await page.goto('/');
  await started(page);
  const indicator = new SaveIndicatorPage(page);
  const versions = new VersionsPanelPage(page);
  const projects = new ProjectsDialogPage(page);
  const storage = new StoragePanelPage(page);
  await page.evaluate((s) => window.studio!.generate(s), example('primitives'));
  // The same spec again is served by the content cache, not generated twice.
  const hitsBefore = await page.evaluate(() => window.studio!.cache.stats().byKind.scene.hits);
  await page.evaluate((s) => window.studio!.generate(s), example('primitives'));
  expect(await page.evaluate(() => window.studio!.cache.stats().byKind.scene.hits)).toBe(
    hitsBefore + 1,
  );
  await versions.open();
  await versions.commit('First look');
  const id = await page.evaluate(() => window.studio!.objects()[1]!.id);
  const original = await page.evaluate(() => window.studio!.sceneHash());
  await page.evaluate((i) => window.studio!.translate([i], [2, 0, 0]), id);
  const moved = await page.evaluate(() => window.studio!.sceneHash());
  await versions.commit('Moved one');
  await expect
    .poll(() => versions.messages())
    .toEqual(expect.arrayContaining(['Moved one', 'First look']));
  // An automatic version was made when the scene was generated.
  await expect(versions.autoBadge('Generated Primitives')).toBeVisible();
  const changes = await versions.compare('First look', 'Moved one');
  expect(changes.join('\n')).toMatch(/Moved .* by 2\.00 m/);

  await versions.revert('First look');
  await expect.poll(() => page.evaluate(() => window.studio!.sceneHash())).toBe(original);
  await page.evaluate(() => window.studio!.undo());
  await expect.poll(() => page.evaluate(() => window.studio!.sceneHash())).toBe(moved);
  await expect(indicator.status()).toContainText(/Saved|Saving|Unsaved/);

  // The share dialog gives the link for this scene.
  const share = new ShareLinkDialogPage(page);
  await share.open();
  expect(await share.link()).toMatch(/#v1\./);
  await page.keyboard.press('Escape');

  await projects.open();
  const first = (await projects.names())[0]!;
  await projects.rename(first, 'Courtyard');
  await projects.duplicate('Courtyard');
  await expect
    .poll(() => projects.names())
    .toEqual(expect.arrayContaining(['Courtyard', 'Courtyard copy']));
  await projects.delete('Courtyard copy');
  await expect(projects.undoToast()).toBeVisible();
  await projects.undoButton('Courtyard copy').click();
  await expect.poll(() => projects.names()).toContain('Courtyard copy');
  // A new project starts empty; opening the first again brings its scene back exactly.
  await projects.newProject();
  await expect.poll(() => page.evaluate(() => window.studio!.sceneHash())).toBeNull();
  await projects.open();
  await projects.openProject('Courtyard');
  await expect.poll(() => page.evaluate(() => window.studio!.sceneHash())).toBe(moved);

  await storage.open();
  await expect(storage.hits()).toBeVisible();
  await expect(storage.usage()).toBeVisible();
});
