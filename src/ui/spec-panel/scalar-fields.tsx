// The leaf rows of the spec form: numbers, text, selects, vectors, multi-picks, constants and a JSON
// fallback. Each row reads its own value and problems from the store and shows the path-named
// message under the control.
import { useState, type ReactNode } from 'react';
import { pathKey, type SpecPath } from '../../state/spec-path';
import { fieldHint, fieldLabel, fieldUnit, vectorLabels } from './field-hints';
import { NumberBox } from './NumberBox';
import type {
  ConstantField,
  JsonField,
  MultiField,
  NumberField,
  SelectField,
  TextField,
  VectorField,
} from './schema-fields';
import { fieldId, useDraftValue, useFieldIssues, useSetField } from './use-spec-field';

export interface RowProps<F> {
  field: F;
  path: SpecPath;
  /** The value the schema falls back to when the field is left out. */
  fallback?: unknown;
  /** A control shown after the input (the seed's "New seed"). */
  extra?: ReactNode;
}

function FieldShell(props: {
  path: SpecPath;
  issues: string;
  children: ReactNode;
  labelFor?: string;
  title?: string;
  /** Vectors name their unit in the label; single numbers show it inside the input. */
  unitInLabel?: boolean;
}) {
  const unit = props.unitInLabel ? fieldUnit(props.path) : undefined;
  const hint = fieldHint(props.path);
  const label = unit ? (
    <>
      {fieldLabel(props.path)} <span className="spec-label-unit">{unit}</span>
    </>
  ) : (
    fieldLabel(props.path)
  );
  return (
    <div className={`spec-field${props.issues ? ' has-issue' : ''}`}>
      {props.labelFor ? (
        <label className="spec-label" htmlFor={props.labelFor} title={hint ?? props.title}>
          {label}
        </label>
      ) : (
        <span className="spec-label" title={hint ?? props.title}>
          {label}
        </span>
      )}
      <div className="spec-control">{props.children}</div>
      {props.issues && (
        <p className="spec-issue" role="alert" data-issue-for={pathKey(props.path)}>
          {props.issues}
        </p>
      )}
    </div>
  );
}

const rangeTitle = (f: { min: number; max: number; integer?: boolean }) =>
  `${f.integer ? 'Integer' : 'Number'} ${f.min}..${f.max}`;

const placeholderOf = (v: unknown) => (typeof v === 'number' ? String(v) : undefined);

export function NumberRow({ field, path, fallback, extra }: RowProps<NumberField>) {
  const value = useDraftValue(path);
  const issues = useFieldIssues(path);
  const set = useSetField();
  const id = fieldId(path);
  const unit = fieldUnit(path);
  return (
    <FieldShell path={path} issues={issues} labelFor={id} title={rangeTitle(field)}>
      <span className="spec-input-wrap" data-unit={unit}>
        <NumberBox
          id={id}
          pathKey={pathKey(path)}
          value={value}
          placeholder={placeholderOf(field.default ?? fallback)}
          integer={field.integer}
          min={field.min}
          max={field.max}
          invalid={issues !== ''}
          onValue={(v) => set(path, v)}
        />
        {unit && (
          <span className="spec-unit" aria-hidden="true">
            {unit}
          </span>
        )}
      </span>
      {extra}
    </FieldShell>
  );
}

export function TextRow({ field, path, fallback }: RowProps<TextField>) {
  const value = useDraftValue(path);
  const issues = useFieldIssues(path);
  const set = useSetField();
  const id = fieldId(path);
  const shown =
    value === undefined ? '' : typeof value === 'string' ? value : JSON.stringify(value);
  const placeholder = field.default ?? fallback;
  return (
    <FieldShell path={path} issues={issues} labelFor={id}>
      <input
        id={id}
        className="spec-input"
        type="text"
        autoComplete="off"
        data-path={pathKey(path)}
        aria-invalid={issues !== '' || undefined}
        placeholder={typeof placeholder === 'string' ? placeholder : ''}
        value={shown}
        onChange={(e) =>
          set(path, field.optional && e.target.value === '' ? undefined : e.target.value)
        }
      />
    </FieldShell>
  );
}

export function SelectRow({ field, path, fallback }: RowProps<SelectField>) {
  const value = useDraftValue(path);
  const issues = useFieldIssues(path);
  const set = useSetField();
  const id = fieldId(path);
  const effective = value ?? field.default ?? fallback;
  const known = typeof effective === 'string' && field.options.includes(effective);
  return (
    <FieldShell path={path} issues={issues} labelFor={id}>
      <select
        id={id}
        className="spec-input spec-select"
        data-path={pathKey(path)}
        aria-invalid={issues !== '' || undefined}
        value={effective === undefined ? '' : String(effective)}
        onChange={(e) => set(path, e.target.value === '' ? undefined : e.target.value)}
      >
        {effective === undefined && <option value="">—</option>}
        {!known && effective !== undefined && (
          <option value={String(effective)}>{`${String(effective)} (not allowed)`}</option>
        )}
        {field.options.map((o) => (
          <option key={o} value={o}>
            {o}
          </option>
        ))}
      </select>
    </FieldShell>
  );
}

export function MultiRow({ field, path }: RowProps<MultiField>) {
  const value = useDraftValue(path);
  const issues = useFieldIssues(path);
  const set = useSetField();
  const picked = Array.isArray(value) ? (value as unknown[]) : [];
  const toggle = (option: string) => {
    const next = picked.includes(option) ? picked.filter((p) => p !== option) : [...picked, option];
    set(path, next.length === 0 && field.optional ? undefined : next);
  };
  return (
    <FieldShell path={path} issues={issues}>
      <div className="spec-chips" data-path={pathKey(path)} role="group">
        {field.options.map((o) => (
          <button
            key={o}
            type="button"
            className="spec-chip"
            aria-pressed={picked.includes(o)}
            onClick={() => toggle(o)}
          >
            {o}
          </button>
        ))}
        {picked.length === 0 && <span className="spec-muted">default set</span>}
      </div>
    </FieldShell>
  );
}

export function VectorRow({ field, path, fallback }: RowProps<VectorField>) {
  const value = useDraftValue(path);
  const issues = useFieldIssues(path);
  const set = useSetField();
  const base = field.default ?? fallback;
  const defaults = Array.isArray(base) ? (base as unknown[]) : [];
  const parts = vectorLabels(path, field.length);
  const label = fieldLabel(path);
  const setPart = (i: number, v: unknown) => {
    // Editing one part of a vector that was left out starts from the default.
    const current = Array.isArray(value)
      ? [...(value as unknown[])]
      : Array.from({ length: field.length }, (_, j) => defaults[j] ?? Math.max(field.min, 0));
    current[i] = v;
    set(path, current);
  };
  return (
    <FieldShell path={path} issues={issues} title={rangeTitle(field)} unitInLabel>
      <div className="spec-vector">
        {parts.map((part, i) => (
          <NumberBox
            key={part}
            pathKey={`${pathKey(path)}[${i}]`}
            label={`${label} ${part}`}
            value={Array.isArray(value) ? (value as unknown[])[i] : undefined}
            placeholder={placeholderOf(defaults[i])}
            integer={false}
            min={field.min}
            max={field.max}
            invalid={issues !== ''}
            onValue={(v) => setPart(i, v)}
          />
        ))}
      </div>
    </FieldShell>
  );
}

export function ConstantRow({ field, path }: RowProps<ConstantField>) {
  return (
    <FieldShell path={path} issues={useFieldIssues(path)}>
      <output className="spec-constant" data-path={pathKey(path)}>
        {JSON.stringify(field.value)}
      </output>
    </FieldShell>
  );
}

/** For a part of the schema the form does not know how to draw: its JSON, edited in place. */
export function JsonRow({ path }: RowProps<JsonField>) {
  const value = useDraftValue(path);
  const issues = useFieldIssues(path);
  const set = useSetField();
  const printed = value === undefined ? '' : JSON.stringify(value, null, 1);
  const [text, setText] = useState(printed);
  const [seen, setSeen] = useState(value);
  const [syntax, setSyntax] = useState('');
  if (!Object.is(seen, value)) {
    setSeen(value);
    setText(printed);
  }
  const id = fieldId(path);
  return (
    <FieldShell path={path} issues={[issues, syntax].filter(Boolean).join('\n')} labelFor={id}>
      <textarea
        id={id}
        className="spec-input spec-json-field"
        spellCheck={false}
        data-path={pathKey(path)}
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          if (e.target.value.trim() === '') {
            setSyntax('');
            set(path, undefined);
            return;
          }
          try {
            const parsed: unknown = JSON.parse(e.target.value);
            setSyntax('');
            setSeen(parsed);
            set(path, parsed);
          } catch (error) {
            setSyntax(`${pathKey(path)}: not valid JSON (${(error as Error).message})`);
          }
        }}
      />
    </FieldShell>
  );
}
