// Dungeon generator: layout (rooms, corridors, doors) → modular pieces (floor and ceiling tiles, wall
// segments, door frames) as instances → props placed by rules → wall torches as lights.
import { boxMesh, planeMesh } from '../../geometry/primitives';
import { mergeMeshes } from '../../geometry/merge';
import { composeTRS } from '../../math/mat4';
import type { Prng } from '../../prng';
import type { InstanceBatch, MeshData } from '../../scene/scene-data';
import { PROP_KINDS, type DungeonSpec, type PropKind } from '../../spec';
import {
  CELL_CORRIDOR,
  CELL_EMPTY,
  CELL_ROOM,
  edgeKey,
  generateLayout,
  type DungeonLayout,
} from './layout';
import { PROP_LIBRARY, PROP_LOD_DISTANCE } from './props';

export interface PointLight {
  position: [number, number, number];
  colour: [number, number, number];
  intensity: number;
  range: number;
  source: string;
}

export interface GeneratedDungeon {
  layout: DungeonLayout;
  meshes: MeshData[];
  batches: InstanceBatch[];
  lights: PointLight[];
  counts: Record<string, number>;
}

const DIRS = [
  [1, 0],
  [-1, 0],
  [0, 1],
  [0, -1],
] as const;

/** Yaw (radians) that turns +z (a prop's front) to face direction (dx, dz). */
function yawFacing(dx: number, dz: number): number {
  return Math.atan2(dx, dz);
}

class TransformList {
  private data: number[] = [];
  private readonly scratch = new Float32Array(16);
  get count(): number {
    return this.data.length / 16;
  }
  add(
    x: number,
    y: number,
    z: number,
    yaw: number,
    pitch = 0,
    s: [number, number, number] = [1, 1, 1],
  ): void {
    composeTRS(this.scratch, 0, [x, y, z], [pitch, yaw, 0], s);
    for (let i = 0; i < 16; i++) this.data.push(this.scratch[i]!);
  }
  toArray(): Float32Array<ArrayBuffer> {
    return new Float32Array(this.data);
  }
}

const WALL_THICKNESS = 0.25;
const TORCH_COLOUR: [number, number, number] = [1, 0.56, 0.22];

export function generateDungeon(spec: DungeonSpec, rng: Prng): GeneratedDungeon {
  const layout = generateLayout(
    {
      width: spec.width,
      depth: spec.depth,
      rooms: spec.rooms,
      corridorWidth: spec.corridorWidth,
      loops: spec.loops,
    },
    rng.fork('layout'),
  );
  const { width, depth, cells } = layout;
  const cs = spec.cellSize;
  const H = spec.wallHeight;
  const ox = (-width * cs) / 2;
  const oz = (-depth * cs) / 2;
  const cx = (x: number) => ox + (x + 0.5) * cs;
  const cz = (z: number) => oz + (z + 0.5) * cs;
  const n = cells.length;
  const at = (x: number, z: number) =>
    x < 0 || z < 0 || x >= width || z >= depth ? CELL_EMPTY : cells[z * width + x]!;

  // ---- modular pieces ----
  const floors = new TransformList();
  const ceilings = new TransformList();
  const walls = new TransformList();
  const frames = new TransformList();
  for (let z = 0; z < depth; z++) {
    for (let x = 0; x < width; x++) {
      const t = cells[z * width + x]!;
      if (t === CELL_EMPTY) continue;
      floors.add(cx(x), 0, cz(z), 0);
      ceilings.add(cx(x), H, cz(z), 0, Math.PI);
      for (const [dx, dz] of DIRS) {
        const nt = at(x + dx, z + dz);
        const i = z * width + x;
        const j = (z + dz) * width + (x + dx);
        const walled =
          nt === CELL_EMPTY ||
          (t === CELL_ROOM && nt === CELL_CORRIDOR && !layout.doorEdges.has(edgeKey(i, j, n)));
        if (!walled) continue;
        const ex = cx(x) + (dx * cs) / 2;
        const ez = cz(z) + (dz * cs) / 2;
        walls.add(ex, H / 2, ez, dx !== 0 ? Math.PI / 2 : 0);
      }
    }
  }
  for (const door of layout.doors) {
    const [ix, iz] = door.inside;
    const [ux, uz] = door.outside;
    frames.add((cx(ix) + cx(ux)) / 2, 0, (cz(iz) + cz(uz)) / 2, ux !== ix ? Math.PI / 2 : 0);
  }

  const meshes: MeshData[] = [
    planeMesh('dungeon:tile', cs, cs),
    boxMesh('dungeon:wall', cs + WALL_THICKNESS, H, WALL_THICKNESS),
    mergeMeshes('dungeon:doorframe', [
      { mesh: boxMesh('', 0.25, H, 0.4), at: [-(cs / 2) + 0.125, H / 2, 0] },
      { mesh: boxMesh('', 0.25, H, 0.4), at: [cs / 2 - 0.125, H / 2, 0] },
      { mesh: boxMesh('', cs, 0.35, 0.4), at: [0, H - 0.175, 0] },
    ]),
  ];
  const batches: InstanceBatch[] = [
    {
      part: 'dungeon:floor',
      source: 'dungeon',
      lods: ['dungeon:tile'],
      lodDistances: [],
      material: 'dungeon:stone-floor',
      transforms: floors.toArray(),
    },
    {
      part: 'dungeon:ceiling',
      source: 'dungeon',
      lods: ['dungeon:tile'],
      lodDistances: [],
      material: 'dungeon:ceiling',
      transforms: ceilings.toArray(),
    },
    {
      part: 'dungeon:wall',
      source: 'dungeon',
      lods: ['dungeon:wall'],
      lodDistances: [],
      material: 'dungeon:stone-wall',
      transforms: walls.toArray(),
    },
  ];
  if (frames.count > 0) {
    batches.push({
      part: 'dungeon:doorframe',
      source: 'dungeon',
      lods: ['dungeon:doorframe'],
      lodDistances: [],
      material: 'dungeon:wood-dark',
      transforms: frames.toArray(),
    });
  }

  // ---- props, by rules: one per cell, never next to a doorway, wall props against a wall ----
  const blocked = new Uint8Array(n);
  for (const door of layout.doors) {
    const [ix, iz] = door.inside;
    for (let dz = -1; dz <= 1; dz++) {
      for (let dx = -1; dx <= 1; dx++) {
        const x = ix + dx;
        const z = iz + dz;
        if (x >= 0 && z >= 0 && x < width && z < depth) blocked[z * width + x] = 1;
      }
    }
  }
  const wallSide = (x: number, z: number): [number, number] | null => {
    for (const [dx, dz] of DIRS) if (at(x + dx, z + dz) === CELL_EMPTY) return [dx, dz];
    return null;
  };
  const wallCells: number[] = [];
  const freeCells: number[] = [];
  for (let i = 0; i < n; i++) {
    if (cells[i] !== CELL_ROOM || blocked[i]) continue;
    const x = i % width;
    const z = (i - x) / width;
    if (wallSide(x, z)) wallCells.push(i);
    else freeCells.push(i);
  }
  const prng = rng.fork('props');
  prng.shuffle(wallCells);
  prng.shuffle(freeCells);
  const kinds = (spec.props.kinds ?? PROP_KINDS.filter((k) => k !== 'torch')).filter(
    (k, i, all) => all.indexOf(k) === i,
  );
  const totalWeight = kinds.reduce((s, k) => s + Math.max(PROP_LIBRARY[k].weight, 0.5), 0);
  const pickKind = (): PropKind => {
    let r = prng.next() * totalWeight;
    for (const k of kinds) {
      r -= Math.max(PROP_LIBRARY[k].weight, 0.5);
      if (r < 0) return k;
    }
    return kinds[kinds.length - 1]!;
  };
  const propScale = Math.min(1, (0.85 * cs) / 1.4);
  const perKind = new Map<PropKind, TransformList>();
  const occupied = new Uint8Array(n);
  let placed = 0;
  for (let p = 0; p < spec.props.count && kinds.length > 0; p++) {
    const kind = pickKind();
    const def = PROP_LIBRARY[kind];
    const pool = def.placement === 'wall' ? wallCells : freeCells.length ? freeCells : wallCells;
    let cell = -1;
    while (pool.length) {
      const c = pool.pop()!;
      if (!occupied[c]) {
        cell = c;
        break;
      }
    }
    if (cell < 0) continue;
    occupied[cell] = 1;
    const x = cell % width;
    const z = (cell - x) / width;
    let px = cx(x);
    let pz = cz(z);
    let yaw: number;
    const side = wallSide(x, z);
    if (def.placement === 'wall' && side) {
      // Back against the wall, front facing into the room.
      const push = cs / 2 - WALL_THICKNESS / 2 - (def.footprint[1] * propScale) / 2 - 0.02;
      px += side[0] * push;
      pz += side[1] * push;
      yaw = yawFacing(-side[0], -side[1]);
    } else {
      yaw = prng.range(0, Math.PI * 2);
    }
    let list = perKind.get(kind);
    if (!list) {
      list = new TransformList();
      perKind.set(kind, list);
    }
    list.add(px, 0, pz, yaw, 0, [propScale, propScale, propScale]);
    placed++;
  }

  // ---- torches on room walls, each a point light ----
  const lights: PointLight[] = [];
  const torchList = perKind.get('torch') ?? new TransformList();
  const trng = rng.fork('torches');
  const torchCells: number[] = [];
  for (let i = 0; i < n; i++) if (cells[i] === CELL_ROOM) torchCells.push(i);
  trng.shuffle(torchCells);
  const lit = new Uint8Array(n);
  for (const cell of torchCells) {
    if (lights.length >= spec.torches.count) break;
    const x = cell % width;
    const z = (cell - x) / width;
    const side = wallSide(x, z);
    if (!side || lit[cell]) continue;
    // Keep torches apart: none within two cells of another.
    for (let dz = -2; dz <= 2; dz++) {
      for (let dx = -2; dx <= 2; dx++) {
        const xx = x + dx;
        const zz = z + dz;
        if (xx >= 0 && zz >= 0 && xx < width && zz < depth) lit[zz * width + xx] = 1;
      }
    }
    const push = cs / 2 - WALL_THICKNESS / 2 - 0.08;
    const px = cx(x) + side[0] * push;
    const pz = cz(z) + side[1] * push;
    const y = Math.min(H * 0.62, H - 0.7);
    torchList.add(px, y, pz, yawFacing(-side[0], -side[1]), -0.35);
    lights.push({
      position: [px - side[0] * 0.3, y + 0.75, pz - side[1] * 0.3],
      colour: TORCH_COLOUR,
      intensity: 6,
      range: 4 * cs,
      source: 'torch',
    });
  }

  if (torchList.count > 0) perKind.set('torch', torchList);
  for (const kind of [...perKind.keys()].sort()) {
    const def = PROP_LIBRARY[kind];
    meshes.push(def.lods[0](`prop:${kind}:lod0`), def.lods[1](`prop:${kind}:lod1`));
    const list = perKind.get(kind)!;
    batches.push({
      part: `prop:${kind}`,
      source: 'dungeon.props',
      lods: [`prop:${kind}:lod0`, `prop:${kind}:lod1`],
      lodDistances: [PROP_LOD_DISTANCE],
      material: def.material,
      transforms: list.toArray(),
    });
  }

  let corridorCells = 0;
  for (let i = 0; i < n; i++) if (cells[i] === CELL_CORRIDOR) corridorCells++;
  return {
    layout,
    meshes,
    batches,
    lights,
    counts: {
      rooms: layout.rooms.length,
      lShapedRooms: layout.rooms.filter((r) => r.shape === 'l').length,
      connections: layout.connections.length,
      corridorCells,
      doors: layout.doors.length,
      floorTiles: floors.count,
      wallSegments: walls.count,
      props: placed,
      propsRequested: spec.props.count,
      torches: lights.length,
    },
  };
}
