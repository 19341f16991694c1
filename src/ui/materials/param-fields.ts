// The editor's fields: every numeric bake parameter and modifier with its label, range, step and
// meaning (as MaterialParamsSchema and MaterialModifiersSchema define them), so sliders are read
// from one table and cannot drift from the schema's limits.
import type { MaterialModifiers } from '../../core/materials/modifiers';
import type { MaterialParams } from '../../core/materials/preset';

export interface NumberSpec<K extends string> {
  field: K;
  label: string;
  min: number;
  max: number;
  step: number;
  hint: string;
}

type NumericParam =
  | 'scale'
  | 'density'
  | 'groove'
  | 'jitter'
  | 'warp'
  | 'detail'
  | 'stretch'
  | 'colorVariation'
  | 'height'
  | 'ao'
  | 'wear';

export const PATTERN_FIELDS: NumberSpec<NumericParam>[] = [
  {
    field: 'scale',
    label: 'Scale',
    min: 1,
    max: 64,
    step: 1,
    hint: 'Pattern repeats per texture tile (whole numbers, so the tile wraps seamlessly)',
  },
  {
    field: 'density',
    label: 'Density',
    min: 0,
    max: 1,
    step: 0.01,
    hint: 'Pattern-specific density: bricks per row, cells, threads, traces',
  },
  {
    field: 'groove',
    label: 'Groove',
    min: 0,
    max: 0.5,
    step: 0.005,
    hint: 'Width of grooves, mortar, grout and cracks as a share of a cell',
  },
  {
    field: 'jitter',
    label: 'Jitter',
    min: 0,
    max: 1,
    step: 0.01,
    hint: 'Irregularity of cells, offsets and sizes',
  },
  { field: 'warp', label: 'Warp', min: 0, max: 1, step: 0.01, hint: 'Domain warp strength' },
  {
    field: 'detail',
    label: 'Detail',
    min: 0,
    max: 1,
    step: 0.01,
    hint: 'Fine detail noise mixed into height and colour',
  },
  {
    field: 'stretch',
    label: 'Stretch',
    min: 0.1,
    max: 10,
    step: 0.05,
    hint: 'Anisotropy: above 1 stretches features along x (grain, brushed), below 1 along y',
  },
];

export const COLOUR_VARIATION: NumberSpec<NumericParam> = {
  field: 'colorVariation',
  label: 'Variation',
  min: 0,
  max: 1,
  step: 0.01,
  hint: 'Per-cell tint variation',
};

export const SURFACE_FIELDS: NumberSpec<NumericParam>[] = [
  {
    field: 'height',
    label: 'Relief',
    min: 0,
    max: 1,
    step: 0.01,
    hint: 'Height relief: normal strength and parallax depth',
  },
  {
    field: 'ao',
    label: 'Occlusion',
    min: 0,
    max: 1,
    step: 0.01,
    hint: 'Ambient occlusion strength from height',
  },
  {
    field: 'wear',
    label: 'Edge wear',
    min: 0,
    max: 1,
    step: 0.01,
    hint: 'Built-in edge wear, before any modifier',
  },
];

export const COLOUR_LABELS = ['Base', 'Secondary', 'Groove'] as const;

export type RangeParam = 'roughness' | 'metalness';
export const RANGE_FIELDS: { field: RangeParam; label: string; hint: string }[] = [
  {
    field: 'roughness',
    label: 'Roughness',
    hint: 'Roughness from the smoothest to the roughest texel',
  },
  {
    field: 'metalness',
    label: 'Metalness',
    hint: 'Metalness from the least to the most metallic texel',
  },
];

type NumericModifier = 'weatherAmount' | 'hue' | 'saturation' | 'value' | 'wear' | 'dirt';

export const WEATHER_AMOUNT: NumberSpec<NumericModifier> = {
  field: 'weatherAmount',
  label: 'Amount',
  min: 0,
  max: 1,
  step: 0.01,
  hint: 'How strongly the weather applies',
};

export const MODIFIER_FIELDS: NumberSpec<NumericModifier>[] = [
  { field: 'hue', label: 'Hue', min: -0.5, max: 0.5, step: 0.01, hint: 'Hue shift in turns' },
  {
    field: 'saturation',
    label: 'Saturation',
    min: -1,
    max: 1,
    step: 0.01,
    hint: 'Saturation offset',
  },
  { field: 'value', label: 'Value', min: -1, max: 1, step: 0.01, hint: 'Brightness offset' },
  {
    field: 'wear',
    label: 'Wear',
    min: 0,
    max: 1,
    step: 0.01,
    hint: 'Edge wear from curvature: lighter, rougher, metal shows through paint',
  },
  {
    field: 'dirt',
    label: 'Dirt',
    min: 0,
    max: 1,
    step: 0.01,
    hint: 'Dirt in cavities, from occlusion',
  },
];

export const SEED_MAX = 0xffffffff;

/** A new random seed (UI only: bakes stay deterministic for a given seed). */
export function randomSeed(): number {
  return crypto.getRandomValues(new Uint32Array(1))[0]!;
}

export type { MaterialModifiers, MaterialParams };
