// One row of the outliner: caret, icon, name (or the rename box), count, eye and lock toggles.
// Presentational and memoised on plain props: clicks are handled by the tree (event delegation
// through data-action), so a row re-renders only when what it shows changes.
import { memo, useRef, useState, type KeyboardEvent } from 'react';
import { Icon, type IconName } from '../side-panel/icons';

export type Tri = 'on' | 'off' | 'mixed';

export interface RenameControl {
  error: string | null;
  commit(name: string): void;
  cancel(): void;
}

export interface OutlinerRowProps {
  rowKey: string;
  domId: string;
  top: number;
  depth: number;
  pos: number;
  siblings: number;
  kind: 'part' | 'object';
  icon: IconName;
  label: string;
  /** Part entries: the formatted number of instances listed. */
  count?: string;
  expandable: boolean;
  expanded: boolean;
  selected: boolean;
  /** Some but not all of a part's instances are selected. */
  partial: boolean;
  focused: boolean;
  hidden: Tri;
  locked: Tri;
  /** Hidden through a hidden group. */
  dimmed: boolean;
  /** Locked through a locked group (its own lock is off). */
  lockInherited: boolean;
  draggable: boolean;
  drop: 'before' | 'after' | undefined;
  rename: RenameControl | undefined;
}

const pressed = (t: Tri) => (t === 'mixed' ? 'mixed' : t === 'on');

function RenameBox({ label, control }: { label: string; control: RenameControl }) {
  const [text, setText] = useState(label);
  // Enter and Escape end the edit; the blur that follows must not commit (or commit twice).
  const ended = useRef(false);
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    e.stopPropagation();
    if (e.key === 'Enter') {
      e.preventDefault();
      // A refused name keeps the box open (with the error) for another try.
      ended.current = true;
      control.commit(text);
      ended.current = false;
    } else if (e.key === 'Escape') {
      e.preventDefault();
      ended.current = true;
      control.cancel();
    }
  };
  return (
    <>
      <input
        className="outliner-rename"
        aria-label={`Rename ${label}`}
        aria-invalid={control.error ? true : undefined}
        value={text}
        autoFocus
        spellCheck={false}
        onFocus={(e) => e.currentTarget.select()}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={onKeyDown}
        onBlur={() => {
          if (!ended.current) control.commit(text);
        }}
      />
      {control.error && (
        <div className="outliner-rename-error" role="alert">
          {control.error}
        </div>
      )}
    </>
  );
}

export const OutlinerRow = memo(function OutlinerRow(p: OutlinerRowProps) {
  const name = p.count !== undefined ? `${p.label} ${p.count}` : p.label;
  return (
    <div
      id={p.domId}
      role="treeitem"
      className="outliner-row"
      aria-label={name}
      aria-level={p.depth + 1}
      aria-posinset={p.pos}
      aria-setsize={p.siblings}
      aria-selected={p.selected}
      aria-expanded={p.expandable ? p.expanded : undefined}
      data-row-key={p.rowKey}
      data-kind={p.kind}
      data-focused={p.focused || undefined}
      data-partial={p.partial || undefined}
      data-hidden={p.hidden === 'on' || p.dimmed || undefined}
      data-drop={p.drop}
      data-renaming={p.rename ? true : undefined}
      draggable={p.draggable && !p.rename}
      style={{ top: p.top, paddingLeft: 4 + p.depth * 14 }}
    >
      {p.expandable ? (
        <span
          className="outliner-caret"
          data-action="expand"
          data-open={p.expanded}
          aria-hidden="true"
        />
      ) : (
        <span className="outliner-caret-space" aria-hidden="true" />
      )}
      <span className="outliner-icon" data-icon={p.icon} aria-hidden="true">
        <Icon name={p.icon} />
      </span>
      {p.rename ? (
        <RenameBox label={p.label} control={p.rename} />
      ) : (
        <span className="outliner-name" data-action="name">
          {p.label}
        </span>
      )}
      {p.count !== undefined && !p.rename && <span className="outliner-count">{p.count}</span>}
      <button
        type="button"
        tabIndex={-1}
        className="outliner-toggle"
        data-action="hide"
        data-state={p.hidden}
        aria-label={`Hide ${p.label}`}
        aria-pressed={pressed(p.hidden)}
        title={p.hidden === 'on' ? `Show ${p.label}` : `Hide ${p.label}`}
      >
        <Icon name={p.hidden === 'off' ? 'eye' : 'eyeOff'} />
      </button>
      <button
        type="button"
        tabIndex={-1}
        className="outliner-toggle"
        data-action="lock"
        data-state={p.lockInherited ? 'inherited' : p.locked}
        aria-label={`Lock ${p.label}`}
        aria-pressed={pressed(p.locked)}
        title={p.locked === 'on' ? `Unlock ${p.label}` : `Lock ${p.label}`}
      >
        <Icon name={p.locked === 'off' && !p.lockInherited ? 'unlock' : 'lock'} />
      </button>
    </div>
  );
});
