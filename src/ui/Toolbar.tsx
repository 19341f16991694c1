// The strip under the menu bar: undo/redo, the gizmo's mode, shading mode, grid and axes, open and
// screenshot. Every button runs an action from the action table, so its tooltip names its shortcut.
import { useStudio } from '../state/store-context';
import { displayKey } from './actions/keys';
import { actionById, type ActionContext } from './actions/studio-actions';
import type { GizmoMode, ViewMode } from '../state/view-slice';

function tip(label: string, id: string): string {
  const key = actionById(id).keys?.[0];
  return key ? `${label} (${displayKey(key)})` : label;
}

export function Toolbar({ ctx }: { ctx: ActionContext }) {
  const canUndo = useStudio((s) => s.doc.history.past.length > 0);
  const canRedo = useStudio((s) => s.doc.history.future.length > 0);
  const view = useStudio((s) => s.view);
  const run = (id: string) => actionById(id).run(ctx);
  const gizmos: [GizmoMode, string][] = [
    ['translate', 'Move'],
    ['rotate', 'Rotate'],
    ['scale', 'Scale'],
  ];
  const modes: [ViewMode, string][] = [
    ['lit', 'Lit'],
    ['solid', 'Solid'],
    ['wireframe', 'Wire'],
  ];
  return (
    <div className="toolbar" role="toolbar" aria-label="Tools">
      <div className="toolbar-group">
        <button
          type="button"
          title={tip('Undo', 'edit.undo')}
          aria-label="Undo"
          disabled={!canUndo}
          onClick={() => run('edit.undo')}
        >
          ↶
        </button>
        <button
          type="button"
          title={tip('Redo', 'edit.redo')}
          aria-label="Redo"
          disabled={!canRedo}
          onClick={() => run('edit.redo')}
        >
          ↷
        </button>
      </div>
      <div className="toolbar-group" role="radiogroup" aria-label="Gizmo">
        {gizmos.map(([g, label]) => (
          <button
            type="button"
            key={g}
            role="radio"
            aria-checked={view.gizmo === g}
            title={`${label} gizmo (W cycles; ${g === 'translate' ? 'G' : g === 'rotate' ? 'R' : 'S'} for a free ${label.toLowerCase()})`}
            onClick={() => ctx.editTools.setGizmoMode(g)}
          >
            {label}
          </button>
        ))}
      </div>
      <div className="toolbar-group" role="radiogroup" aria-label="Shading">
        {modes.map(([m, label]) => (
          <button
            type="button"
            key={m}
            role="radio"
            aria-checked={view.mode === m}
            title={`${label} shading (Shift+Z cycles)`}
            onClick={() => ctx.store.getState().viewModeSet(m)}
          >
            {label}
          </button>
        ))}
      </div>
      <div className="toolbar-group">
        <button
          type="button"
          aria-pressed={view.grid}
          title="Grid"
          onClick={() => run('view.grid')}
        >
          Grid
        </button>
        <button
          type="button"
          aria-pressed={view.axes}
          title="Axes"
          onClick={() => run('view.axes')}
        >
          Axes
        </button>
      </div>
      <div className="toolbar-spacer" />
      <div className="toolbar-group">
        <button
          type="button"
          title={tip('Open model', 'file.open')}
          onClick={() => run('file.open')}
        >
          Open…
        </button>
        <button
          type="button"
          title={tip('Save screenshot', 'file.screenshot')}
          onClick={() => run('file.screenshot')}
        >
          Screenshot…
        </button>
        <button
          type="button"
          title={tip('Keyboard shortcuts', 'help.shortcuts')}
          aria-label="Keyboard shortcuts"
          onClick={() => run('help.shortcuts')}
        >
          ?
        </button>
      </div>
    </div>
  );
}
