// A preset + its baked maps + an assignment (MaterialRef) → a three node material. Standard PBR from
// the maps through the ref's projection (projections.ts); MeshPhysicalNodeMaterial when the preset
// has physical layers (transmission, clearcoat, sheen, iridescence); time-driven looks for animated
// presets (animated.ts); render-time snow on upward faces for the winter season. Before the bake
// arrives (textures null) the same material shows a flat look from the params, so nothing renders
// black or white; applyNodeMaterial later swaps in the baked nodes on the same object.
import {
  float,
  mix,
  normalView,
  normalWorldGeometry,
  normalize,
  smoothstep,
  vec3,
} from 'three/tsl';
import {
  Color,
  FrontSide,
  MeshPhysicalNodeMaterial,
  MeshStandardNodeMaterial,
  NormalBlending,
} from 'three/webgpu';
import type { MaterialRef } from '../../core/materials/material-ref';
import type { MaterialLook, MaterialPreset } from '../../core/materials/preset';
import { animateSurface, type AnimatedLook } from './animated';
import { createProjector } from './projections';
import { sampleSurface, type F, type Surface, type SurfaceSource } from './surface';
import type { MaterialTextures } from './texture-set';

export type StudioNodeMaterial = MeshStandardNodeMaterial | MeshPhysicalNodeMaterial;

export interface NodeMaterialOptions {
  /** Shown in three's inspector and GPU labels; the preset id otherwise. */
  name?: string;
}

/** What the studio keeps on a material's userData. */
export interface StudioMaterialInfo {
  preset: string;
  /** Whether the baked maps are in (false: the flat look). */
  baked: boolean;
  /** Texels per side of the bake in use (0 while flat). */
  bakeSize: number;
}

/** Snow: white, rough, matte; normals mostly flattened (snow fills the relief). */
const SNOW_COLOUR = vec3(0.82, 0.85, 0.9);
const SNOW_ROUGHNESS = 0.8;

/**
 * Snow on faces whose WORLD normal points up: a smooth threshold on the geometric normal's y,
 * nudged by the relief so the edge follows the pattern (snow settles on the raised parts first).
 */
export function snowMask(height: F): F {
  return smoothstep(0.5, 0.78, normalWorldGeometry.y.add(height.sub(0.5).mul(0.3)));
}

export function withSnow(s: Surface): Surface {
  const m = snowMask(s.height);
  return {
    ...s,
    color: mix(s.color, SNOW_COLOUR, m),
    roughness: mix(s.roughness, float(SNOW_ROUGHNESS), m),
    metalness: mix(s.metalness, float(0), m),
    ao: mix(s.ao, float(1), m.mul(0.6)),
    emissive: s.emissive ? s.emissive.mul(m.oneMinus()) : null,
    normal: s.normal ? normalize(mix(s.normal, normalView, m.mul(0.7))) : null,
  };
}

function usesPhysical(look: MaterialLook | undefined): boolean {
  return look?.physical !== undefined;
}

function applyPhysical(material: MeshPhysicalNodeMaterial, look: MaterialLook): void {
  const p = look.physical ?? {};
  material.transmission = p.transmission ?? 0;
  material.thickness = p.thickness ?? 0;
  material.ior = p.ior ?? 1.5;
  if (p.attenuationColor) {
    material.attenuationColor = new Color(p.attenuationColor);
    // A tint needs a distance to act over: the thickness, or half a metre.
    material.attenuationDistance = Math.max(0.05, p.thickness ?? 0.5);
  }
  material.sheen = p.sheen ?? 0;
  if (p.sheenColor) material.sheenColor = new Color(p.sheenColor);
  material.sheenRoughness = 0.5;
  material.clearcoat = p.clearcoat ?? 0;
  material.clearcoatRoughness = p.clearcoatRoughness ?? 0;
  material.iridescence = p.iridescence ?? 0;
}

/**
 * Sets (or re-sets) every node of `material` for this preset, maps and assignment. Call again with
 * the baked textures when they arrive: the object stays the same, three rebuilds its pipeline.
 */
export function applyNodeMaterial(
  material: StudioNodeMaterial,
  preset: MaterialPreset,
  textures: MaterialTextures | null,
  ref: MaterialRef,
): void {
  const look = preset.look;
  const src: SurfaceSource = {
    projector: createProjector(ref.projection ?? 'uv', ref.scale ?? 1),
    textures,
    params: preset.params,
  };
  const animated: AnimatedLook = look?.animation
    ? animateSurface(look.animation, src, look)
    : { surface: sampleSurface(src) };
  let s = animated.surface;
  if (ref.modifiers?.season === 'winter') s = withSnow(s);

  material.colorNode = s.color;
  material.roughnessNode = s.roughness;
  material.metalnessNode = s.metalness;
  material.aoNode = textures ? s.ao : null;
  material.emissiveNode = s.emissive;
  material.normalNode = s.normal;
  material.opacityNode = s.opacity;

  const opacity = look?.opacity ?? 1;
  material.opacity = opacity;
  material.transparent = animated.transparent ?? opacity < 1;
  material.blending = animated.blending ?? NormalBlending;
  material.depthWrite = animated.depthWrite ?? !(opacity < 1);
  material.side = animated.side ?? FrontSide;
  if (material instanceof MeshPhysicalNodeMaterial && look) applyPhysical(material, look);

  const info: StudioMaterialInfo = {
    preset: preset.id,
    baked: textures !== null,
    bakeSize: textures?.size ?? 0,
  };
  material.userData['studio'] = info;
  material.needsUpdate = true;
}

export function createNodeMaterial(
  preset: MaterialPreset,
  textures: MaterialTextures | null,
  ref: MaterialRef,
  options: NodeMaterialOptions = {},
): StudioNodeMaterial {
  const material = usesPhysical(preset.look)
    ? new MeshPhysicalNodeMaterial()
    : new MeshStandardNodeMaterial();
  material.name = options.name ?? preset.id;
  applyNodeMaterial(material, preset, textures, ref);
  return material;
}

/** The studio's info on a material made here (undefined for any other material). */
export function studioMaterialInfo(material: {
  userData: Record<string, unknown>;
}): StudioMaterialInfo | undefined {
  return material.userData['studio'] as StudioMaterialInfo | undefined;
}
