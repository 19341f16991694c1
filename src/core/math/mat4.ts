// The few 4x4 matrix operations generators need, column-major like glTF and three. Pure functions on
// plain arrays, written out so the results are identical everywhere.

export type Vec3 = readonly [number, number, number];

/** Translation * rotation (Euler XYZ, radians, applied X then Y then Z as three does) * scale. */
export function composeTRS(
  /** Float32Array for instance buffers; a plain array keeps float64 (edits, the inspector). */
  out: Float32Array | number[],
  offset: number,
  t: Vec3,
  eulerXYZ: Vec3,
  s: Vec3,
): void {
  const [x, y, z] = eulerXYZ;
  const a = Math.cos(x);
  const b = Math.sin(x);
  const c = Math.cos(y);
  const d = Math.sin(y);
  const e = Math.cos(z);
  const f = Math.sin(z);
  // Rotation matrix for intrinsic XYZ (three's Euler 'XYZ'): R = Rx * Ry * Rz.
  const ae = a * e;
  const af = a * f;
  const be = b * e;
  const bf = b * f;
  const m00 = c * e;
  const m01 = -c * f;
  const m02 = d;
  const m10 = af + be * d;
  const m11 = ae - bf * d;
  const m12 = -b * c;
  const m20 = bf - ae * d;
  const m21 = be + af * d;
  const m22 = a * c;
  out[offset + 0] = m00 * s[0];
  out[offset + 1] = m10 * s[0];
  out[offset + 2] = m20 * s[0];
  out[offset + 3] = 0;
  out[offset + 4] = m01 * s[1];
  out[offset + 5] = m11 * s[1];
  out[offset + 6] = m21 * s[1];
  out[offset + 7] = 0;
  out[offset + 8] = m02 * s[2];
  out[offset + 9] = m12 * s[2];
  out[offset + 10] = m22 * s[2];
  out[offset + 11] = 0;
  out[offset + 12] = t[0];
  out[offset + 13] = t[1];
  out[offset + 14] = t[2];
  out[offset + 15] = 1;
}

/** Transforms point (x, y, z) by the matrix at offset; returns [x, y, z]. */
export function transformPoint(m: Float32Array, offset: number, p: Vec3): [number, number, number] {
  const [x, y, z] = p;
  return [
    m[offset]! * x + m[offset + 4]! * y + m[offset + 8]! * z + m[offset + 12]!,
    m[offset + 1]! * x + m[offset + 5]! * y + m[offset + 9]! * z + m[offset + 13]!,
    m[offset + 2]! * x + m[offset + 6]! * y + m[offset + 10]! * z + m[offset + 14]!,
  ];
}

export const DEG = Math.PI / 180;
