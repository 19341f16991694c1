// Undo history: each entry keeps the document state before and after one edit, so undo and redo
// restore exact states (never an inverse computed in floating point). States share structure, so
// an entry costs what the edit changed. Pure: the store holds the value.

export interface HistoryEntry<S, C> {
  /** 'Move Barrel 3', 'Generate Dungeon', 'Edit dungeon.rooms.count'. */
  label: string;
  command: C;
  before: S;
  after: S;
  /** Consecutive edits with the same key merge into one entry (typing into one field). */
  mergeKey?: string;
}

export interface History<S, C> {
  past: readonly HistoryEntry<S, C>[];
  future: readonly HistoryEntry<S, C>[];
}

export const EMPTY_HISTORY: History<never, never> = Object.freeze({ past: [], future: [] });

/** Entries kept; the oldest go first. A generated scene per entry is shared, not copied. */
export const HISTORY_LIMIT = 200;

export function pushEntry<S, C>(
  history: History<S, C>,
  entry: HistoryEntry<S, C>,
  limit = HISTORY_LIMIT,
): History<S, C> {
  const last = history.past[history.past.length - 1];
  if (
    entry.mergeKey !== undefined &&
    last?.mergeKey === entry.mergeKey &&
    history.future.length === 0
  ) {
    const merged = { ...entry, before: last.before };
    return { past: [...history.past.slice(0, -1), merged], future: [] };
  }
  const past = [...history.past, entry];
  return { past: past.length > limit ? past.slice(past.length - limit) : past, future: [] };
}

export function undoEntry<S, C>(
  history: History<S, C>,
): { history: History<S, C>; state: S; entry: HistoryEntry<S, C> } | null {
  const entry = history.past[history.past.length - 1];
  if (!entry) return null;
  return {
    history: { past: history.past.slice(0, -1), future: [entry, ...history.future] },
    state: entry.before,
    entry,
  };
}

export function redoEntry<S, C>(
  history: History<S, C>,
): { history: History<S, C>; state: S; entry: HistoryEntry<S, C> } | null {
  const entry = history.future[0];
  if (!entry) return null;
  return {
    history: { past: [...history.past, entry], future: history.future.slice(1) },
    state: entry.after,
    entry,
  };
}
