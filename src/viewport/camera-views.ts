// Pure camera maths behind the viewport's view commands: the six axis views, the sphere a box is
// framed by, the distance at which that sphere fits the field of view, and clip planes for it.
// Plain numbers only (no three), so it is unit-tested in Node.
import type { Bounds, ViewName } from './viewport-handle';

export type Vec3 = [number, number, number];

/**
 * How far top and bottom views lean off the vertical (radians, tiny). OrbitControls keeps the
 * camera in spherical coordinates around a Y-up axis, which are singular at the poles: looking
 * exactly down, which way is up on screen is left to fallbacks (OrbitControls clamping the polar
 * angle, Matrix4.lookAt nudging a degenerate basis). Leaning towards +Z decides it explicitly: top
 * shows +X right and -Z up, bottom +X right and +Z up (Blender's conventions, with three's Y up).
 */
export const POLE_TILT = 1e-4;

/** Framing margin: the bounding sphere fills this fraction less of the view. */
export const FRAME_MARGIN = 1.15;

/** The sphere an empty or zero-size box is framed by has this radius (a 2 m sphere). */
export const EMPTY_RADIUS = 1;

const DIRECTIONS: Record<ViewName, Vec3> = {
  front: [0, 0, 1],
  back: [0, 0, -1],
  right: [1, 0, 0],
  left: [-1, 0, 0],
  top: [0, Math.cos(POLE_TILT), Math.sin(POLE_TILT)],
  bottom: [0, -Math.cos(POLE_TILT), Math.sin(POLE_TILT)],
};

/** Unit vector from the orbit target to the camera for a named view ("front" looks along -Z). */
export function viewDirection(view: ViewName): Vec3 {
  const d = DIRECTIONS[view];
  return [d[0], d[1], d[2]];
}

export interface Sphere {
  centre: Vec3;
  radius: number;
}

/**
 * The box's bounding sphere. A box with a non-finite or inverted (min > max) coordinate is empty
 * and gives a 2 m sphere at the origin; a zero-size box gives a 2 m sphere at its point.
 */
export function boundsSphere(bounds: Bounds): Sphere {
  const [x0, y0, z0, x1, y1, z1] = bounds;
  const valid = bounds.every((v) => Number.isFinite(v)) && x0 <= x1 && y0 <= y1 && z0 <= z1;
  if (!valid) return { centre: [0, 0, 0], radius: EMPTY_RADIUS };
  const radius = Math.hypot(x1 - x0, y1 - y0, z1 - z0) / 2;
  return {
    centre: [(x0 + x1) / 2, (y0 + y1) / 2, (z0 + z1) / 2],
    radius: radius > 1e-9 ? radius : EMPTY_RADIUS,
  };
}

/**
 * Distance from a sphere's centre at which a perspective camera sees all of it with the margin.
 * fovDeg is three's vertical field of view; in a viewport narrower than tall the horizontal one is
 * the tighter, so the smaller of the two half-angles decides.
 */
export function framingDistance(
  radius: number,
  fovDeg: number,
  aspect: number,
  margin = FRAME_MARGIN,
): number {
  const halfV = (fovDeg * Math.PI) / 360;
  const halfH = Math.atan(Math.tan(halfV) * (aspect > 0 ? aspect : 1));
  return (radius * margin) / Math.sin(Math.min(halfV, halfH));
}

/**
 * Near and far planes for a camera this far from a sphere's centre. Far leaves room to zoom out
 * (five times the far side of the sphere, at least 100 m, so the grid stays visible around small
 * things); near keeps the depth range within 1:50,000 for precision, but never cuts into the
 * framed sphere.
 */
export function clipPlanes(distance: number, radius: number): { near: number; far: number } {
  const far = Math.max(100, 5 * (distance + radius));
  const near = Math.max(1e-4, Math.min(far / 50_000, (distance - radius) / 2));
  return { near, far };
}

/** Unit vector a → b, or the fallback where the two points coincide. */
export function directionBetween(from: Vec3, to: Vec3, fallback: Vec3): Vec3 {
  const d: Vec3 = [to[0] - from[0], to[1] - from[1], to[2] - from[2]];
  const len = Math.hypot(d[0], d[1], d[2]);
  if (!(len > 1e-12)) return [...fallback];
  return [d[0] / len, d[1] / len, d[2] / len];
}

/** Direction to the camera used when none can be derived (the camera sits on its target). */
export const DEFAULT_VIEW_DIRECTION: Vec3 = [0.5, 0.6, 0.62];
