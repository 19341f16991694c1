// The outliner's tree derived from the document: one entry per generated part (its instances as
// children), the objects the user added, and groups with what was moved into them; then the tree
// flattened into rows for the windowed list. Pure and cheap in the number of edit records, not of
// instances: a part's thousands of instances become rows only while the part is expanded.
import {
  lookupGenerated,
  objectId,
  parseObjectId,
  partGroupLabel,
  type DocumentView,
  type PartInfo,
} from '../../core/document';

/** A generated part with more than one instance, listed as one collapsible entry. */
export interface PartEntry {
  type: 'part';
  /** The part key ('prop:barrel'): also its key in the outliner order. */
  key: string;
  part: PartInfo;
  /** 'Barrels'. */
  label: string;
  /** Instances listed under the entry: not removed and not moved into a group. */
  count: number;
  /** How many of those are hidden / locked (their own flags). */
  hidden: number;
  locked: number;
}

/** One object at the top level: an added object, a group, or a single-instance part's object. */
export interface ObjectEntry {
  type: 'object';
  /** The key in the outliner order: the object id, or the part key for a single-instance part. */
  key: string;
  id: string;
}

export type TopEntry = PartEntry | ObjectEntry;

export interface OutlinerTree {
  top: readonly TopEntry[];
  /** Each group's children in default order (generated in scene order, then added in creation order). */
  children: ReadonlyMap<string, readonly string[]>;
  /** Per part key: the instances that are not listed under the part (removed, or in a group). */
  excluded: ReadonlyMap<string, ReadonlySet<number>>;
}

/** The number in an added object's id ('group:12' → 12), for creation order. */
function creationNumber(id: string): number {
  const n = Number(id.slice(id.lastIndexOf(':') + 1));
  return Number.isFinite(n) ? n : Number.MAX_SAFE_INTEGER;
}

function isGroup(doc: DocumentView, id: string | undefined): id is string {
  return id !== undefined && doc.layer.records[id]?.source?.kind === 'group';
}

export function buildOutlinerTree(doc: DocumentView): OutlinerTree {
  const { index, layer } = doc;
  const partOrder = new Map(index.parts.map((p, i) => [p.key, i]));
  const excluded = new Map<string, Set<number>>();
  const hidden = new Map<string, number>();
  const locked = new Map<string, number>();
  const children = new Map<string, string[]>();
  const added: string[] = [];
  const bump = (m: Map<string, number>, key: string) => m.set(key, (m.get(key) ?? 0) + 1);

  for (const [id, record] of Object.entries(layer.records)) {
    const parent = isGroup(doc, record.parent) && record.parent !== id ? record.parent : undefined;
    if (record.source) {
      if (parent) pushTo(children, parent, id);
      else added.push(id);
      continue;
    }
    const found = lookupGenerated(index, id);
    if (!found) continue;
    if (record.removed || parent) {
      let set = excluded.get(found.part.key);
      if (!set) excluded.set(found.part.key, (set = new Set()));
      set.add(found.instance);
      if (!record.removed && parent) pushTo(children, parent, id);
      continue;
    }
    if (record.hidden) bump(hidden, found.part.key);
    if (record.locked) bump(locked, found.part.key);
  }

  const byDefaultOrder = (a: string, b: string): number => {
    const pa = parseObjectId(a);
    const pb = parseObjectId(b);
    const ga = pa && !layer.records[a]?.source ? pa : null;
    const gb = pb && !layer.records[b]?.source ? pb : null;
    if (ga && gb) {
      const byPart = (partOrder.get(ga.part) ?? 0) - (partOrder.get(gb.part) ?? 0);
      return byPart !== 0 ? byPart : ga.instance - gb.instance;
    }
    if (ga || gb) return ga ? -1 : 1;
    return creationNumber(a) - creationNumber(b) || (a < b ? -1 : a > b ? 1 : 0);
  };
  for (const list of children.values()) list.sort(byDefaultOrder);
  added.sort(byDefaultOrder);

  const defaults: TopEntry[] = [];
  for (const part of index.parts) {
    const gone = excluded.get(part.key)?.size ?? 0;
    const count = part.count - gone;
    if (count <= 0) continue;
    if (part.count === 1) {
      defaults.push({ type: 'object', key: part.key, id: objectId(part.key, 0) });
      continue;
    }
    defaults.push({
      type: 'part',
      key: part.key,
      part,
      label: partGroupLabel(part.key, part.count),
      count,
      hidden: hidden.get(part.key) ?? 0,
      locked: locked.get(part.key) ?? 0,
    });
  }
  for (const id of added) defaults.push({ type: 'object', key: id, id });

  // The order the user arranged comes first (entries that still exist), then the rest by default.
  const byKey = new Map(defaults.map((e) => [e.key, e]));
  const top: TopEntry[] = [];
  for (const key of layer.order) {
    const entry = byKey.get(key);
    if (entry) {
      top.push(entry);
      byKey.delete(key);
    }
  }
  for (const entry of defaults) if (byKey.has(entry.key)) top.push(entry);
  return { top, children, excluded };
}

function pushTo(map: Map<string, string[]>, key: string, value: string): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Ids of the instances listed under a part entry, in instance order. */
export function partMemberIds(tree: OutlinerTree, entry: PartEntry): string[] {
  const gone = tree.excluded.get(entry.key);
  const ids: string[] = [];
  for (let i = 0; i < entry.part.count; i++) if (!gone?.has(i)) ids.push(objectId(entry.key, i));
  return ids;
}

/** The keys of the top-level entries, in outliner order (what the 'reorder' command takes). */
export function topKeys(tree: OutlinerTree): string[] {
  return tree.top.map((e) => e.key);
}

// ------------------------------------------------------------------------------------------------
// Rows: the tree flattened for the windowed list.

export interface FlatRow {
  /** Unique among rows: `part:${key}` for a part entry, the object id otherwise. */
  key: string;
  kind: 'part' | 'object';
  /** Object rows: the object id. */
  id?: string;
  /** Part rows: the entry. */
  entry?: PartEntry;
  /** Top-level rows: the entry's key in the outliner order. */
  orderKey?: string;
  /** 0 at the top level. */
  depth: number;
  /** Row key of the parent row; undefined at the top level. */
  parent?: string;
  /** 1-based position among its siblings, and their number (aria-posinset / aria-setsize). */
  pos: number;
  siblings: number;
  expandable: boolean;
}

export function partRowKey(partKey: string): string {
  return `part:${partKey}`;
}

/** The rows shown when the row keys in `expanded` are open. Cost: the rows produced. */
export function flattenTree(tree: OutlinerTree, expanded: ReadonlySet<string>): FlatRow[] {
  const rows: FlatRow[] = [];
  const visiting = new Set<string>();
  const addObject = (
    id: string,
    depth: number,
    parent: string | undefined,
    pos: number,
    n: number,
    orderKey?: string,
  ) => {
    const kids = tree.children.get(id);
    const expandable = kids !== undefined && kids.length > 0;
    rows.push({
      key: id,
      kind: 'object',
      id,
      depth,
      pos,
      siblings: n,
      expandable,
      ...(parent !== undefined ? { parent } : {}),
      ...(orderKey !== undefined ? { orderKey } : {}),
    });
    // A corrupt layer could make a group its own ancestor; each group is walked once per path.
    if (!expandable || !expanded.has(id) || visiting.has(id) || depth > 32) return;
    visiting.add(id);
    kids.forEach((child, i) => addObject(child, depth + 1, id, i + 1, kids.length));
    visiting.delete(id);
  };
  const n = tree.top.length;
  tree.top.forEach((entry, i) => {
    if (entry.type === 'object') {
      addObject(entry.id, 0, undefined, i + 1, n, entry.key);
      return;
    }
    const key = partRowKey(entry.key);
    rows.push({
      key,
      kind: 'part',
      entry,
      orderKey: entry.key,
      depth: 0,
      pos: i + 1,
      siblings: n,
      expandable: true,
    });
    if (!expanded.has(key)) return;
    const gone = tree.excluded.get(entry.key);
    let pos = 0;
    for (let k = 0; k < entry.part.count; k++) {
      if (gone?.has(k)) continue;
      const id = objectId(entry.key, k);
      rows.push({
        key: id,
        kind: 'object',
        id,
        depth: 1,
        parent: key,
        pos: ++pos,
        siblings: entry.count,
        expandable: false,
      });
    }
  });
  return rows;
}

/**
 * The row keys to expand so that object `id` gets a row: its groups, or its part entry. Empty when
 * it is at the top level or does not exist.
 */
export function rowAncestors(doc: DocumentView, tree: OutlinerTree, id: string): string[] {
  const out: string[] = [];
  let current = id;
  for (let depth = 0; depth < 32; depth++) {
    const parent = doc.layer.records[current]?.parent;
    if (isGroup(doc, parent) && parent !== current) {
      out.unshift(parent);
      current = parent;
      continue;
    }
    break;
  }
  if (out.length > 0) return out;
  const found = doc.layer.records[id]?.source ? null : lookupGenerated(doc.index, id);
  if (found && found.part.count > 1 && !tree.excluded.get(found.part.key)?.has(found.instance)) {
    out.push(partRowKey(found.part.key));
  }
  return out;
}

/** How many of each part entry's instances are selected (for its highlight). */
export function selectedPerPart(
  tree: OutlinerTree,
  selection: readonly string[],
): Map<string, number> {
  const counts = new Map<string, number>();
  for (const id of selection) {
    const parsed = parseObjectId(id);
    if (!parsed || tree.excluded.get(parsed.part)?.has(parsed.instance)) continue;
    counts.set(parsed.part, (counts.get(parsed.part) ?? 0) + 1);
  }
  return counts;
}

// ------------------------------------------------------------------------------------------------
// Reordering top-level entries.

/** `keys` with `key` moved one place up (-1) or down (+1); null when it cannot move that way. */
export function moveBy(keys: readonly string[], key: string, delta: -1 | 1): string[] | null {
  const from = keys.indexOf(key);
  const to = from + delta;
  if (from < 0 || to < 0 || to >= keys.length) return null;
  const next = [...keys];
  next.splice(from, 1);
  next.splice(to, 0, key);
  return next;
}

/** `keys` with `dragged` dropped before or after `target`; null when nothing would change. */
export function dropOrder(
  keys: readonly string[],
  dragged: string,
  target: string,
  position: 'before' | 'after',
): string[] | null {
  if (dragged === target || !keys.includes(dragged) || !keys.includes(target)) return null;
  const rest = keys.filter((k) => k !== dragged);
  const at = rest.indexOf(target) + (position === 'after' ? 1 : 0);
  rest.splice(at, 0, dragged);
  return rest.every((k, i) => k === keys[i]) ? null : rest;
}
