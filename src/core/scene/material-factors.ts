// The scene palette: simple PBR factors per material id until procedural materials exist. Pure data,
// shared by the viewport (three materials) and the glTF export, so both show the same colours.
//
// Colours are CSS-style sRGB hex strings ('#6e665c'), as authored and as a colour picker shows them.
// Renderers and glTF want linear RGB: convert with linearRgb(), the exact sRGB transfer function
// (the same one three's Color applies to hex input), never a gamma-2.2 approximation.

export interface MaterialFactors {
  /** Base colour, sRGB hex. */
  colour: string;
  roughness: number;
  metalness: number;
  /** Emitted colour, sRGB hex; absent for materials that do not glow. */
  emissive?: string;
  /** Multiplier on the emitted colour (glTF KHR_materials_emissive_strength); 1 when absent. */
  emissiveIntensity?: number;
}

/** One entry per material id the generators use; unknown ids get DEFAULT_MATERIAL. */
export const SCENE_MATERIALS: Readonly<Record<string, MaterialFactors>> = {
  // dungeon modular pieces
  'dungeon:stone-floor': { colour: '#6e665c', roughness: 0.9, metalness: 0 },
  'dungeon:ceiling': { colour: '#4d4842', roughness: 0.95, metalness: 0 },
  'dungeon:stone-wall': { colour: '#8c8478', roughness: 0.85, metalness: 0 },
  'dungeon:wood-dark': { colour: '#4a2f1c', roughness: 0.7, metalness: 0 },
  // dungeon props
  'prop:wood': { colour: '#8b5a2b', roughness: 0.75, metalness: 0 },
  'prop:wood-dark': { colour: '#5a3a22', roughness: 0.7, metalness: 0 },
  'prop:stone': { colour: '#9a968e', roughness: 0.85, metalness: 0 },
  'prop:torch': {
    colour: '#5a3a22',
    roughness: 0.6,
    metalness: 0,
    emissive: '#ff9a3c',
    emissiveIntensity: 1.5,
  },
  // terrain surface layers
  'terrain:grass': { colour: '#5f7f3a', roughness: 0.95, metalness: 0 },
  'terrain:rock': { colour: '#7a746c', roughness: 0.9, metalness: 0 },
  'terrain:snow': { colour: '#f2f4f7', roughness: 0.6, metalness: 0 },
  'terrain:sand': { colour: '#c9b48a', roughness: 0.95, metalness: 0 },
  'terrain:dirt': { colour: '#6b4f36', roughness: 0.95, metalness: 0 },
  // scattered instances
  'scatter:bark': { colour: '#5b4332', roughness: 0.9, metalness: 0 },
  'scatter:foliage': { colour: '#3f6b2c', roughness: 0.8, metalness: 0 },
  'scatter:rock': { colour: '#85807a', roughness: 0.85, metalness: 0 },
  'scatter:grass': { colour: '#6f9440', roughness: 0.9, metalness: 0 },
  // primitives
  ground: { colour: '#6f7f55', roughness: 0.95, metalness: 0 },
};

export const DEFAULT_MATERIAL: MaterialFactors = {
  colour: '#b8b8b8',
  roughness: 0.6,
  metalness: 0,
};

/** Factors for a material id. Ids can come from a spec (a primitive's material), hence hasOwn:
 * 'constructor' or '__proto__' must get the default, not Object.prototype's members. */
export function materialFactors(id: string): MaterialFactors {
  return Object.hasOwn(SCENE_MATERIALS, id) ? SCENE_MATERIALS[id]! : DEFAULT_MATERIAL;
}

function srgbToLinear(c: number): number {
  return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
}

/** '#rrggbb' (sRGB) → linear RGB in 0..1. Throws on anything else: the palette is code, not input. */
export function linearRgb(hex: string): [number, number, number] {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!m) throw new Error(`expected a colour as '#rrggbb', got '${hex}'`);
  return [
    srgbToLinear(parseInt(m[1]!, 16) / 255),
    srgbToLinear(parseInt(m[2]!, 16) / 255),
    srgbToLinear(parseInt(m[3]!, 16) / 255),
  ];
}
