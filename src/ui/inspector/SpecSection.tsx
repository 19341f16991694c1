// The spec section that made an object, read from the spec draft (so it shows what the next
// Generate would use), as a compact read-only list, with a way to the spec panel to change it.
import { useMemo } from 'react';
import { readPath } from '../../state/spec-path';
import { useStudio } from '../../state/store-context';
import { parsePathKey, specEntries } from './spec-entries';

export interface SpecSectionProps {
  /** The section's path as parts name it: 'dungeon.props', 'scatter[0]'. */
  path: string;
  onEditSpec?: (path: string) => void;
}

export function SpecSection({ path, onEditSpec }: SpecSectionProps) {
  const specPath = useMemo(() => parsePathKey(path), [path]);
  // Only this section of the draft: typing elsewhere in the spec does not re-render the inspector.
  const value = useStudio((s) => readPath(s.spec.draft, specPath));
  const { entries, more } = useMemo(() => specEntries(value), [value]);
  return (
    <section className="inspector-section" aria-label="Spec section">
      <header className="inspector-section-header">
        <h3>Spec</h3>
        <code className="inspector-path">{path}</code>
      </header>
      {value === undefined && <p className="inspector-note">Not in the current spec draft.</p>}
      {value !== undefined && (
        <dl className="inspector-spec">
          {entries.map((e) => (
            <div key={e.key} className="inspector-spec-row">
              <dt title={e.key}>{e.key}</dt>
              <dd title={e.text}>{e.text}</dd>
            </div>
          ))}
        </dl>
      )}
      {more > 0 && <p className="inspector-note">…and {more} more</p>}
      {onEditSpec && (
        <button type="button" className="side-button" onClick={() => onEditSpec(path)}>
          Edit in spec panel
        </button>
      )}
    </section>
  );
}
