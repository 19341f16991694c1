// The arithmetic of Blender-style modal transforms (G, R, S), without three or the DOM: what the
// pointer's travel or a typed number means as a move, a rotation or a scale, axis constraints,
// Ctrl snapping, the delta matrix applied to the selection, and the hint line's text. Screen
// positions are CSS pixels with y down; world vectors are [x, y, z]; matrices are column-major.
import type { TransformKind } from './edit-handle';

export type Vec2 = readonly [number, number];
export type Vec3 = readonly [number, number, number];
export type Axis = 'x' | 'y' | 'z';

/** Ctrl snapping steps: metres, radians, scale factor. */
export const SNAP_STEPS = { translate: 0.5, rotate: (15 * Math.PI) / 180, scale: 0.1 } as const;

/** The smallest scale factor a modal scale produces (a zero scale cannot be undone by scaling). */
export const MIN_SCALE = 1e-3;

const UNIT: Record<Axis, Vec3> = { x: [1, 0, 0], y: [0, 1, 0], z: [0, 0, 1] };

export interface ModalInput {
  kind: TransformKind;
  axis: Axis | null;
  /** What the user typed ('' when not typing). */
  typed: string;
  snap: boolean;
  /** Pointer where the modal began and now. */
  start: Vec2;
  now: Vec2;
  /** Rotation swept around the pivot so far, radians, counter-clockwise on screen positive. */
  swept: number;
}

/** How the camera sees the pivot, measured by the caller (with three) when the modal starts. */
export interface ModalView {
  pivot: Vec3;
  pivotScreen: Vec2;
  /** Camera basis in world space: screen right, screen up, and towards the viewer. */
  right: Vec3;
  up: Vec3;
  toViewer: Vec3;
  /** World metres per screen pixel at the pivot's depth. */
  metresPerPixel: number;
  /** Screen travel (pixels) of one metre along each world axis from the pivot. */
  axisPixels: Record<Axis, Vec2>;
}

export type ModalResult =
  | { kind: 'translate'; offset: [number, number, number] }
  | { kind: 'rotate'; axis: Vec3; angle: number }
  | { kind: 'scale'; factors: [number, number, number] };

/** X, Y or Z pressed: constrain to that axis, or clear the constraint if it is already on. */
export function toggleAxis(current: Axis | null, pressed: Axis): Axis | null {
  return current === pressed ? null : pressed;
}

/**
 * The typed text after a key: digits, one '.', '-' toggles the sign, Backspace deletes. Returns
 * null for keys that are not part of a number.
 */
export function typeKey(typed: string, key: string): string | null {
  if (/^[0-9]$/.test(key)) return typed + key;
  if (key === '.' || key === ',') return typed.includes('.') ? typed : typed + '.';
  if (key === '-') return typed.startsWith('-') ? typed.slice(1) : `-${typed}`;
  if (key === 'Backspace') return typed.slice(0, -1);
  return null;
}

/** The typed number, or null while there is none ('' or '-' or '.'). */
export function parseTyped(typed: string): number | null {
  if (!/\d/.test(typed)) return null;
  const n = Number(typed);
  return Number.isFinite(n) ? n : null;
}

export function snapTo(value: number, step: number): number {
  return Math.round(value / step) * step;
}

/** The signed angle (radians, counter-clockwise on screen) from `prev` to `now` around `pivot`. */
export function sweptAngleStep(pivot: Vec2, prev: Vec2, now: Vec2): number {
  // Screen y points down; negate it so counter-clockwise is positive as in maths.
  const a0 = Math.atan2(-(prev[1] - pivot[1]), prev[0] - pivot[0]);
  const a1 = Math.atan2(-(now[1] - pivot[1]), now[0] - pivot[0]);
  let d = a1 - a0;
  if (d > Math.PI) d -= 2 * Math.PI;
  if (d <= -Math.PI) d += 2 * Math.PI;
  return d;
}

/** Ratio of the pointer's distance to the pivot now and at the start (at least 1 px at the start). */
export function scaleRatio(pivot: Vec2, start: Vec2, now: Vec2): number {
  const d0 = Math.max(1, Math.hypot(start[0] - pivot[0], start[1] - pivot[1]));
  return Math.hypot(now[0] - pivot[0], now[1] - pivot[1]) / d0;
}

/** Metres along a world axis for a pointer travel, from the axis's on-screen direction. */
export function travelAlongAxis(delta: Vec2, axisPixels: Vec2, metresPerPixel: number): number {
  const len2 = axisPixels[0] * axisPixels[0] + axisPixels[1] * axisPixels[1];
  // An axis pointing at the viewer barely moves on screen: fall back to vertical travel.
  if (len2 < 1e-6) return -delta[1] * metresPerPixel;
  return (delta[0] * axisPixels[0] + delta[1] * axisPixels[1]) / len2;
}

function scaled(v: Vec3, k: number): [number, number, number] {
  return [v[0] * k, v[1] * k, v[2] * k];
}

function dot(a: Vec3, b: Vec3): number {
  return a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
}

function translateResult(input: ModalInput, view: ModalView, typed: number | null): ModalResult {
  if (typed !== null) return { kind: 'translate', offset: scaled(UNIT[input.axis ?? 'x'], typed) };
  const delta: Vec2 = [input.now[0] - input.start[0], input.now[1] - input.start[1]];
  if (input.axis) {
    let d = travelAlongAxis(delta, view.axisPixels[input.axis], view.metresPerPixel);
    if (input.snap) d = snapTo(d, SNAP_STEPS.translate);
    return { kind: 'translate', offset: scaled(UNIT[input.axis], d) };
  }
  const mpp = view.metresPerPixel;
  const r = scaled(view.right, delta[0] * mpp);
  const u = scaled(view.up, -delta[1] * mpp);
  let offset: [number, number, number] = [r[0] + u[0], r[1] + u[1], r[2] + u[2]];
  if (input.snap) offset = offset.map((v) => snapTo(v, SNAP_STEPS.translate)) as typeof offset;
  return { kind: 'translate', offset };
}

function rotateResult(input: ModalInput, view: ModalView, typed: number | null): ModalResult {
  if (typed !== null) {
    const axis = input.axis ? UNIT[input.axis] : view.toViewer;
    return { kind: 'rotate', axis, angle: (typed * Math.PI) / 180 };
  }
  let axis = input.axis ? UNIT[input.axis] : view.toViewer;
  // Turn the way the pointer turns: a world axis pointing away from the viewer is flipped.
  if (dot(axis, view.toViewer) < 0) axis = scaled(axis, -1);
  let angle = input.swept;
  if (input.snap) angle = snapTo(angle, SNAP_STEPS.rotate);
  return { kind: 'rotate', axis, angle };
}

function scaleResult(input: ModalInput, view: ModalView, typed: number | null): ModalResult {
  let f = typed ?? scaleRatio(view.pivotScreen, input.start, input.now);
  if (typed === null && input.snap) f = snapTo(f, SNAP_STEPS.scale) || SNAP_STEPS.scale;
  if (Math.abs(f) < MIN_SCALE) f = f < 0 ? -MIN_SCALE : MIN_SCALE;
  const factors: [number, number, number] = input.axis
    ? [input.axis === 'x' ? f : 1, input.axis === 'y' ? f : 1, input.axis === 'z' ? f : 1]
    : [f, f, f];
  return { kind: 'scale', factors };
}

/** What the modal does right now. */
export function modalResult(input: ModalInput, view: ModalView): ModalResult {
  const typed = parseTyped(input.typed);
  if (input.kind === 'translate') return translateResult(input, view, typed);
  if (input.kind === 'rotate') return rotateResult(input, view, typed);
  return scaleResult(input, view, typed);
}

/** The world-space delta matrix (column-major) for a result, rotating and scaling about `pivot`. */
export function modalMatrix(result: ModalResult, pivot: Vec3): number[] {
  let l: number[]; // 3x3 linear part, column-major
  if (result.kind === 'translate') {
    const [x, y, z] = result.offset;
    return [1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, x, y, z, 1];
  } else if (result.kind === 'rotate') {
    const len = Math.hypot(...result.axis) || 1;
    const [x, y, z] = scaled(result.axis, 1 / len);
    const c = Math.cos(result.angle);
    const s = Math.sin(result.angle);
    const t = 1 - c;
    l = [
      t * x * x + c,
      t * x * y + s * z,
      t * x * z - s * y,
      t * x * y - s * z,
      t * y * y + c,
      t * y * z + s * x,
      t * x * z + s * y,
      t * y * z - s * x,
      t * z * z + c,
    ];
  } else {
    const [a, b, c] = result.factors;
    l = [a, 0, 0, 0, b, 0, 0, 0, c];
  }
  const [px, py, pz] = pivot;
  // Keep the pivot fixed: translation = p - L p.
  const tx = px - (l[0]! * px + l[3]! * py + l[6]! * pz);
  const ty = py - (l[1]! * px + l[4]! * py + l[7]! * pz);
  const tz = pz - (l[2]! * px + l[5]! * py + l[8]! * pz);
  return [l[0]!, l[1]!, l[2]!, 0, l[3]!, l[4]!, l[5]!, 0, l[6]!, l[7]!, l[8]!, 0, tx, ty, tz, 1];
}

const VERB: Record<TransformKind, string> = { translate: 'Move', rotate: 'Rotate', scale: 'Scale' };

function amountText(input: ModalInput, result: ModalResult): string {
  if (input.typed !== '') {
    const unit = input.kind === 'translate' ? ' m' : input.kind === 'rotate' ? '°' : '';
    return `[${input.typed}]${unit}`;
  }
  if (result.kind === 'translate') {
    const o = result.offset;
    const along = input.axis ? o[{ x: 0, y: 1, z: 2 }[input.axis]] : null;
    return along !== null && along !== undefined
      ? `${along.toFixed(3)} m`
      : `${o.map((v) => v.toFixed(3)).join(', ')} m`;
  }
  if (result.kind === 'rotate') return `${((result.angle * 180) / Math.PI).toFixed(1)}°`;
  const f = input.axis ? result.factors[{ x: 0, y: 1, z: 2 }[input.axis]]! : result.factors[0];
  return f.toFixed(3);
}

/** The hint line: 'Move X 2.000 m — Enter to confirm, Esc to cancel'. */
export function modalHint(input: ModalInput, result: ModalResult): string {
  const axis = input.axis ? ` ${input.axis.toUpperCase()}` : '';
  const snap = input.snap ? ' (snap)' : '';
  return `${VERB[input.kind]}${axis} ${amountText(input, result)}${snap} — Enter to confirm, Esc to cancel`;
}

/** The offset when a delta matrix is a pure translation (within eps), else null. */
export function pureTranslation(
  m: readonly number[],
  eps = 1e-12,
): [number, number, number] | null {
  const identity3 = [1, 0, 0, 0, 1, 0, 0, 0, 1];
  const linear = [m[0], m[1], m[2], m[4], m[5], m[6], m[8], m[9], m[10]];
  if (!linear.every((v, i) => Math.abs(v! - identity3[i]!) <= eps)) return null;
  if (Math.abs(m[3]!) > eps || Math.abs(m[7]!) > eps || Math.abs(m[11]!) > eps) return null;
  return [m[12]!, m[13]!, m[14]!];
}
