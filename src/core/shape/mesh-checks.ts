// Checks and measures of an indexed triangle mesh: closedness (watertight and consistently wound),
// enclosed volume, bounds. Used by the surface tests, the image-to-3D result and the evaluation.
import type { ShapeMesh } from './shape-types';

/**
 * True when every undirected edge is used by exactly two triangles, in opposite directions, and no
 * triangle repeats a vertex or names one that does not exist. An empty mesh is (vacuously) closed.
 */
export function isWatertight(mesh: ShapeMesh): boolean {
  const { indices } = mesh;
  const vertexCount = mesh.positions.length / 3;
  if (indices.length % 3 !== 0) return false;
  // Directed edges as a * vertexCount + b: exact in a double for any mesh that fits in memory.
  const keys = new Float64Array(indices.length);
  for (let i = 0; i < indices.length; i += 3) {
    const a = indices[i]!;
    const b = indices[i + 1]!;
    const c = indices[i + 2]!;
    if (a >= vertexCount || b >= vertexCount || c >= vertexCount) return false;
    if (a === b || b === c || c === a) return false;
    keys[i] = a * vertexCount + b;
    keys[i + 1] = b * vertexCount + c;
    keys[i + 2] = c * vertexCount + a;
  }
  keys.sort();
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i]!;
    // Each directed edge once (a second use would mean a third triangle or a flipped one) ...
    if (i > 0 && keys[i - 1] === key) return false;
    // ... and its reverse once.
    const a = Math.floor(key / vertexCount);
    const b = key - a * vertexCount;
    if (!contains(keys, b * vertexCount + a)) return false;
  }
  return true;
}

function contains(sorted: Float64Array, key: number): boolean {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < key) lo = mid + 1;
    else hi = mid;
  }
  return lo < sorted.length && sorted[lo] === key;
}

/** Signed enclosed volume (divergence theorem): positive when the triangles wind outward. */
export function meshVolume(mesh: ShapeMesh): number {
  const { positions: p, indices } = mesh;
  let six = 0;
  for (let i = 0; i < indices.length; i += 3) {
    const a = indices[i]! * 3;
    const b = indices[i + 1]! * 3;
    const c = indices[i + 2]! * 3;
    // a · (b × c)
    six +=
      p[a]! * (p[b + 1]! * p[c + 2]! - p[b + 2]! * p[c + 1]!) +
      p[a + 1]! * (p[b + 2]! * p[c]! - p[b]! * p[c + 2]!) +
      p[a + 2]! * (p[b]! * p[c + 1]! - p[b + 1]! * p[c]!);
  }
  return six / 6;
}

export interface MeshBounds {
  min: [number, number, number];
  max: [number, number, number];
}

/** Axis-aligned bounds of the positions, or null for a mesh without vertices. */
export function meshBounds(mesh: ShapeMesh): MeshBounds | null {
  const p = mesh.positions;
  if (p.length < 3) return null;
  const min: [number, number, number] = [Infinity, Infinity, Infinity];
  const max: [number, number, number] = [-Infinity, -Infinity, -Infinity];
  for (let i = 0; i < p.length; i += 3) {
    for (let k = 0; k < 3; k++) {
      const v = p[i + k]!;
      if (v < min[k]!) min[k] = v;
      if (v > max[k]!) max[k] = v;
    }
  }
  return { min, max };
}
