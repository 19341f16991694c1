// Material presets: typed data, never code. A preset names a family, tags for search, the bake
// parameters (what the WGSL kernels and their CPU references turn into texture maps) and an optional
// render look (physical layers, animation) that only the viewport reads.
//
// Colours are sRGB hex ('#8b5a2b') as authored and as a colour picker shows them; the bake converts
// them to linear once (uniforms.ts).
import * as v from 'valibot';
import { intIn, numIn, oneOf, rangeIn, strict, text } from '../spec/fields';

export const MATERIAL_FAMILIES = [
  'metal',
  'stone',
  'brick',
  'tile',
  'concrete',
  'wood',
  'fabric',
  'leather',
  'ceramic',
  'glass',
  'plastic',
  'rubber',
  'gem',
  'organic',
  'scifi',
  'nature',
  'ground',
  'liquid',
  'paint',
  'paper',
] as const;
export type MaterialFamily = (typeof MATERIAL_FAMILIES)[number];

/**
 * Pattern kinds of the pattern kernel (shaders/material-pattern.wgsl). The index in this list is the
 * kernel's `pattern` code, so append only. Each fills the field (height, cell, mask, detail).
 */
export const MATERIAL_PATTERNS = [
  'noise', // FBM clouds: plaster, dirt, concrete
  'grain', // warped rings stretched along x: wood grain
  'planks', // boards with grain, staggered ends, grooves between
  'brick', // running-bond bricks with mortar
  'tiles', // square tiles with grout
  'hex', // hexagonal tiles
  'voronoi', // irregular cells: cobblestone, flagstone, leather pores
  'cracks', // cell edges as cracks: dried mud, lava crust
  'weave', // over-under threads: fabric, wicker
  'scales', // overlapping rounded scales
  'ripples', // warped sine bands: water, sand dunes
  'marble', // turbulent veins
  'brushed', // fine anisotropic streaks: brushed metal
  'circuit', // grid traces and pads: sci-fi
  'dots', // round bumps or holes on a grid: perforated, studded
  'herringbone', // zig-zag boards or bricks
  'speckle', // worley speckles: granite, terrazzo
  'bark', // vertical ridged furrows
  'hammered', // overlapping shallow dents
  'stripes', // straight bands: fabric stripes, panels
] as const;
export type MaterialPattern = (typeof MATERIAL_PATTERNS)[number];

/** What the emissive map lights: nothing, grooves/cracks, raised surfaces, the brightest detail, all. */
export const EMISSIVE_MASKS = ['none', 'groove', 'surface', 'detail', 'all'] as const;
export type EmissiveMask = (typeof EMISSIVE_MASKS)[number];

/** Time-driven render looks (the viewport animates these; the bake is static). */
export const MATERIAL_ANIMATIONS = ['lava', 'water', 'fire', 'hologram', 'shield'] as const;
export type MaterialAnimation = (typeof MATERIAL_ANIMATIONS)[number];

export const HEX_COLOUR = /^#[0-9a-fA-F]{6}$/;
const colour = v.pipe(
  v.string((i) => `expected a colour '#rrggbb', got ${typeof i.input}`),
  v.regex(HEX_COLOUR, (i) => `expected a colour '#rrggbb', got ${JSON.stringify(i.input)}`),
);

export const MaterialParamsSchema = strict({
  pattern: oneOf(MATERIAL_PATTERNS),
  /** Pattern repeats per texture tile along each side: an integer, so the tile wraps seamlessly. */
  scale: intIn(1, 64),
  /** Pattern-specific density: bricks per row, cells, threads, traces (0..1, 0.5 typical). */
  density: numIn(0, 1),
  /** Width of grooves, mortar, grout, cracks as a share of a cell (0..0.5). */
  groove: numIn(0, 0.5),
  /** Irregularity of cells, offsets and sizes (0..1). */
  jitter: numIn(0, 1),
  /** Domain warp strength (0..1). */
  warp: numIn(0, 1),
  /** Fine detail noise: amount mixed into height and colour (0..1). */
  detail: numIn(0, 1),
  /** Anisotropy: >1 stretches features along x (grain, brushed), <1 along y. 0.1..10 */
  stretch: numIn(0.1, 10),
  /** [base, secondary, groove] colours, sRGB hex. */
  colors: v.tuple([colour, colour, colour]),
  /** Per-cell tint variation (0..1). */
  colorVariation: numIn(0, 1),
  /** Roughness from the smoothest to the roughest texel. */
  roughness: rangeIn(0, 1),
  metalness: rangeIn(0, 1),
  /** Height relief (0..1): normal strength and parallax depth. */
  height: numIn(0, 1),
  /** Ambient occlusion strength from height (0..1). */
  ao: numIn(0, 1),
  /** Built-in edge wear (0..1), before any modifier. */
  wear: numIn(0, 1),
  emissive: v.optional(
    strict({
      color: colour,
      /** Multiplier; 0 switches the map off. 0..20 */
      strength: numIn(0, 20),
      mask: oneOf(EMISSIVE_MASKS),
    }),
  ),
  seed: intIn(0, 0xffffffff),
});
export type MaterialParams = v.InferOutput<typeof MaterialParamsSchema>;

/** Physical layers for the viewport's MeshPhysicalNodeMaterial (skin, wax, marble, jade, glass, car paint). */
export const MaterialLookSchema = strict({
  physical: v.optional(
    strict({
      transmission: v.optional(numIn(0, 1)),
      thickness: v.optional(numIn(0, 10)),
      ior: v.optional(numIn(1, 2.5)),
      /** Attenuation tint inside the volume (sRGB hex). */
      attenuationColor: v.optional(colour),
      sheen: v.optional(numIn(0, 1)),
      sheenColor: v.optional(colour),
      clearcoat: v.optional(numIn(0, 1)),
      clearcoatRoughness: v.optional(numIn(0, 1)),
      iridescence: v.optional(numIn(0, 1)),
    }),
  ),
  animation: v.optional(oneOf(MATERIAL_ANIMATIONS)),
  /** Opacity below 1 renders transparent (glass, holograms). */
  opacity: v.optional(numIn(0, 1)),
});
export type MaterialLook = v.InferOutput<typeof MaterialLookSchema>;

export const PRESET_ID = /^[a-z0-9][a-z0-9-]{0,63}(\/[a-z0-9][a-z0-9-]{0,63})?$/;

export const MaterialPresetSchema = strict({
  /** Stable id, lower-case: 'wood/oak-planks'. User presets are 'user/...'. */
  id: v.pipe(
    v.string(),
    v.regex(
      PRESET_ID,
      (i) => `expected an id like 'wood/oak-planks', got ${JSON.stringify(i.input)}`,
    ),
  ),
  name: text(80),
  family: oneOf(MATERIAL_FAMILIES),
  tags: v.pipe(v.array(text(32)), v.maxLength(16, 'expected at most 16 tags')),
  params: MaterialParamsSchema,
  look: v.optional(MaterialLookSchema),
});
export type MaterialPreset = v.InferOutput<typeof MaterialPresetSchema>;
