// Local-first in the production build: a share link opened in a fresh browser profile shows the
// same scene (hash and pixels); a hostile link changes nothing; two tabs on one project never
// overwrite each other silently; closing the page at random moments during saves never loses or
// corrupts the project; a browser without IndexedDB still runs the studio and says so.
import { readFileSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';

const example = (name: string): unknown =>
  JSON.parse(readFileSync(path.resolve(process.cwd(), `public/examples/${name}.json`), 'utf8'));

/** Where tests leave figures for the README's reliability section. */
function report(name: string, value: unknown): void {
  const dir = path.resolve(process.cwd(), 'test-results');
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, `${name}.json`), JSON.stringify(value, null, 2));
}

async function started(page: Page): Promise<void> {
  await page.waitForFunction(() => window.studio?.projects !== undefined);
  await page.evaluate(() => window.studio!.projects.whenStarted());
}

/** Compares two PNGs in the page: the share of pixels whose colour differs by more than 24. */
async function pixelDifference(page: Page, a: Uint8Array, b: Uint8Array): Promise<number> {
  return page.evaluate(
    async ([x, y]) => {
      const decode = async (b64: string) => {
        const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
        const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
        const c = new OffscreenCanvas(bitmap.width, bitmap.height);
        const ctx = c.getContext('2d')!;
        ctx.drawImage(bitmap, 0, 0);
        return ctx.getImageData(0, 0, bitmap.width, bitmap.height).data;
      };
      const [p, q] = await Promise.all([decode(x), decode(y)]);
      if (p.length !== q.length) return 1;
      let differing = 0;
      for (let i = 0; i < p.length; i += 4) {
        const d = Math.max(
          Math.abs(p[i]! - q[i]!),
          Math.abs(p[i + 1]! - q[i + 1]!),
          Math.abs(p[i + 2]! - q[i + 2]!),
        );
        if (d > 24) differing++;
      }
      return differing / (p.length / 4);
    },
    [Buffer.from(a).toString('base64'), Buffer.from(b).toString('base64')] as const,
  );
}

async function shot(page: Page): Promise<Uint8Array> {
  await page.evaluate(() => window.studio!.debug.materialsSettled());
  await page.waitForTimeout(300);
  return new Uint8Array(
    await page.evaluate(async () =>
      Array.from(await window.studio!.screenshot({ width: 320, height: 180, helpers: false })),
    ),
  );
}

test('a share link opened in a fresh profile shows the same scene: hash and pixels', async ({
  page,
  browser,
}) => {
  await page.goto('/');
  await page.evaluate(() => window.studio!.ready);
  await page.evaluate((s) => window.studio!.generate(s), example('primitives'));
  const ids = await page.evaluate(() => window.studio!.objects().map((o) => o.id));
  await page.evaluate(
    ([a, b]) => {
      window.studio!.translate([a!], [0.75, 0.5, -0.25]);
      window.studio!.edit({ type: 'setHidden', ids: [b!], hidden: true });
    },
    [ids[2], ids[4]],
  );
  const url = await page.evaluate(() => window.studio!.shareLink());
  const fragment = url.split('#')[1]!;
  expect(fragment.length).toBeLessThan(2048);
  const hash = await page.evaluate(() => window.studio!.sceneHash());
  const camera = await page.evaluate(() => window.studio!.camera());

  const fresh = await browser.newContext();
  const receiver = await fresh.newPage();
  await receiver.goto(url);
  await receiver.evaluate(() => window.studio!.ready);
  expect(await receiver.evaluate(() => window.studio!.sceneHash())).toBe(hash);
  const seen = await receiver.evaluate(() => window.studio!.camera());
  for (let i = 0; i < 3; i++) {
    expect(seen!.position[i]).toBeCloseTo(camera!.position[i]!, 4);
    expect(seen!.target[i]).toBeCloseTo(camera!.target[i]!, 4);
  }
  // The link became a project of the receiver's own; the address no longer carries it.
  expect(receiver.url()).not.toContain('#');
  expect(await receiver.evaluate(() => window.studio!.projects.current()?.name)).toBe(
    'Untitled project',
  );
  const difference = await pixelDifference(page, await shot(page), await shot(receiver));
  report('share-link-e2e', { fragmentChars: fragment.length, pixelDifference: difference });
  expect(difference).toBeLessThan(0.01);
  await fresh.close();
});

test('a hostile share link is refused with a message and the project is untouched', async ({
  page,
}) => {
  await page.goto('/');
  await started(page);
  await page.evaluate((s) => window.studio!.generate(s), example('primitives'));
  await page.evaluate(() => window.studio!.projects.saveNow());
  const before = await page.evaluate(() => ({
    hash: window.studio!.sceneHash(),
    projects: window.studio!.projects.list().length,
  }));
  const bomb = 'v1.' + 'A'.repeat(6000);
  await page.goto(`/#${bomb}`);
  await started(page);
  await expect(page.getByText(/share link could not be opened/i)).toBeVisible();
  expect(await page.evaluate(() => window.studio!.sceneHash())).toBe(await before.hash);
  expect(await page.evaluate(() => window.studio!.projects.list().length)).toBe(before.projects);
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

test('closing the page at random moments during saves never loses or corrupts the project', async ({
  context,
}) => {
  test.setTimeout(240_000);
  const ROUNDS = 30;
  let page = await context.newPage();
  await page.goto('/');
  await started(page);
  await page.evaluate((s) => window.studio!.generate(s), example('primitives'));
  await page.evaluate(() => window.studio!.projects.saveNow());
  const projectId = await page.evaluate(() => window.studio!.projects.current()!.id);
  const produced = new Set<string>([(await page.evaluate(() => window.studio!.sceneHash()))!]);
  let acked = { revision: 0, hash: '' };
  let lost = 0;
  let corrupt = 0;
  const seeds = [0x9e3779b9];
  const random = () => {
    seeds[0] = (seeds[0]! * 1664525 + 1013904223) >>> 0;
    return seeds[0]! / 2 ** 32;
  };
  for (let round = 0; round < ROUNDS; round++) {
    await page.exposeFunction('__produced', (hash: string) => produced.add(hash));
    await page.exposeFunction('__acked', (revision: number, hash: string) => {
      if (revision >= acked.revision) acked = { revision, hash };
    });
    // Edits and saves back to back until the page is closed under them.
    void page
      .evaluate(async (r) => {
        const w = window as unknown as {
          __produced(h: string): Promise<void>;
          __acked(r: number, h: string): Promise<void>;
        };
        const ids = window.studio!.objects().map((o) => o.id);
        for (let k = 0; ; k++) {
          window.studio!.translate([ids[(r + k) % ids.length]!], [0.01 * (k + 1), 0, 0.02]);
          const hash = (await window.studio!.sceneHash())!;
          await w.__produced(hash);
          const revision = await window.studio!.projects.saveNow();
          await w.__acked(revision, hash);
        }
      }, round)
      .catch(() => {});
    await page.waitForTimeout(40 + random() * 400);
    await page.close();
    page = await context.newPage();
    await page.goto('/');
    await started(page);
    const now = await page.evaluate(() => ({
      project: window.studio!.projects.current(),
      status: window.studio!.projects.status().save,
    }));
    const hash = (await page.evaluate(() => window.studio!.sceneHash()))!;
    if (now.project?.id !== projectId || now.project.revision < acked.revision) lost++;
    else if (now.project.revision === acked.revision && hash !== acked.hash) lost++;
    if (!produced.has(hash) || now.status === 'error') corrupt++;
  }
  report('kill-during-save', { rounds: ROUNDS, lost, corrupt, lastRevision: acked.revision });
  expect({ lost, corrupt }).toEqual({ lost: 0, corrupt: 0 });
  expect(acked.revision).toBeGreaterThan(ROUNDS);
  await page.close();
});

test('without IndexedDB (a private window) the studio works and says nothing will be kept', async ({
  page,
}) => {
  await page.addInitScript(() => {
    Object.defineProperty(IDBFactory.prototype, 'open', {
      value() {
        throw new DOMException('The user denied permission to access the database.', 'InvalidStateError');
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
