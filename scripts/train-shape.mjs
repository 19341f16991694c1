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
// Debian's python3-torch does its matrix products through whatever libblas.so.3 the system has;
// the reference BLAS it pulls in makes training about 10x slower than OpenBLAS (measured here: a
// VAE step 0.41 s vs 0.04 s). Say so rather than train at a tenth of the speed.
const blas = spawnSync(
  python,
  [
    '-c',
    'import time, torch\ntorch.set_num_threads(1)\na = torch.randn(512, 512)\nt = time.time()\nfor _ in range(10): a @ a\nprint((time.time() - t) / 10)',
  ],
  { cwd: root, encoding: 'utf8' },
);
const matmulSeconds = Number(blas.stdout?.trim());
if (Number.isFinite(matmulSeconds) && matmulSeconds > 0.02) {
  console.warn(
    `[train:shape] a 512x512 matrix product takes ${(matmulSeconds * 1000).toFixed(0)} ms: PyTorch is on the reference BLAS. apt-get install -y libopenblas0-pthread makes training about 10x faster.`,
  );
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
run(python, ['training/sampler_sweep.py', '--config', config]);
run(python, ['training/export.py', '--config', config]);
