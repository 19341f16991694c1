// The one way a family file builds its presets: an entry gives what makes the material itself (pattern,
// colours, the params that differ from the family's defaults, tags, look) and definePresets fills the
// rest, prefixes the id with the family and derives a stable seed from the id, so no two presets share
// a seed and renaming nothing never changes a bake.
import type { MaterialFamily, MaterialLook, MaterialParams, MaterialPreset } from '../preset';

/** Params an entry must give (pattern, colours) plus any it overrides. */
export type ParamInput = Partial<Omit<MaterialParams, 'seed'>> &
  Pick<MaterialParams, 'pattern' | 'colors'>;

export interface PresetEntry {
  /** Second half of the id: 'oak-planks' becomes 'wood/oak-planks'. */
  slug: string;
  name: string;
  tags: readonly string[];
  params: ParamInput;
  look?: MaterialLook;
}

/** Defaults every family starts from; families override what is typical for them. */
export const BASE_PARAMS: Omit<MaterialParams, 'seed' | 'pattern' | 'colors'> = {
  scale: 4,
  density: 0.5,
  groove: 0.05,
  jitter: 0.3,
  warp: 0.2,
  detail: 0.3,
  stretch: 1,
  colorVariation: 0.1,
  roughness: [0.5, 0.7],
  metalness: [0, 0],
  height: 0.3,
  ao: 0.5,
  wear: 0,
};

/** FNV-1a of the id: the preset's seed, stable across releases and distinct per id. */
export function seedFor(id: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) {
    h ^= id.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

export function definePresets(
  family: MaterialFamily,
  defaults: Partial<Omit<MaterialParams, 'seed' | 'pattern' | 'colors'>>,
  entries: readonly PresetEntry[],
): MaterialPreset[] {
  return entries.map((e) => {
    const id = `${family}/${e.slug}`;
    const params: MaterialParams = {
      ...BASE_PARAMS,
      ...defaults,
      ...e.params,
      seed: seedFor(id),
    };
    const preset: MaterialPreset = { id, name: e.name, family, tags: [...e.tags], params };
    if (e.look) preset.look = e.look;
    return preset;
  });
}

/** Shorthand for a [min, max] pair. */
export const range = (lo: number, hi: number): [number, number] => [lo, hi];

/** One entry in a line: tags as 'red, wall, outdoor'. */
export function entry(
  slug: string,
  name: string,
  tags: string,
  params: ParamInput,
  look?: MaterialLook,
): PresetEntry {
  const list = tags
    .split(',')
    .map((t) => t.trim())
    .filter((t) => t.length > 0);
  return look ? { slug, name, tags: list, params, look } : { slug, name, tags: list, params };
}
