// Whether the open project's latest changes are kept: a compact status in the top bar ("Saved
// 12:03", "Saving…", "Unsaved changes", "Not saved: …", "Nothing will be kept (private window)"), and,
// when another tab saved the same project, a banner with the two ways out: load what the other tab
// saved, or keep this tab's state as a copy. Neither tab overwrites the other silently.
import { useState } from 'react';
import type { ProjectSession } from '../../projects/project-session';
import { saveStatusView } from './save-status';
import { useSession } from './use-session';
import './projects.css';

export interface SaveIndicatorProps {
  session: ProjectSession;
  /** Opens the projects dialog (the project's name is a button). */
  onOpenProjects?: () => void;
}

export function SaveIndicator({ session, onOpenProjects }: SaveIndicatorProps) {
  const state = useSession(session);
  const view = saveStatusView(state);
  return (
    <div className="save-indicator" data-testid="save-indicator">
      {state.project && (
        <button
          type="button"
          className="save-project-name"
          title="Projects…"
          aria-label={`Project: ${state.project.name}. Open the projects list`}
          onClick={onOpenProjects}
        >
          {state.project.name}
        </button>
      )}
      <span
        className={`save-status save-${view.tone}`}
        role="status"
        aria-label="Save status"
        data-status={state.save}
        title={view.title}
      >
        <span className="save-dot" aria-hidden="true" />
        <span className="save-text">{view.text}</span>
      </span>
    </div>
  );
}

/** Shown while the session reports a conflict. */
export function ConflictBanner({
  session,
  notify,
}: {
  session: ProjectSession;
  notify: (kind: 'error' | 'info', text: string) => void;
}) {
  const state = useSession(session);
  const [busy, setBusy] = useState(false);
  if (state.save !== 'conflict') return null;
  const run = async (work: () => Promise<void>, done: string) => {
    setBusy(true);
    try {
      await work();
      notify('info', done);
    } catch (error) {
      notify('error', error instanceof Error ? error.message : String(error));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="conflict-banner" role="alert" aria-label="Save conflict">
      <span className="conflict-text" title={state.message}>
        <strong>This project was changed in another tab.</strong> This tab’s changes are not saved
        until you choose.
      </span>
      <button
        type="button"
        disabled={busy}
        onClick={() =>
          void run(() => session.reloadFromStorage(), 'Loaded the version saved in the other tab')
        }
      >
        Load their version
      </button>
      <button
        type="button"
        className="primary"
        disabled={busy}
        onClick={() => void run(() => session.saveAsCopy(), 'Kept this tab’s changes as a copy')}
      >
        Keep mine as a copy
      </button>
    </div>
  );
}
