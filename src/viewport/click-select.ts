// How clicks and box selections change the selection, as in Blender's object mode. The first id is
// the active object. Pure.

/**
 * A click on `hit` (null: empty space). Plain click: select only it, or clear. Shift-click: add it
 * and make it active; on the active object, deselect it; on another selected object, make it
 * active; on empty space, nothing.
 */
export function clickSelection(
  selection: readonly string[],
  hit: string | null,
  shift: boolean,
): string[] {
  if (!shift) return hit === null ? [] : [hit];
  if (hit === null) return [...selection];
  if (selection[0] === hit) return selection.slice(1);
  return [hit, ...selection.filter((id) => id !== hit)];
}

/** A box selection: replace (the active object stays active if it is inside) or, with Shift, add. */
export function boxSelection(
  selection: readonly string[],
  inside: readonly string[],
  shift: boolean,
): string[] {
  if (shift) {
    const have = new Set(selection);
    return [...selection, ...inside.filter((id) => !have.has(id))];
  }
  const active = selection[0];
  if (active !== undefined && inside.includes(active)) {
    return [active, ...inside.filter((id) => id !== active)];
  }
  return [...inside];
}
