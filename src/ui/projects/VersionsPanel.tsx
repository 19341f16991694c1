// The open project's versions (a sidebar section): a message and "Save version" to keep the current
// state, then every version newest first with its thumbnail, message, time and an "auto" badge for
// the ones the studio made itself. Each can be brought back ("Revert", one undoable edit) or picked
// for "Compare": two picks compare the older with the newer, one compares it with the current state.
import { useEffect, useRef, useState } from 'react';
import type { ProjectSession } from '../../projects/project-session';
import type { VersionMeta } from '../../storage/project-repository';
import '../side-panel/side-panel.css';
import { Thumbnail } from './Thumbnail';
import { formatDateTime, formatRelativeTime } from './time-format';
import { useNow, useSession } from './use-session';
import { comparison, livePicks, togglePick } from './version-picks';
import './projects.css';

export interface VersionsPanelProps {
  session: ProjectSession;
  notify: (kind: 'error' | 'info', text: string) => void;
  /** Increases each time the message field should take the focus (Save version…, Ctrl+S). */
  focusRequest?: number;
}

const MAX_MESSAGE = 200;

type DiffView =
  | { status: 'loading'; label: string }
  | { status: 'done'; label: string; lines: string[] }
  | { status: 'failed'; label: string; error: string };

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

export function VersionsPanel({ session, notify, focusRequest = 0 }: VersionsPanelProps) {
  const state = useSession(session);
  const now = useNow();
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [rawPicks, setPicks] = useState<string[]>([]);
  const [diff, setDiff] = useState<DiffView | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const diffRun = useRef(0);
  const picks = livePicks(rawPicks, state.versions);
  const compare = comparison(picks, state.versions);
  const project = state.project;

  useEffect(() => {
    if (focusRequest > 0) input.current?.focus();
  }, [focusRequest]);

  const commit = async () => {
    if (!project || busy) return;
    const msg = text.trim() || 'Saved version';
    setBusy(true);
    try {
      await session.commit(msg);
      setText('');
      notify('info', `Saved version “${msg}”`);
    } catch (error) {
      notify('error', `Could not save the version: ${message(error)}`);
    } finally {
      setBusy(false);
    }
  };

  const revert = async (v: VersionMeta) => {
    setBusy(true);
    try {
      await session.revert(v.id);
      notify('info', `Reverted to “${v.message}” (Undo brings back what was there)`);
    } catch (error) {
      notify('error', `Could not revert: ${message(error)}`);
    } finally {
      setBusy(false);
    }
  };

  const runCompare = async () => {
    if (!compare) return;
    const run = ++diffRun.current;
    setDiff({ status: 'loading', label: compare.label });
    try {
      const lines = await session.diff(compare.from, compare.to);
      if (run === diffRun.current) setDiff({ status: 'done', label: compare.label, lines });
    } catch (error) {
      if (run === diffRun.current) {
        setDiff({ status: 'failed', label: compare.label, error: message(error) });
      }
    }
  };

  return (
    <div className="side-panel versions-panel" data-testid="versions">
      <form
        className="versions-commit"
        onSubmit={(e) => {
          e.preventDefault();
          void commit();
        }}
      >
        <input
          ref={input}
          type="text"
          aria-label="Version message"
          placeholder={project ? 'What changed?' : 'No project open'}
          value={text}
          maxLength={MAX_MESSAGE}
          disabled={!project}
          onChange={(e) => setText(e.target.value)}
          onKeyDown={(e) => {
            // Ctrl+S in the field saves the version (and keeps the browser's save dialog away).
            if ((e.ctrlKey || e.metaKey) && !e.shiftKey && e.key.toLowerCase() === 's') {
              e.preventDefault();
              void commit();
            }
            // Escape leaves the field (the studio's shortcuts are back).
            if (e.key === 'Escape') e.currentTarget.blur();
          }}
        />
        <button type="submit" className="side-button" disabled={!project || busy}>
          Save version
        </button>
      </form>
      <div className="side-toolbar">
        <span className="side-toolbar-note">
          {state.versions.length} {state.versions.length === 1 ? 'version' : 'versions'}
          {picks.length > 0 && ` · ${picks.length} picked`}
        </span>
        <button
          type="button"
          className="side-button"
          disabled={!compare}
          title={compare ? `Compare ${compare.label}` : 'Pick one or two versions to compare'}
          onClick={() => void runCompare()}
        >
          {picks.length === 1 ? 'Compare with current' : 'Compare'}
        </button>
      </div>
      {diff && (
        <section className="versions-diff" aria-label="Changes">
          <header>
            <span className="versions-diff-title">{diff.label}</span>
            <button
              type="button"
              className="side-icon-button"
              aria-label="Close the comparison"
              onClick={() => {
                diffRun.current++;
                setDiff(null);
              }}
            >
              ×
            </button>
          </header>
          {diff.status === 'loading' && <p className="side-empty">Comparing…</p>}
          {diff.status === 'failed' && (
            <p className="side-error" role="alert">
              <span>{diff.error}</span>
            </p>
          )}
          {diff.status === 'done' && (
            <ul className="versions-diff-lines">
              {diff.lines.map((line, i) => (
                <li key={i}>{line}</li>
              ))}
            </ul>
          )}
        </section>
      )}
      {state.versions.length === 0 ? (
        <p className="side-empty">
          {project
            ? 'No versions yet. Save one to be able to come back to this state.'
            : 'Open or start a project to keep versions.'}
        </p>
      ) : (
        <ol className="versions-list side-scroll" aria-label="Versions">
          {state.versions.map((v) => {
            const picked = picks.includes(v.id);
            const title = v.message || 'untitled';
            return (
              <li
                key={v.id}
                className="version-row"
                aria-label={title}
                data-version={v.id}
                data-picked={picked || undefined}
              >
                <input
                  type="checkbox"
                  className="version-pick"
                  aria-label={`Pick “${title}” to compare`}
                  checked={picked}
                  onChange={() => setPicks((p) => togglePick(livePicks(p, state.versions), v.id))}
                />
                <Thumbnail bytes={v.thumbnail} className="version-thumb" />
                <span className="version-text">
                  <span className="version-message" title={title}>
                    {title}
                    {v.auto && <span className="version-auto">auto</span>}
                  </span>
                  <time
                    className="version-time"
                    dateTime={new Date(v.time).toISOString()}
                    title={formatDateTime(v.time)}
                  >
                    {formatRelativeTime(v.time, now)}
                  </time>
                </span>
                <button
                  type="button"
                  className="side-button version-revert"
                  aria-label={`Revert to “${title}”`}
                  title="Bring this version back (undoable)"
                  disabled={busy}
                  onClick={() => void revert(v)}
                >
                  Revert
                </button>
              </li>
            );
          })}
        </ol>
      )}
    </div>
  );
}
