// The editor's controls: a slider with a number box (both within the schema's range), a [min, max]
// pair, a colour swatch and a select. Values change as the user drags or types a valid number; a
// text that is not a valid number is kept in the box until corrected or left, never committed.
import { useId, useState, type ReactNode } from 'react';

const decimals = (step: number) => (step >= 1 ? 0 : Math.min(4, Math.ceil(-Math.log10(step))));

export interface SliderRowProps {
  label: string;
  hint: string;
  value: number;
  min: number;
  max: number;
  step: number;
  onChange(value: number): void;
  /** The accessible name when it differs from the label ('Roughness min'). */
  name?: string;
}

export function SliderRow(p: SliderRowProps) {
  const id = useId();
  const name = p.name ?? p.label;
  const [text, setText] = useState<string | null>(null);
  const integer = p.step >= 1;
  const valid = (t: string): number | null => {
    if (t.trim() === '') return null;
    const v = Number(t);
    if (!Number.isFinite(v) || v < p.min || v > p.max) return null;
    if (integer && !Number.isInteger(v)) return null;
    return v;
  };
  const shown = String(Number(p.value.toFixed(decimals(p.step))));
  return (
    <div className="mat-row" title={p.hint}>
      <label className="mat-label" htmlFor={id}>
        {p.label}
      </label>
      <input
        id={id}
        type="range"
        className="mat-slider"
        aria-label={name}
        min={p.min}
        max={p.max}
        step={p.step}
        value={p.value}
        onChange={(e) => {
          setText(null);
          p.onChange(Number(e.target.value));
        }}
      />
      <input
        type="number"
        className="mat-number"
        aria-label={`${name} value`}
        aria-invalid={text !== null && valid(text) === null}
        min={p.min}
        max={p.max}
        step={p.step}
        value={text ?? shown}
        onChange={(e) => {
          setText(e.target.value);
          const v = valid(e.target.value);
          if (v !== null) p.onChange(v);
        }}
        onBlur={() => setText(null)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') setText(null);
        }}
      />
    </div>
  );
}

/** A [min, max] pair as two sliders that keep min <= max. */
export function RangeRows(p: {
  label: string;
  hint: string;
  value: readonly [number, number];
  onChange(value: [number, number]): void;
}) {
  const [lo, hi] = p.value;
  return (
    <div className="mat-range" title={p.hint}>
      <SliderRow
        label={`${p.label}`}
        name={`${p.label} min`}
        hint={`${p.hint} (lowest)`}
        value={lo}
        min={0}
        max={1}
        step={0.01}
        onChange={(v) => p.onChange([v, Math.max(v, hi)])}
      />
      <SliderRow
        label="to"
        name={`${p.label} max`}
        hint={`${p.hint} (highest)`}
        value={hi}
        min={0}
        max={1}
        step={0.01}
        onChange={(v) => p.onChange([Math.min(lo, v), v])}
      />
    </div>
  );
}

export function ColourRow(p: {
  label: string;
  hint?: string;
  value: string;
  onChange(v: string): void;
}) {
  const id = useId();
  return (
    <div className="mat-row" title={p.hint}>
      <label className="mat-label" htmlFor={id}>
        {p.label}
      </label>
      <input
        id={id}
        type="color"
        className="mat-colour"
        aria-label={`${p.label} colour`}
        value={p.value.toLowerCase()}
        onChange={(e) => p.onChange(e.target.value)}
      />
      <span className="mat-hex">{p.value.toLowerCase()}</span>
    </div>
  );
}

export function SelectRow<T extends string>(p: {
  label: string;
  hint?: string;
  value: T;
  options: readonly { value: T; label: string }[];
  onChange(v: T): void;
}) {
  const id = useId();
  return (
    <div className="mat-row" title={p.hint}>
      <label className="mat-label" htmlFor={id}>
        {p.label}
      </label>
      <select
        id={id}
        className="mat-select"
        value={p.value}
        onChange={(e) => p.onChange(e.target.value as T)}
      >
        {p.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

export function FieldGroup(p: { title: string; extra?: ReactNode; children: ReactNode }) {
  return (
    <fieldset className="mat-group">
      <legend className="mat-group-title">
        {p.title}
        {p.extra}
      </legend>
      {p.children}
    </fieldset>
  );
}
