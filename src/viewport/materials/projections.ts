// How a baked, tiling material lands on a surface: TSL texture coordinates, samples and normal
// perturbation for each projection of a MaterialRef.
//
// Coordinates are in OBJECT space: the geometry's own `position`/`normal` attributes as read before
// any transform (positionGeometry/normalGeometry). three's instancing writes the instance matrix
// into positionLocal/normalLocal in the vertex stage, never into the raw attributes, so for an
// InstancedMesh this is each instance's local space and for a Mesh the mesh's: a texture sticks to
// its object when the user moves it (no swimming), and a scaled object scales its texture with it.
//
// - uv: the mesh's uv × scale.
// - triplanar: three planar samples (YZ, XZ, XY planes of object space, × scale = repeats per
//   metre) blended by |normal|^k (k = TRIPLANAR_SHARPNESS), weights normalised.
// - box: the one plane of the dominant normal axis (hard switch, no blend): cheaper, crisp on boxy
//   shapes, a visible seam on curved ones.
// - cylindrical: angle around local Y (u) and height along Y (v); caps (|n.y| > ~0.7) blend to the
//   XZ plane, where the angle would pinch.
// - spherical: longitude (u) and latitude (v) around the object's origin.
//
// On side faces v increases upward (+Y) in every projection, as in the generators' and three's
// primitive UVs (the top plane of triplanar/box uses x, z). Angles wrap: the repeat count around (N) is an integer so the seam closes, round(scale·π) (square
// texels on a 1 m-diameter object; metric for that size only), and the seam's derivative jump is
// avoided by picking, per pixel, the smaller of two derivative estimates whose seams lie half a turn
// apart (Tarini's trick). Samples use explicit gradients (textureSampleGrad), so mip selection is
// right even where the coordinate jumps (box switches, the angle seam) and no sample depends on
// uniform control flow.
//
// Normals (all projections, uv included): the baked tangent-space map is applied in a tangent frame
// built per pixel from screen-space derivatives of the view position and of the very coordinate that
// was sampled (the cotangent frame of "normal mapping without precomputed tangents"), so it is right
// for any transform, mirrored planes and instancing without tangent attributes. Approximations: the
// frame is per-triangle flat where the surface is (fine for the planar projections, which are linear
// in position); triplanar blends the three perturbed view-space normals by the same weights (not a
// reoriented-normal blend), which softens relief where planes overlap; box/cylindrical/spherical use
// the frame of the selected coordinate, so a one-pixel line can show at a box switch or at the poles
// of a spherical map, where the frame degenerates.
//
// Texture rows: maps store row 0 at the top of the image; three samples row 0 at v = 0, so the
// image's "up" (+Y of the tangent-space normal, OpenGL convention) is -v here: the Y component is
// negated against the +v bitangent (as three's glTF loader does with normalScale.y). Images thus
// stand upside down on walls; the maps tile and relief, colour and glow agree, so nothing shows it
// (the browser test pins the sign: a map tilted to the image's top leans a wall's face down).
import {
  abs,
  atan,
  asin,
  clamp,
  float,
  fract,
  max,
  normalGeometry,
  normalView,
  normalize,
  positionGeometry,
  positionView,
  pow,
  select,
  smoothstep,
  texture,
  uv,
  vec2,
  vec3,
} from 'three/tsl';
import type { Node, Texture } from 'three/webgpu';
import type { Projection } from '../../core/materials/material-ref';

/** Exponent on |normal| for the triplanar blend: higher, narrower transitions. */
export const TRIPLANAR_SHARPNESS = 4;

type F = Node<'float'>;
type V2 = Node<'vec2'>;
type V3 = Node<'vec3'>;
type V4 = Node<'vec4'>;

/** A change of the projected coordinate: uv × scale + offset (flowing and layered looks). */
export interface MapTransform {
  scale?: number | F;
  offset?: V2;
}

export interface Projector {
  readonly kind: Projection;
  /** The map sampled through the projection (weights already applied and summed). */
  sample(map: Texture, transform?: MapTransform): V4;
  /**
   * The view-space shading normal perturbed by a tangent-space normal map (RGBA8, xyz·0.5+0.5).
   * Only meaningful as (part of) a material's normalNode, where normalView is the geometric normal.
   */
  normal(map: Texture, strength?: number | F, transform?: MapTransform): V3;
  /** Object-space position × scale: a continuous 3D coordinate for procedural effects. */
  readonly position: V3;
  /** Object-space normal (interpolated, normalised). */
  readonly objectNormal: V3;
}

interface Plane {
  uv: V2;
  /** Screen-space derivatives of uv (before any MapTransform). */
  dx: V2;
  dy: V2;
  /** null: weight 1. */
  weight: F | null;
}

/** Object-space position and normal, read in the fragment stage through varyings. */
function objectSpace(): { p: V3; n: V3 } {
  return {
    p: positionGeometry.toVarying('c3dObjectPosition') as unknown as V3,
    n: normalize(normalGeometry.toVarying('c3dObjectNormal')) as unknown as V3,
  };
}

function planeOf(coord: V2): Plane {
  return { uv: coord, dx: coord.dFdx(), dy: coord.dFdy(), weight: null };
}

function transformed(plane: Plane, t: MapTransform | undefined): { uv: V2; dx: V2; dy: V2 } {
  if (!t || (t.scale === undefined && t.offset === undefined)) return plane;
  const k = t.scale ?? 1;
  let coord = plane.uv.mul(k);
  if (t.offset) coord = coord.add(t.offset);
  return { uv: coord, dx: plane.dx.mul(k), dy: plane.dy.mul(k) };
}

// Shared by every plane and material (three builds a node used twice once per shader). Only used
// inside normalNode, where normalView is the geometric normal.
const q1perp = positionView.dFdy().cross(normalView);
const q0perp = normalView.cross(positionView.dFdx());

/**
 * The tangent-space normal `tn` (components in -1..1, +Y = image up) in view space, in the frame
 * whose tangent follows +u and bitangent +v of a coordinate with screen derivatives (st0, st1).
 */
export function perturbNormal(tn: V3, st0: V2, st1: V2, strength: number | F = 1): V3 {
  const n = normalView;
  const t = q1perp.mul(st0.x).add(q0perp.mul(st1.x));
  const b = q1perp.mul(st0.y).add(q0perp.mul(st1.y));
  // A degenerate frame (the coordinate does not change across the pixel) leaves the normal alone.
  const det = max(t.dot(t), b.dot(b));
  const s = select(det.lessThanEqual(1e-20), float(0), det.inverseSqrt());
  const xy = tn.xy.mul(strength);
  return normalize(
    t
      .mul(s.mul(xy.x))
      .sub(b.mul(s.mul(xy.y)))
      .add(n.mul(tn.z)),
  );
}

/** Unpacks an RGBA8 normal texel (xyz·0.5+0.5). */
function unpack(texel: V4): V3 {
  return texel.xyz.mul(2).sub(1);
}

/**
 * Derivatives of an angle-derived coordinate without the seam's jump: u1 = a·N jumps where a wraps
 * (±0.5), u2 = fract(a)·N jumps half a turn away; per pixel the smaller derivative is the true one.
 */
function seamless(a: F, repeats: number): { u: F; dx: F; dy: F } {
  const u1 = a.mul(repeats);
  const u2 = fract(a).mul(repeats);
  const pick = (d1: F, d2: F) => select(abs(d1).lessThanEqual(abs(d2)), d1, d2);
  return { u: u1, dx: pick(u1.dFdx(), u2.dFdx()), dy: pick(u1.dFdy(), u2.dFdy()) };
}

/** Repeats around a full turn for angular projections: an integer, so the seam closes. */
export function repeatsAround(scale: number): number {
  return Math.max(1, Math.round(scale * Math.PI));
}

function planesFor(kind: Projection, scale: number, p: V3, n: V3): Plane[] {
  const sp = p.mul(scale);
  const planeX = () => planeOf(vec2(sp.z, sp.y));
  const planeY = () => planeOf(vec2(sp.x, sp.z));
  const planeZ = () => planeOf(vec2(sp.x, sp.y));
  switch (kind) {
    case 'uv':
      return [planeOf(uv().mul(scale))];
    case 'triplanar': {
      const w = pow(abs(n), vec3(TRIPLANAR_SHARPNESS));
      const sum = w.x.add(w.y).add(w.z).max(1e-6);
      const weights = w.div(sum);
      const x = planeX();
      const y = planeY();
      const z = planeZ();
      return [
        { ...x, weight: weights.x },
        { ...y, weight: weights.y },
        { ...z, weight: weights.z },
      ];
    }
    case 'box': {
      const a = abs(n);
      const isX = a.x.greaterThanEqual(a.y).and(a.x.greaterThanEqual(a.z));
      const isY = a.y.greaterThan(a.x).and(a.y.greaterThanEqual(a.z));
      const x = planeX();
      const y = planeY();
      const z = planeZ();
      const pick = (fx: V2, fy: V2, fz: V2) => select(isX, fx, select(isY, fy, fz));
      return [
        {
          uv: pick(x.uv, y.uv, z.uv),
          dx: pick(x.dx, y.dx, z.dx),
          dy: pick(x.dy, y.dy, z.dy),
          weight: null,
        },
      ];
    }
    case 'cylindrical': {
      const n2 = repeatsAround(scale);
      const around = seamless(atan(p.x, p.z).div(2 * Math.PI), n2);
      const v = sp.y;
      const side: Plane = {
        uv: vec2(around.u, v),
        dx: vec2(around.dx, v.dFdx()),
        dy: vec2(around.dy, v.dFdy()),
        weight: null,
      };
      // Caps: where the surface faces along the axis, the angle pinches; use the XZ plane there.
      const cap = smoothstep(0.6, 0.8, abs(n.y));
      return [
        { ...side, weight: cap.oneMinus() },
        { ...planeY(), weight: cap },
      ];
    }
    case 'spherical': {
      const n2 = repeatsAround(scale);
      const around = seamless(atan(p.x, p.z).div(2 * Math.PI), n2);
      const r = p.length().max(1e-6);
      const lat = asin(clamp(p.y.div(r), -1, 1)).div(Math.PI);
      const v = lat.mul(n2 / 2);
      return [
        {
          uv: vec2(around.u, v),
          dx: vec2(around.dx, v.dFdx()),
          dy: vec2(around.dy, v.dFdy()),
          weight: null,
        },
      ];
    }
  }
}

export function createProjector(kind: Projection, scale = 1): Projector {
  const { p, n } = objectSpace();
  const planes = planesFor(kind, scale, p, n);
  const sample = (map: Texture, t?: MapTransform): V4 => {
    let sum: V4 | null = null;
    for (const plane of planes) {
      const c = transformed(plane, t);
      let s = texture(map, c.uv).grad(c.dx, c.dy) as unknown as V4;
      if (plane.weight) s = s.mul(plane.weight);
      sum = sum ? sum.add(s) : s;
    }
    return sum!;
  };
  const normal = (map: Texture, strength: number | F = 1, t?: MapTransform): V3 => {
    let sum: V3 | null = null;
    for (const plane of planes) {
      const c = transformed(plane, t);
      const texel = texture(map, c.uv).grad(c.dx, c.dy) as unknown as V4;
      let nv = perturbNormal(unpack(texel), c.dx, c.dy, strength);
      if (plane.weight) nv = nv.mul(plane.weight);
      sum = sum ? sum.add(nv) : nv;
    }
    return planes.length > 1 ? normalize(sum!) : sum!;
  };
  return { kind, sample, normal, position: p.mul(scale), objectNormal: n };
}
