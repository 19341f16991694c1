// The undo history as a list: "Original" (before the first kept entry), every entry oldest first,
// the current state marked and the redo entries dimmed. Clicking a row undoes or redoes to just
// after it, one step at a time through the store, so each step restores its exact snapshot.
import { useLayoutEffect, useRef } from 'react';
import { HISTORY_LIMIT } from '../../core/document';
import { useStudio, useStudioStore } from '../../state/store-context';
import { displayKey } from '../actions/keys';
import { actionById } from '../actions/studio-actions';
import { Icon } from '../side-panel/icons';
import '../side-panel/side-panel.css';
import './history.css';

/** The shortcuts, from the action table that binds them: 'Ctrl+Shift+Z or Ctrl+Y'. */
const keysText = (id: string) => (actionById(id).keys ?? []).map((k) => displayKey(k)).join(' or ');

export function HistoryPanel() {
  const store = useStudioStore();
  const history = useStudio((s) => s.doc.history);
  const current = history.past.length;
  const list = useRef<HTMLOListElement>(null);

  // Keep the current row in view as edits are made or undone.
  useLayoutEffect(() => {
    list.current?.querySelector('[aria-current="step"]')?.scrollIntoView({ block: 'nearest' });
  }, [current, history]);

  /** Undo or redo until the state after row `k` (0 = Original) is on show. */
  const travel = (k: number) => {
    const { getState } = store;
    for (let guard = 0; guard <= HISTORY_LIMIT * 2; guard++) {
      const at = getState().doc.history.past.length;
      if (at === k || !(at > k ? getState().undo() : getState().redo())) break;
    }
  };

  const rows = [
    { label: 'Original', title: 'The state before the first edit' },
    ...history.past.map((e) => ({ label: e.label, title: e.label })),
    ...history.future.map((e) => ({ label: e.label, title: e.label })),
  ];
  const last = history.past[current - 1];
  const next = history.future[0];
  const dropped = current >= HISTORY_LIMIT;

  return (
    <div className="side-panel history-panel" data-testid="history">
      <div className="side-toolbar">
        <span className="side-toolbar-note">
          {current} {current === 1 ? 'step' : 'steps'}
          {history.future.length > 0 && ` · ${history.future.length} to redo`}
        </span>
        <button
          type="button"
          className="side-icon-button"
          aria-label="Undo"
          title={`Undo${last ? ` ${last.label}` : ''} (${keysText('edit.undo')})`}
          disabled={!last}
          onClick={() => store.getState().undo()}
        >
          <Icon name="undo" />
        </button>
        <button
          type="button"
          className="side-icon-button"
          aria-label="Redo"
          title={`Redo${next ? ` ${next.label}` : ''} (${keysText('edit.redo')})`}
          disabled={!next}
          onClick={() => store.getState().redo()}
        >
          <Icon name="redo" />
        </button>
      </div>
      <ol className="history-list side-scroll" aria-label="Undo history" ref={list}>
        {rows.map((row, k) => (
          <li key={k}>
            <button
              type="button"
              className="history-entry"
              data-index={k}
              data-state={k < current ? 'past' : k === current ? 'current' : 'future'}
              aria-current={k === current ? 'step' : undefined}
              title={k === 0 && dropped ? `${row.title} kept (older steps dropped)` : row.title}
              onClick={() => travel(k)}
            >
              <span className="history-marker" aria-hidden="true" />
              <span className="history-label">{row.label}</span>
            </button>
          </li>
        ))}
      </ol>
    </div>
  );
}
