// Applying a preset to objects: one undoable 'setMaterial' edit with the browser's projection and
// scale (and the editor's modifiers, when any change something, and its blend with a second preset).
// A refused edit is told to the user as a notice, never thrown into the console.
import type { MaterialBlend, MaterialRef } from '../../core/materials/material-ref';
import { isIdentityModifiers, type MaterialModifiers } from '../../core/materials/modifiers';
import { resolvePreset } from '../../state/materials-slice';
import type { StudioState, StudioStore } from '../../state/store';

/** Modifiers as the editor holds them: any field may be left out (its default applies). */
export type ModifierDraft = Partial<MaterialModifiers>;

const MODIFIER_DEFAULTS = {
  weatherAmount: 0.6,
  hue: 0,
  saturation: 0,
  value: 0,
  wear: 0,
  dirt: 0,
  seed: 0,
};

/** The draft with defaults filled; undefined when it changes nothing (no modifier pass). */
export function cleanModifiers(m: ModifierDraft | undefined): MaterialModifiers | undefined {
  if (!m) return undefined;
  const out: MaterialModifiers = { ...MODIFIER_DEFAULTS };
  for (const [key, value] of Object.entries(m)) {
    if (value !== undefined) (out as Record<string, unknown>)[key] = value;
  }
  return isIdentityModifiers(out) ? undefined : out;
}

/** The assignment for a preset with the current apply options. */
export function materialRefFor(
  s: StudioState,
  preset: string,
  modifiers?: ModifierDraft,
  blend?: MaterialBlend,
): MaterialRef {
  const mods = cleanModifiers(modifiers);
  return {
    preset,
    projection: s.materials.apply.projection,
    scale: s.materials.apply.scale,
    ...(mods ? { modifiers: mods } : {}),
    ...(blend ? { blend } : {}),
  };
}

/** Why a preset (blended with another) cannot be applied to the selection now, or null. */
export function applyBlocker(
  s: StudioState,
  preset: string | null,
  blendPreset?: string,
): string | null {
  if (!preset) return 'Choose a material first';
  if (!resolvePreset(s, preset)) return `Unknown material ${preset}`;
  if (blendPreset !== undefined && !resolvePreset(s, blendPreset)) {
    return `Unknown material ${blendPreset} to blend with`;
  }
  if (s.doc.selection.length === 0) return 'Select one or more objects to apply the material to';
  return null;
}

/** Applies a material to `ids` as one edit; false (and a notice) when it is refused. */
export function applyMaterial(
  store: StudioStore,
  ids: readonly string[],
  ref: MaterialRef,
): boolean {
  try {
    store.getState().edit({ type: 'setMaterial', ids: [...ids], material: ref });
    return true;
  } catch (error) {
    store.getState().notify('error', error instanceof Error ? error.message : String(error));
    return false;
  }
}

/** Applies a preset (blended with another, if given) to the selection as one edit; false (with a
 *  notice saying why) when it cannot. */
export function applyToSelection(
  store: StudioStore,
  preset: string | null,
  modifiers?: ModifierDraft,
  blend?: MaterialBlend,
): boolean {
  const s = store.getState();
  const blocker = applyBlocker(s, preset, blend?.preset);
  if (blocker) {
    s.notify('info', blocker);
    return false;
  }
  return applyMaterial(store, s.doc.selection, materialRefFor(s, preset!, modifiers, blend));
}

/** Ids in the selection that carry a material of their own (the reset action's targets). */
export function selectionWithMaterial(s: StudioState): string[] {
  return s.doc.selection.filter((id) => s.doc.layer.records[id]?.material !== undefined);
}
