// Which versions the user picked to compare: at most two, the newest pick replacing the older one.
// One pick compares it with the current state; two compare the older with the newer.
import type { VersionMeta } from '../../storage/project-repository';

/** The picks after toggling `id`: added (dropping the oldest pick beyond two) or removed. */
export function togglePick(picks: readonly string[], id: string): string[] {
  if (picks.includes(id)) return picks.filter((p) => p !== id);
  return [...picks, id].slice(-2);
}

export interface Comparison {
  /** A version id. */
  from: string;
  /** A version id, or 'current' (the open state). */
  to: string;
  label: string;
}

/** What "Compare" compares for these picks, or null when nothing is picked. */
export function comparison(
  picks: readonly string[],
  versions: readonly VersionMeta[],
): Comparison | null {
  const picked = picks
    .map((id) => versions.find((v) => v.id === id))
    .filter((v): v is VersionMeta => v !== undefined);
  if (picked.length === 0) return null;
  const label = (v: VersionMeta) => `"${v.message || 'untitled'}"`;
  if (picked.length === 1) {
    const v = picked[0]!;
    return { from: v.id, to: 'current', label: `${label(v)} → current` };
  }
  const [older, newer] = [...picked].sort((a, b) => a.time - b.time || a.revision - b.revision);
  return { from: older!.id, to: newer!.id, label: `${label(older!)} → ${label(newer!)}` };
}

/** Picks that still name a version (after a delete or a project switch). */
export function livePicks(picks: readonly string[], versions: readonly VersionMeta[]): string[] {
  const ids = new Set(versions.map((v) => v.id));
  const live = picks.filter((p) => ids.has(p));
  return live.length === picks.length ? (picks as string[]) : live;
}
