// Projects in the production build on WebGPU: a share link opened in a fresh browser profile shows
// the same scene (hash and pixels). Storage tests that need no renderer: storage.fallback.spec.ts.
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
