// Scatter: Poisson-disk spacing, density targets, slope and height rules, instances with LODs.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateScatter } from '../../src/core/generators/scatter';
import { poissonDarts } from '../../src/core/generators/scatter/poisson';
import { Prng } from '../../src/core/prng';
import { generateScene } from '../../src/core/scene/generate-scene';
import { parseSceneSpec } from '../../src/core/spec';
import { heightfieldQ16 } from '../../src/core/terrain/fixed-noise';
import { heightAt, heightFraction, slopeAt, terrainSurface } from '../../src/core/terrain/surface';
import { heightfieldParams } from '../../src/core/terrain/terrain-params';

const example = (name: string): unknown =>
  JSON.parse(readFileSync(path.resolve(__dirname, `../../public/examples/${name}.json`), 'utf8'));

function minPairDistance(points: Float64Array): number {
  let best = Infinity;
  for (let a = 0; a < points.length; a += 2) {
    for (let b = a + 2; b < points.length; b += 2) {
      best = Math.min(best, Math.hypot(points[a]! - points[b]!, points[a + 1]! - points[b + 1]!));
    }
  }
  return best;
}

describe('Poisson-disk darts', () => {
  it('keeps every pair at least minDistance apart and reaches a reachable target', () => {
    const points = poissonDarts(new Prng(1), { width: 50, depth: 40, minDistance: 2, target: 200 });
    expect(points.length / 2).toBe(200);
    expect(minPairDistance(points)).toBeGreaterThanOrEqual(2);
    for (let k = 0; k < points.length; k += 2) {
      expect(points[k]).toBeGreaterThanOrEqual(0);
      expect(points[k]).toBeLessThan(50);
      expect(points[k + 1]).toBeLessThan(40);
    }
  });

  it('stops when the area is full instead of looping, and covers all of it', () => {
    const points = poissonDarts(new Prng(2), { width: 20, depth: 20, minDistance: 2, target: 1e5 });
    const n = points.length / 2;
    // A 2 m disk packing of 400 m² holds at most about 115 points; darts get well over half.
    expect(n).toBeGreaterThan(50);
    expect(n).toBeLessThan(120);
    const quadrants = [0, 0, 0, 0];
    for (let k = 0; k < points.length; k += 2) {
      quadrants[(points[k]! < 10 ? 0 : 1) + (points[k + 1]! < 10 ? 0 : 2)]!++;
    }
    for (const q of quadrants) expect(q).toBeGreaterThan(n / 8);
  });
});

describe('scatter over a terrain', () => {
  const spec = parseSceneSpec({
    version: 1,
    seed: 3,
    terrain: { resolution: 129, extent: 120, height: 25, noise: { octaves: 5 } },
    scatter: [
      { kind: 'tree', density: 2, minDistance: 3, maxSlope: 20, heightBand: [0.1, 0.7] },
      { kind: 'rock', density: 1, minDistance: 1.5, scale: [0.5, 2] },
    ],
  });
  const t = spec.terrain!;
  const surface = terrainSurface(
    heightfieldQ16(heightfieldParams(t, new Prng(3))),
    t.resolution,
    t.extent,
    t.height,
  );
  const result = generateScatter(spec.scatter!, surface, new Prng(8));

  it('places instances only where slope and height rules allow, on the ground', () => {
    const trunk = result.batches.find((b) => b.material === 'scatter:bark')!;
    const n = trunk.transforms.length / 16;
    expect(n).toBeGreaterThan(20);
    expect(n).toBe(result.counts['0.tree']);
    expect(n).toBeLessThan(result.counts['0.tree.candidates']!);
    for (let i = 0; i < n; i++) {
      const x = trunk.transforms[i * 16 + 12]!;
      const y = trunk.transforms[i * 16 + 13]!;
      const z = trunk.transforms[i * 16 + 14]!;
      expect(slopeAt(surface, x, z)).toBeLessThanOrEqual(20);
      const ground = heightAt(surface, x, z);
      const f = heightFraction(surface, ground);
      expect(f).toBeGreaterThanOrEqual(0.1);
      expect(f).toBeLessThanOrEqual(0.7);
      // Sunk a little into the ground, never floating.
      expect(y).toBeLessThanOrEqual(ground);
      expect(y).toBeGreaterThan(ground - 1);
    }
  });

  it('trees are two batches (trunk, foliage) on the same transforms; every batch has two LODs', () => {
    const trunk = result.batches.find((b) => b.material === 'scatter:bark')!;
    const foliage = result.batches.find((b) => b.material === 'scatter:foliage')!;
    expect(foliage.transforms).toEqual(trunk.transforms);
    for (const b of result.batches) {
      expect(b.lods).toHaveLength(2);
      expect(b.lodDistances).toHaveLength(1);
      const [lod0, lod1] = b.lods.map((id) => result.meshes.find((m) => m.id === id)!);
      // The far level has at most half the triangles of the near one.
      expect(lod1!.indices.length).toBeLessThanOrEqual(lod0!.indices.length / 2);
    }
  });

  it('rock scales stay in the layer range', () => {
    const rocks = result.batches.find((b) => b.material === 'scatter:rock')!;
    for (let i = 0; i < rocks.transforms.length / 16; i++) {
      const m = rocks.transforms.subarray(i * 16, i * 16 + 3);
      const s = Math.hypot(m[0]!, m[1]!, m[2]!);
      expect(s).toBeGreaterThanOrEqual(0.5 - 1e-5);
      expect(s).toBeLessThanOrEqual(2 + 1e-5);
    }
  });
});

describe('generateScene with terrain and scatter', () => {
  it('forest: terrain zones plus trees, rocks and grass, deterministic', async () => {
    const a = await generateScene(example('forest'));
    expect(a.stats.engines).toEqual({ terrain: 'cpu' });
    expect(a.materials).toEqual(
      expect.arrayContaining(['terrain:grass', 'scatter:bark', 'scatter:rock', 'scatter:grass']),
    );
    expect(a.stats.counts['scatter.0.tree']).toBeGreaterThan(100);
    expect(a.stats.counts['scatter.2.grass']).toBeGreaterThan(100);
    expect(Object.keys(a.stats.phases)).toEqual(['validate', 'terrain', 'scatter', 'assemble']);
  });

  it('can be cancelled in the middle of the terrain', async () => {
    const controller = new AbortController();
    const phases: string[] = [];
    const spec = { ...(example('terrain') as object) };
    const run = generateScene(spec, {
      signal: controller.signal,
      onProgress: (p) => phases.push(p.phase),
      terrain: {
        name: 'slow-cpu',
        async heightfield(p, checkpoint) {
          controller.abort();
          await checkpoint?.();
          throw new Error(`checkpoint did not stop the run (${p.resolution})`);
        },
        erode: () => Promise.reject(new Error('not reached')),
      },
    });
    await expect(run).rejects.toMatchObject({ name: 'AbortError' });
    expect(phases).toEqual(['validate']);
  });
});
