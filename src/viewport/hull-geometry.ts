// The geometry a selection outline's inverted hull is drawn with: the mesh's positions and indices
// with normals averaged over vertices at the same position. Pushing a hard-edged mesh (a box, split
// normals per face) out along its own normals tears it open at every edge; averaged normals keep
// the hull closed. The arrays are copies: disposing a geometry frees its attributes' GPU buffers,
// which must not take the scene's own geometry down with the outline.
import { BufferAttribute, BufferGeometry } from 'three/webgpu';

/** Above this many vertices the mesh's own normals are used (welding costs too much). */
export const MAX_WELD_VERTICES = 65536;

/** Normals averaged over vertices whose positions agree to `precision` metres. */
export function weldedNormals(
  positions: ArrayLike<number>,
  normals: ArrayLike<number>,
  precision = 1e-4,
): Float32Array {
  const n = positions.length / 3;
  const sums = new Map<string, [number, number, number]>();
  const keys: string[] = new Array<string>(n);
  for (let i = 0; i < n; i++) {
    const key = `${Math.round(positions[i * 3]! / precision)},${Math.round(positions[i * 3 + 1]! / precision)},${Math.round(positions[i * 3 + 2]! / precision)}`;
    keys[i] = key;
    const s = sums.get(key) ?? [0, 0, 0];
    s[0] += normals[i * 3]!;
    s[1] += normals[i * 3 + 1]!;
    s[2] += normals[i * 3 + 2]!;
    sums.set(key, s);
  }
  const out = new Float32Array(n * 3);
  for (let i = 0; i < n; i++) {
    const [x, y, z] = sums.get(keys[i]!)!;
    const len = Math.hypot(x, y, z);
    // Opposite faces meeting at a point (a flat sheet's two sides) cancel: keep the own normal.
    if (len < 1e-6) out.set([normals[i * 3]!, normals[i * 3 + 1]!, normals[i * 3 + 2]!], i * 3);
    else out.set([x / len, y / len, z / len], i * 3);
  }
  return out;
}

export function hullGeometry(source: BufferGeometry): BufferGeometry {
  const position = source.getAttribute('position') as BufferAttribute;
  const normal = source.getAttribute('normal') as BufferAttribute | undefined;
  const hull = new BufferGeometry();
  hull.name = `${source.name}:hull`;
  hull.setAttribute('position', position.clone());
  if (source.index) hull.setIndex(source.index.clone());
  if (normal) {
    const welded =
      position.count <= MAX_WELD_VERTICES
        ? new BufferAttribute(weldedNormals(position.array, normal.array), 3)
        : normal.clone();
    hull.setAttribute('normal', welded);
  }
  return hull;
}
