import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  SceneSpecError,
  migrateSpec,
  parseSceneSpec,
  parseSceneSpecText,
  type SpecMigration,
} from '../../src/core/spec';

const examplesDir = path.resolve(__dirname, '../../public/examples');

function issuesOf(input: unknown): readonly string[] {
  try {
    parseSceneSpec(input);
  } catch (e) {
    expect(e).toBeInstanceOf(SceneSpecError);
    return (e as SceneSpecError).issues;
  }
  throw new Error('expected the spec to be refused');
}

const dungeon = (over: Record<string, unknown> = {}) => ({
  version: 1,
  seed: 1,
  dungeon: { width: 64, depth: 64, rooms: { count: 10 }, ...over },
});

describe('scene spec', () => {
  it('accepts every shipped example and fills defaults', () => {
    const files = readdirSync(examplesDir).filter((f) => f.endsWith('.json'));
    expect(files.sort()).toEqual([
      'dungeon-large.json',
      'dungeon-medium.json',
      'forest.json',
      'primitives.json',
      'terrain.json',
    ]);
    for (const f of files) {
      const spec = parseSceneSpecText(readFileSync(path.join(examplesDir, f), 'utf8'));
      expect(spec.version).toBe(1);
    }
    const medium = parseSceneSpecText(
      readFileSync(path.join(examplesDir, 'dungeon-medium.json'), 'utf8'),
    );
    expect(medium.dungeon?.rooms.count).toBe(20);
    expect(medium.dungeon?.props.count).toBe(50);
    expect(medium.dungeon?.corridorWidth).toBe(1);
    const large = parseSceneSpecText(
      readFileSync(path.join(examplesDir, 'dungeon-large.json'), 'utf8'),
    );
    expect(large.dungeon?.rooms.count).toBe(100);
    expect(large.dungeon?.props.count).toBe(500);
  });

  it('names the path and the limit: rooms.count 0', () => {
    expect(issuesOf(dungeon({ rooms: { count: 0 } }))).toEqual([
      'dungeon.rooms.count: expected 1..500, got 0',
    ]);
  });

  it('reports every problem at once, with array indices in paths', () => {
    const issues = issuesOf({
      version: 1,
      seed: -1,
      dungeon: { width: 8, depth: 'big', rooms: { count: 2.5 }, roms: 3 },
      primitives: [{ shape: 'box' }, { shape: 'sphere', radius: 0 }, { shape: 'blob' }],
    });
    expect(issues).toEqual(
      expect.arrayContaining([
        'seed: expected 0..4294967295, got -1',
        'dungeon.width: expected 16..512, got 8',
        'dungeon.depth: expected an integer 16..512, got "big"',
        'dungeon.rooms.count: expected an integer, got 2.5',
        'dungeon.roms: unknown field',
        'primitives[1].radius: expected 0.001..10000, got 0',
        'primitives[2].shape: expected one of box, sphere, cylinder, cone, torus, plane, got "blob"',
      ]),
    );
    expect(issues).toHaveLength(7);
  });

  it('refuses specs that cannot fit, quickly and before any work', () => {
    const t0 = performance.now();
    const issues = issuesOf({
      version: 1,
      seed: 1,
      dungeon: { width: 16, depth: 16, rooms: { count: 500, minSize: 4, maxSize: 64 } },
    });
    expect(performance.now() - t0).toBeLessThan(1000);
    expect(issues).toContain('dungeon.rooms.maxSize: expected at most 14 for a 16x16 grid, got 64');
    expect(issues).toContain(
      'dungeon.rooms.count: at most 9 rooms of 4x4 fit in a 16x16 grid, got 500',
    );
  });

  it('refuses scatter without terrain and absurd densities', () => {
    expect(
      issuesOf({
        version: 1,
        seed: 1,
        primitives: [{ shape: 'box' }],
        scatter: [{ kind: 'tree', density: 1, minDistance: 1 }],
      }),
    ).toEqual(['scatter: needs a terrain to scatter over']);
    const issues = issuesOf({
      version: 1,
      seed: 1,
      terrain: { resolution: 65, extent: 10000, height: 10 },
      scatter: [{ kind: 'grass', density: 4, minDistance: 0.1 }],
    });
    expect(issues[0]).toMatch(/^scatter\[0\]\.density: .* the limit is 1000000$/);
  });

  it('refuses non-objects, bad JSON, oversize text and empty specs with clear words', () => {
    expect(issuesOf([1, 2])).toEqual(['spec: expected a JSON object']);
    expect(() => parseSceneSpecText('{"version": 1,')).toThrow(/spec: not valid JSON/);
    expect(() => parseSceneSpecText(' '.repeat(1_000_001))).toThrow(/over the 1000000-byte limit/);
    expect(issuesOf({ version: 1, seed: 1 })).toEqual([
      'spec: nothing to generate; add a dungeon, a terrain or primitives',
    ]);
  });

  it('refuses newer and missing versions', () => {
    expect(issuesOf({ ...dungeon(), version: 2 })).toEqual([
      'version: this studio reads scene specs up to version 1, got 2 (made by a newer studio)',
    ]);
    expect(issuesOf({ seed: 1 })).toEqual(['version: expected an integer 1..1, got null']);
  });

  it('applies named migrations in order', () => {
    const migrations: SpecMigration[] = [
      { from: 1, name: 'a', migrate: (s) => ({ ...s, version: 2, a: true }) },
      { from: 2, name: 'b', migrate: (s) => ({ ...s, version: 3, b: true }) },
    ];
    const r = migrateSpec({ version: 1 }, migrations, 3);
    expect(r.applied).toEqual(['a', 'b']);
    expect(r.spec).toEqual({ version: 3, a: true, b: true });
    expect(() => migrateSpec({ version: 1 }, [], 2)).toThrow(
      'version: no migration from version 1',
    );
  });
});
