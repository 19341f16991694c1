// Column-major 4x4 instance matrices (SceneData's layout) → glTF node translation, rotation
// (unit quaternion) and scale, with numbers written as short as they can be without losing what the
// Float32 source held: a glTF node with TRS is what every importer reads, where a `matrix` is not
// animatable and some tools reject it.

export interface Trs {
  translation: [number, number, number];
  rotation: [number, number, number, number];
  scale: [number, number, number];
}

/** The shortest decimal that reads back as the same float32 (so 0.1f is written 0.1). */
export function shortestFloat32(x: number): number {
  const f = Math.fround(x);
  if (f === 0 || !Number.isFinite(f)) return f === 0 ? 0 : f;
  for (let digits = 1; digits < 9; digits++) {
    const candidate = Number(f.toPrecision(digits));
    if (Math.fround(candidate) === f) return candidate;
  }
  return Number(f.toPrecision(9));
}

/** Rounds a derived value (a column length, a quaternion component) to 7 significant digits, the
 * precision its float32 inputs carry; components below 1e-7 are float32 noise and become 0. */
function derived(x: number): number {
  return Math.abs(x) < 1e-7 ? 0 : Number(x.toPrecision(7));
}

/** Decomposes the matrix at `offset` (translation * rotation * scale, no shear, as the generators
 * compose them). A mirroring matrix (negative determinant) gets a negative x scale. */
export function decomposeTransform(m: ArrayLike<number>, offset: number): Trs {
  const at = (i: number) => m[offset + i]!;
  let sx = Math.hypot(at(0), at(1), at(2));
  const sy = Math.hypot(at(4), at(5), at(6));
  const sz = Math.hypot(at(8), at(9), at(10));
  const det =
    at(0) * (at(5) * at(10) - at(6) * at(9)) -
    at(4) * (at(1) * at(10) - at(2) * at(9)) +
    at(8) * (at(1) * at(6) - at(2) * at(5));
  if (det < 0) sx = -sx;
  const translation: Trs['translation'] = [
    shortestFloat32(at(12)),
    shortestFloat32(at(13)),
    shortestFloat32(at(14)),
  ];
  const scale: Trs['scale'] = [derived(sx), derived(sy), derived(sz)];
  if (sx === 0 || sy === 0 || sz === 0) return { translation, rotation: [0, 0, 0, 1], scale };

  // Rotation matrix r[row][col] with the scale divided out of each column.
  const r00 = at(0) / sx;
  const r10 = at(1) / sx;
  const r20 = at(2) / sx;
  const r01 = at(4) / sy;
  const r11 = at(5) / sy;
  const r21 = at(6) / sy;
  const r02 = at(8) / sz;
  const r12 = at(9) / sz;
  const r22 = at(10) / sz;
  // Shepperd's method: take the square root of the largest of the four candidates, for stability.
  let x: number;
  let y: number;
  let z: number;
  let w: number;
  const trace = r00 + r11 + r22;
  if (trace > 0) {
    const s = 0.5 / Math.sqrt(trace + 1);
    w = 0.25 / s;
    x = (r21 - r12) * s;
    y = (r02 - r20) * s;
    z = (r10 - r01) * s;
  } else if (r00 > r11 && r00 > r22) {
    const s = 2 * Math.sqrt(1 + r00 - r11 - r22);
    w = (r21 - r12) / s;
    x = 0.25 * s;
    y = (r01 + r10) / s;
    z = (r02 + r20) / s;
  } else if (r11 > r22) {
    const s = 2 * Math.sqrt(1 + r11 - r00 - r22);
    w = (r02 - r20) / s;
    x = (r01 + r10) / s;
    y = 0.25 * s;
    z = (r12 + r21) / s;
  } else {
    const s = 2 * Math.sqrt(1 + r22 - r00 - r11);
    w = (r10 - r01) / s;
    x = (r02 + r20) / s;
    y = (r12 + r21) / s;
    z = 0.25 * s;
  }
  // One canonical sign (w >= 0) so equal rotations are written identically.
  const n = (w < 0 ? -1 : 1) / Math.hypot(x, y, z, w);
  return {
    translation,
    rotation: [derived(x * n), derived(y * n), derived(z * n), derived(w * n)],
    scale,
  };
}
