// The generate CLI as a user runs it: spawned through tsx, checked by exit status, stdout, stderr and
// what is (or is not) on disk afterwards.
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateScene } from '../../src/core/scene/generate-scene';
import { sceneHash } from '../../src/core/scene/scene-hash';
import { validateGlb } from '../support/validate-glb';

const root = path.resolve(__dirname, '../..');
const tsx = path.join(root, 'node_modules/.bin/tsx');
const cli = path.join(root, 'cli/generate.ts');
const examplePath = (name: string) => path.join(root, 'public/examples', `${name}.json`);
const dir = mkdtempSync(path.join(tmpdir(), 'canvas3d-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function runCli(...args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile(tsx, [cli, ...args], { cwd: root, timeout: 30_000 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

/** A directory of its own per test, so "nothing else was written" can be checked by listing it. */
function freshDir(name: string): string {
  const d = path.join(dir, name);
  rmSync(d, { recursive: true, force: true });
  mkdirSync(d, { recursive: true });
  return d;
}

const BAD_SPEC = {
  version: 1,
  seed: -1,
  dungeon: { width: 64, depth: 64, rooms: { count: 0 } },
};

describe('npm run generate (cli/generate.ts)', { timeout: 30_000 }, () => {
  it('writes a valid GLB and reports stats as one JSON object', async () => {
    const d = freshDir('ok');
    const out = path.join(d, 'medium.glb');
    const [run, scene] = await Promise.all([
      runCli(examplePath('dungeon-medium'), '--out', out, '--stats'),
      generateScene(JSON.parse(readFileSync(examplePath('dungeon-medium'), 'utf8'))),
    ]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(readdirSync(d)).toEqual(['medium.glb']);

    const glb = readFileSync(out);
    const v = await validateGlb(glb);
    expect(v.numErrors, v.describe()).toBe(0);

    const stats = JSON.parse(run.stdout) as Record<string, unknown>;
    expect(stats.glbBytes).toBe(glb.length);
    expect(stats.hash).toBe(await sceneHash(scene));
    expect(stats.vertices).toBe(scene.stats.vertices);
    expect(stats.triangles).toBe(scene.stats.triangles);
    expect(stats.drawCalls).toBe(scene.stats.drawCalls);
    expect(stats.bytes).toBe(scene.stats.bytes);
    expect(stats.counts).toEqual(scene.stats.counts);
    const phases = stats.phases as Record<string, number>;
    for (const phase of ['read', 'validate', 'dungeon', 'assemble', 'export', 'write']) {
      expect(phases[phase], phase).toBeGreaterThanOrEqual(0);
    }
    const totalMs = stats.totalMs as number;
    expect(totalMs).toBeGreaterThan(0);
    expect(totalMs).toBeLessThan(30_000);
    const phaseSum = Object.values(phases).reduce((a, b) => a + b, 0);
    expect(phaseSum).toBeLessThanOrEqual(totalMs + 1);
    expect(stats.peakMemoryBytes).toBeGreaterThan(10 * 2 ** 20);
    expect(stats.peakMemoryBytes).toBeLessThan(8 * 2 ** 30);
  });

  it('refuses a bad spec with every path-named problem, writing nothing', async () => {
    const d = freshDir('bad');
    const spec = path.join(d, 'bad.json');
    writeFileSync(spec, JSON.stringify(BAD_SPEC));
    const existing = path.join(d, 'existing.glb');
    writeFileSync(existing, 'previous good file');
    const [fresh, over] = await Promise.all([
      runCli(spec, '--out', path.join(d, 'new.glb'), '--stats'),
      runCli(spec, '--out', existing),
    ]);
    for (const run of [fresh, over]) {
      expect(run.code).toBe(1);
      expect(run.stdout).toBe('');
      expect(run.stderr).toContain('dungeon.rooms.count: expected 1..500, got 0');
      expect(run.stderr).toContain('seed: expected 0..4294967295, got -1');
    }
    expect(readdirSync(d).sort()).toEqual(['bad.json', 'existing.glb']);
    expect(readFileSync(existing, 'utf8')).toBe('previous good file');
  });

  it('names what is wrong with its input and arguments', async () => {
    const d = freshDir('input');
    const broken = path.join(d, 'broken.json');
    writeFileSync(broken, '{"version": 1,');
    const out = path.join(d, 'out.glb');
    // More argument cases are checked in process (generate-args.test.ts); one spawn proves the exit
    // status of a usage error.
    const [missing, unreadable, noDir, unknown] = await Promise.all([
      runCli(path.join(d, 'missing.json'), '--out', out),
      runCli(broken, '--out', out),
      runCli(examplePath('primitives'), '--out', path.join(d, 'no-such-dir', 'out.glb')),
      runCli(examplePath('primitives'), '--out', out, '--bogus'),
    ]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/missing\.json: no such file/);
    expect(unreadable.code).toBe(1);
    expect(unreadable.stderr).toContain('spec: not valid JSON');
    expect(noDir.code).toBe(1);
    expect(noDir.stderr).toMatch(/no-such-dir: no such file or directory/);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("Unknown option '--bogus'");
    expect(unknown.stderr).toContain('--help');
    expect(readdirSync(d)).toEqual(['broken.json']);
  });
});
