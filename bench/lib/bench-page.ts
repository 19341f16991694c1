// Opens one of bench/browser/*.html in headless Chromium with WebGPU (served by Vite's dev server, so
// the page imports the studio's TypeScript directly) and returns what the page puts in
// window.benchResult, with the browser's version.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { createServer } from 'vite';
import { WEBGPU_ARGS, chromiumEnv, findChromium } from '../../scripts/chromium.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export async function runBenchPage<T>(
  page: string,
  timeoutMs = 900_000,
): Promise<T & { browserVersion: string }> {
  const executablePath = findChromium();
  if (!executablePath) throw new Error('no Chromium found: set CHROMIUM_BIN or install chromium');
  const server = await createServer({
    root,
    configFile: path.join(root, 'vite.config.ts'),
    logLevel: 'error',
    server: { port: 0, strictPort: false },
  });
  await server.listen();
  const browser = await chromium.launch({
    executablePath,
    args: WEBGPU_ARGS,
    env: chromiumEnv(executablePath) as Record<string, string>,
  });
  try {
    const tab = await browser.newPage();
    tab.setDefaultTimeout(timeoutMs);
    tab.on('console', (m) => {
      if (m.type() === 'error') console.error(`[${page}] ${m.text()}`);
    });
    await tab.goto(`${server.resolvedUrls!.local[0]!}bench/browser/${page}`);
    const result = await tab.evaluate(
      () => (window as Window & { benchResult?: Promise<unknown> }).benchResult!,
    );
    return { ...(result as T), browserVersion: browser.version() };
  } finally {
    await browser.close();
    await server.close();
  }
}
