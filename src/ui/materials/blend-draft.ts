// The editor's "Blend with…" section as plain data: the draft it holds (a second preset, the mask
// and its settings), the assignment's blend made from it, the choices of the searchable preset
// picker and the sliders' ranges (as MaterialBlendSchema defines them). No React here, so it is
// unit-tested directly.
import { searchPresets } from '../../core/materials/library/search';
import type { MaterialBlend } from '../../core/materials/material-ref';
import { BLEND_MASKS, type BlendMask } from '../../core/materials/modifiers';
import type { MaterialPreset } from '../../core/materials/preset';
import type { NumberSpec } from './param-fields';

/** The blend as the editor holds it: `preset` is null until a second material is chosen. */
export interface BlendDraft {
  preset: string | null;
  mask: BlendMask;
  amount: number;
  softness: number;
  scale: number;
  seed: number;
}

/** What switching the blend on starts from: half and half through a soft noise mask. */
export const DEFAULT_BLEND: BlendDraft = {
  preset: null,
  mask: 'noise',
  amount: 0.5,
  softness: 0.2,
  scale: 4,
  seed: 0,
};

export const BLEND_MASK_LABELS: Record<BlendMask, string> = {
  noise: 'Noise',
  height: 'Height',
  slope: 'Slope',
};

export const BLEND_MASK_HINTS: Record<BlendMask, string> = {
  noise: 'Patches of the second material from tiling noise (moss, dirt, rust spots)',
  height:
    "Height-aware: the second material shows where its relief rises above the first's (moss, sand, mud filling the low areas)",
  slope: "The second material on the first one's steep relief (the edges of stones and bricks)",
};

export const BLEND_MASK_OPTIONS = BLEND_MASKS.map((m) => ({
  value: m,
  label: BLEND_MASK_LABELS[m],
}));

type BlendNumber = 'amount' | 'softness' | 'scale';

export const BLEND_FIELDS: NumberSpec<BlendNumber>[] = [
  {
    field: 'amount',
    label: 'Amount',
    min: 0,
    max: 1,
    step: 0.01,
    hint: 'Share of the second material: 0 shows the first only, 1 the second only',
  },
  {
    field: 'softness',
    label: 'Softness',
    min: 0,
    max: 1,
    step: 0.01,
    hint: 'Width of the transition between the two materials',
  },
  {
    field: 'scale',
    label: 'Noise scale',
    min: 1,
    max: 32,
    step: 1,
    hint: 'Noise mask repeats per texture tile (whole numbers, so the tile wraps seamlessly)',
  },
];

/** The assignment's blend for a draft; undefined while no second material is chosen. */
export function blendFromDraft(d: BlendDraft | null | undefined): MaterialBlend | undefined {
  if (!d || !d.preset) return undefined;
  return {
    preset: d.preset,
    mask: d.mask,
    amount: d.amount,
    softness: d.softness,
    scale: d.scale,
    seed: d.seed,
  };
}

/** The draft that shows an existing blend (defaults filled). */
export function draftFromBlend(b: MaterialBlend): BlendDraft {
  return {
    preset: b.preset,
    mask: b.mask,
    amount: b.amount,
    softness: b.softness,
    scale: b.scale ?? DEFAULT_BLEND.scale,
    seed: b.seed ?? DEFAULT_BLEND.seed,
  };
}

/** Where the editor reads the selection from: the selected ids and objects' own records. */
export interface SelectionLike {
  doc: {
    selection: readonly string[];
    layer: {
      records: Readonly<Record<string, { material?: { preset: string; blend?: MaterialBlend } }>>;
    };
  };
}

/**
 * The draft the editor opens with for a preset: the blend of the first selected object when that
 * object wears this preset blended (so its blend can be tuned and applied again), else none.
 */
export function selectionBlendDraft(s: SelectionLike, preset: string | null): BlendDraft | null {
  const first = s.doc.selection[0];
  const material = first !== undefined ? s.doc.layer.records[first]?.material : undefined;
  if (!material?.blend || material.preset !== preset) return null;
  return draftFromBlend(material.blend);
}

/** Why the editor cannot apply this blend, or null when it can (or there is none). */
export function blendBlocker(
  d: BlendDraft | null,
  resolve: (id: string) => MaterialPreset | undefined,
): string | null {
  if (!d) return null;
  if (!d.preset) return 'Choose a material to blend with, or switch Blend off';
  if (!resolve(d.preset)) return `Unknown material ${d.preset} to blend with`;
  return null;
}

/** At most this many presets are listed in the picker; the search narrows the rest. */
export const BLEND_CHOICES_LIMIT = 150;

export interface BlendChoices {
  /** The presets to list, best match first; the current choice is always among them. */
  options: MaterialPreset[];
  /** How many presets match the query (before the limit). */
  total: number;
  /** How many of the matches are listed (the limit applied). */
  shown: number;
  /** The best match for the query (what Enter in the search box picks), null when none. */
  best: string | null;
}

/**
 * The picker's presets for a query: the browser's search (every word must match a name, tag,
 * family or id), without the material being edited, limited; the current choice stays listed (first)
 * even when the query does not match it, so the select always shows what is chosen.
 */
export function blendChoices(
  presets: readonly MaterialPreset[],
  query: string,
  current: string | null,
  exclude?: string,
  limit = BLEND_CHOICES_LIMIT,
): BlendChoices {
  const hits = searchPresets(presets, { query }).filter((p) => p.id !== exclude);
  const options = hits.slice(0, limit);
  if (current && !options.some((p) => p.id === current)) {
    const chosen = presets.find((p) => p.id === current);
    if (chosen) options.unshift(chosen);
  }
  const shown = Math.min(hits.length, limit);
  return { options, total: hits.length, shown, best: hits[0]?.id ?? null };
}

/** The picker's line under the select: how many match and whether the list is cut. */
export function blendChoicesStatus(c: BlendChoices): string {
  if (c.total === 0) return 'No materials match';
  if (c.total > c.shown) return `First ${c.shown} of ${c.total}; search to narrow`;
  return `${c.total} material${c.total === 1 ? '' : 's'}`;
}
