// The shading inputs of a material as TSL nodes (colour, roughness, metalness, AO, emissive, normal,
// height), read from the baked maps through a projection, or, before the bake arrives, a flat look
// from the preset's params. node-material.ts turns a Surface into a node material; animated.ts and
// the snow modifier rewrite one.
import {
  abs,
  float,
  mx_noise_float,
  normalView,
  normalize,
  positionView,
  sign,
  vec2,
  vec3,
} from 'three/tsl';
import type { Node } from 'three/webgpu';
import { EMISSIVE_RANGE } from '../../core/materials/maps';
import type { MaterialParams } from '../../core/materials/preset';
import { linearRgb } from '../../core/scene/material-factors';
import type { MapTransform, Projector } from './projections';
import type { MaterialTextures } from './texture-set';

export type F = Node<'float'>;
export type V2 = Node<'vec2'>;
export type V3 = Node<'vec3'>;

export interface Surface {
  /** Linear base colour. */
  color: V3;
  roughness: F;
  metalness: F;
  ao: F;
  /** Linear emitted radiance; null: none. */
  emissive: V3 | null;
  /** View-space shading normal (for normalNode); null: the geometric normal. */
  normal: V3 | null;
  /** Relief 0..1 (baked height; 0.5 in the flat look). */
  height: F;
  /** null: the material's opacity. */
  opacity: F | null;
}

export interface SurfaceSource {
  projector: Projector;
  /** null until the bake arrives: the flat look. */
  textures: MaterialTextures | null;
  params: MaterialParams;
}

/** A colour node from '#rrggbb' (sRGB), linear like everything the shader works in. */
export function linearColour(hex: string): V3 {
  const [r, g, b] = linearRgb(hex);
  return vec3(r, g, b);
}

/** Share of the surface an emissive mask lights, for the flat look's average glow. */
const MASK_COVERAGE = { none: 0, groove: 0.15, surface: 0.5, detail: 0.1, all: 1 } as const;

/** The flat look's emitted radiance (null when the preset does not glow). */
export function flatEmissive(params: MaterialParams): V3 | null {
  const e = params.emissive;
  if (!e || e.strength <= 0 || e.mask === 'none') return null;
  return linearColour(e.color).mul(e.strength * MASK_COVERAGE[e.mask]);
}

/** The preset's glow colour × strength (or a fallback), for animated looks. */
export function glowColour(params: MaterialParams, fallback: string, strength: number): V3 {
  const e = params.emissive;
  return e && e.strength > 0
    ? linearColour(e.color).mul(e.strength)
    : linearColour(fallback).mul(strength);
}

/** The preset's params as one flat colour (first colour) and mid roughness/metalness. */
export function flatSurface(params: MaterialParams): Surface {
  const mid = (r: readonly [number, number]) => float((r[0] + r[1]) / 2);
  return {
    color: linearColour(params.colors[0]),
    roughness: mid(params.roughness),
    metalness: mid(params.metalness),
    ao: float(1),
    emissive: flatEmissive(params),
    normal: null,
    height: float(0.5),
    opacity: null,
  };
}

/** The baked maps through the projection (transform: a flowing or layered read). */
export function sampleSurface(src: SurfaceSource, transform?: MapTransform): Surface {
  const t = src.textures;
  if (!t) return flatSurface(src.params);
  const { projector: p } = src;
  const orm = p.sample(t.orm, transform);
  return {
    color: p.sample(t.albedo, transform).rgb,
    roughness: orm.g,
    metalness: orm.b,
    ao: orm.r,
    emissive: t.emissive ? p.sample(t.emissive, transform).rgb.mul(EMISSIVE_RANGE) : null,
    normal: p.normal(t.normal, 1, transform),
    height: p.sample(t.height, transform).r,
    opacity: null,
  };
}

/**
 * A relief value for effects: the baked height where there is a bake, else procedural noise over
 * the projected object position (so animated looks move before their bake lands).
 */
export function reliefAt(src: SurfaceSource, transform?: MapTransform): F {
  if (src.textures) return src.projector.sample(src.textures.height, transform).r;
  const k = typeof transform?.scale === 'number' ? transform.scale : 1;
  const o = transform?.offset ?? vec2(0, 0);
  const q = src.projector.position.mul(2 * k).add(vec3(o.x, o.y, o.x.mul(0.5)));
  return mx_noise_float(q).mul(0.5).add(0.5);
}

/**
 * The geometric normal bent by the screen-space gradient of a scalar relief (surface-gradient bump
 * mapping, Mikkelsen): `amount` is the relief's height in view-space units (metres).
 */
export function bumpNormal(h: F, amount: number): V3 {
  const sx = positionView.dFdx();
  const sy = positionView.dFdy();
  const n = normalView;
  const r1 = sy.cross(n);
  const r2 = n.cross(sx);
  const det = sx.dot(r1);
  const dh = vec2(h.dFdx(), h.dFdy()).mul(amount);
  const grad = sign(det).mul(r1.mul(dh.x).add(r2.mul(dh.y)));
  return normalize(n.mul(abs(det)).sub(grad));
}
