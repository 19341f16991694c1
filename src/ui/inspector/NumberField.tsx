// A numeric field of the inspector. Typing changes only the text; a value is committed once, on
// Enter or blur (an unchanged text commits nothing), on each arrow-key step, or when a drag on the
// axis letter (scrub) is released. Escape puts the shown value back.
import { useRef, useState, type KeyboardEvent, type PointerEvent } from 'react';

export interface NumberFieldProps {
  /** Accessible name: 'Position X'. */
  label: string;
  /** The letter shown before the input; dragging it scrubs the value. */
  axis: string;
  value: number;
  format(value: number): string;
  parse(text: string): number | null;
  step(mods: { shiftKey: boolean; altKey: boolean }): number;
  disabled?: boolean;
  invalid?: boolean;
  onCommit(value: number): void;
  /** The text is not a number (shown by the caller). */
  onInvalid(text: string): void;
}

/** Pixels of drag per step while scrubbing. */
const SCRUB_PX = 3;

export function NumberField(p: NumberFieldProps) {
  // null while the field shows the document's value; the typed text otherwise.
  const [draft, setDraft] = useState<string | null>(null);
  const scrub = useRef<{ x: number; start: number; last: number; moved: boolean } | null>(null);
  const shown = p.format(p.value);

  /** Enter keeps a text that is not a number for correcting; blur puts the value back. */
  const commitText = (text: string, keepInvalid: boolean) => {
    const value = p.parse(text);
    if (value === null && text.trim() !== shown) {
      if (!keepInvalid) setDraft(null);
      p.onInvalid(text);
      return;
    }
    setDraft(null);
    if (text.trim() !== shown && value !== null) p.onCommit(value);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter') {
      e.preventDefault();
      if (draft !== null) commitText(draft, true);
    } else if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      setDraft(null);
    } else if (e.key === 'ArrowUp' || e.key === 'ArrowDown') {
      e.preventDefault();
      const base = draft !== null ? (p.parse(draft) ?? p.value) : p.value;
      const step = p.step(e) * (e.key === 'ArrowUp' ? 1 : -1);
      setDraft(null);
      // Rounded to the step's precision so repeated steps do not collect float noise.
      p.onCommit(Number((base + step).toFixed(6)));
    }
  };

  const onPointerDown = (e: PointerEvent<HTMLSpanElement>) => {
    if (p.disabled || e.button !== 0) return;
    e.preventDefault();
    e.currentTarget.setPointerCapture(e.pointerId);
    scrub.current = { x: e.clientX, start: p.value, last: p.value, moved: false };
  };
  const onPointerMove = (e: PointerEvent<HTMLSpanElement>) => {
    const s = scrub.current;
    if (!s) return;
    const steps = Math.trunc((e.clientX - s.x) / SCRUB_PX);
    s.moved ||= steps !== 0;
    s.last = Number((s.start + steps * p.step(e)).toFixed(6));
    setDraft(p.format(s.last));
  };
  const onPointerUp = () => {
    const s = scrub.current;
    scrub.current = null;
    setDraft(null);
    if (s?.moved && s.last !== s.start) p.onCommit(s.last);
  };

  return (
    <label className="inspector-number" data-disabled={p.disabled || undefined}>
      <span
        className="inspector-axis"
        data-axis={p.axis}
        aria-hidden="true"
        title={p.disabled ? undefined : 'Drag to change'}
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={onPointerUp}
        onPointerCancel={onPointerUp}
      >
        {p.axis}
      </span>
      <input
        type="text"
        inputMode="decimal"
        autoComplete="off"
        spellCheck={false}
        aria-label={p.label}
        aria-invalid={p.invalid || undefined}
        disabled={p.disabled}
        value={draft ?? shown}
        onChange={(e) => setDraft(e.target.value)}
        onFocus={(e) => e.currentTarget.select()}
        onKeyDown={onKeyDown}
        onBlur={() => {
          if (draft !== null && !scrub.current) commitText(draft, false);
        }}
      />
    </label>
  );
}
