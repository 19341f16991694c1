// The material browser: a shelf under the viewport with every preset (shipped and the user's) as a
// lit thumbnail. Search, family chips with counts and favourites narrow the grid; a click selects a
// preset, a double click (or Edit…) opens the editor, and a card dragged onto the viewport applies
// the material to the object under the pointer. The grid is windowed: only the rows in view are
// mounted, so only their thumbnails are baked (a few at a time, through the thumbnail source).
import {
  useCallback,
  useId,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type KeyboardEvent,
  type PointerEvent,
} from 'react';
import { searchPresets } from '../../core/materials/library/search';
import { PROJECTIONS, type Projection } from '../../core/materials/material-ref';
import {
  MATERIAL_FAMILIES,
  type MaterialFamily,
  type MaterialPreset,
} from '../../core/materials/preset';
import { allPresets, isUserPreset } from '../../state/materials-slice';
import { useStudio, useStudioStore } from '../../state/store-context';
import { displayKey } from '../actions/keys';
import { actionById } from '../actions/studio-actions';
import { formatCount } from '../format';
import { windowRange } from '../outliner/window-range';
import { applyBlocker, applyToSelection } from './apply-material';
import { familyLabel, PROJECTION_LABELS } from './labels';
import { endMaterialDrag, startMaterialDrag } from './MaterialDrop';
import { MaterialThumb } from './MaterialThumb';
import type { ThumbnailSource } from './thumbnail-source';
import '../side-panel/side-panel.css';
import './materials.css';

const CARD_MIN_WIDTH = 92;
const ROW_HEIGHT = 106;
const GRID_PAD = 8;
const HEIGHT = { min: 150, initial: 276, max: 640 };

export interface MaterialBrowserProps {
  thumbnails: ThumbnailSource;
  onImport(): void;
  onExport(): void;
}

const keyOf = (id: string) => displayKey(actionById(id).keys?.[0] ?? '');

export function MaterialBrowser(props: MaterialBrowserProps) {
  const store = useStudioStore();
  const open = useStudio((s) => s.materials.browserOpen);
  const presets = useStudio(allPresets);
  const total = presets.length;
  const [height, setHeight] = useState(HEIGHT.initial);
  const shelf = useRef<HTMLElement>(null);

  return (
    <section
      ref={shelf}
      className={`material-shelf${open ? '' : ' material-shelf-closed'}`}
      style={open ? { height } : undefined}
      aria-label="Materials"
      data-testid="material-browser"
    >
      {open && <ShelfResize shelf={shelf} height={height} onResize={setHeight} />}
      <header className="material-shelf-header">
        <button
          type="button"
          className="sidebar-section-toggle material-shelf-toggle"
          aria-expanded={open}
          title={`Materials browser (${keyOf('material.browser')})`}
          onClick={() => store.getState().materialBrowserToggled()}
        >
          <span className="sidebar-caret" aria-hidden="true" />
          Materials
        </button>
        {open ? (
          <BrowserToolbar total={total} onImport={props.onImport} onExport={props.onExport} />
        ) : (
          <span className="material-shelf-note">
            {formatCount(total)} presets · drag one onto an object
          </span>
        )}
      </header>
      {open && <BrowserBody presets={presets} thumbnails={props.thumbnails} />}
    </section>
  );
}

/** The shelf's top edge: drag (or arrow keys) to change its height. */
function ShelfResize(props: {
  shelf: React.RefObject<HTMLElement | null>;
  height: number;
  onResize(h: number): void;
}) {
  const drag = useRef<{ y: number; h: number; now: number } | null>(null);
  const max = () => Math.min(HEIGHT.max, Math.round(window.innerHeight * 0.65));
  const clamp = (h: number) => Math.round(Math.min(max(), Math.max(HEIGHT.min, h)));
  return (
    <div
      className="material-shelf-resize"
      role="separator"
      aria-orientation="horizontal"
      aria-label="Resize the materials browser"
      aria-valuenow={props.height}
      aria-valuemin={HEIGHT.min}
      aria-valuemax={HEIGHT.max}
      tabIndex={0}
      onPointerDown={(e: PointerEvent) => {
        e.currentTarget.setPointerCapture(e.pointerId);
        drag.current = { y: e.clientY, h: props.height, now: props.height };
      }}
      onPointerMove={(e) => {
        const d = drag.current;
        if (!d) return;
        d.now = clamp(d.h - (e.clientY - d.y));
        props.shelf.current?.style.setProperty('height', `${d.now}px`);
      }}
      onPointerUp={() => {
        if (drag.current) props.onResize(drag.current.now);
        drag.current = null;
      }}
      onKeyDown={(e) => {
        const step = e.key === 'ArrowUp' ? 16 : e.key === 'ArrowDown' ? -16 : 0;
        if (step === 0) return;
        e.preventDefault();
        props.onResize(clamp(props.height + step));
      }}
    />
  );
}

function BrowserToolbar(props: { total: number; onImport(): void; onExport(): void }) {
  const store = useStudioStore();
  const filter = useStudio((s) => s.materials.filter);
  const favourites = useStudio((s) => s.materials.favourites.length);
  const userCount = useStudio((s) => s.materials.userPresets.length);
  return (
    <div className="material-toolbar">
      <input
        type="search"
        className="material-search"
        aria-label="Search materials"
        placeholder={`Search ${formatCount(props.total)} materials…`}
        value={filter.query}
        onChange={(e) => store.getState().materialFilterSet({ query: e.target.value })}
        onKeyDown={(e) => {
          if (e.key === 'Escape' && filter.query) {
            e.stopPropagation();
            store.getState().materialFilterSet({ query: '' });
          }
        }}
      />
      <button
        type="button"
        className="material-chip material-fav-filter"
        aria-pressed={filter.favouritesOnly}
        title="Show only favourites"
        onClick={() =>
          store.getState().materialFilterSet({ favouritesOnly: !filter.favouritesOnly })
        }
      >
        <span aria-hidden="true">★</span> Favourites{' '}
        <span className="material-chip-count">{favourites}</span>
      </button>
      <span className="material-toolbar-spacer" />
      <button
        type="button"
        className="side-button"
        title="Add presets from a material library file (.json)"
        onClick={props.onImport}
      >
        Import…
      </button>
      <button
        type="button"
        className="side-button"
        disabled={userCount === 0}
        title={
          userCount === 0
            ? 'No presets of your own yet: save one from the editor first'
            : `Download your ${userCount} preset${userCount === 1 ? '' : 's'} as a library file`
        }
        onClick={props.onExport}
      >
        Export
      </button>
    </div>
  );
}

function BrowserBody(props: { presets: readonly MaterialPreset[]; thumbnails: ThumbnailSource }) {
  const { presets, thumbnails } = props;
  const store = useStudioStore();
  const filter = useStudio((s) => s.materials.filter);
  const favourites = useStudio((s) => s.materials.favourites);
  const selected = useStudio((s) => s.materials.selected);
  const favSet = useMemo(() => new Set(favourites), [favourites]);

  // Everything the query and favourites let through, then per family for the chips' counts.
  const matching = useMemo(
    () =>
      searchPresets(presets, {
        query: filter.query,
        ...(filter.favouritesOnly ? { ids: favourites } : {}),
      }),
    [presets, filter.query, filter.favouritesOnly, favourites],
  );
  const counts = useMemo(() => {
    const c = new Map<MaterialFamily, number>();
    for (const p of matching) c.set(p.family, (c.get(p.family) ?? 0) + 1);
    return c;
  }, [matching]);
  const shown = useMemo(
    () => (filter.family ? matching.filter((p) => p.family === filter.family) : matching),
    [matching, filter.family],
  );

  return (
    <div className="material-body side-panel">
      <div className="material-families" role="toolbar" aria-label="Material families">
        <FamilyChip
          label="All"
          count={matching.length}
          pressed={filter.family === null}
          onClick={() => store.getState().materialFilterSet({ family: null })}
        />
        {MATERIAL_FAMILIES.map((f) => (
          <FamilyChip
            key={f}
            family={f}
            label={familyLabel(f)}
            count={counts.get(f) ?? 0}
            pressed={filter.family === f}
            onClick={() =>
              store.getState().materialFilterSet({ family: filter.family === f ? null : f })
            }
          />
        ))}
      </div>
      <MaterialGrid
        presets={shown}
        favourites={favSet}
        selected={selected}
        thumbnails={thumbnails}
        empty={
          presets.length === 0
            ? 'No materials'
            : filter.favouritesOnly && favourites.length === 0
              ? 'No favourites yet: star a material to keep it here'
              : `No materials match${filter.query ? ` “${filter.query}”` : ''}${filter.family ? ` in ${familyLabel(filter.family)}` : ''}`
        }
      />
      <BrowserFooter />
    </div>
  );
}

function FamilyChip(props: {
  label: string;
  count: number;
  pressed: boolean;
  family?: MaterialFamily;
  onClick(): void;
}) {
  return (
    <button
      type="button"
      className="material-chip"
      aria-pressed={props.pressed}
      data-family={props.family ?? 'all'}
      disabled={props.count === 0 && !props.pressed}
      onClick={props.onClick}
    >
      {props.label} <span className="material-chip-count">{formatCount(props.count)}</span>
    </button>
  );
}

function MaterialGrid(props: {
  presets: readonly MaterialPreset[];
  favourites: ReadonlySet<string>;
  selected: string | null;
  thumbnails: ThumbnailSource;
  empty: string;
}) {
  const { presets, favourites, selected, thumbnails } = props;
  const store = useStudioStore();
  const scroller = useRef<HTMLDivElement>(null);
  const [view, setView] = useState({ top: 0, width: 0, height: 0 });
  const baseId = useId();
  const cardId = (id: string) => `${baseId}-${id.replace(/[^a-z0-9-]/gi, '_')}`;

  useLayoutEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const measure = () =>
      setView({ top: el.scrollTop, width: el.clientWidth, height: el.clientHeight });
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  const inner = Math.max(0, view.width - GRID_PAD * 2);
  const cols = Math.max(1, Math.floor(inner / CARD_MIN_WIDTH));
  const cardWidth = inner / cols;
  const rows = Math.ceil(presets.length / cols);
  const range = windowRange(view.top, view.height, ROW_HEIGHT, rows, 1);
  const indexOf = useMemo(() => new Map(presets.map((p, i) => [p.id, i])), [presets]);

  // A new result list starts at its top.
  useLayoutEffect(() => {
    if (scroller.current) scroller.current.scrollTop = 0;
  }, [presets]);

  // A preset chosen elsewhere (the Material menu, the editor's save) is scrolled into view.
  const selectedIndex = selected !== null ? (indexOf.get(selected) ?? -1) : -1;
  useLayoutEffect(() => {
    const el = scroller.current;
    if (!el || selectedIndex < 0 || view.height === 0) return;
    const top = Math.floor(selectedIndex / cols) * ROW_HEIGHT;
    if (top < el.scrollTop) el.scrollTop = top;
    else if (top + ROW_HEIGHT + GRID_PAD * 2 > el.scrollTop + el.clientHeight) {
      el.scrollTop = top + ROW_HEIGHT + GRID_PAD * 2 - el.clientHeight;
    }
  }, [selectedIndex, cols, view.height]);

  const select = useCallback((id: string) => store.getState().materialSelected(id), [store]);
  const edit = useCallback(
    (id: string) => {
      store.getState().materialSelected(id);
      store.getState().materialEditing(id);
    },
    [store],
  );

  /** Moves the selection by `delta` cards (the effect above brings it into view). */
  const move = (delta: number) => {
    if (presets.length === 0) return;
    const next = Math.max(
      0,
      Math.min(presets.length - 1, selectedIndex < 0 ? 0 : selectedIndex + delta),
    );
    select(presets[next]!.id);
  };

  const onKeyDown = (e: KeyboardEvent) => {
    if ((e.target as HTMLElement).closest('.material-star')) return;
    const steps: Record<string, number> = {
      ArrowRight: 1,
      ArrowLeft: -1,
      ArrowDown: cols,
      ArrowUp: -cols,
      PageDown: cols * Math.max(1, Math.floor(view.height / ROW_HEIGHT)),
      PageUp: -cols * Math.max(1, Math.floor(view.height / ROW_HEIGHT)),
      Home: -presets.length,
      End: presets.length,
    };
    if (e.key in steps) move(steps[e.key]!);
    else if (e.key === 'Enter' && selected) edit(selected);
    else if (e.key === ' ' && selected) store.getState().favouriteToggled(selected);
    else return;
    e.preventDefault();
    e.stopPropagation();
  };

  const cards: React.ReactNode[] = [];
  for (let row = range.start; row < range.end; row++) {
    for (let col = 0; col < cols; col++) {
      const p = presets[row * cols + col];
      if (!p) break;
      cards.push(
        <MaterialCard
          key={p.id}
          domId={cardId(p.id)}
          preset={p}
          left={GRID_PAD + col * cardWidth}
          top={GRID_PAD + row * ROW_HEIGHT}
          width={cardWidth}
          selected={p.id === selected}
          favourite={favourites.has(p.id)}
          thumbnails={thumbnails}
          onSelect={select}
          onEdit={edit}
        />,
      );
    }
  }

  return (
    <div
      ref={scroller}
      className="material-grid side-scroll"
      role="listbox"
      aria-label="Material presets"
      title="Arrows: choose · Enter: edit · Space: favourite · drag onto an object to apply"
      aria-activedescendant={selected && indexOf.has(selected) ? cardId(selected) : undefined}
      tabIndex={0}
      onScroll={(e) =>
        setView({
          top: e.currentTarget.scrollTop,
          width: e.currentTarget.clientWidth,
          height: e.currentTarget.clientHeight,
        })
      }
      onKeyDown={onKeyDown}
    >
      {presets.length === 0 ? (
        <p className="side-empty">{props.empty}</p>
      ) : (
        <div className="material-grid-sizer" style={{ height: rows * ROW_HEIGHT + GRID_PAD * 2 }}>
          {cards}
        </div>
      )}
    </div>
  );
}

interface MaterialCardProps {
  domId: string;
  preset: MaterialPreset;
  left: number;
  top: number;
  width: number;
  selected: boolean;
  favourite: boolean;
  thumbnails: ThumbnailSource;
  onSelect(id: string): void;
  onEdit(id: string): void;
}

function MaterialCard(p: MaterialCardProps) {
  const store = useStudioStore();
  const user = useStudio((s) => isUserPreset(s, p.preset.id));
  const tags = p.preset.tags.slice(0, 6).join(', ');
  return (
    <div
      id={p.domId}
      className="material-card"
      role="option"
      aria-selected={p.selected}
      aria-label={p.preset.name}
      data-preset={p.preset.id}
      title={`${p.preset.name}\n${familyLabel(p.preset.family)}${user ? ' · your preset' : ''}${tags ? `\n${tags}` : ''}\nDouble-click to edit · drag onto an object to apply`}
      style={{ left: p.left, top: p.top, width: p.width }}
      draggable
      onClick={() => p.onSelect(p.preset.id)}
      onDoubleClick={() => p.onEdit(p.preset.id)}
      onDragStart={(e) => {
        p.onSelect(p.preset.id);
        startMaterialDrag(e, p.preset.id);
      }}
      onDragEnd={endMaterialDrag}
    >
      <MaterialThumb id={p.preset.id} params={p.preset.params} source={p.thumbnails} />
      <span className="material-card-name">{p.preset.name}</span>
      {user && (
        <span className="material-card-user" aria-hidden="true">
          yours
        </span>
      )}
      <span
        className={`material-star${p.favourite ? ' material-star-on' : ''}`}
        role="checkbox"
        aria-checked={p.favourite}
        aria-label={`Favourite ${p.preset.name}`}
        title={p.favourite ? 'Remove from favourites' : 'Add to favourites'}
        onClick={(e) => {
          e.stopPropagation();
          store.getState().favouriteToggled(p.preset.id);
        }}
        onDoubleClick={(e) => e.stopPropagation()}
      >
        ★
      </span>
    </div>
  );
}

function BrowserFooter() {
  const store = useStudioStore();
  const selected = useStudio((s) => s.materials.selected);
  const preset = useStudio((s) =>
    s.materials.selected ? allPresets(s).find((p) => p.id === s.materials.selected) : undefined,
  );
  const apply = useStudio((s) => s.materials.apply);
  const blocker = useStudio((s) => applyBlocker(s, selected));
  const count = useStudio((s) => s.doc.selection.length);
  return (
    <footer className="material-footer">
      <span className="material-footer-info">
        {preset ? (
          <>
            <strong>{preset.name}</strong>
            <span className="material-muted">
              {familyLabel(preset.family)} · <span className="material-mono">{preset.id}</span>
            </span>
          </>
        ) : (
          <span className="material-muted">Click a material to choose it</span>
        )}
      </span>
      <label className="material-field">
        <span>Projection</span>
        <select
          value={apply.projection}
          onChange={(e) =>
            store.getState().materialApplySet({ projection: e.target.value as Projection })
          }
        >
          {PROJECTIONS.map((p) => (
            <option key={p} value={p}>
              {PROJECTION_LABELS[p]}
            </option>
          ))}
        </select>
      </label>
      <ScaleField
        value={apply.scale}
        onChange={(scale) => store.getState().materialApplySet({ scale })}
      />
      <button
        type="button"
        className="side-button"
        disabled={!preset}
        title="Edit the material's parameters and modifiers"
        onClick={() => selected && store.getState().materialEditing(selected)}
      >
        Edit…
      </button>
      <button
        type="button"
        className="side-button material-primary"
        disabled={blocker !== null}
        title={
          blocker ?? `Apply ${preset?.name ?? ''} to ${count} selected (${keyOf('material.apply')})`
        }
        onClick={() => applyToSelection(store, selected)}
      >
        Apply to selection
      </button>
      {blocker && preset && (
        <span className="material-blocker" role="note">
          {blocker}
        </span>
      )}
    </footer>
  );
}

/** Texture repeats per metre (or per UV unit): a number field that commits valid values only. */
export function ScaleField(props: { value: number; onChange(v: number): void }) {
  const [text, setText] = useState<string | null>(null);
  const commit = (t: string) => {
    const v = Number(t);
    if (t.trim() !== '' && Number.isFinite(v) && v >= 0.05 && v <= 50) props.onChange(v);
    setText(null);
  };
  return (
    <label
      className="material-field"
      title="Texture repeats per metre (per UV unit for UV), 0.05..50"
    >
      <span>Scale</span>
      <input
        type="number"
        className="material-scale"
        min={0.05}
        max={50}
        step={0.25}
        value={text ?? String(props.value)}
        onChange={(e) => {
          setText(e.target.value);
          const v = Number(e.target.value);
          if (e.target.value.trim() !== '' && v >= 0.05 && v <= 50) props.onChange(v);
        }}
        onBlur={(e) => commit(e.target.value)}
      />
    </label>
  );
}
