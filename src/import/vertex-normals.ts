// Smooth vertex normals for meshes that come without them: each vertex gets the sum of its
// triangles' face normals weighted by area (the unnormalised cross product), so large faces count
// more than slivers. Only vertices shared by index are smoothed; split vertices keep hard edges.

/** Direction given to vertices no triangle with an area touches. */
const FALLBACK: readonly [number, number, number] = [0, 1, 0];

export function computeVertexNormals(
  positions: Float32Array,
  indices: Uint32Array,
): Float32Array<ArrayBuffer> {
  const sum = new Float64Array(positions.length);
  for (let t = 0; t < indices.length; t += 3) {
    const a = indices[t]! * 3;
    const b = indices[t + 1]! * 3;
    const c = indices[t + 2]! * 3;
    const ux = positions[b]! - positions[a]!;
    const uy = positions[b + 1]! - positions[a + 1]!;
    const uz = positions[b + 2]! - positions[a + 2]!;
    const vx = positions[c]! - positions[a]!;
    const vy = positions[c + 1]! - positions[a + 1]!;
    const vz = positions[c + 2]! - positions[a + 2]!;
    const nx = uy * vz - uz * vy;
    const ny = uz * vx - ux * vz;
    const nz = ux * vy - uy * vx;
    for (const v of [a, b, c]) {
      sum[v] = sum[v]! + nx;
      sum[v + 1] = sum[v + 1]! + ny;
      sum[v + 2] = sum[v + 2]! + nz;
    }
  }
  const out = new Float32Array(positions.length);
  for (let v = 0; v < out.length; v += 3) {
    writeUnit(out, v, sum[v]!, sum[v + 1]!, sum[v + 2]!);
  }
  return out;
}

/** Writes (x, y, z) normalised at out[v], or the fallback when it has no direction. */
export function writeUnit(out: Float32Array, v: number, x: number, y: number, z: number): void {
  const length = Math.hypot(x, y, z);
  if (length > 0 && Number.isFinite(length)) {
    out[v] = x / length;
    out[v + 1] = y / length;
    out[v + 2] = z / length;
  } else {
    out[v] = FALLBACK[0];
    out[v + 1] = FALLBACK[1];
    out[v + 2] = FALLBACK[2];
  }
}
