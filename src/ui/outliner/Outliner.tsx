// The outliner: the document's objects as a tree (parts with their instances, added objects,
// groups), windowed so that a part with thousands of instances costs only the rows in view.
// Selection, visibility, locks, names and the top-level order are edits through the store; the
// tree's own state (expanded rows, focus, the rename in progress) stays here.
import {
  useCallback,
  useId,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type DragEvent,
  type KeyboardEvent,
  type MouseEvent,
} from 'react';
import { getObject, type Command, type DocumentView } from '../../core/document';
import { useStudio, useStudioStore } from '../../state/store-context';
import { formatCount } from '../format';
import { Icon, type IconName } from '../side-panel/icons';
import {
  buildOutlinerTree,
  dropOrder,
  flattenTree,
  moveBy,
  partMemberIds,
  rowAncestors,
  selectedPerPart,
  topKeys,
  type FlatRow,
  type OutlinerTree,
} from './outliner-tree';
import { OutlinerRow, type OutlinerRowProps, type RenameControl, type Tri } from './OutlinerRow';
import { scrollToRow, windowRange } from './window-range';
import '../side-panel/side-panel.css';
import './outliner.css';

const ROW_HEIGHT = 24;
const OVERSCAN = 8;

export const OUTLINER_EMPTY_TEXT =
  'No objects yet — generate a scene (Ctrl+Enter) or open a .glb file';

type SelectMode = 'replace' | 'add' | 'toggle';
type Mods = { shiftKey: boolean; ctrlKey: boolean; metaKey: boolean };

const tri = (n: number, of: number): Tri => (n === 0 ? 'off' : n >= of ? 'on' : 'mixed');

function iconFor(kind: string, part: string | undefined): IconName {
  if (kind === 'group') return 'group';
  if (kind === 'asset') return 'asset';
  if (kind === 'part') return 'copy';
  return part?.startsWith('terrain:') ? 'terrain' : 'object';
}

/** Everything a row shows, read from the document (only for rows in view). */
function rowData(
  doc: DocumentView,
  row: FlatRow,
  selected: ReadonlySet<string>,
  partSelected: ReadonlyMap<string, number>,
): Omit<OutlinerRowProps, 'top' | 'domId' | 'focused' | 'expanded' | 'drop' | 'rename'> {
  const base = {
    rowKey: row.key,
    depth: row.depth,
    pos: row.pos,
    siblings: row.siblings,
    kind: row.kind,
    expandable: row.expandable,
    draggable: row.depth === 0,
  };
  if (row.kind === 'part') {
    const entry = row.entry!;
    const n = partSelected.get(entry.key) ?? 0;
    return {
      ...base,
      icon: 'part',
      label: entry.label,
      count: formatCount(entry.count),
      selected: n >= entry.count,
      partial: n > 0 && n < entry.count,
      hidden: tri(entry.hidden, entry.count),
      locked: tri(entry.locked, entry.count),
      dimmed: false,
      lockInherited: false,
    };
  }
  const obj = getObject(doc, row.id!);
  const record = doc.layer.records[row.id!];
  return {
    ...base,
    icon: obj ? iconFor(obj.kind, obj.part) : 'object',
    label: obj?.name ?? row.id!,
    selected: selected.has(row.id!),
    partial: false,
    hidden: record?.hidden ? 'on' : 'off',
    locked: record?.locked ? 'on' : 'off',
    dimmed: obj ? !obj.visible : false,
    lockInherited: obj ? obj.locked && !record?.locked : false,
  };
}

function modeFor(e: Mods): SelectMode {
  if (e.ctrlKey || e.metaKey) return 'toggle';
  return e.shiftKey ? 'add' : 'replace';
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export function Outliner() {
  const store = useStudioStore();
  const index = useStudio((s) => s.doc.index);
  const layer = useStudio((s) => s.doc.layer);
  const selection = useStudio((s) => s.doc.selection);
  const doc = useMemo<DocumentView>(() => ({ index, layer }), [index, layer]);
  const tree = useMemo(() => buildOutlinerTree(doc), [doc]);

  const [expanded, setExpanded] = useState<ReadonlySet<string>>(() => new Set());
  const rows = useMemo(() => flattenTree(tree, expanded), [tree, expanded]);
  const rowIndex = useMemo(() => new Map(rows.map((r, i) => [r.key, i])), [rows]);
  const selected = useMemo(() => new Set(selection), [selection]);
  const partSelected = useMemo(() => selectedPerPart(tree, selection), [tree, selection]);

  const [focusKey, setFocusKey] = useState<string | null>(null);
  const [renaming, setRenaming] = useState<{ id: string; error: string | null } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [drag, setDrag] = useState<string | null>(null);
  const [drop, setDrop] = useState<{ key: string; position: 'before' | 'after' } | null>(null);
  const [view, setView] = useState({ top: 0, height: 0 });
  const scroller = useRef<HTMLDivElement | null>(null);
  // The list mounts when the first scene arrives and must be measured then: a state flag re-runs
  // the effects that need the element.
  const [listMounted, setListMounted] = useState(false);
  const scrollerRef = useCallback((el: HTMLDivElement | null) => {
    scroller.current = el;
    setListMounted(el !== null);
  }, []);
  const baseId = useId();
  const domId = (key: string) => `${baseId}-${key.replace(/\s/g, '_')}`;

  // Reveal what was selected elsewhere (the viewport, undo): open its group or part and scroll to
  // it. Selections made here are remembered so that clicking a row never scrolls the list.
  const [seen, setSeen] = useState(selection);
  const [own, setOwn] = useState<readonly string[] | null>(null);
  const [reveal, setReveal] = useState<{ key: string; serial: number } | null>(null);
  if (seen !== selection) {
    setSeen(selection);
    const first = selection[0];
    if (first && first !== seen[0] && selection !== own) {
      const ancestors = rowAncestors(doc, tree, first);
      if (ancestors.some((k) => !expanded.has(k)))
        setExpanded(new Set([...expanded, ...ancestors]));
      setFocusKey(first);
      setReveal((r) => ({ key: first, serial: (r?.serial ?? 0) + 1 }));
    }
  }
  const revealed = useRef(0);
  useLayoutEffect(() => {
    const el = scroller.current;
    if (!reveal || !el || revealed.current === reveal.serial) return;
    const at = rowIndex.get(reveal.key);
    if (at === undefined) return;
    revealed.current = reveal.serial;
    const top = scrollToRow(at, el.scrollTop, el.clientHeight, ROW_HEIGHT);
    if (top !== null) el.scrollTop = top;
  }, [reveal, rowIndex, listMounted]);

  // The viewport's size, for windowing.
  useLayoutEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const measure = () => setView({ top: el.scrollTop, height: el.clientHeight });
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, [listMounted]);

  const run = (command: Command): boolean => {
    try {
      store.getState().edit(command);
      setError(null);
      return true;
    } catch (e) {
      setError(errorText(e));
      return false;
    }
  };

  const focusIndex = focusKey !== null ? (rowIndex.get(focusKey) ?? -1) : -1;
  const focusedRow = focusIndex >= 0 ? rows[focusIndex] : undefined;

  const scrollTo = (i: number) => {
    const el = scroller.current;
    if (!el) return;
    const top = scrollToRow(i, el.scrollTop, el.clientHeight, ROW_HEIGHT);
    if (top !== null) el.scrollTop = top;
  };
  const focusRow = (i: number) => {
    const row = rows[Math.max(0, Math.min(rows.length - 1, i))];
    if (!row) return;
    setFocusKey(row.key);
    scrollTo(rowIndex.get(row.key)!);
  };

  const toggleExpanded = (key: string, open?: boolean) => {
    const isOpen = expanded.has(key);
    if (open === isOpen) return;
    const next = new Set(expanded);
    if (isOpen) next.delete(key);
    else next.add(key);
    setExpanded(next);
  };

  const idsOf = (row: FlatRow): string[] =>
    row.kind === 'part' ? partMemberIds(tree, row.entry!) : [row.id!];

  const selectRow = (row: FlatRow, mods: Mods) => {
    let mode = modeFor(mods);
    if (row.kind === 'part' && mode === 'toggle') {
      const all = (partSelected.get(row.entry!.key) ?? 0) >= row.entry!.count;
      if (!all) mode = 'add';
    }
    store.getState().select(idsOf(row), mode);
    setOwn(store.getState().doc.selection);
    setFocusKey(row.key);
  };

  const toggleFlag = (row: FlatRow, flag: 'hidden' | 'locked') => {
    let on: boolean;
    if (row.kind === 'part') on = row.entry![flag] < row.entry!.count;
    else on = !layer.records[row.id!]?.[flag];
    const ids = idsOf(row);
    run(
      flag === 'hidden'
        ? { type: 'setHidden', ids, hidden: on }
        : { type: 'setLocked', ids, locked: on },
    );
  };

  const startRename = (row: FlatRow) => {
    if (row.kind !== 'object') return;
    setFocusKey(row.key);
    setRenaming({ id: row.id!, error: null });
  };

  const endRename = () => {
    setRenaming(null);
    scroller.current?.focus();
  };

  const renameControl: RenameControl | undefined = renaming
    ? {
        error: renaming.error,
        commit(name) {
          // Read the store, not this render's layer: Enter's commit may already have landed when
          // the blur that follows the input's removal commits the same name again.
          const s = store.getState();
          const now = getObject({ index: s.doc.index, layer: s.doc.layer }, renaming.id)?.name;
          if (name.trim() === now) {
            endRename();
            return;
          }
          try {
            store.getState().edit({ type: 'rename', id: renaming.id, name });
            endRename();
          } catch (e) {
            setRenaming({ id: renaming.id, error: errorText(e) });
          }
        },
        cancel: endRename,
      }
    : undefined;

  const move = (row: FlatRow | undefined, delta: -1 | 1) => {
    if (!row?.orderKey) return;
    const order = moveBy(topKeys(tree), row.orderKey, delta);
    if (order && run({ type: 'reorder', order })) {
      setReveal((r) => ({ key: row.key, serial: (r?.serial ?? 0) + 1 }));
    }
  };

  // -- events, delegated from the tree to its rows ------------------------------------------------
  const rowOf = (target: EventTarget): FlatRow | undefined => {
    const el = (target as HTMLElement).closest<HTMLElement>('[data-row-key]');
    const at = el ? rowIndex.get(el.dataset['rowKey']!) : undefined;
    return at !== undefined ? rows[at] : undefined;
  };
  const actionOf = (target: EventTarget) =>
    (target as HTMLElement).closest<HTMLElement>('[data-action]')?.dataset['action'];

  const onClick = (e: MouseEvent) => {
    if ((e.target as HTMLElement).closest('input')) return;
    const row = rowOf(e.target);
    if (!row) return;
    const action = actionOf(e.target);
    if (action === 'expand') {
      toggleExpanded(row.key);
      setFocusKey(row.key);
    } else if (action === 'hide') toggleFlag(row, 'hidden');
    else if (action === 'lock') toggleFlag(row, 'locked');
    else selectRow(row, e);
  };

  const onDoubleClick = (e: MouseEvent) => {
    const row = rowOf(e.target);
    const action = actionOf(e.target);
    if (!row || action === 'hide' || action === 'lock' || action === 'expand') return;
    if (row.kind === 'object') startRename(row);
    else toggleExpanded(row.key);
  };

  const onKeyDown = (e: KeyboardEvent) => {
    if ((e.target as HTMLElement).closest('input')) return;
    const at = focusIndex >= 0 ? focusIndex : -1;
    const row = focusedRow;
    const page = Math.max(1, Math.floor(view.height / ROW_HEIGHT) - 1);
    let handled = true;
    switch (e.key) {
      case 'ArrowDown':
        if (e.altKey) move(row, 1);
        else focusRow(at + 1);
        break;
      case 'ArrowUp':
        if (e.altKey) move(row, -1);
        else focusRow(at < 0 ? 0 : at - 1);
        break;
      case 'PageDown':
        focusRow(at + page);
        break;
      case 'PageUp':
        focusRow(at - page);
        break;
      case 'Home':
        focusRow(0);
        break;
      case 'End':
        focusRow(rows.length - 1);
        break;
      case 'ArrowRight':
        if (row?.expandable && !expanded.has(row.key)) toggleExpanded(row.key, true);
        else if (row?.expandable) focusRow(at + 1);
        break;
      case 'ArrowLeft':
        if (row?.expandable && expanded.has(row.key)) toggleExpanded(row.key, false);
        else if (row?.parent) focusRow(rowIndex.get(row.parent) ?? at);
        break;
      case 'Enter':
      case ' ':
        if (row) selectRow(row, e);
        else focusRow(0);
        break;
      case 'F2':
        if (row) startRename(row);
        break;
      default:
        handled = false;
    }
    if (handled) {
      e.preventDefault();
      e.stopPropagation();
    }
  };

  const onDragStart = (e: DragEvent) => {
    const row = rowOf(e.target);
    if (!row?.orderKey || renaming) {
      e.preventDefault();
      return;
    }
    e.dataTransfer.effectAllowed = 'move';
    e.dataTransfer.setData('text/plain', row.orderKey);
    setDrag(row.orderKey);
  };
  const onDragOver = (e: DragEvent) => {
    const row = drag ? rowOf(e.target) : undefined;
    if (!row?.orderKey) return;
    e.preventDefault();
    e.dataTransfer.dropEffect = 'move';
    const rect = (e.target as HTMLElement).closest('[data-row-key]')!.getBoundingClientRect();
    const position = e.clientY - rect.top < rect.height / 2 ? 'before' : 'after';
    if (drop?.key !== row.orderKey || drop.position !== position) {
      setDrop({ key: row.orderKey, position });
    }
  };
  const endDrag = () => {
    setDrag(null);
    setDrop(null);
  };
  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    if (drag && drop) {
      const order = dropOrder(topKeys(tree), drag, drop.key, drop.position);
      if (order) run({ type: 'reorder', order });
    }
    endDrag();
  };

  // -- render ------------------------------------------------------------------------------------
  const range = windowRange(view.top, view.height, ROW_HEIGHT, rows.length, OVERSCAN);
  const shown: number[] = [];
  for (let i = range.start; i < range.end; i++) shown.push(i);
  // The focused row and the one being renamed stay mounted when scrolled away: the first is the
  // tree's aria-activedescendant, the second holds an edit in progress.
  const renameIndex = renaming ? (rowIndex.get(renaming.id) ?? -1) : -1;
  for (const extra of [focusIndex, renameIndex]) {
    if (extra >= 0 && (extra < range.start || extra >= range.end) && !shown.includes(extra)) {
      shown.push(extra);
    }
  }

  const canMove = (delta: -1 | 1) =>
    focusedRow?.orderKey !== undefined &&
    moveBy(topKeys(tree), focusedRow.orderKey, delta) !== null;

  if (tree.top.length === 0) {
    return (
      <div className="side-panel outliner" data-testid="outliner">
        <p className="side-empty">{OUTLINER_EMPTY_TEXT}</p>
      </div>
    );
  }

  return (
    <div className="side-panel outliner" data-testid="outliner">
      <div className="side-toolbar">
        <span className="side-toolbar-note">{formatCount(countObjects(tree))} objects</span>
        <button
          type="button"
          className="side-icon-button"
          aria-label="Move up"
          title="Move the focused entry up (Alt+↑)"
          disabled={!canMove(-1)}
          onClick={() => move(focusedRow, -1)}
        >
          <Icon name="up" />
        </button>
        <button
          type="button"
          className="side-icon-button"
          aria-label="Move down"
          title="Move the focused entry down (Alt+↓)"
          disabled={!canMove(1)}
          onClick={() => move(focusedRow, 1)}
        >
          <Icon name="down" />
        </button>
      </div>
      <div
        ref={scrollerRef}
        className="outliner-scroll side-scroll"
        role="tree"
        aria-label="Scene objects"
        aria-multiselectable="true"
        aria-activedescendant={focusedRow ? domId(focusedRow.key) : undefined}
        tabIndex={0}
        onScroll={(e) =>
          setView({ top: e.currentTarget.scrollTop, height: e.currentTarget.clientHeight })
        }
        onClick={onClick}
        onDoubleClick={onDoubleClick}
        onKeyDown={onKeyDown}
        onFocus={(e) => {
          if (e.target === e.currentTarget && !focusedRow && rows[0]) setFocusKey(rows[0].key);
        }}
        onDragStart={onDragStart}
        onDragOver={onDragOver}
        onDragLeave={(e) => {
          if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setDrop(null);
        }}
        onDrop={onDrop}
        onDragEnd={endDrag}
      >
        <div className="outliner-sizer" style={{ height: rows.length * ROW_HEIGHT }}>
          {shown.map((i) => {
            const row = rows[i]!;
            const data = rowData(doc, row, selected, partSelected);
            const isRename = renaming !== null && row.kind === 'object' && row.id === renaming.id;
            return (
              <OutlinerRow
                key={row.key}
                {...data}
                domId={domId(row.key)}
                top={i * ROW_HEIGHT}
                focused={i === focusIndex}
                expanded={expanded.has(row.key)}
                drop={
                  drop && drop.key === row.orderKey && drag !== drop.key ? drop.position : undefined
                }
                rename={isRename ? renameControl : undefined}
              />
            );
          })}
        </div>
      </div>
      {error && (
        <div className="side-error" role="alert">
          <span>{error}</span>
          <button
            type="button"
            className="side-icon-button"
            aria-label="Dismiss"
            onClick={() => setError(null)}
          >
            <Icon name="close" />
          </button>
        </div>
      )}
    </div>
  );
}

/** Objects listed (part instances, top-level and grouped objects), for the header's count. */
function countObjects(tree: OutlinerTree): number {
  let n = 0;
  for (const entry of tree.top) n += entry.type === 'part' ? entry.count : 1;
  for (const children of tree.children.values()) n += children.length;
  return n;
}
