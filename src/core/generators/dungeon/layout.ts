// Dungeon layout on a cell grid: rooms of varied size and shape, a spanning tree of corridors plus
// some loops (so every room is reachable), and doors where corridors enter rooms. Pure and seeded.
import type { Prng } from '../../prng';

export const CELL_EMPTY = 0;
export const CELL_ROOM = 1;
export const CELL_CORRIDOR = 2;

export interface Room {
  id: number;
  x: number;
  z: number;
  w: number;
  d: number;
  shape: 'rect' | 'l';
  /** For L-shaped rooms: the removed corner rectangle (cells), else null. */
  cut: { x: number; z: number; w: number; d: number } | null;
  centre: [number, number];
}

export interface Door {
  /** The floor cell inside the room and the corridor cell outside it (adjacent). */
  room: number;
  inside: [number, number];
  outside: [number, number];
}

export interface DungeonLayout {
  width: number;
  depth: number;
  /** CELL_* per cell, row-major (z * width + x). */
  cells: Uint8Array;
  /** Room id + 1 per cell (0 where no room). */
  roomOf: Uint16Array;
  rooms: Room[];
  /** Room index pairs joined by a corridor. */
  connections: [number, number][];
  doors: Door[];
  /** Edges (edgeKey) between a room cell and a corridor cell that are open doorways. */
  doorEdges: Set<number>;
}

/** A key for the edge between two adjacent cells (order-free). */
export function edgeKey(a: number, b: number, cellCount: number): number {
  return a < b ? a * cellCount + b : b * cellCount + a;
}

/**
 * Whether one can walk between adjacent cells a and b: both are floor, and a room meets a corridor
 * only through a doorway (elsewhere a wall stands between them).
 */
export function isPassable(layout: DungeonLayout, a: number, b: number): boolean {
  const ta = layout.cells[a];
  const tb = layout.cells[b];
  if (ta === CELL_EMPTY || tb === CELL_EMPTY) return false;
  if (ta === tb) return layout.roomOf[a] === layout.roomOf[b];
  return layout.doorEdges.has(edgeKey(a, b, layout.cells.length));
}

export interface LayoutOptions {
  width: number;
  depth: number;
  rooms: { count: number; minSize: number; maxSize: number };
  corridorWidth: number;
  loops: number;
}

export class DungeonLayoutError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DungeonLayoutError';
  }
}

/** How many rooms of the minimum size a packed lattice fits (with the one-cell margin). */
export function roomCapacity(width: number, depth: number, minSize: number): number {
  return Math.floor((width - 1) / (minSize + 1)) * Math.floor((depth - 1) / (minSize + 1));
}

/**
 * Fallback for dense specs that random placement could not satisfy: rooms of the minimum size on a
 * lattice, in randomly chosen slots. Always succeeds when count <= roomCapacity (which validation
 * enforces).
 */
function packRooms(o: LayoutOptions, rng: Prng, roomOf: Uint16Array): Room[] {
  const size = o.rooms.minSize;
  const step = size + 1;
  const cols = Math.floor((o.width - 1) / step);
  const rows = Math.floor((o.depth - 1) / step);
  if (o.rooms.count > cols * rows) {
    throw new DungeonLayoutError(
      `dungeon.rooms.count: at most ${cols * rows} rooms of ${size}x${size} fit in a ${o.width}x${o.depth} grid, got ${o.rooms.count}`,
    );
  }
  roomOf.fill(0);
  const slots = rng
    .shuffle([...Array(cols * rows).keys()])
    .slice(0, o.rooms.count)
    .sort((a, b) => a - b);
  return slots.map((slot, id) => {
    const x = 1 + (slot % cols) * step;
    const z = 1 + Math.floor(slot / cols) * step;
    for (let zz = z; zz < z + size; zz++) {
      for (let xx = x; xx < x + size; xx++) roomOf[zz * o.width + xx] = id + 1;
    }
    const centre: [number, number] = [x + Math.floor(size / 2), z + Math.floor(size / 2)];
    return { id, x, z, w: size, d: size, shape: 'rect' as const, cut: null, centre };
  });
}

function placeRooms(o: LayoutOptions, rng: Prng, roomOf: Uint16Array): Room[] {
  const rooms: Room[] = [];
  const { width, depth } = o;
  const maxAttempts = o.rooms.count * 300;
  let attempts = 0;
  while (rooms.length < o.rooms.count && attempts < maxAttempts) {
    attempts++;
    // Later attempts favour small rooms so dense specs still fit.
    const squeeze = attempts > maxAttempts / 2 ? 1 : 0;
    const hi = squeeze ? o.rooms.minSize : o.rooms.maxSize;
    const w = rng.int(o.rooms.minSize, hi);
    const d = rng.int(o.rooms.minSize, hi);
    const x = rng.int(1, width - w - 1);
    const z = rng.int(1, depth - d - 1);
    // A one-cell margin around every room keeps walls from touching.
    let free = true;
    for (let zz = z - 1; zz <= z + d && free; zz++) {
      for (let xx = x - 1; xx <= x + w; xx++) {
        if (roomOf[zz * width + xx]) {
          free = false;
          break;
        }
      }
    }
    if (!free) continue;
    const id = rooms.length;
    let cut: Room['cut'] = null;
    if (w >= 5 && d >= 5 && rng.chance(0.3)) {
      const cw = rng.int(2, Math.floor(w / 2));
      const cd = rng.int(2, Math.floor(d / 2));
      cut = {
        x: rng.chance(0.5) ? x : x + w - cw,
        z: rng.chance(0.5) ? z : z + d - cd,
        w: cw,
        d: cd,
      };
    }
    for (let zz = z; zz < z + d; zz++) {
      for (let xx = x; xx < x + w; xx++) {
        if (cut && xx >= cut.x && xx < cut.x + cut.w && zz >= cut.z && zz < cut.z + cut.d) continue;
        roomOf[zz * width + xx] = id + 1;
      }
    }
    // The centre must be a floor cell: for an L room whose cut covers the middle, take the floor
    // cell nearest to it (scan order breaks ties, so the choice is deterministic).
    let cx = x + Math.floor(w / 2);
    let cz = z + Math.floor(d / 2);
    if (!roomOf[cz * width + cx]) {
      let bestD = Infinity;
      const [mx, mz] = [cx, cz];
      for (let zz = z; zz < z + d; zz++) {
        for (let xx = x; xx < x + w; xx++) {
          const dd = (xx - mx) * (xx - mx) + (zz - mz) * (zz - mz);
          if (roomOf[zz * width + xx] && dd < bestD) {
            bestD = dd;
            cx = xx;
            cz = zz;
          }
        }
      }
    }
    rooms.push({ id, x, z, w, d, shape: cut ? 'l' : 'rect', cut, centre: [cx, cz] });
  }
  if (rooms.length < o.rooms.count) return packRooms(o, rng, roomOf);
  return rooms;
}

/** Minimum spanning tree over room centres (Prim, O(n^2)), plus the shortest extra edges as loops. */
function connectRooms(rooms: Room[], loops: number, rng: Prng): [number, number][] {
  const n = rooms.length;
  if (n < 2) return [];
  const dist = (a: number, b: number) => {
    const [ax, az] = rooms[a]!.centre;
    const [bx, bz] = rooms[b]!.centre;
    return (ax - bx) * (ax - bx) + (az - bz) * (az - bz);
  };
  const inTree = new Uint8Array(n);
  const best = new Float64Array(n).fill(Infinity);
  const parent = new Int32Array(n).fill(-1);
  const edges: [number, number][] = [];
  best[0] = 0;
  for (let k = 0; k < n; k++) {
    let u = -1;
    for (let i = 0; i < n; i++) if (!inTree[i] && (u < 0 || best[i]! < best[u]!)) u = i;
    inTree[u] = 1;
    if (parent[u]! >= 0) edges.push([parent[u]!, u]);
    for (let v = 0; v < n; v++) {
      if (inTree[v]) continue;
      const dv = dist(u, v);
      if (dv < best[v]!) {
        best[v] = dv;
        parent[v] = u;
      }
    }
  }
  const extra = Math.round(loops * n);
  if (extra > 0) {
    const have = new Set(edges.map(([a, b]) => (a < b ? a * n + b : b * n + a)));
    const candidates: [number, number, number][] = [];
    for (let a = 0; a < n; a++) {
      // Each room's three nearest rooms are loop candidates.
      const near = [...Array(n).keys()]
        .filter((b) => b !== a)
        .sort((p, q) => dist(a, p) - dist(a, q) || p - q)
        .slice(0, 3);
      for (const b of near) {
        const key = a < b ? a * n + b : b * n + a;
        if (!have.has(key)) {
          have.add(key);
          candidates.push([a, b, dist(a, b)]);
        }
      }
    }
    rng.shuffle(candidates);
    for (const [a, b] of candidates.slice(0, extra)) edges.push([a, b]);
  }
  return edges;
}

function carveCorridor(
  layout: DungeonLayout,
  a: Room,
  b: Room,
  corridorWidth: number,
  horizontalFirst: boolean,
): void {
  const { width, depth, cells, roomOf } = layout;
  const [ax, az] = a.centre;
  const [bx, bz] = b.centre;
  const path: [number, number][] = [[ax, az]];
  const stepTo = (toX: number, toZ: number) => {
    let [x, z] = path[path.length - 1]!;
    while (x !== toX || z !== toZ) {
      if (x !== toX) x += Math.sign(toX - x);
      else z += Math.sign(toZ - z);
      path.push([x, z]);
    }
  };
  if (horizontalFirst) {
    stepTo(bx, az);
    stepTo(bx, bz);
  } else {
    stepTo(ax, bz);
    stepTo(bx, bz);
  }
  const half = Math.floor((corridorWidth - 1) / 2);
  const n = cells.length;
  let prev = -1;
  for (const [px, pz] of path) {
    for (let dz = -half; dz < corridorWidth - half; dz++) {
      for (let dx = -half; dx < corridorWidth - half; dx++) {
        const x = px + dx;
        const z = pz + dz;
        if (x < 1 || z < 1 || x >= width - 1 || z >= depth - 1) continue;
        const i = z * width + x;
        if (cells[i] === CELL_EMPTY) cells[i] = CELL_CORRIDOR;
      }
    }
    // Where the centre line crosses between a room and a corridor, that edge is a doorway.
    const cur = pz * width + px;
    if (prev >= 0 && (cells[prev] === CELL_ROOM) !== (cells[cur] === CELL_ROOM)) {
      const key = edgeKey(prev, cur, n);
      if (!layout.doorEdges.has(key)) {
        layout.doorEdges.add(key);
        const inside = cells[prev] === CELL_ROOM ? prev : cur;
        const outside = inside === prev ? cur : prev;
        layout.doors.push({
          room: roomOf[inside]! - 1,
          inside: [inside % width, Math.floor(inside / width)],
          outside: [outside % width, Math.floor(outside / width)],
        });
      }
    }
    prev = cur;
  }
}

export function generateLayout(o: LayoutOptions, rng: Prng): DungeonLayout {
  const cells = new Uint8Array(o.width * o.depth);
  const roomOf = new Uint16Array(o.width * o.depth);
  const rooms = placeRooms(o, rng.fork('rooms'), roomOf);
  for (let i = 0; i < roomOf.length; i++) if (roomOf[i]) cells[i] = CELL_ROOM;
  const layout: DungeonLayout = {
    width: o.width,
    depth: o.depth,
    cells,
    roomOf,
    rooms,
    connections: [],
    doors: [],
    doorEdges: new Set(),
  };
  const crng = rng.fork('corridors');
  layout.connections = connectRooms(rooms, o.loops, crng);
  for (const [a, b] of layout.connections) {
    carveCorridor(layout, rooms[a]!, rooms[b]!, o.corridorWidth, crng.chance(0.5));
  }
  return layout;
}

/** Rooms reachable from the first room's centre, walking only through passable edges. */
export function reachableRooms(layout: DungeonLayout): Set<number> {
  const { width, depth, roomOf, rooms } = layout;
  const seen = new Uint8Array(roomOf.length);
  const found = new Set<number>();
  if (rooms.length === 0) return found;
  const [sx, sz] = rooms[0]!.centre;
  const queue = [sz * width + sx];
  seen[queue[0]!] = 1;
  while (queue.length) {
    const i = queue.pop()!;
    if (roomOf[i]) found.add(roomOf[i]! - 1);
    const x = i % width;
    const z = (i - x) / width;
    for (const [nx, nz] of [
      [x + 1, z],
      [x - 1, z],
      [x, z + 1],
      [x, z - 1],
    ] as const) {
      if (nx < 0 || nz < 0 || nx >= width || nz >= depth) continue;
      const j = nz * width + nx;
      if (!seen[j] && isPassable(layout, i, j)) {
        seen[j] = 1;
        queue.push(j);
      }
    }
  }
  return found;
}
