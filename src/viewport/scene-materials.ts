// Simple PBR factors per material id until procedural materials exist: typed data, one entry per id
// the generators use; unknown ids get a neutral grey.
export interface MaterialFactors {
  colour: string;
  roughness: number;
  metalness: number;
  emissive?: string;
}

export const SCENE_MATERIALS: Record<string, MaterialFactors> = {
  'dungeon:stone-floor': { colour: '#6e665c', roughness: 0.9, metalness: 0 },
  'dungeon:ceiling': { colour: '#4d4842', roughness: 0.95, metalness: 0 },
  'dungeon:stone-wall': { colour: '#8c8478', roughness: 0.85, metalness: 0 },
  'dungeon:wood-dark': { colour: '#4a2f1c', roughness: 0.7, metalness: 0 },
  'prop:wood': { colour: '#8b5a2b', roughness: 0.75, metalness: 0 },
  'prop:wood-dark': { colour: '#5a3a22', roughness: 0.7, metalness: 0 },
  'prop:stone': { colour: '#9a968e', roughness: 0.85, metalness: 0 },
  'prop:torch': { colour: '#5a3a22', roughness: 0.6, metalness: 0, emissive: '#ff9a3c' },
  ground: { colour: '#6f7f55', roughness: 0.95, metalness: 0 },
};

export const DEFAULT_MATERIAL: MaterialFactors = {
  colour: '#b8b8b8',
  roughness: 0.6,
  metalness: 0,
};

export function materialFactors(id: string): MaterialFactors {
  return SCENE_MATERIALS[id] ?? DEFAULT_MATERIAL;
}
