// `npm start`: installs what is missing, builds the production bundle and serves it (with the
// production headers) on http://localhost:4173, or PORT.
import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureInstall } from './ensure-install.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bin = (name) => path.join(root, 'node_modules', '.bin', name);
const port = Number(process.env.PORT ?? 4173);
if (!Number.isInteger(port) || port < 1 || port > 65535) {
  console.error(`PORT must be an integer 1..65535, got ${process.env.PORT}`);
  process.exit(2);
}

ensureInstall();
const env = { ...process.env, VITE_CONFIG_NATIVE_IGNORE_WARNING: 'true' };
console.log('[start] building the production bundle…');
const build = spawnSync(bin('vite'), ['build'], { cwd: root, stdio: 'inherit', env });
if (build.status !== 0) process.exit(build.status ?? 1);

console.log(`\nCanvas3D Studio: http://localhost:${port}/\n`);
const server = spawn(bin('vite'), ['preview', '--port', String(port), '--strictPort'], {
  cwd: root,
  stdio: 'inherit',
  env,
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code) => process.exit(code ?? 0));
