// Any glTF triangle topology (list, strip, fan; indexed or not) → an indexed triangle list.
import { ImportError } from './import-error';

const TRIANGLES = 4;
const TRIANGLE_STRIP = 5;
const TRIANGLE_FAN = 6;

/**
 * Triangle-list indices for a primitive of `mode` (4, 5 or 6). Without `indices` the vertices are
 * taken in order. Always a fresh array (callers may reorder it). Strips and fans split at
 * `restartIndex` (KHR_mesh_primitive_restart) and drop the degenerate triangles strips use to join
 * runs; a triangle list is kept as written, so counts match the file.
 */
export function triangulate(
  mode: number,
  indices: Uint32Array | null,
  vertexCount: number,
  restartIndex: number | null,
): Uint32Array<ArrayBuffer> {
  const count = indices ? indices.length : vertexCount;
  const at = indices ? (i: number) => indices[i]! : (i: number) => i;
  if (mode === TRIANGLES) {
    const out = new Uint32Array(count - (count % 3));
    for (let i = 0; i < out.length; i++) out[i] = at(i);
    return out;
  }
  if (mode !== TRIANGLE_STRIP && mode !== TRIANGLE_FAN) {
    throw new ImportError(`primitive mode ${mode} is not a triangle mode`);
  }
  const out = new Uint32Array(Math.max(0, count - 2) * 3);
  let n = 0;
  const emit = (a: number, b: number, c: number) => {
    if (a === b || b === c || a === c) return;
    out[n++] = a;
    out[n++] = b;
    out[n++] = c;
  };
  let start = 0;
  while (start < count) {
    let end = start;
    while (end < count && at(end) !== restartIndex) end++;
    for (let i = 0; i + 2 < end - start; i++) {
      const v = (k: number) => at(start + k);
      if (mode === TRIANGLE_FAN) emit(v(i + 1), v(i + 2), v(0));
      // Every other strip triangle swaps two vertices so that all keep the first one's winding.
      else if (i % 2 === 0) emit(v(i), v(i + 1), v(i + 2));
      else emit(v(i), v(i + 2), v(i + 1));
    }
    start = end + 1;
  }
  return out.slice(0, n);
}
