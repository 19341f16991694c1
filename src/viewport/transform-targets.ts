// What a gizmo drag or a modal transform moves, from the selection: the objects to put in the one
// edit command (roots: selected, unlocked, not inside another selected group), everything that
// moves on screen with them (a group's contents), their world matrices at the start, and the pivot
// (the median of their positions, as Blender's "median point"). Pure, on the document only.
import { childrenOf, getObject, type DocumentView } from '../core/document';
import { multiply, type Mat4 } from '../core/math/mat4-ops';

export interface TransformTargets {
  /** Ids for the command, in selection order. */
  roots: string[];
  rootStarts: Mat4[];
  /** Roots and everything inside them: what a preview redraws. */
  moved: string[];
  movedStarts: Mat4[];
  pivot: [number, number, number];
  /** The world matrix when exactly one object with geometry moves (the gizmo takes its rotation). */
  single: Mat4 | null;
}

const MAX_DEPTH = 32;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function insideAny(view: DocumentView, id: string, set: ReadonlySet<string>): boolean {
  let parent = view.layer.records[id]?.parent;
  for (let depth = 0; parent && depth < MAX_DEPTH; depth++) {
    if (set.has(parent)) return true;
    parent = view.layer.records[parent]?.parent;
  }
  return false;
}

/** The transform targets of a selection, or null when nothing in it can move. */
export function transformTargets(
  view: DocumentView,
  selection: readonly string[],
): TransformTargets | null {
  const movable = [...new Set(selection)].filter((id) => {
    const obj = getObject(view, id);
    return obj !== null && !obj.locked;
  });
  const set = new Set(movable);
  const roots = movable.filter((id) => !insideAny(view, id, set));
  if (roots.length === 0) return null;
  const moved: string[] = [];
  const seen = new Set<string>();
  const visit = (id: string, depth: number) => {
    if (seen.has(id) || depth > MAX_DEPTH) return;
    seen.add(id);
    moved.push(id);
    if (view.layer.records[id]?.source?.kind === 'group') {
      for (const child of childrenOf(view, id)) visit(child, depth + 1);
    }
  };
  for (const id of roots) visit(id, 0);
  const objects = moved.map((id) => getObject(view, id)!);
  const solid = objects.filter((o) => o.kind !== 'group');
  const located = solid.length > 0 ? solid : objects;
  const pivot: [number, number, number] = [12, 13, 14].map((k) =>
    median(located.map((o) => o.world[k]!)),
  ) as [number, number, number];
  return {
    roots,
    rootStarts: roots.map((id) => getObject(view, id)!.world),
    moved,
    movedStarts: objects.map((o) => o.world),
    pivot,
    single: solid.length === 1 ? solid[0]!.world : null,
  };
}

/** Each start matrix with a world-space delta applied first-to-last: delta * start. */
export function applyDelta(delta: Mat4, starts: readonly Mat4[]): number[][] {
  return starts.map((m) => multiply(delta, m));
}

export function isIdentity(m: Mat4, eps = 1e-9): boolean {
  for (let i = 0; i < 16; i++) {
    if (Math.abs(m[i]! - (i % 5 === 0 ? 1 : 0)) > eps) return false;
  }
  return true;
}
