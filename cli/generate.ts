// `npm run generate -- <spec.json> --out <scene.glb> [--stats]`: the studio's scene core in Node.
// Reads and validates a spec, generates the scene (the same generateScene the browser runs, so the
// same sceneHash), exports it as GLB and writes it atomically. Errors go to stderr, with the
// spec's path-named messages as they are; stdout carries the result (or, with --stats, exactly one
// JSON object). Nothing is written unless everything before the write succeeded.
import { rmSync } from 'node:fs';
import { access, constants, stat } from 'node:fs/promises';
import path from 'node:path';
import { generateScene } from '../src/core/scene/generate-scene';
import type { SceneData } from '../src/core/scene/scene-data';
import { sceneHash } from '../src/core/scene/scene-hash';
import { parseSceneSpecText, SceneSpecError } from '../src/core/spec';
import { sceneToGlb } from '../src/export/scene-to-glb';
import { parseGenerateArgs, USAGE, UsageError } from './args';
import { describeFsError, InputError, readSpecFile } from './read-spec-file';
import { buildStats } from './stats';
import { pendingTempFiles, writeFileAtomic } from './write-file-atomic';

const EXIT_FAILED = 1;
const EXIT_USAGE = 2;
const EXIT_INTERRUPTED = 130;

/** Fails early, before any generation work, when the GLB could not be written where asked. */
async function checkOutputTarget(out: string): Promise<void> {
  const dir = path.dirname(out);
  try {
    if (!(await stat(dir)).isDirectory()) {
      throw new InputError(`cannot write ${out}: ${dir} is not a directory`);
    }
    await access(dir, constants.W_OK);
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError(`cannot write ${out}: ${dir}: ${describeFsError(error)}`);
  }
  const existing = await stat(out).catch(() => undefined);
  if (existing?.isDirectory()) throw new InputError(`cannot write ${out}: it is a directory`);
}

function summary(out: string, scene: SceneData, glbBytes: number, totalMs: number): string {
  const n = (x: number) => x.toLocaleString('en-US');
  return (
    `wrote ${out}: ${n(glbBytes)} bytes, ${n(scene.stats.instances)} instances of ` +
    `${n(scene.stats.meshes)} meshes, ${n(scene.stats.triangles)} triangles, ` +
    `${n(scene.lights.kinds.length)} lights in ${Math.round(totalMs)} ms`
  );
}

async function run(argv: readonly string[]): Promise<number> {
  let args;
  try {
    args = parseGenerateArgs(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`error: ${error.message}\nRun with --help for usage.\n`);
    return EXIT_USAGE;
  }
  if (args.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }

  const phases: Record<string, number> = {};
  const start = performance.now();
  let t = start;
  const lap = (phase: string) => {
    const now = performance.now();
    phases[phase] = now - t;
    t = now;
  };
  try {
    await checkOutputTarget(args.out);
    const spec = parseSceneSpecText(await readSpecFile(args.spec));
    lap('read');
    const scene = await generateScene(spec);
    Object.assign(phases, scene.stats.phases);
    t = performance.now();
    const glb = await sceneToGlb(scene);
    lap('export');
    await writeFileAtomic(args.out, glb);
    lap('write');
    const totalMs = performance.now() - start;
    if (args.stats) {
      const hash = await sceneHash(scene);
      const stats = buildStats({
        spec: args.spec,
        out: args.out,
        scene,
        hash,
        glbBytes: glb.length,
        phases,
        totalMs,
      });
      process.stdout.write(`${JSON.stringify(stats, null, 2)}\n`);
    } else {
      process.stdout.write(`${summary(args.out, scene, glb.length, totalMs)}\n`);
    }
    return 0;
  } catch (error) {
    if (error instanceof SceneSpecError) {
      process.stderr.write(
        `error: invalid scene spec ${args.spec}:\n${error.issues.map((i) => `  - ${i}\n`).join('')}`,
      );
    } else if (error instanceof InputError) {
      process.stderr.write(`error: ${error.message}\n`);
    } else {
      process.stderr.write(`error: generating ${args.spec} failed: ${(error as Error).message}\n`);
    }
    return EXIT_FAILED;
  }
}

// An interrupt ends the run at once; a temporary file being written is removed first, so the target
// is either the previous file or the complete new one.
for (const sig of ['SIGINT', 'SIGTERM'] as const) {
  process.once(sig, () => {
    for (const temp of pendingTempFiles) rmSync(temp, { force: true });
    process.stderr.write(`\n${sig}: stopped\n`);
    process.exit(EXIT_INTERRUPTED);
  });
}

try {
  process.exitCode = await run(process.argv.slice(2));
} catch (error) {
  process.stderr.write(`error: ${(error as Error).stack ?? String(error)}\n`);
  process.exitCode = EXIT_FAILED;
}
