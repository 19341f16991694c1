// What a bake asks for: one material's params (or two and a blend), modifiers and a size. The
// request carries resolved params, not preset ids, so the worker needs no library and user presets
// bake like shipped ones. validateBakeRequest names every problem at once.
import * as v from 'valibot';
import {
  BlendSettingsSchema,
  MaterialModifiersSchema,
  type BlendSettings,
  type MaterialModifiers,
} from './modifiers';
import { MaterialParamsSchema, type MaterialParams } from './preset';

/** Bake sizes: powers of two. The quality profile picks 256..2048; thumbnails and tests go lower. */
export const BAKE_SIZES = [16, 32, 64, 128, 256, 512, 1024, 2048] as const;
export type BakeSize = (typeof BAKE_SIZES)[number];

export interface MaterialBakeRequest {
  params: MaterialParams;
  modifiers?: MaterialModifiers;
  /** A second material mixed in through a mask (after each side's own modifiers). */
  blend?: { params: MaterialParams; modifiers?: MaterialModifiers; settings: BlendSettings };
  size: BakeSize;
}

export class MaterialBakeError extends Error {
  constructor(readonly issues: string[]) {
    super(`Invalid material bake: ${issues.join('; ')}`);
    this.name = 'MaterialBakeError';
  }
}

const RequestSchema = v.strictObject({
  params: MaterialParamsSchema,
  modifiers: v.optional(MaterialModifiersSchema),
  blend: v.optional(
    v.strictObject({
      params: MaterialParamsSchema,
      modifiers: v.optional(MaterialModifiersSchema),
      settings: BlendSettingsSchema,
    }),
  ),
  size: v.picklist(
    BAKE_SIZES,
    (i) => `expected a size of ${BAKE_SIZES.join(', ')}, got ${String(i.input)}`,
  ),
});

/** The request with defaults filled in; throws MaterialBakeError naming each bad field. */
export function validateBakeRequest(input: unknown): MaterialBakeRequest {
  const r = v.safeParse(RequestSchema, input);
  if (!r.success) {
    throw new MaterialBakeError(
      r.issues.map((i) => `${v.getDotPath(i) ?? 'request'}: ${i.message}`),
    );
  }
  return r.output as MaterialBakeRequest;
}
