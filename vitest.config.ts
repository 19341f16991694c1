import { defineConfig } from 'vitest/config';
import { playwright } from '@vitest/browser-playwright';
import { wgsl } from './build/wgsl-plugin.ts';
import { WEBGPU_ARGS, chromiumEnv, findChromium } from './scripts/chromium.mjs';
import { nodeSceneHash } from './test/support/node-commands.ts';

const executablePath = findChromium();

export default defineConfig({
  plugins: [wgsl()],
  worker: { format: 'es', plugins: () => [wgsl()] },
  test: {
    projects: [
      {
        plugins: [wgsl()],
        test: {
          name: 'unit',
          environment: 'node',
          include: ['test/unit/**/*.test.ts'],
        },
      },
      {
        plugins: [wgsl()],
        worker: { format: 'es', plugins: () => [wgsl()] },
        test: {
          name: 'browser',
          include: ['test/browser/**/*.test.ts'],
          setupFiles: ['test/support/gpu-error-guard.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
          browser: {
            enabled: true,
            headless: true,
            screenshotFailures: false,
            commands: { nodeSceneHash },
            provider: playwright({
              launchOptions: {
                ...(executablePath ? { executablePath } : {}),
                args: WEBGPU_ARGS,
                env: chromiumEnv(executablePath),
              },
            }),
            instances: [{ browser: 'chromium' }],
          },
        },
      },
    ],
  },
});
