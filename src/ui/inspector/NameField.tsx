// The object's name: edited as text, committed as one rename on Enter or blur; Escape puts the
// name back.
import { useState } from 'react';

export interface NameFieldProps {
  name: string;
  invalid: boolean;
  onCommit(name: string): boolean;
}

export function NameField({ name, invalid, onCommit }: NameFieldProps) {
  const [draft, setDraft] = useState<string | null>(null);
  const commit = () => {
    if (draft === null) return;
    if (draft.trim() === name || onCommit(draft)) setDraft(null);
  };
  return (
    <input
      className="inspector-name"
      type="text"
      aria-label="Name"
      autoComplete="off"
      spellCheck={false}
      aria-invalid={invalid || undefined}
      value={draft ?? name}
      onChange={(e) => setDraft(e.target.value)}
      onKeyDown={(e) => {
        if (e.key === 'Enter') {
          e.preventDefault();
          commit();
        } else if (e.key === 'Escape') {
          e.preventDefault();
          e.stopPropagation();
          setDraft(null);
        }
      }}
      onBlur={commit}
    />
  );
}
