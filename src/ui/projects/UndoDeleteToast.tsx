// "Deleted "X". Undo": one line per project deleted in the last few seconds (the session keeps them
// restorable for UNDO_DELETE_MS), shown over the studio whether or not the projects dialog is open.
import { useEffect, useState } from 'react';
import { UNDO_DELETE_MS, type ProjectSession } from '../../projects/project-session';
import { useSession } from './use-session';
import './projects.css';

export function UndoDeleteToast({
  session,
  notify,
}: {
  session: ProjectSession;
  notify: (kind: 'error' | 'info', text: string) => void;
}) {
  const { deleted } = useSession(session);
  const [now, setNow] = useState(() => Date.now());
  // Re-render when the oldest offer runs out, so it goes even if the session is slow to say so.
  useEffect(() => {
    const ends = deleted.map((p) => (p.deleted ?? 0) + UNDO_DELETE_MS);
    if (ends.length === 0) return;
    const next = Math.min(...ends.filter((t) => t > Date.now()), Date.now() + UNDO_DELETE_MS);
    const timer = setTimeout(() => setNow(Date.now()), Math.max(50, next - Date.now() + 20));
    return () => clearTimeout(timer);
  }, [deleted, now]);
  const live = deleted.filter((p) => p.deleted === undefined || p.deleted + UNDO_DELETE_MS > now);
  if (live.length === 0) return null;
  return (
    <div className="undo-delete" role="status" aria-label="Deleted projects">
      {live.map((p) => (
        <div className="undo-delete-row" key={p.id}>
          <span>Deleted “{p.name}”.</span>
          <button
            type="button"
            aria-label={`Undo delete ${p.name}`}
            onClick={() =>
              session.undoRemove(p.id).then(
                () => notify('info', `Restored “${p.name}”`),
                (e: unknown) => notify('error', e instanceof Error ? e.message : String(e)),
              )
            }
          >
            Undo
          </button>
        </div>
      ))}
    </div>
  );
}
