// The panel's footer: the spec's problems, Generate (or, while generating, the progress bar with the
// phase, percentage, elapsed time and Cancel), and how the last generation ended.
import { useEffect, useRef, type ReactNode } from 'react';
import { issuePath } from '../../state/spec-path';
import { useStudio } from '../../state/store-context';
import { formatMs } from '../format';
import type { GenerationControl } from './use-generation';

export function GenerateBar({ control }: { control: GenerationControl }) {
  const generating = useStudio((s) => s.scene.status === 'generating');
  const problems = useStudio((s) => s.spec.issues.length);
  return (
    <footer className="spec-footer">
      <IssueList />
      {generating ? (
        <Progress control={control} />
      ) : (
        <button
          type="button"
          className="spec-generate"
          disabled={problems > 0}
          title={problems > 0 ? 'Fix the problems above to generate' : 'Generate (Ctrl+Enter)'}
          onClick={control.start}
        >
          Generate
          <kbd>Ctrl ↵</kbd>
        </button>
      )}
      <GenerationStatus />
    </footer>
  );
}

function focusField(path: string) {
  document.querySelector<HTMLElement>(`[data-path="${CSS.escape(path)}"]`)?.focus();
}

function IssueList() {
  const issues = useStudio((s) => s.spec.issues);
  if (issues.length === 0) return null;
  return (
    <div className="spec-issues" data-testid="spec-issues">
      <p className="spec-issues-title">
        {issues.length === 1 ? '1 problem' : `${issues.length} problems`} to fix before generating
      </p>
      <ul>
        {issues.slice(0, 100).map((issue) => (
          <li key={issue}>
            <button type="button" onClick={() => focusField(issuePath(issue))}>
              {issue}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}

function Progress({ control }: { control: GenerationControl }) {
  const phase = useStudio((s) => s.scene.phase);
  const progress = useStudio((s) => s.scene.progress);
  const elapsed = useRef<HTMLSpanElement>(null);
  // The clock ticks outside React: only its text node changes.
  useEffect(() => {
    const t0 = performance.now();
    const id = setInterval(() => {
      if (elapsed.current) {
        elapsed.current.textContent = `${((performance.now() - t0) / 1000).toFixed(1)} s`;
      }
    }, 100);
    return () => clearInterval(id);
  }, []);
  const pct = Math.round(Math.min(1, Math.max(0, progress)) * 100);
  return (
    <div className="spec-progress" data-testid="generation-progress">
      <div className="spec-progress-info">
        <span className="spec-progress-phase" data-testid="generation-phase">
          {phase ?? 'starting'}
        </span>
        <span className="spec-progress-pct">{pct}%</span>
        <span className="spec-muted" ref={elapsed}>
          0.0 s
        </span>
      </div>
      <div className="spec-progress-row">
        <div
          className="spec-progress-track"
          role="progressbar"
          aria-label="Generation progress"
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={pct}
        >
          <div className="spec-progress-fill" style={{ width: `${pct}%` }} />
        </div>
        <button
          type="button"
          className="spec-button spec-cancel"
          disabled={!control.running}
          title={
            control.running ? 'Cancel (Esc)' : 'Started by a script; it cannot be cancelled here'
          }
          onClick={control.cancel}
        >
          Cancel
        </button>
      </div>
    </div>
  );
}

function GenerationStatus() {
  const status = useStudio((s) => s.scene.status);
  const error = useStudio((s) => s.scene.error);
  const hasScene = useStudio((s) => s.scene.data !== undefined);
  const total = useStudio((s) =>
    Object.values(s.scene.data?.stats.phases ?? {}).reduce((a, b) => a + b, 0),
  );
  let body: ReactNode = null;
  if (status === 'ready') body = <>Generated in {formatMs(total)}.</>;
  else if (status === 'cancelled') {
    body = hasScene ? 'Cancelled. The previous scene is still on show.' : 'Cancelled.';
  } else if (status === 'failed') {
    body = (
      <>
        <strong>Generation failed</strong>
        <span className="spec-error-text">{error ?? 'unknown error'}</span>
        {hasScene && <span className="spec-muted">The previous scene is still on show.</span>}
      </>
    );
  } else if (status === 'empty') body = 'Nothing generated yet: the demo scene is on show.';
  if (body === null) return null;
  return (
    <div
      className={`spec-status spec-status-${status}`}
      data-testid="generation-status"
      data-status={status}
      role={status === 'failed' ? 'alert' : 'status'}
    >
      {body}
    </div>
  );
}
