// A material assignment on an object: which preset, how it is projected, and the modifiers applied
// on top. Stored in the edit layer (so it is undoable and hashed with the scene) and used as the
// bake cache key together with the size.
import * as v from 'valibot';
import { numIn, oneOf, strict } from '../spec/fields';
import { MaterialModifiersSchema, type MaterialModifiersInput } from './modifiers';
import { PRESET_ID } from './preset';

export const PROJECTIONS = ['uv', 'triplanar', 'box', 'cylindrical', 'spherical'] as const;
export type Projection = (typeof PROJECTIONS)[number];

export const MaterialRefSchema = strict({
  preset: v.pipe(
    v.string(),
    v.regex(PRESET_ID, (i) => `expected a preset id, got ${JSON.stringify(i.input)}`),
  ),
  projection: v.optional(oneOf(PROJECTIONS), 'uv'),
  /** Texture repeats per metre for world-space projections, or per UV unit. 0.05..50 */
  scale: v.optional(numIn(0.05, 50), 1),
  modifiers: v.optional(MaterialModifiersSchema),
});

export interface MaterialRef {
  preset: string;
  projection?: Projection;
  scale?: number;
  modifiers?: MaterialModifiersInput;
}
