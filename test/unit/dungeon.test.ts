import { describe, expect, it } from 'vitest';
import { generateDungeon } from '../../src/core/generators/dungeon';
import {
  CELL_EMPTY,
  CELL_ROOM,
  edgeKey,
  isPassable,
  reachableRooms,
} from '../../src/core/generators/dungeon/layout';
import { PROP_LIBRARY } from '../../src/core/generators/dungeon/props';
import { Prng } from '../../src/core/prng';
import { parseSceneSpec, type DungeonSpec } from '../../src/core/spec';

function dungeonSpec(over: Record<string, unknown>): DungeonSpec {
  return parseSceneSpec({
    version: 1,
    seed: 1,
    dungeon: { width: 64, depth: 64, rooms: { count: 20 }, ...over },
  }).dungeon!;
}

describe('dungeon layout', () => {
  it('connects every room, across 40 seeds and sizes (walls block, doors open)', () => {
    for (let seed = 0; seed < 40; seed++) {
      const size = 32 + (seed % 4) * 32;
      const rooms = 4 + (seed % 5) * 6;
      const spec = dungeonSpec({
        width: size,
        depth: size,
        rooms: { count: rooms, minSize: 3, maxSize: 8 },
        loops: (seed % 3) / 4,
      });
      const d = generateDungeon(spec, new Prng(seed));
      expect(d.layout.rooms).toHaveLength(rooms);
      expect(reachableRooms(d.layout).size).toBe(rooms);
    }
  });

  it('varies room size and shape within the spec', () => {
    const d = generateDungeon(
      dungeonSpec({ width: 128, depth: 128, rooms: { count: 60, minSize: 4, maxSize: 12 } }),
      new Prng(5),
    );
    const sizes = new Set(d.layout.rooms.map((r) => `${r.w}x${r.d}`));
    expect(sizes.size).toBeGreaterThan(10);
    expect(d.layout.rooms.some((r) => r.shape === 'l')).toBe(true);
    for (const r of d.layout.rooms) {
      expect(r.w).toBeGreaterThanOrEqual(4);
      expect(r.w).toBeLessThanOrEqual(12);
    }
  });

  it('rooms never touch: a one-cell margin keeps their walls apart', () => {
    const d = generateDungeon(dungeonSpec({}), new Prng(9));
    const { width, depth, roomOf } = d.layout;
    for (let z = 0; z < depth - 1; z++) {
      for (let x = 0; x < width - 1; x++) {
        const a = roomOf[z * width + x]!;
        for (const b of [roomOf[z * width + x + 1]!, roomOf[(z + 1) * width + x]!]) {
          if (a && b) expect(a).toBe(b);
        }
      }
    }
  });

  it('every door joins a room cell to a corridor cell and is passable', () => {
    const d = generateDungeon(dungeonSpec({}), new Prng(3));
    const { width, cells } = d.layout;
    expect(d.layout.doors.length).toBeGreaterThanOrEqual(d.layout.rooms.length);
    for (const door of d.layout.doors) {
      const i = door.inside[1] * width + door.inside[0];
      const o = door.outside[1] * width + door.outside[0];
      expect(cells[i]).toBe(CELL_ROOM);
      expect(cells[o]).not.toBe(CELL_ROOM);
      expect(
        Math.abs(door.inside[0] - door.outside[0]) + Math.abs(door.inside[1] - door.outside[1]),
      ).toBe(1);
      expect(isPassable(d.layout, i, o)).toBe(true);
      expect(d.layout.doorEdges.has(edgeKey(i, o, cells.length))).toBe(true);
    }
  });

  it('packs dense specs on a lattice: every room validation accepts is placed', () => {
    // 32x32 with 3x3 rooms holds 7 * 7 = 49 rooms on the lattice; random placement alone cannot.
    const spec = dungeonSpec({
      width: 32,
      depth: 32,
      rooms: { count: 49, minSize: 3, maxSize: 6 },
    });
    const d = generateDungeon(spec, new Prng(2));
    expect(d.layout.rooms).toHaveLength(49);
    expect(reachableRooms(d.layout).size).toBe(49);
    expect(() =>
      dungeonSpec({ width: 32, depth: 32, rooms: { count: 50, minSize: 3, maxSize: 6 } }),
    ).toThrow('dungeon.rooms.count: at most 49 rooms of 3x3 fit in a 32x32 grid, got 50');
  });
});

describe('dungeon pieces, props and torches', () => {
  const spec = dungeonSpec({ props: { count: 50 }, torches: { count: 16 } });
  const d = generateDungeon(spec, new Prng(11));
  const cs = spec.cellSize;
  const { width, depth, cells } = d.layout;
  const cellOf = (x: number, z: number) =>
    [Math.floor(x / cs + width / 2), Math.floor(z / cs + depth / 2)] as const;
  const batch = (material: string) => d.batches.find((b) => b.material === material)!;
  const positions = (t: Float32Array) => {
    const out: [number, number, number][] = [];
    for (let i = 0; i < t.length; i += 16) out.push([t[i + 12]!, t[i + 13]!, t[i + 14]!]);
    return out;
  };

  it('places one floor and one ceiling tile per floor cell', () => {
    let floor = 0;
    for (const c of cells) if (c !== CELL_EMPTY) floor++;
    expect(batch('dungeon:stone-floor').transforms.length / 16).toBe(floor);
    expect(batch('dungeon:ceiling').transforms.length / 16).toBe(floor);
    expect(d.counts.floorTiles).toBe(floor);
  });

  it('places exactly the requested props, one per room cell, none next to a doorway', () => {
    expect(d.counts.props).toBe(50);
    const seen = new Set<string>();
    let total = 0;
    for (const b of d.batches.filter(
      (b) => b.lods[0]!.startsWith('prop:') && !b.lods[0]!.startsWith('prop:torch'),
    )) {
      for (const [x, , z] of positions(b.transforms)) {
        const [cx, cz] = cellOf(x, z);
        const key = `${cx},${cz}`;
        expect(seen.has(key)).toBe(false);
        seen.add(key);
        expect(cells[cz * width + cx]).toBe(CELL_ROOM);
        for (const door of d.layout.doors) {
          expect(
            Math.max(Math.abs(door.inside[0] - cx), Math.abs(door.inside[1] - cz)),
          ).toBeGreaterThan(1);
        }
        total++;
      }
    }
    expect(total).toBe(50);
  });

  it('puts wall props against a wall', () => {
    for (const kind of ['barrel', 'chest', 'bookshelf'] as const) {
      const b = d.batches.find((x) => x.lods[0] === `prop:${kind}:lod0`);
      if (!b) continue;
      expect(PROP_LIBRARY[kind].placement).toBe('wall');
      for (const [x, , z] of positions(b.transforms)) {
        const [cx, cz] = cellOf(x, z);
        const nextToEmpty = [
          [1, 0],
          [-1, 0],
          [0, 1],
          [0, -1],
        ].some(([dx, dz]) => cells[(cz + dz!) * width + (cx + dx!)] === CELL_EMPTY);
        expect(nextToEmpty).toBe(true);
        // Pushed off the cell centre towards the wall.
        const centreX = (cx + 0.5 - width / 2) * cs;
        const centreZ = (cz + 0.5 - depth / 2) * cs;
        expect(Math.hypot(x - centreX, z - centreZ)).toBeGreaterThan(0.2);
      }
    }
  });

  it('makes every torch a point light, torches apart from each other', () => {
    expect(d.lights).toHaveLength(16);
    const torches = positions(d.batches.find((b) => b.lods[0] === 'prop:torch:lod0')!.transforms);
    expect(torches).toHaveLength(16);
    for (let i = 0; i < torches.length; i++) {
      for (let j = i + 1; j < torches.length; j++) {
        expect(
          Math.hypot(torches[i]![0] - torches[j]![0], torches[i]![2] - torches[j]![2]),
        ).toBeGreaterThan(cs * 1.5);
      }
    }
  });

  it('gives props two levels of detail and keeps draw calls low', () => {
    for (const b of d.batches.filter((b) => b.lods[0]!.startsWith('prop:'))) {
      expect(b.lods).toHaveLength(2);
      expect(b.lodDistances).toHaveLength(1);
    }
    const lod0 = d.meshes.find((m) => m.id === 'prop:table:lod0');
    const lod1 = d.meshes.find((m) => m.id === 'prop:table:lod1');
    if (lod0 && lod1) expect(lod1.indices.length).toBeLessThan(lod0.indices.length);
    expect(d.batches.reduce((n, b) => n + b.lods.length, 0)).toBeLessThan(40);
  });
});
