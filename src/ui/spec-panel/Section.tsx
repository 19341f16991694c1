// A collapsible block of the spec form: a header (title, problem count, an on/off switch for an
// optional section, actions) over a body that is only rendered while open.
import { useId, useState, type ReactNode } from 'react';

export interface SectionProps {
  title: string;
  /** Top-level sections are panels of their own; nested ones are indented groups. */
  level: number;
  issueCount?: number;
  /** Present for optional sections: whether it is on, and how to switch it. */
  enabled?: { on: boolean; onChange(on: boolean): void };
  actions?: ReactNode;
  defaultOpen?: boolean;
  testId?: string;
  children?: ReactNode;
}

export function Section(props: SectionProps) {
  const [open, setOpen] = useState(props.defaultOpen ?? true);
  const bodyId = useId();
  const on = props.enabled?.on ?? true;
  const shown = open && on;
  const top = props.level <= 1;
  const heading = (
    <>
      {top && <span className="spec-chevron" aria-hidden="true" data-open={shown} />}
      <span className="spec-section-title">{props.title}</span>
      {props.issueCount ? (
        <span className="spec-badge" title={`${props.issueCount} problem(s) inside`}>
          {props.issueCount}
        </span>
      ) : null}
    </>
  );
  return (
    <section
      className={top ? 'spec-section' : 'spec-group'}
      data-section={props.testId}
      data-enabled={on}
    >
      <div className="spec-section-header">
        {top ? (
          <button
            type="button"
            className="spec-section-toggle"
            aria-expanded={shown}
            aria-controls={bodyId}
            disabled={!on}
            onClick={() => setOpen(!open)}
          >
            {heading}
          </button>
        ) : (
          <span className="spec-section-toggle">{heading}</span>
        )}
        {props.actions}
        {props.enabled && (
          <label
            className="spec-switch"
            title={on ? `Remove ${props.title}` : `Add ${props.title}`}
          >
            <input
              type="checkbox"
              role="switch"
              checked={on}
              aria-label={`${props.title} on`}
              onChange={(e) => {
                props.enabled!.onChange(e.target.checked);
                if (e.target.checked) setOpen(true);
              }}
            />
            <span aria-hidden="true" />
          </label>
        )}
      </div>
      {shown && (
        <div className="spec-section-body" id={bodyId}>
          {props.children}
        </div>
      )}
    </section>
  );
}
