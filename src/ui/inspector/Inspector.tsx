// The inspector: the active (first selected) object's properties, or for a multiple selection a
// summary with a position that moves them all together. Reads only the selection, the edit layer
// and the spec section on show, so unrelated store changes do not re-render it.
import { useMemo, useState } from 'react';
import { getObject, type Command, type DocObject } from '../../core/document';
import { useStudio, useStudioStore } from '../../state/store-context';
import { formatCount } from '../format';
import '../side-panel/side-panel.css';
import { FlagBoxes, type Flag } from './FlagBoxes';
import { InlineError } from './InlineError';
import { ObjectInspector } from './ObjectInspector';
import { TransformGrid } from './TransformGrid';
import { centroid, type Axis } from './transform-fields';
import './inspector.css';

export interface InspectorProps {
  /** Shows the spec panel at a section ('dungeon.props', 'scatter[0]'). */
  onEditSpec?: (path: string) => void;
}

export const INSPECTOR_EMPTY_TEXT =
  'Nothing selected — click an object in the viewport or the outliner';

function flag(objs: readonly DocObject[], on: (o: DocObject) => boolean): Flag {
  const n = objs.filter(on).length;
  return { checked: n === 0 ? false : n === objs.length ? true : 'mixed' };
}

function MultiInspector({ ids }: { ids: readonly string[] }) {
  const store = useStudioStore();
  const index = useStudio((s) => s.doc.index);
  const layer = useStudio((s) => s.doc.layer);
  const objs = useMemo(() => {
    const doc = { index, layer };
    return ids.map((id) => getObject(doc, id)).filter((o): o is DocObject => o !== null);
  }, [index, layer, ids]);
  const center = useMemo(() => centroid(objs.map((o) => o.world)), [objs]);
  const [error, setError] = useState<string | null>(null);
  const [invalid, setInvalid] = useState<string | null>(null);
  const locked = objs.filter((o) => o.locked).length;

  const run = (command: Command) => {
    try {
      store.getState().edit(command);
      setError(null);
      setInvalid(null);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };
  const onCommit = (_group: string, axis: Axis, value: number) => {
    const delta: [number, number, number] = [0, 0, 0];
    delta[axis] = value - center[axis];
    if (delta[axis] === 0) return;
    run({ type: 'translate', ids: [...ids], delta });
  };

  return (
    <div className="inspector-object">
      <p className="inspector-summary">
        <strong>{formatCount(ids.length)} objects selected</strong>
        {objs[0] && <span className="inspector-muted">Active: {objs[0].name}</span>}
      </p>
      <section className="inspector-section" aria-label="Transform">
        <header className="inspector-section-header">
          <h3>Transform</h3>
          <span className="inspector-section-note">centre · moves all</span>
        </header>
        {locked > 0 && (
          <p className="inspector-note inspector-locked">
            {formatCount(locked)} of {formatCount(objs.length)} are locked. Unlock them to move the
            selection.
          </p>
        )}
        <TransformGrid
          values={{ position: center }}
          disabled={locked > 0}
          invalid={invalid}
          onCommit={onCommit}
          onInvalid={(_g, axis, text) => {
            setInvalid(`position.${axis}`);
            setError(`Position ${'XYZ'[axis]}: "${text.trim()}" is not a number`);
          }}
        />
      </section>
      <FlagBoxes
        visible={flag(objs, (o) => !o.hidden)}
        locked={flag(objs, (o) => layer.records[o.id]?.locked === true)}
        onVisible={(on) => run({ type: 'setHidden', ids: [...ids], hidden: !on })}
        onLocked={(on) => run({ type: 'setLocked', ids: [...ids], locked: on })}
      />
      {error && <InlineError text={error} onDismiss={() => setError(null)} />}
    </div>
  );
}

export function Inspector({ onEditSpec }: InspectorProps) {
  const active = useStudio((s) => s.doc.selection[0]);
  const count = useStudio((s) => s.doc.selection.length);
  // The array itself only for a multiple selection, so a single one does not re-render on it.
  const many = useStudio((s) => (s.doc.selection.length > 1 ? s.doc.selection : null));
  return (
    <div className="side-panel inspector" data-testid="inspector">
      {count === 0 || active === undefined ? (
        <p className="side-empty">{INSPECTOR_EMPTY_TEXT}</p>
      ) : many ? (
        <MultiInspector key={`${many.length}:${many[0]}`} ids={many} />
      ) : (
        <ObjectInspector key={active} id={active} onEditSpec={onEditSpec} />
      )}
    </div>
  );
}
