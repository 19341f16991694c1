// Column-major 4x4 matrix arithmetic on plain number arrays (float64), for edits: composing a
// group's transform with its children's, and undoing it. Results are the same in every engine.

export type Mat4 = readonly number[];

export const IDENTITY4: Mat4 = Object.freeze([1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1]);

/** a * b (apply b first). */
export function multiply(a: Mat4, b: Mat4): number[] {
  const out = new Array<number>(16);
  for (let c = 0; c < 4; c++) {
    for (let r = 0; r < 4; r++) {
      out[c * 4 + r] =
        a[r]! * b[c * 4]! +
        a[4 + r]! * b[c * 4 + 1]! +
        a[8 + r]! * b[c * 4 + 2]! +
        a[12 + r]! * b[c * 4 + 3]!;
    }
  }
  return out;
}

/** The inverse of an affine matrix, or null when it is singular (a zero scale). */
export function invertAffine(m: Mat4): number[] | null {
  const [a, b, c, , d, e, f, , g, h, i] = m as number[];
  const det = a! * (e! * i! - f! * h!) - d! * (b! * i! - c! * h!) + g! * (b! * f! - c! * e!);
  if (!Number.isFinite(det) || Math.abs(det) < 1e-12) return null;
  const k = 1 / det;
  const r00 = (e! * i! - f! * h!) * k;
  const r10 = (c! * h! - b! * i!) * k;
  const r20 = (b! * f! - c! * e!) * k;
  const r01 = (f! * g! - d! * i!) * k;
  const r11 = (a! * i! - c! * g!) * k;
  const r21 = (c! * d! - a! * f!) * k;
  const r02 = (d! * h! - e! * g!) * k;
  const r12 = (b! * g! - a! * h!) * k;
  const r22 = (a! * e! - b! * d!) * k;
  const tx = m[12]!;
  const ty = m[13]!;
  const tz = m[14]!;
  return [
    r00,
    r10,
    r20,
    0,
    r01,
    r11,
    r21,
    0,
    r02,
    r12,
    r22,
    0,
    -(r00 * tx + r01 * ty + r02 * tz),
    -(r10 * tx + r11 * ty + r12 * tz),
    -(r20 * tx + r21 * ty + r22 * tz),
    1,
  ];
}

/** The matrix moved by (dx, dy, dz) in world space. */
export function translated(m: Mat4, d: readonly [number, number, number]): number[] {
  const out = [...m];
  out[12] = m[12]! + d[0];
  out[13] = m[13]! + d[1];
  out[14] = m[14]! + d[2];
  return out;
}

export function isFiniteMatrix(m: unknown): m is Mat4 {
  return Array.isArray(m) && m.length === 16 && m.every((v) => Number.isFinite(v));
}
