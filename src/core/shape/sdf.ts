// A small signed-distance toolkit for the procedural shape families: primitives, a lathe (a
// radius-vs-height profile revolved about y), booleans and transforms. Every function returns a
// plain `(x, y, z) => distance` closure. Distances are bounds (never larger than the true distance,
// gradient length at most 1), which is all sphere tracing and grid sampling need. Per-point
// evaluation uses only + - * / sqrt, min/max/abs and floor, so values are bit-identical across
// JavaScript engines; anything that needs trigonometry (rotations) is precomputed by the caller.

export type Sdf = (x: number, y: number, z: number) => number;

function length2(x: number, y: number): number {
  return Math.sqrt(x * x + y * y);
}

function length3(x: number, y: number, z: number): number {
  return Math.sqrt(x * x + y * y + z * z);
}

export function sphere(radius: number): Sdf {
  return (x, y, z) => length3(x, y, z) - radius;
}

/** Axis-aligned box with half sides (hx, hy, hz), centred on the origin. */
export function box(hx: number, hy: number, hz: number): Sdf {
  return (x, y, z) => {
    const qx = Math.abs(x) - hx;
    const qy = Math.abs(y) - hy;
    const qz = Math.abs(z) - hz;
    const outside = length3(Math.max(qx, 0), Math.max(qy, 0), Math.max(qz, 0));
    return outside + Math.min(Math.max(qx, Math.max(qy, qz)), 0);
  };
}

/** Box with half sides (hx, hy, hz) whose edges are rounded by `radius` (inside those sides). */
export function roundedBox(hx: number, hy: number, hz: number, radius: number): Sdf {
  const r = Math.min(radius, hx, hy, hz);
  const inner = box(hx - r, hy - r, hz - r);
  return (x, y, z) => inner(x, y, z) - r;
}

/** Cylinder along y, centred on the origin: radius, half height. */
export function cylinder(radius: number, halfHeight: number): Sdf {
  return (x, y, z) => {
    const dx = length2(x, z) - radius;
    const dy = Math.abs(y) - halfHeight;
    return Math.min(Math.max(dx, dy), 0) + length2(Math.max(dx, 0), Math.max(dy, 0));
  };
}

/** Segment a→b swept by a sphere of `radius`. */
export function capsule(
  ax: number,
  ay: number,
  az: number,
  bx: number,
  by: number,
  bz: number,
  radius: number,
): Sdf {
  const ex = bx - ax;
  const ey = by - ay;
  const ez = bz - az;
  const ee = ex * ex + ey * ey + ez * ez;
  return (x, y, z) => {
    const px = x - ax;
    const py = y - ay;
    const pz = z - az;
    const h = ee > 0 ? Math.min(Math.max((px * ex + py * ey + pz * ez) / ee, 0), 1) : 0;
    return length3(px - ex * h, py - ey * h, pz - ez * h) - radius;
  };
}

/** Torus in the xz plane: ring radius, tube radius. */
export function torus(ringRadius: number, tubeRadius: number): Sdf {
  return (x, y, z) => length2(length2(x, z) - ringRadius, y) - tubeRadius;
}

/**
 * Frustum (capped cone) along y from y = -halfHeight (radius r0) to y = +halfHeight (radius r1);
 * either radius may be 0 (a cone).
 */
export function frustum(r0: number, r1: number, halfHeight: number): Sdf {
  return lathe([
    [r0, -halfHeight],
    [r1, halfHeight],
  ]);
}

/**
 * A solid of revolution about y. `profile` is a list of [radius, y] points from bottom to top; the
 * closed outline is the axis point below the first, the profile, and the axis point above the last.
 * Radii must be >= 0; heights need not be monotonic (a goblet's cup overhangs its stem).
 */
export function lathe(profile: ReadonlyArray<readonly [number, number]>): Sdf {
  if (profile.length < 1) throw new RangeError('lathe: the profile needs at least one point');
  const first = profile[0]!;
  const last = profile[profile.length - 1]!;
  const pts: number[] = [0, first[1]];
  for (const [r, y] of profile) pts.push(Math.max(r, 0), y);
  pts.push(0, last[1]);
  return revolve(polygon2(pts));
}

/** Revolves a 2D distance (r >= 0, y) about the y axis. */
export function revolve(d2: (r: number, y: number) => number): Sdf {
  return (x, y, z) => d2(length2(x, z), y);
}

/**
 * Exact signed distance to a closed polygon in 2D (flat list x0, y0, x1, y1, ...), negative inside
 * by the even-odd rule.
 */
export function polygon2(flat: readonly number[]): (px: number, py: number) => number {
  const n = flat.length / 2;
  const xs = new Float64Array(n);
  const ys = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    xs[i] = flat[2 * i]!;
    ys[i] = flat[2 * i + 1]!;
  }
  return (px, py) => {
    let best = Infinity;
    let inside = false;
    for (let i = 0, j = n - 1; i < n; j = i++) {
      const ax = xs[j]!;
      const ay = ys[j]!;
      const ex = xs[i]! - ax;
      const ey = ys[i]! - ay;
      const wx = px - ax;
      const wy = py - ay;
      const ee = ex * ex + ey * ey;
      const h = ee > 0 ? Math.min(Math.max((wx * ex + wy * ey) / ee, 0), 1) : 0;
      const dx = wx - ex * h;
      const dy = wy - ey * h;
      const d = dx * dx + dy * dy;
      if (d < best) best = d;
      const yi = ys[i]!;
      const yj = ay;
      if (yi > py !== yj > py) {
        const xCross = ax + ((py - yj) / (yi - yj)) * ex;
        if (px < xCross) inside = !inside;
      }
    }
    const dist = Math.sqrt(best);
    return inside ? -dist : dist;
  };
}

/** Catmull-Rom through control points [r, y], `perSpan` samples per span, ends included. */
export function smoothProfile(
  points: ReadonlyArray<readonly [number, number]>,
  perSpan = 4,
): Array<[number, number]> {
  const n = points.length;
  if (n < 3) return points.map(([r, y]) => [r, y]);
  const out: Array<[number, number]> = [];
  for (let i = 0; i < n - 1; i++) {
    const p0 = points[Math.max(i - 1, 0)]!;
    const p1 = points[i]!;
    const p2 = points[i + 1]!;
    const p3 = points[Math.min(i + 2, n - 1)]!;
    for (let s = 0; s < perSpan; s++) {
      const t = s / perSpan;
      const t2 = t * t;
      const t3 = t2 * t;
      const w0 = -0.5 * t3 + t2 - 0.5 * t;
      const w1 = 1.5 * t3 - 2.5 * t2 + 1;
      const w2 = -1.5 * t3 + 2 * t2 + 0.5 * t;
      const w3 = 0.5 * t3 - 0.5 * t2;
      out.push([
        Math.max(0, w0 * p0[0] + w1 * p1[0] + w2 * p2[0] + w3 * p3[0]),
        w0 * p0[1] + w1 * p1[1] + w2 * p2[1] + w3 * p3[1],
      ]);
    }
  }
  const end = points[n - 1]!;
  out.push([end[0], end[1]]);
  return out;
}

export function union(...parts: Sdf[]): Sdf {
  if (parts.length === 0) throw new RangeError('union of nothing');
  if (parts.length === 1) return parts[0]!;
  if (parts.length === 2) {
    const [a, b] = parts as [Sdf, Sdf];
    return (x, y, z) => Math.min(a(x, y, z), b(x, y, z));
  }
  return (x, y, z) => {
    let d = Infinity;
    for (let i = 0; i < parts.length; i++) d = Math.min(d, parts[i]!(x, y, z));
    return d;
  };
}

/** Polynomial smooth minimum with blend radius k (k = 0 is a plain union). */
export function smoothUnion(a: Sdf, b: Sdf, k: number): Sdf {
  if (k <= 0) return union(a, b);
  return (x, y, z) => {
    const da = a(x, y, z);
    const db = b(x, y, z);
    const h = Math.max(k - Math.abs(da - db), 0) / k;
    return Math.min(da, db) - h * h * k * 0.25;
  };
}

/** a minus b. */
export function subtract(a: Sdf, b: Sdf): Sdf {
  return (x, y, z) => Math.max(a(x, y, z), -b(x, y, z));
}

export function intersect(a: Sdf, b: Sdf): Sdf {
  return (x, y, z) => Math.max(a(x, y, z), b(x, y, z));
}

/** Thin shell of thickness 2t around a's surface. */
export function shell(a: Sdf, t: number): Sdf {
  return (x, y, z) => Math.abs(a(x, y, z)) - t;
}

export function translate(a: Sdf, tx: number, ty: number, tz: number): Sdf {
  return (x, y, z) => a(x - tx, y - ty, z - tz);
}

export function scale(a: Sdf, s: number): Sdf {
  const inv = 1 / s;
  return (x, y, z) => a(x * inv, y * inv, z * inv) * s;
}

/** Non-uniform scale; the result is a bound (scaled by the smallest factor). */
export function scale3(a: Sdf, sx: number, sy: number, sz: number): Sdf {
  const m = Math.min(sx, sy, sz);
  return (x, y, z) => a(x / sx, y / sy, z / sz) * m;
}

/**
 * Rotation by a precomputed orthonormal matrix (row-major 3x3, object → world). The SDF is sampled
 * at the inverse-rotated point.
 */
export function rotate(a: Sdf, m: ArrayLike<number>): Sdf {
  const [m00, m01, m02, m10, m11, m12, m20, m21, m22] = Array.from(m) as number[];
  // inverse = transpose
  return (x, y, z) =>
    a(
      m00! * x + m10! * y + m20! * z,
      m01! * x + m11! * y + m21! * z,
      m02! * x + m12! * y + m22! * z,
    );
}

/**
 * Cosine and sine of an angle without trigonometry: a rational parametrisation by t = tan(θ/2),
 * so generated rotations are bit-identical everywhere. |t| <= 1 covers [-90°, 90°].
 */
export function rationalAngle(t: number): { cos: number; sin: number } {
  const d = 1 + t * t;
  return { cos: (1 - t * t) / d, sin: (2 * t) / d };
}

/** Row-major rotation matrix about an axis ('x' | 'y' | 'z') with the given cos and sin. */
export function axisRotation(axis: 'x' | 'y' | 'z', c: number, s: number): number[] {
  if (axis === 'x') return [1, 0, 0, 0, c, -s, 0, s, c];
  if (axis === 'y') return [c, 0, s, 0, 1, 0, -s, 0, c];
  return [c, -s, 0, s, c, 0, 0, 0, 1];
}

export function multiply3(a: readonly number[], b: readonly number[]): number[] {
  const out = new Array<number>(9);
  for (let r = 0; r < 3; r++) {
    for (let c = 0; c < 3; c++) {
      out[r * 3 + c] = a[r * 3]! * b[c]! + a[r * 3 + 1]! * b[3 + c]! + a[r * 3 + 2]! * b[6 + c]!;
    }
  }
  return out;
}

/**
 * Rounded cylinder-ish "disc" along y: a cylinder whose edges are rounded by `round` (inside the
 * given radius and half height).
 */
export function roundedCylinder(radius: number, halfHeight: number, round: number): Sdf {
  const r = Math.min(round, radius, halfHeight);
  const inner = cylinder(radius - r, halfHeight - r);
  return (x, y, z) => inner(x, y, z) - r;
}

/** Hash of an integer lattice point to [0, 1) (u32 arithmetic only). */
function hash3(ix: number, iy: number, iz: number, seed: number): number {
  let h =
    (seed ^ Math.imul(ix, 0x8da6b343) ^ Math.imul(iy, 0xd8163841) ^ Math.imul(iz, 0xcb1ab31f)) >>>
    0;
  h = Math.imul(h ^ (h >>> 15), 0x2c1b3c6d) >>> 0;
  h = Math.imul(h ^ (h >>> 12), 0x297a2d39) >>> 0;
  h = (h ^ (h >>> 15)) >>> 0;
  return h / 4294967296;
}

/**
 * Smooth value noise in [-1, 1] on a unit lattice. Its gradient is at most 1.5 * 3 = 4.5 per unit
 * (quintic-free smoothstep), which callers use to keep displaced distances conservative.
 */
export function valueNoise3(seed: number): (x: number, y: number, z: number) => number {
  const s = seed >>> 0;
  return (x, y, z) => {
    const fx = Math.floor(x);
    const fy = Math.floor(y);
    const fz = Math.floor(z);
    const tx = x - fx;
    const ty = y - fy;
    const tz = z - fz;
    const ux = tx * tx * (3 - 2 * tx);
    const uy = ty * ty * (3 - 2 * ty);
    const uz = tz * tz * (3 - 2 * tz);
    const ix = fx | 0;
    const iy = fy | 0;
    const iz = fz | 0;
    const c000 = hash3(ix, iy, iz, s);
    const c100 = hash3(ix + 1, iy, iz, s);
    const c010 = hash3(ix, iy + 1, iz, s);
    const c110 = hash3(ix + 1, iy + 1, iz, s);
    const c001 = hash3(ix, iy, iz + 1, s);
    const c101 = hash3(ix + 1, iy, iz + 1, s);
    const c011 = hash3(ix, iy + 1, iz + 1, s);
    const c111 = hash3(ix + 1, iy + 1, iz + 1, s);
    const x00 = c000 + (c100 - c000) * ux;
    const x10 = c010 + (c110 - c010) * ux;
    const x01 = c001 + (c101 - c001) * ux;
    const x11 = c011 + (c111 - c011) * ux;
    const y0 = x00 + (x10 - x00) * uy;
    const y1 = x01 + (x11 - x01) * uy;
    return (y0 + (y1 - y0) * uz) * 2 - 1;
  };
}

/** Bound on |∇ valueNoise3| per lattice unit (1.5 per axis, three axes, doubled range). */
export const VALUE_NOISE_GRADIENT_BOUND = 2 * 1.5 * Math.sqrt(3);
