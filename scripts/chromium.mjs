// Finds the Chromium the tests, e2e and benchmarks drive, and the flags that give it WebGPU on
// SwiftShader. Plain Node (no dependencies) because `npm test` uses it before anything is installed.
import { existsSync, realpathSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import path from 'node:path';

const COMMON = [
  '--no-sandbox',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

/** WebGPU on SwiftShader; without the Vulkan/ANGLE flags WebGPU canvases read back blank. */
export const WEBGPU_ARGS = [
  '--enable-unsafe-webgpu',
  '--enable-features=Vulkan',
  '--use-vulkan=swiftshader',
  '--use-angle=vulkan',
  ...COMMON,
];

/** No WebGPU adapter at all: how the WebGL2 fallback is exercised. */
export const NO_WEBGPU_ARGS = ['--use-angle=swiftshader', '--enable-unsafe-swiftshader', ...COMMON];

function onPath(name) {
  try {
    return execFileSync('which', [name], { encoding: 'utf8' }).trim() || undefined;
  } catch {
    return undefined;
  }
}

/** CHROMIUM_BIN, then the usual install locations, then PATH. Returns undefined when none. */
export function findChromium() {
  const fixed = [
    process.env.CHROMIUM_BIN,
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome',
    '/usr/bin/google-chrome-stable',
    '/usr/bin/microsoft-edge',
    '/opt/google/chrome/chrome',
  ].filter(Boolean);
  const found = fixed.find((p) => existsSync(p));
  if (found) return found;
  for (const name of ['chromium', 'google-chrome', 'microsoft-edge']) {
    const p = onPath(name);
    if (p) return p;
  }
  return undefined;
}

/**
 * Debian's Chromium ships SwiftShader's Vulkan ICD beside its binary. Pointing the Vulkan loader at
 * it keeps ANGLE-on-Vulkan from failing to find VK_KHR_surface (seen with Chromium 156.0.8078.79,
 * where the GPU process exited and WebGPU offered no adapter).
 */
export function chromiumEnv(executablePath) {
  const env = { ...process.env };
  if (!executablePath || env.VK_ICD_FILENAMES) return env;
  const dirs = ['/usr/lib/chromium'];
  try {
    dirs.unshift(path.dirname(realpathSync(executablePath)));
  } catch {
    /* the path is a wrapper script or missing: the fixed location still applies */
  }
  const icd = dirs.map((d) => path.join(d, 'vk_swiftshader_icd.json')).find((p) => existsSync(p));
  if (icd) env.VK_ICD_FILENAMES = icd;
  return env;
}
