// The shipped material library: every family's presets in one read-only list, in MATERIAL_FAMILIES
// order. Ids ('wood/oak-planks') are stable: assignments, suggested-material tables and user files
// refer to them, so a preset may be tuned but never renamed.
import type { MaterialPreset } from '../preset';
import { BRICK_PRESETS } from './brick';
import { CERAMIC_PRESETS, GLASS_PRESETS } from './ceramic-glass';
import { CONCRETE_PRESETS } from './concrete';
import { FABRIC_PRESETS, LEATHER_PRESETS } from './fabric-leather';
import { GEM_PRESETS } from './gem';
import { GROUND_PRESETS } from './ground';
import { LIQUID_PRESETS } from './liquid';
import { METAL_PRESETS } from './metal';
import { NATURE_PRESETS } from './nature';
import { ORGANIC_PRESETS } from './organic';
import { PAINT_PRESETS, PAPER_PRESETS } from './paint-paper';
import { PLASTIC_PRESETS, RUBBER_PRESETS } from './plastic-rubber';
import { SCIFI_PRESETS } from './scifi';
import { STONE_PRESETS } from './stone';
import { TILE_PRESETS } from './tile';
import { WOOD_PRESETS } from './wood';

function freeze(presets: MaterialPreset[]): readonly MaterialPreset[] {
  for (const p of presets) {
    Object.freeze(p.params.colors);
    Object.freeze(p.params.roughness);
    Object.freeze(p.params.metalness);
    if (p.params.emissive) Object.freeze(p.params.emissive);
    Object.freeze(p.params);
    Object.freeze(p.tags);
    if (p.look) {
      if (p.look.physical) Object.freeze(p.look.physical);
      Object.freeze(p.look);
    }
    Object.freeze(p);
  }
  return Object.freeze(presets);
}

export const SHIPPED_PRESETS: readonly MaterialPreset[] = freeze([
  ...METAL_PRESETS,
  ...STONE_PRESETS,
  ...BRICK_PRESETS,
  ...TILE_PRESETS,
  ...CONCRETE_PRESETS,
  ...WOOD_PRESETS,
  ...FABRIC_PRESETS,
  ...LEATHER_PRESETS,
  ...CERAMIC_PRESETS,
  ...GLASS_PRESETS,
  ...PLASTIC_PRESETS,
  ...RUBBER_PRESETS,
  ...GEM_PRESETS,
  ...ORGANIC_PRESETS,
  ...SCIFI_PRESETS,
  ...NATURE_PRESETS,
  ...GROUND_PRESETS,
  ...LIQUID_PRESETS,
  ...PAINT_PRESETS,
  ...PAPER_PRESETS,
]);

const byId = new WeakMap<readonly MaterialPreset[], Map<string, MaterialPreset>>();

/** The preset with this id, or undefined. A frozen list (the shipped one) is indexed once; any
 * other list is searched, since it may change between calls. */
export function findPreset(
  presets: readonly MaterialPreset[],
  id: string,
): MaterialPreset | undefined {
  if (!Object.isFrozen(presets)) return presets.find((p) => p.id === id);
  let index = byId.get(presets);
  if (!index) {
    index = new Map();
    for (const p of presets) if (!index.has(p.id)) index.set(p.id, p);
    byId.set(presets, index);
  }
  return index.get(id);
}
