// Makes sure a Chromium exists for browser tests and e2e: CHROMIUM_BIN, the usual locations, or (as
// root on Debian, with nothing found) `apt-get install -y chromium`. Otherwise says what to install.
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { findChromium } from './chromium.mjs';

export function ensureChromium() {
  const found = findChromium();
  if (found) return found;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const isDebian = existsSync('/etc/debian_version') && existsSync('/usr/bin/apt-get');
  if (isRoot && isDebian) {
    console.log(
      '[setup] no Chromium found: installing Debian chromium (apt-get install -y chromium)…',
    );
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    const update = spawnSync('apt-get', ['update'], { stdio: 'inherit', env });
    const install = spawnSync('apt-get', ['install', '-y', '--no-install-recommends', 'chromium'], {
      stdio: 'inherit',
      env,
    });
    const again = findChromium();
    if (update.status === 0 && install.status === 0 && again) return again;
  }
  console.error(
    [
      'No Chromium was found for the browser tests.',
      'Install one of: Debian/Ubuntu `apt-get install chromium`, Google Chrome or Microsoft Edge,',
      'or point CHROMIUM_BIN at a Chromium-based browser binary.',
    ].join('\n'),
  );
  process.exit(1);
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(ensureChromium());
