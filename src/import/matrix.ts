// The 4x4 matrix maths of baking node transforms into vertices: column-major like glTF, in double
// precision so that a deep hierarchy does not accumulate float32 rounding.

export type Mat4 = Float64Array<ArrayBuffer>;

export function identity(): Mat4 {
  const m = new Float64Array(16);
  m[0] = m[5] = m[10] = m[15] = 1;
  return m;
}

export function fromArray(values: ArrayLike<number>): Mat4 {
  return Float64Array.from({ length: 16 }, (_, i) => values[i]!);
}

/** a * b: b's transform applied first, then a's (parent * child). */
export function multiply(a: Mat4, b: Mat4): Mat4 {
  const out = new Float64Array(16);
  for (let col = 0; col < 4; col++) {
    for (let row = 0; row < 4; row++) {
      let sum = 0;
      for (let k = 0; k < 4; k++) sum += a[k * 4 + row]! * b[col * 4 + k]!;
      out[col * 4 + row] = sum;
    }
  }
  return out;
}

/** Determinant of the upper-left 3x3: negative when the transform mirrors. */
export function determinant3(m: Mat4): number {
  const [a, b, c] = [m[0]!, m[1]!, m[2]!];
  const [d, e, f] = [m[4]!, m[5]!, m[6]!];
  const [g, h, i] = [m[8]!, m[9]!, m[10]!];
  return a * (e * i - f * h) - d * (b * i - c * h) + g * (b * f - c * e);
}

/**
 * The matrix that transforms normals: the inverse-transpose of the upper-left 3x3, as 9 values
 * column-major (the cofactor matrix over the determinant). Non-uniform scale would bend normals
 * away from their surface under the plain matrix; this keeps them perpendicular, and under
 * mirroring keeps them on the outside. Null if the matrix is singular.
 */
export function normalMatrix(m: Mat4): Float64Array<ArrayBuffer> | null {
  const det = determinant3(m);
  if (det === 0 || !Number.isFinite(det)) return null;
  const [a, b, c] = [m[0]!, m[1]!, m[2]!]; // column 0
  const [d, e, f] = [m[4]!, m[5]!, m[6]!]; // column 1
  const [g, h, i] = [m[8]!, m[9]!, m[10]!]; // column 2
  const s = 1 / det;
  // Cofactors of M (M's rows are (a d g), (b e h), (c f i)), laid out so that out * n = inv(M)^T n.
  return Float64Array.from([
    (e * i - f * h) * s,
    (f * g - d * i) * s,
    (d * h - e * g) * s,
    (c * h - b * i) * s,
    (a * i - c * g) * s,
    (b * g - a * h) * s,
    (b * f - c * e) * s,
    (c * d - a * f) * s,
    (a * e - b * d) * s,
  ]);
}
