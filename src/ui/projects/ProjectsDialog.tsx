// The projects dialog: every project with its thumbnail, name and when it was last changed, most
// recent first; open, rename in place, duplicate, delete (asked first, then undoable for a few
// seconds from the toast the studio shows), and a new project.
import { useEffect, useRef, useState } from 'react';
import type { ProjectSession } from '../../projects/project-session';
import type { ProjectMeta } from '../../storage/project-repository';
import { Dialog } from '../Dialog';
import { Thumbnail } from './Thumbnail';
import { formatDateTime, formatRelativeTime } from './time-format';
import { useNow, useSession } from './use-session';
import './projects.css';

export interface ProjectsDialogProps {
  session: ProjectSession;
  onClose: () => void;
  notify: (kind: 'error' | 'info', text: string) => void;
}

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

export function ProjectsDialog({ session, onClose, notify }: ProjectsDialogProps) {
  const state = useSession(session);
  const now = useNow();
  const [renaming, setRenaming] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // Escape ends a rename without renaming, though the field's blur that follows would commit it.
  const renameCancelled = useRef(false);

  /** Runs a session call, telling a failure; `close` closes the dialog once it succeeded. */
  const run = async (work: () => Promise<void>, close = false) => {
    setBusy(true);
    try {
      await work();
      if (close) onClose();
    } catch (error) {
      notify('error', message(error));
    } finally {
      setBusy(false);
    }
  };

  const openId = state.project?.id;
  return (
    <Dialog label="Projects" className="studio-dialog projects-dialog" onClose={onClose}>
      {/* Inside the dialog so its key listener is registered first: Escape ends a rename or a
          delete question instead of closing the dialog. */}
      <EscapeGuard
        active={renaming !== null || confirming !== null}
        onEscape={() => {
          renameCancelled.current = true;
          setRenaming(null);
          setConfirming(null);
        }}
      />
      {!state.storage.available && (
        <p className="projects-warning" role="note">
          Storage is unavailable: projects last only until this tab closes.
        </p>
      )}
      <div className="projects-toolbar">
        <span className="projects-count">
          {state.projects.length} {state.projects.length === 1 ? 'project' : 'projects'}
        </span>
        <button
          type="button"
          className="primary"
          disabled={busy}
          onClick={() => void run(() => session.newProject(), true)}
        >
          New project
        </button>
      </div>
      {state.projects.length === 0 ? (
        <p className="projects-empty">No projects yet.</p>
      ) : (
        <ul className="projects-list" aria-label="Projects">
          {state.projects.map((p) => (
            <ProjectRow
              key={p.id}
              project={p}
              now={now}
              open={p.id === openId}
              busy={busy}
              renaming={renaming === p.id}
              confirming={confirming === p.id}
              onOpen={() => void run(() => session.open(p.id), true)}
              onRenameStart={() => {
                renameCancelled.current = false;
                setConfirming(null);
                setRenaming(p.id);
              }}
              onRename={(name) => {
                setRenaming(null);
                if (renameCancelled.current || name === p.name) return;
                void run(() => session.rename(p.id, name));
              }}
              onRenameCancel={() => setRenaming(null)}
              onDuplicate={() => void run(() => session.duplicate(p.id))}
              onDeleteAsk={() => {
                setRenaming(null);
                setConfirming(p.id);
              }}
              onDeleteCancel={() => setConfirming(null)}
              onDelete={() => {
                setConfirming(null);
                void run(() => session.remove(p.id));
              }}
            />
          ))}
        </ul>
      )}
    </Dialog>
  );
}

interface RowProps {
  project: ProjectMeta;
  now: number;
  open: boolean;
  busy: boolean;
  renaming: boolean;
  confirming: boolean;
  onOpen(): void;
  onRenameStart(): void;
  onRename(name: string): void;
  onRenameCancel(): void;
  onDuplicate(): void;
  onDeleteAsk(): void;
  onDeleteCancel(): void;
  onDelete(): void;
}

function ProjectRow(props: RowProps) {
  const { project: p } = props;
  return (
    <li
      className="project-row"
      aria-label={p.name}
      aria-current={props.open ? 'true' : undefined}
      data-project={p.id}
    >
      <Thumbnail bytes={p.thumbnail} className="project-thumb" />
      <div className="project-text">
        {props.renaming ? (
          <RenameField name={p.name} onDone={props.onRename} onCancel={props.onRenameCancel} />
        ) : (
          <span className="project-name" title={p.name}>
            {p.name}
            {props.open && <span className="project-badge">open</span>}
          </span>
        )}
        <span className="project-time" title={`Changed ${formatDateTime(p.updated)}`}>
          {formatRelativeTime(p.updated, props.now)}
        </span>
      </div>
      {props.confirming ? (
        <div className="project-actions project-confirm" role="group" aria-label="Confirm delete">
          <span>Delete “{p.name}”?</span>
          <button type="button" className="danger" onClick={props.onDelete} autoFocus>
            Delete
          </button>
          <button type="button" onClick={props.onDeleteCancel}>
            Cancel
          </button>
        </div>
      ) : (
        <div className="project-actions">
          <button
            type="button"
            disabled={props.busy || props.open}
            aria-label={`Open ${p.name}`}
            onClick={props.onOpen}
          >
            Open
          </button>
          <button
            type="button"
            disabled={props.busy}
            aria-label={`Rename ${p.name}`}
            onClick={props.onRenameStart}
          >
            Rename
          </button>
          <button
            type="button"
            disabled={props.busy}
            aria-label={`Duplicate ${p.name}`}
            onClick={props.onDuplicate}
          >
            Duplicate
          </button>
          <button
            type="button"
            disabled={props.busy}
            aria-label={`Delete ${p.name}`}
            onClick={props.onDeleteAsk}
          >
            Delete
          </button>
        </div>
      )}
    </li>
  );
}

/** The name as a text field: Enter or leaving it renames, Escape (via EscapeGuard) cancels. */
function RenameField(props: { name: string; onDone(name: string): void; onCancel(): void }) {
  const [value, setValue] = useState(props.name);
  const input = useRef<HTMLInputElement>(null);
  const done = useRef(false);
  useEffect(() => {
    input.current?.focus();
    input.current?.select();
  }, []);
  const finish = () => {
    if (done.current) return;
    done.current = true;
    const name = value.trim();
    if (name) props.onDone(name);
    else props.onCancel();
  };
  return (
    <input
      ref={input}
      className="project-rename"
      aria-label={`New name for ${props.name}`}
      value={value}
      maxLength={120}
      onChange={(e) => setValue(e.target.value)}
      onBlur={finish}
      onKeyDown={(e) => {
        if (e.key === 'Enter') {
          e.preventDefault();
          finish();
        }
      }}
    />
  );
}

/**
 * Takes Escape before the dialog does while `active`. Its listener must be registered before the
 * Dialog's (both on window, capture phase); a child's effect runs before its parent's, so this is
 * rendered inside the Dialog.
 */
function EscapeGuard({ active, onEscape }: { active: boolean; onEscape: () => void }) {
  const latest = useRef({ active, onEscape });
  useEffect(() => {
    latest.current = { active, onEscape };
  }, [active, onEscape]);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape' || !latest.current.active) return;
      e.preventDefault();
      e.stopImmediatePropagation();
      latest.current.onEscape();
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, []);
  return null;
}
