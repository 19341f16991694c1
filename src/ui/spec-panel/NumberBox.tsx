// A number input that keeps what the user typed ("1.", "-", "abc") while the draft holds the parsed
// number, or the raw text so the validator can name it. Arrow keys step within the field's range
// (Shift: ten steps).
import { useState, type KeyboardEvent } from 'react';

const NUMBER = /^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i;

/** '' → undefined (the default applies), a number → the number, anything else stays text. */
export function parseNumberText(text: string): unknown {
  const t = text.trim();
  if (t === '') return undefined;
  return NUMBER.test(t) ? Number(t) : t;
}

function show(value: unknown): string {
  if (value === undefined || value === null) return '';
  return typeof value === 'string' ? value : JSON.stringify(value);
}

export function stepFor(integer: boolean, min: number, max: number): number {
  if (integer) return 1;
  return max - min <= 1 ? 0.01 : 0.1;
}

export interface NumberBoxProps {
  id?: string;
  pathKey: string;
  value: unknown;
  placeholder?: string;
  integer: boolean;
  min: number;
  max: number;
  invalid: boolean;
  label?: string;
  onValue(value: unknown): void;
}

export function NumberBox(props: NumberBoxProps) {
  const { value, integer, min, max, onValue } = props;
  const [text, setText] = useState(() => show(value));
  const [seen, setSeen] = useState(value);
  // The draft changed from outside (an example, New seed, the JSON tab): show it, unless the text
  // already means that value ("1." for 1).
  if (!Object.is(seen, value)) {
    setSeen(value);
    if (!Object.is(parseNumberText(text), value)) setText(show(value));
  }

  const commit = (next: string) => {
    setText(next);
    onValue(parseNumberText(next));
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key !== 'ArrowUp' && e.key !== 'ArrowDown') return;
    e.preventDefault();
    const base = typeof value === 'number' ? value : Number(props.placeholder);
    const start = Number.isFinite(base) ? base : min;
    const step = stepFor(integer, min, max) * (e.shiftKey ? 10 : 1);
    const raw = start + (e.key === 'ArrowUp' ? step : -step);
    const next = Math.min(max, Math.max(min, Math.round(raw * 1e6) / 1e6));
    commit(String(next));
  };

  return (
    <input
      id={props.id}
      className="spec-input spec-number"
      type="text"
      inputMode={integer ? 'numeric' : 'decimal'}
      autoComplete="off"
      spellCheck={false}
      data-path={props.pathKey}
      aria-label={props.label}
      aria-invalid={props.invalid || undefined}
      placeholder={props.placeholder}
      value={text}
      onChange={(e) => commit(e.target.value)}
      onKeyDown={onKeyDown}
      onBlur={() => {
        const parsed = parseNumberText(text);
        if (typeof parsed === 'number' && String(parsed) !== text) setText(String(parsed));
      }}
    />
  );
}
