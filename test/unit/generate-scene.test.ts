import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateScene } from '../../src/core/scene/generate-scene';
import { canonicalSceneBytes, sceneHash } from '../../src/core/scene/scene-hash';
import { SceneSpecError } from '../../src/core/spec';

const example = (name: string): unknown =>
  JSON.parse(readFileSync(path.resolve(__dirname, `../../public/examples/${name}.json`), 'utf8'));

describe('generateScene', () => {
  it('is deterministic: same spec, byte-identical content and hash', async () => {
    const a = await generateScene(example('dungeon-medium'));
    const b = await generateScene(example('dungeon-medium'));
    expect(Buffer.from(canonicalSceneBytes(a)).equals(Buffer.from(canonicalSceneBytes(b)))).toBe(
      true,
    );
    expect(await sceneHash(a)).toBe(await sceneHash(b));
    expect(await sceneHash(a)).toMatch(/^[0-9a-f]{64}$/);
  });

  it('another seed gives another scene', async () => {
    const spec = example('dungeon-medium') as { seed: number };
    const a = await generateScene(spec);
    const b = await generateScene({ ...spec, seed: spec.seed + 1 });
    expect(await sceneHash(a)).not.toBe(await sceneHash(b));
  });

  it('reports stats: counts, vertices, triangles, draw calls, bytes, phase times', async () => {
    const s = await generateScene(example('dungeon-large'));
    expect(s.stats.counts['dungeon.rooms']).toBe(100);
    expect(s.stats.counts['dungeon.props']).toBe(500);
    expect(s.stats.drawCalls).toBeLessThan(200);
    expect(s.stats.instances).toBeGreaterThan(1000);
    expect(s.stats.triangles).toBeGreaterThan(s.stats.instances);
    let bytes = s.lights.data.byteLength + s.lights.kinds.byteLength;
    for (const m of s.meshes)
      bytes +=
        m.positions.byteLength + m.normals.byteLength + m.uvs.byteLength + m.indices.byteLength;
    for (const b of s.batches) bytes += b.transforms.byteLength;
    expect(s.stats.bytes).toBe(bytes);
    expect(Object.keys(s.stats.phases)).toEqual(['validate', 'dungeon', 'assemble']);
    const [minX, , minZ, maxX, maxY, maxZ] = s.bounds;
    expect(maxX - minX).toBeGreaterThan(100);
    expect(maxZ - minZ).toBeGreaterThan(100);
    expect(maxY).toBeCloseTo(3.5, 1);
  });

  it('reports progress through every phase, ending at 1', async () => {
    const seen: [string, number][] = [];
    await generateScene(example('primitives'), {
      onProgress: (p) => seen.push([p.phase, p.fraction]),
    });
    expect(seen.map(([p]) => p)).toEqual(['validate', 'primitives', 'assemble']);
    expect(seen.at(-1)![1]).toBe(1);
    expect(seen.every(([, f], i) => i === 0 || f > seen[i - 1]![1])).toBe(true);
  });

  it('can be cancelled', async () => {
    const controller = new AbortController();
    const run = generateScene(example('dungeon-large'), {
      signal: controller.signal,
      onProgress: (p) => {
        if (p.phase === 'validate') controller.abort();
      },
    });
    await expect(run).rejects.toThrow('scene generation was cancelled');
    const aborted = new AbortController();
    aborted.abort();
    await expect(
      generateScene(example('primitives'), { signal: aborted.signal }),
    ).rejects.toMatchObject({
      name: 'AbortError',
    });
  });

  it('refuses a bad spec with path-named errors before any work', async () => {
    await expect(
      generateScene({
        version: 1,
        seed: 1,
        dungeon: { width: 64, depth: 64, rooms: { count: 0 } },
      }),
    ).rejects.toThrow(SceneSpecError);
  });

  it('every batch refers to meshes in the scene; materials are listed', async () => {
    const s = await generateScene(example('primitives'));
    const ids = new Set(s.meshes.map((m) => m.id));
    for (const b of s.batches) for (const id of b.lods) expect(ids.has(id)).toBe(true);
    expect(s.materials).toContain('ground');
  });
});
