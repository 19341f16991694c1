// `npm run train:shape [-- --config training/configs/mini.json]`: the one command that makes the
// shape model from nothing: the procedural dataset (training/make-dataset.ts, both splits, skipped
// when already there), then training (training/train.py, PyTorch on Debian's python3-torch), then
// the packs (training/export.py: the int8 pack in public/models/<id>/, the float32 one in
// training/packs/). Deterministic by the config's seed.
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const configAt = args.indexOf('--config');
const config = configAt >= 0 ? args[configAt + 1] : 'training/configs/mini.json';
const python = process.env.PYTHON ?? '/usr/bin/python3';

function run(cmd, cmdArgs) {
  console.log(`[train:shape] ${cmd} ${cmdArgs.join(' ')}`);
  const r = spawnSync(cmd, cmdArgs, { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) {
    console.error(`[train:shape] failed: ${cmd} ${cmdArgs.join(' ')} (exit ${r.status})`);
    process.exit(r.status ?? 1);
  }
}

const probe = spawnSync(python, ['-c', 'import torch, onnx'], { cwd: root });
if (probe.status !== 0) {
  console.error(
    `[train:shape] ${python} cannot import torch and onnx: install Debian's python3-torch and python3-onnx (apt-get install -y python3-torch python3-onnx), or set PYTHON.`,
  );
  process.exit(1);
}
const splits = [
  ['train', '4000', '1'],
  ['test', '100', '900000'],
];
for (const [split, count, seed] of splits) {
  if (existsSync(path.join(root, 'training', 'data', split, 'meta.json'))) continue;
  run('npx', [
    'tsx',
    'training/make-dataset.ts',
    '--split',
    split,
    '--count',
    count,
    '--seed',
    seed,
  ]);
}
run(python, ['training/train.py', '--config', config]);
run(python, ['training/export.py', '--config', config]);
