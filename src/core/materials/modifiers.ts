// Modifiers: compute passes over a baked material (shaders/material-modifier.wgsl, material-blend.wgsl),
// deterministic by seed. Weather, season and variation change one material; a blend mixes two through
// a mask. All are plain data so they hash into the bake cache key and travel with an assignment.
import * as v from 'valibot';
import { intIn, numIn, oneOf, strict } from '../spec/fields';

/** Index = the modifier kernel's `weather` code minus one (0 means none). Append only. */
export const WEATHERS = ['wet', 'frozen', 'dusty', 'corroded', 'weathered'] as const;
export type Weather = (typeof WEATHERS)[number];

/** Index = the modifier kernel's `season` code minus one (0 means none). Append only. */
export const SEASONS = ['spring', 'summer', 'autumn', 'winter'] as const;
export type Season = (typeof SEASONS)[number];

/** Index = the blend kernel's `mask` code. Append only. */
export const BLEND_MASKS = ['noise', 'height', 'slope'] as const;
export type BlendMask = (typeof BLEND_MASKS)[number];

export const MaterialModifiersSchema = strict({
  weather: v.optional(oneOf(WEATHERS)),
  /** How strongly the weather applies (0..1). */
  weatherAmount: v.optional(numIn(0, 1), 0.6),
  season: v.optional(oneOf(SEASONS)),
  /** Hue shift in turns (-0.5..0.5), saturation and value multipliers' offsets (-1..1). */
  hue: v.optional(numIn(-0.5, 0.5), 0),
  saturation: v.optional(numIn(-1, 1), 0),
  value: v.optional(numIn(-1, 1), 0),
  /** Edge wear from height curvature (0..1): lighter, rougher, metal shows through paint. */
  wear: v.optional(numIn(0, 1), 0),
  /** Dirt in cavities from AO (0..1). */
  dirt: v.optional(numIn(0, 1), 0),
  seed: v.optional(intIn(0, 0xffffffff), 0),
});
/** Modifiers with every default filled (what a validated bake request carries). */
export type MaterialModifiers = v.InferOutput<typeof MaterialModifiersSchema>;
/** Modifiers as written by a user or script: every field optional. */
export type MaterialModifiersInput = v.InferInput<typeof MaterialModifiersSchema>;

export const BlendSettingsSchema = strict({
  mask: oneOf(BLEND_MASKS),
  /** Share of the second material (0..1): threshold of the mask. */
  amount: numIn(0, 1),
  /** Width of the transition (0..1). */
  softness: numIn(0, 1),
  /** Mask noise scale: repeats per tile for the noise mask (1..32). */
  scale: v.optional(intIn(1, 32), 4),
  seed: v.optional(intIn(0, 0xffffffff), 0),
});
export type BlendSettings = v.InferOutput<typeof BlendSettingsSchema>;
export type BlendSettingsInput = v.InferInput<typeof BlendSettingsSchema>;

/** True when the modifiers change nothing (the modifier pass is skipped). */
export function isIdentityModifiers(m: MaterialModifiersInput | undefined): boolean {
  if (!m) return true;
  return (
    m.weather === undefined &&
    m.season === undefined &&
    !m.hue &&
    !m.saturation &&
    !m.value &&
    !m.wear &&
    !m.dirt
  );
}
