// e2e against the production build, served locally by `vite preview` (with the production headers).
// Two browsers: Chromium with WebGPU (SwiftShader), and Chromium with no WebGPU adapter at all,
// which must fall back to WebGL2 visibly.
import { defineConfig } from '@playwright/test';
import { NO_WEBGPU_ARGS, WEBGPU_ARGS, chromiumEnv, findChromium } from './scripts/chromium.mjs';

const executablePath = findChromium();
const port = Number(process.env.E2E_PORT ?? 4174);
const launch = (args: string[]) => ({
  ...(executablePath ? { executablePath } : {}),
  args,
  env: chromiumEnv(executablePath) as Record<string, string>,
});

export default defineConfig({
  testDir: 'e2e',
  timeout: 90_000,
  expect: { timeout: 30_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list']],
  use: {
    baseURL: `http://localhost:${port}`,
    viewport: { width: 1280, height: 720 },
    headless: true,
    // The studio's service worker precaches the whole app shell on the first visit: blocked by
    // default so the other tests don't pay for it; e2e/offline.webgpu.spec.ts opts in.
    serviceWorkers: 'block',
  },
  projects: [
    { name: 'webgpu', testMatch: /webgpu\.spec\.ts$/, use: { launchOptions: launch(WEBGPU_ARGS) } },
    {
      name: 'webgl2-fallback',
      testMatch: /fallback\.spec\.ts/,
      use: { launchOptions: launch(NO_WEBGPU_ARGS) },
    },
  ],
  webServer: {
    command: `npx vite preview --port ${port} --strictPort`,
    url: `http://localhost:${port}`,
    reuseExistingServer: false,
    timeout: 60_000,
  },
});
