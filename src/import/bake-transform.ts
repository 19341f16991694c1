// Bakes a world matrix into vertex data: positions by the matrix, normals by its inverse-transpose,
// and triangle winding reversed when the matrix mirrors (a negative determinant turns
// counter-clockwise faces clockwise, which would make them back faces).
import { determinant3, normalMatrix, type Mat4 } from './matrix';
import { writeUnit } from './vertex-normals';

export function bakePositions(positions: Float32Array, m: Mat4): Float32Array<ArrayBuffer> {
  const out = new Float32Array(positions.length);
  for (let i = 0; i < positions.length; i += 3) {
    const x = positions[i]!;
    const y = positions[i + 1]!;
    const z = positions[i + 2]!;
    out[i] = m[0]! * x + m[4]! * y + m[8]! * z + m[12]!;
    out[i + 1] = m[1]! * x + m[5]! * y + m[9]! * z + m[13]!;
    out[i + 2] = m[2]! * x + m[6]! * y + m[10]! * z + m[14]!;
  }
  return out;
}

/** Normals through the inverse-transpose, renormalised; null when the matrix is singular. */
export function bakeNormals(normals: Float32Array, m: Mat4): Float32Array<ArrayBuffer> | null {
  const n = normalMatrix(m);
  if (!n) return null;
  const out = new Float32Array(normals.length);
  for (let i = 0; i < normals.length; i += 3) {
    const x = normals[i]!;
    const y = normals[i + 1]!;
    const z = normals[i + 2]!;
    writeUnit(
      out,
      i,
      n[0]! * x + n[3]! * y + n[6]! * z,
      n[1]! * x + n[4]! * y + n[7]! * z,
      n[2]! * x + n[5]! * y + n[8]! * z,
    );
  }
  return out;
}

export function mirrors(m: Mat4): boolean {
  return determinant3(m) < 0;
}

/** Reverses every triangle's winding in place (swaps its second and third vertex). */
export function flipWinding(indices: Uint32Array): void {
  for (let t = 0; t < indices.length; t += 3) {
    const b = indices[t + 1]!;
    indices[t + 1] = indices[t + 2]!;
    indices[t + 2] = b;
  }
}
