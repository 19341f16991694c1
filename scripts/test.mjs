// `npm test`: the one gate, run the same way everywhere. Installs what is missing, then runs format
// check, typecheck, lint, unit tests, browser tests, production build and e2e, in that order, and
// stops at the first failure with its exit code.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureChromium } from './ensure-chromium.mjs';
import { ensureInstall } from './ensure-install.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bin = (name) => path.join(root, 'node_modules', '.bin', name);

ensureInstall();
const chromium = ensureChromium();
console.log(`[test] Chromium: ${chromium}`);

const steps = [
  ['format check', bin('prettier'), ['--check', '.']],
  ['typecheck', bin('tsc'), ['-p', 'tsconfig.json', '--noEmit']],
  ['lint', bin('eslint'), ['.', '--max-warnings', '0']],
  ['unit tests', bin('vitest'), ['run', '--project', 'unit']],
  ['browser tests', bin('vitest'), ['run', '--project', 'browser']],
  ['build', bin('vite'), ['build']],
  ['e2e', bin('playwright'), ['test']],
];

const env = { ...process.env, CHROMIUM_BIN: chromium, VITE_CONFIG_NATIVE_IGNORE_WARNING: 'true' };
const results = [];
for (const [name, cmd, args] of steps) {
  console.log(`\n[test] ── ${name} ──`);
  const t0 = Date.now();
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env });
  const seconds = ((Date.now() - t0) / 1000).toFixed(1);
  results.push(`${r.status === 0 ? 'ok  ' : 'FAIL'} ${name} (${seconds} s)`);
  if (r.status !== 0) {
    console.error(`\n[test] ${name} failed.`);
    console.log(results.join('\n'));
    process.exit(r.status ?? 1);
  }
}
console.log(`\n[test] summary\n${results.join('\n')}\n[test] all ${steps.length} steps passed`);
