// A material assignment on an object: which preset, how it is projected, the modifiers applied on
// top, and optionally a second preset blended in through a mask. Stored in the edit layer (so it is
// undoable and hashed with the scene) and used as the bake cache key together with the size.
import * as v from 'valibot';
import { intIn, numIn, oneOf, strict } from '../spec/fields';
import {
  BLEND_MASKS,
  MaterialModifiersSchema,
  type BlendMask,
  type MaterialModifiersInput,
} from './modifiers';
import { PRESET_ID } from './preset';

export const PROJECTIONS = ['uv', 'triplanar', 'box', 'cylindrical', 'spherical'] as const;
export type Projection = (typeof PROJECTIONS)[number];

const PresetIdSchema = v.pipe(
  v.string(),
  v.regex(PRESET_ID, (i) => `expected a preset id, got ${JSON.stringify(i.input)}`),
);

/** A second preset mixed in through a mask (the bake's blend pass; see BlendSettingsSchema). */
export const MaterialBlendSchema = strict({
  /** The second material's preset id. */
  preset: PresetIdSchema,
  mask: oneOf(BLEND_MASKS),
  /** Share of the second material (0..1): threshold of the mask. */
  amount: numIn(0, 1),
  /** Width of the transition (0..1). */
  softness: numIn(0, 1),
  /** Mask noise scale: repeats per tile for the noise mask (1..32). */
  scale: v.optional(intIn(1, 32), 4),
  seed: v.optional(intIn(0, 0xffffffff), 0),
  /** Modifiers of the second material (before the blend). */
  modifiers: v.optional(MaterialModifiersSchema),
});

export const MaterialRefSchema = strict({
  preset: PresetIdSchema,
  projection: v.optional(oneOf(PROJECTIONS), 'uv'),
  /** Texture repeats per metre for world-space projections, or per UV unit. 0.05..50 */
  scale: v.optional(numIn(0.05, 50), 1),
  modifiers: v.optional(MaterialModifiersSchema),
  blend: v.optional(MaterialBlendSchema),
});

export interface MaterialBlend {
  preset: string;
  mask: BlendMask;
  amount: number;
  softness: number;
  scale?: number;
  seed?: number;
  /** Modifiers of the second material (applied before the blend). */
  modifiers?: MaterialModifiersInput;
}

export interface MaterialRef {
  preset: string;
  projection?: Projection;
  scale?: number;
  modifiers?: MaterialModifiersInput;
  /** A second preset mixed in through a mask. */
  blend?: MaterialBlend;
}
