// The spec as JSON text. Edits go to the store as typed; whenever the text parses to an object the
// form follows it, and every problem is listed below (the footer's issue list).
import { useMemo } from 'react';
import { useStudio, useStudioStore } from '../../state/store-context';

export function JsonTab() {
  const store = useStudioStore();
  const text = useStudio((s) => s.spec.text);
  const draft = useStudio((s) => s.spec.draft);
  const printed = useMemo(() => JSON.stringify(draft, null, 2), [draft]);
  return (
    <div className="spec-json-tab">
      <textarea
        className="spec-json"
        spellCheck={false}
        autoComplete="off"
        aria-label="Scene spec JSON"
        data-testid="spec-json"
        value={text ?? printed}
        onChange={(e) => store.getState().specTextEdited(e.target.value)}
      />
    </div>
  );
}
