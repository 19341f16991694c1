// The offline studio (PWA): after one online visit it loads (through a deep link) and generates
// with the network off under the strict Content-Security-Policy, with no violation; and a new
// version waits until the user accepts "Update now" while the open tab keeps working. These tests
// opt into service workers, which playwright.config.ts blocks for every other test.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { StudioPage } from './studio-page';

test.use({ serviceWorkers: 'allow' });

const spec: unknown = JSON.parse(
  readFileSync(path.resolve(process.cwd(), 'public/examples/primitives.json'), 'utf8'),
);

const pwaStatus = (page: Page) => page.getByTestId('pwa-status');

/** Waits until the app shell is precached and the large files are cached in the background. */
async function waitUntilOfflineReady(page: Page): Promise<void> {
  await expect(pwaStatus(page)).toHaveAttribute('data-offline-ready', 'true');
  const listed = await page.evaluate(async () => {
    const list = (await (await fetch('/large-files.json')).json()) as { files: unknown[] };
    return list.files.length;
  });
  await expect(pwaStatus(page)).toHaveAttribute('data-large-files', `${listed}/${listed}`);
  const active = await page.evaluate(
    async () => (await navigator.serviceWorker.ready).active?.state,
  );
  expect(active).toBe('activated');
}

const controller = (page: Page) =>
  page.evaluate(() => navigator.serviceWorker.controller?.state ?? null);

const violations = (page: Page) =>
  page.evaluate(() => (window as { cspViolations?: string[] }).cspViolations);

test('after one online visit the studio opens a share link and generates offline, under the CSP', async ({
  page: first,
  context,
}) => {
  await context.addInitScript(() => {
    const seen: string[] = [];
    (window as { cspViolations?: string[] }).cspViolations = seen;
    document.addEventListener('securitypolicyviolation', (e) =>
      seen.push(`${e.effectiveDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`),
    );
  });
  const online = new StudioPage(first);
  const response = (await first.goto('/'))!;

  // The policy: sent as a header, and built into the page less frame-ancestors (which a meta
  // policy cannot carry) for static hosts that send no headers.
  const header = response.headers()['content-security-policy']!;
  const directives = new Map(
    header.split(';').map((d) => {
      const [name, ...values] = d.trim().split(/\s+/);
      return [name!, values.join(' ')];
    }),
  );
  expect(header).not.toMatch(/'unsafe-eval'|'unsafe-inline'/);
  expect(directives.get('script-src')).toBe("'self' 'wasm-unsafe-eval'");
  expect(directives.get('connect-src')).toBe("'self'");
  expect(directives.get('worker-src')).toBe("'self'");
  expect(directives.get('style-src')).toBe("'self'");
  expect(directives.get('default-src')).toBe("'self'");
  expect(directives.get('frame-ancestors')).toBe("'none'");
  const meta = await first
    .locator('meta[http-equiv="Content-Security-Policy"]')
    .getAttribute('content');
  expect(meta).toBe(
    header
      .split(';')
      .map((d) => d.trim())
      .filter((d) => !d.startsWith('frame-ancestors'))
      .join('; '),
  );

  // A share link made while online, to open with the network off.
  await first.evaluate(() => window.studio!.projects.whenStarted());
  await first.evaluate((s) => window.studio!.generate(s), spec);
  const moved = await first.evaluate(() => window.studio!.objects()[1]!.id);
  await first.evaluate((id) => window.studio!.translate([id], [0.5, 0, 0.25]), moved);
  const link = new URL(await first.evaluate(() => window.studio!.shareLink()));
  const sharedHash = await first.evaluate(() => window.studio!.sceneHash());

  await waitUntilOfflineReady(first);
  // Installable: the manifest Chrome and Edge read names the app, opens standalone, and lists
  // real PNG icons of the sizes it states (192 and 512). (Chrome's own installability check
  // answers only 'in-incognito' in a test browser context, so it cannot be asked here.)
  const manifest = await first.evaluate(async () => {
    const href = document.querySelector<HTMLLinkElement>('link[rel="manifest"]')!.href;
    const m = (await (await fetch(href)).json()) as {
      name: string;
      display: string;
      icons: { src: string; sizes: string }[];
    };
    const icons = [];
    for (const icon of m.icons) {
      const blob = await (await fetch(new URL(icon.src, href))).blob();
      const bitmap = await createImageBitmap(blob);
      icons.push({ sizes: icon.sizes, actual: `${bitmap.width}x${bitmap.height}` });
    }
    return { name: m.name, display: m.display, icons };
  });
  expect(manifest.name).toBe('Canvas3D Studio');
  expect(manifest.display).toBe('standalone');
  expect(manifest.icons.map((i) => i.actual)).toEqual(manifest.icons.map((i) => i.sizes));
  expect(manifest.icons.map((i) => i.sizes)).toEqual(
    expect.arrayContaining(['192x192', '512x512']),
  );
  // The one-time "Ready to work offline" info was shown (it fades after a few seconds).
  expect(await first.evaluate(() => localStorage.getItem('c3d.offlineReadyShown'))).toBe('1');
  expect(await violations(first)).toEqual([]);
  online.expectNoErrors();

  // Network off; a new tab (closing the first rather than navigating it: on SwiftShader a page
  // still compiling its shaders takes seconds to unload) opens the share link.
  await context.setOffline(true);
  await first.close({ runBeforeUnload: false });
  const page = await context.newPage();
  const studio = new StudioPage(page);
  await page.goto(`/?from=share${link.hash}`);
  expect(await page.evaluate(() => navigator.onLine)).toBe(false);
  await page.evaluate(() => window.studio!.ready);
  // The link opened offline: the sender's scene, edits included.
  expect(await page.evaluate(() => window.studio!.sceneHash())).toBe(sharedHash);
  expect(await controller(page)).toBe('activated');
  // Served from the cache with the headers it was cached with: still cross-origin isolated.
  expect(await page.evaluate(() => crossOriginIsolated)).toBe(true);

  const result = await page.evaluate((s) => window.studio!.generate(s), spec);
  expect(result.hash).toMatch(/^[0-9a-f]{16,}$/);
  expect(await page.evaluate(() => window.studio!.sceneHash())).toBe(result.hash);
  expect((await page.evaluate(() => window.studio!.renderer())).backend).toBe('webgpu');
  const frames = await page.evaluate(() => window.studio!.frames());
  await expect.poll(() => page.evaluate(() => window.studio!.frames())).toBeGreaterThan(frames + 3);
  expect(await violations(page)).toEqual([]);
  studio.expectNoErrors();
});

test('a new version waits for "Update now"; the open tab keeps working until then', async ({
  page,
}) => {
  // Installed by a visit that does not boot the studio (the test above covers the first visit;
  // this saves a boot on SwiftShader); the studio then opens under the service worker.
  await page.goto('/large-files.json');
  await page.evaluate(async () => {
    await navigator.serviceWorker.register('/sw.js', { scope: '/' });
    await navigator.serviceWorker.ready;
  });
  const studio = new StudioPage(page);
  await studio.open();
  await expect(pwaStatus(page)).toHaveAttribute('data-offline-ready', 'true');
  expect(await controller(page)).toBe('activated');

  // The "next deploy": the same service worker, byte-different, answering which version it is.
  // Chromium fetches an update's script in the browser process, where page/context.route cannot
  // reach, so the served file itself changes (vite preview reads files per request); restored after.
  const swFile = path.resolve(process.cwd(), 'dist/sw.js');
  const MARK = '\n// e2e: next version\n';
  const original = readFileSync(swFile, 'utf8').split(MARK)[0]!;
  writeFileSync(
    swFile,
    `${original}${MARK}self.addEventListener('message', (e) => { if (e.data === 'version?') e.source.postMessage('next'); });\n`,
  );
  try {
    await page.evaluate(async () => {
      await (await navigator.serviceWorker.getRegistration())!.update();
    });
    const prompt = page.getByRole('alert').filter({ hasText: 'A new version of Canvas3D Studio' });
    await expect(prompt).toBeVisible();
    await expect(pwaStatus(page)).toHaveAttribute('data-need-refresh', 'true');
    // It waits: the old version still controls this tab, which keeps working.
    expect(
      await page.evaluate(async () => {
        const r = (await navigator.serviceWorker.getRegistration())!;
        return {
          waiting: r.waiting?.state ?? null,
          oldInControl: r.active === navigator.serviceWorker.controller,
        };
      }),
    ).toEqual({ waiting: 'installed', oldInControl: true });
    const result = await page.evaluate((s) => window.studio!.generate(s), spec);
    expect(await page.evaluate(() => window.studio!.sceneHash())).toBe(result.hash);

    await page.evaluate(() => {
      (window as { beforeUpdate?: boolean }).beforeUpdate = true;
    });
    await Promise.all([
      page.waitForEvent('load'),
      prompt.getByRole('button', { name: 'Update now' }).click(),
    ]);
    // A fresh page (the reload), controlled by the new version, with nothing waiting.
    expect(await page.evaluate(() => (window as { beforeUpdate?: boolean }).beforeUpdate)).toBe(
      undefined,
    );
    const version = await page.evaluate(
      () =>
        new Promise<unknown>((resolve) => {
          navigator.serviceWorker.addEventListener('message', (e) => resolve(e.data), {
            once: true,
          });
          navigator.serviceWorker.controller!.postMessage('version?');
        }),
    );
    expect(version).toBe('next');
    expect(
      await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())!.waiting),
    ).toBeNull();
    await expect(prompt).toBeHidden();
    studio.expectNoErrors();
  } finally {
    writeFileSync(swFile, original);
  }
});
