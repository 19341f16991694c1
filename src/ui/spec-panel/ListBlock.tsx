// A list in the spec (scatter layers, primitives): a section with an Add button and one card per
// item. Items of a variant (primitives) pick their kind in the card header and start collapsed,
// since a spec may hold hundreds of them.
import { useState } from 'react';
import { pathKey, readPath, type SpecPath } from '../../state/spec-path';
import { useStudio, useStudioStore } from '../../state/store-context';
import { fieldLabel, itemNoun, starterValue } from './field-hints';
import { FieldRows } from './FieldRow';
import type { FieldSpec, ListField, VariantItem } from './schema-fields';
import { Section } from './Section';
import { useFieldIssues, useIssueCount } from './use-spec-field';

function listOf(value: unknown): unknown[] {
  return Array.isArray(value) ? (value as unknown[]) : [];
}

export function ListBlock({
  field,
  path,
  level,
}: {
  field: ListField;
  path: SpecPath;
  level: number;
}) {
  const store = useStudioStore();
  const length = useStudio((s) => listOf(readPath(s.spec.draft, path)).length);
  const issueCount = useIssueCount(path);
  const issues = useFieldIssues(path, false);
  const full = field.maxItems !== undefined && length >= field.maxItems;
  const noun = itemNoun(path);

  const add = () => {
    const s = store.getState();
    const list = listOf(readPath(s.spec.draft, path));
    s.specFieldSet(path, [...list, starterValue([...path, list.length], field.item)]);
  };

  return (
    <Section
      title={fieldLabel(path)}
      level={level}
      testId={pathKey(path)}
      issueCount={level <= 1 ? issueCount : 0}
      actions={
        <>
          <span className="spec-count">{length}</span>
          <button
            type="button"
            className="spec-button spec-button-small"
            disabled={full}
            title={full ? `At most ${field.maxItems}` : undefined}
            onClick={add}
          >
            + Add {noun}
          </button>
        </>
      }
    >
      {issues && (
        <p className="spec-issue" role="alert">
          {issues}
        </p>
      )}
      {length === 0 && <p className="spec-muted spec-empty">None yet.</p>}
      {Array.from({ length }, (_, i) => (
        <ListItem key={i} field={field} path={[...path, i]} index={i} />
      ))}
    </Section>
  );
}

function ListItem({ field, path, index }: { field: ListField; path: SpecPath; index: number }) {
  const store = useStudioStore();
  const variant = field.item.kind === 'variant' ? field.item : undefined;
  const [open, setOpen] = useState(!variant);
  const issueCount = useIssueCount(path);
  const listPath = path.slice(0, -1);
  const title = useStudio((s) => {
    const item = readPath(s.spec.draft, path);
    // The item's kind names it: its variant tag, else its first select ("tree").
    const key = variant?.tag ?? firstSelect(field.item)?.key;
    const kind = key ? readPath(item, [key]) : undefined;
    return typeof kind === 'string' ? kind : '';
  });

  const remove = () => {
    const s = store.getState();
    const next = listOf(readPath(s.spec.draft, listPath)).filter((_, i) => i !== index);
    s.specFieldSet(listPath, next.length ? next : undefined);
  };

  return (
    <div className="spec-item" data-item={pathKey(path)}>
      <div className="spec-item-header">
        <button
          type="button"
          className="spec-item-toggle"
          aria-expanded={open}
          onClick={() => setOpen(!open)}
        >
          <span className="spec-chevron" aria-hidden="true" data-open={open} />
          <span className="spec-item-index">{index + 1}</span>
          {!variant && <span>{title || 'item'}</span>}
        </button>
        {variant && <VariantPicker variant={variant} path={path} value={title} />}
        {issueCount > 0 && <span className="spec-badge">{issueCount}</span>}
        <button
          type="button"
          className="spec-icon-button"
          aria-label={`Remove ${fieldLabel(listPath).toLowerCase()} ${index + 1}`}
          title="Remove"
          onClick={remove}
        >
          ×
        </button>
      </div>
      {open && (
        <div className="spec-item-body">
          <ItemFields field={field} path={path} kind={title} />
        </div>
      )}
    </div>
  );
}

function firstSelect(item: ListField['item']): FieldSpec | undefined {
  return item.kind === 'group' ? item.fields.find((f) => f.kind === 'select') : undefined;
}

function ItemFields({ field, path, kind }: { field: ListField; path: SpecPath; kind: string }) {
  const issues = useFieldIssues(path, false);
  let fields: readonly FieldSpec[];
  if (field.item.kind === 'group') fields = field.item.fields;
  else {
    const option = field.item.options.find((o) => o.value === kind);
    fields = option ? option.fields : [];
  }
  return (
    <>
      {issues && (
        <p className="spec-issue" role="alert">
          {issues}
        </p>
      )}
      <FieldRows fields={fields} path={path} />
    </>
  );
}

/** The variant's kind ('box', 'sphere'…). Switching keeps the fields both kinds share. */
function VariantPicker(props: { variant: VariantItem; path: SpecPath; value: string }) {
  const { variant, path } = props;
  const store = useStudioStore();
  const change = (next: string) => {
    const s = store.getState();
    const old = readPath(s.spec.draft, path);
    const option = variant.options.find((o) => o.value === next);
    if (!option) return;
    const kept: Record<string, unknown> = { [variant.tag]: next };
    if (typeof old === 'object' && old !== null) {
      for (const f of option.fields) {
        const v = (old as Record<string, unknown>)[f.key];
        if (v !== undefined) kept[f.key] = v;
      }
    }
    s.specFieldSet(path, kept);
  };
  const known = variant.options.some((o) => o.value === props.value);
  return (
    <select
      className="spec-input spec-select spec-item-kind"
      aria-label={`${variant.tag} of item ${Number(path[path.length - 1]) + 1}`}
      data-path={pathKey([...path, variant.tag])}
      value={props.value}
      onChange={(e) => change(e.target.value)}
    >
      {!known && <option value={props.value}>{props.value || '—'}</option>}
      {variant.options.map((o) => (
        <option key={o.value} value={o.value}>
          {o.value}
        </option>
      ))}
    </select>
  );
}
