// An object's world matrix as the inspector's fields (position, rotation in degrees as three's XYZ
// Euler, scale) and back. Editing one field changes only what it names: a position edit keeps the
// other fifteen numbers exactly, and every edit keeps the translation exactly.
import { composeTRS } from '../../core/math/mat4';
import type { Mat4 } from '../../core/math/mat4-ops';

export type Vec3 = [number, number, number];

export interface TransformFields {
  position: Vec3;
  /** Degrees, XYZ order (three's Euler default: R = Rx * Ry * Rz). */
  rotation: Vec3;
  /** A mirroring matrix (negative determinant) gets a negative x scale. */
  scale: Vec3;
}

export type FieldGroup = keyof TransformFields;
export type Axis = 0 | 1 | 2;

const DEG = 180 / Math.PI;
const RAD = Math.PI / 180;

/**
 * Splits a column-major affine matrix into translation, XYZ Euler angles and scale. Shear (a
 * rotated child of a non-uniformly scaled group) has no field and is dropped by compose.
 */
export function decomposeMatrix(m: Mat4): TransformFields {
  let sx = Math.hypot(m[0]!, m[1]!, m[2]!);
  const sy = Math.hypot(m[4]!, m[5]!, m[6]!);
  const sz = Math.hypot(m[8]!, m[9]!, m[10]!);
  const det =
    m[0]! * (m[5]! * m[10]! - m[6]! * m[9]!) -
    m[4]! * (m[1]! * m[10]! - m[2]! * m[9]!) +
    m[8]! * (m[1]! * m[6]! - m[2]! * m[5]!);
  if (det < 0) sx = -sx;
  const position: Vec3 = [m[12]!, m[13]!, m[14]!];
  const scale: Vec3 = [sx, sy, sz];
  if (sx === 0 || sy === 0 || sz === 0) return { position, rotation: [0, 0, 0], scale };

  // r[row][col] of the rotation, the scale divided out of each column.
  const r00 = m[0]! / sx;
  const r01 = m[4]! / sy;
  const r02 = m[8]! / sz;
  const r10 = m[1]! / sx;
  const r11 = m[5]! / sy;
  const r12 = m[9]! / sz;
  const r20 = m[2]! / sx;
  const r21 = m[6]! / sy;
  // y from atan2 rather than asin (accurate near ±90°); x from the last column; z from the rows of
  // Rx^T·R, which equal Ry·Rz's whatever x is, so the angles reproduce the matrix even at gimbal
  // lock where three's Euler falls back to z = 0.
  const r22 = m[10]! / sz;
  const y = Math.atan2(r02, Math.hypot(r00, r01));
  const x = Math.atan2(-r12, r22);
  const cx = Math.cos(x);
  const snx = Math.sin(x);
  const z = Math.atan2(cx * r10 + snx * r20, cx * r11 + snx * r21);
  // `+ 0` turns atan2's -0 into 0, so an untouched field never shows '-0'.
  return { position, rotation: [x * DEG + 0, y * DEG + 0, z * DEG + 0], scale };
}

/** Translation * rotation (XYZ Euler, degrees) * scale, column-major, in float64. */
export function composeMatrix(fields: TransformFields): number[] {
  const out = new Array<number>(16);
  const [x, y, z] = fields.rotation;
  composeTRS(out, 0, fields.position, [x * RAD, y * RAD, z * RAD], fields.scale);
  return out;
}

/**
 * `world` with one field set to `value`. A position edit changes only the translation; a rotation
 * or scale edit recomposes the rest from the decomposed fields and keeps the translation as it was.
 */
export function withField(world: Mat4, group: FieldGroup, axis: Axis, value: number): number[] {
  if (group === 'position') {
    const out = [...world];
    out[12 + axis] = value;
    return out;
  }
  const fields = decomposeMatrix(world);
  const changed = [...fields[group]] as Vec3;
  changed[axis] = value;
  const out = composeMatrix({ ...fields, [group]: changed });
  out[12] = world[12]!;
  out[13] = world[13]!;
  out[14] = world[14]!;
  return out;
}

/** The mean of the objects' world positions (the multi-selection's position field). */
export function centroid(worlds: readonly Mat4[]): Vec3 {
  const sum: Vec3 = [0, 0, 0];
  for (const m of worlds) {
    sum[0] += m[12]!;
    sum[1] += m[13]!;
    sum[2] += m[14]!;
  }
  const n = Math.max(1, worlds.length);
  return [sum[0] / n, sum[1] / n, sum[2] / n];
}

const DIGITS: Record<FieldGroup, number> = { position: 3, rotation: 2, scale: 3 };

/** What a field shows: rounded to its precision, no trailing zeros, no '-0'. */
export function formatField(group: FieldGroup, value: number): string {
  const rounded = Number(value.toFixed(DIGITS[group]));
  return String(Object.is(rounded, -0) ? 0 : rounded);
}

/** A typed field value: a plain decimal number, else null. */
export function parseField(text: string): number | null {
  const t = text.trim().replace(/^\+/, '');
  if (!/^-?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(t)) return null;
  const n = Number(t);
  return Number.isFinite(n) ? n : null;
}

/** One arrow-key step (Shift: coarse, Alt: fine). */
export function stepFor(group: FieldGroup, mods: { shiftKey: boolean; altKey: boolean }): number {
  const base = group === 'rotation' ? 1 : 0.1;
  if (mods.shiftKey) return group === 'rotation' ? 15 : base * 10;
  if (mods.altKey) return base / 10;
  return base;
}
