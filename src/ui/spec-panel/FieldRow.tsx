// Draws one described field at a path: leaf rows, nested groups and lists.
import type { ReactNode } from 'react';
import type { SpecPath } from '../../state/spec-path';
import { GroupBlock } from './GroupBlock';
import { ListBlock } from './ListBlock';
import {
  ConstantRow,
  JsonRow,
  MultiRow,
  NumberRow,
  SelectRow,
  TextRow,
  VectorRow,
} from './scalar-fields';
import type { FieldSpec } from './schema-fields';

export interface FieldRowProps {
  field: FieldSpec;
  path: SpecPath;
  fallback?: unknown;
  extra?: ReactNode;
  /** 1 for a top-level section of the form. */
  level?: number;
}

export function FieldRow({ field, path, fallback, extra, level = 2 }: FieldRowProps) {
  const row = { path, fallback, extra };
  switch (field.kind) {
    case 'number':
      return <NumberRow field={field} {...row} />;
    case 'text':
      return <TextRow field={field} {...row} />;
    case 'select':
      return <SelectRow field={field} {...row} />;
    case 'multi':
      return <MultiRow field={field} {...row} />;
    case 'vector':
      return <VectorRow field={field} {...row} />;
    case 'constant':
      return <ConstantRow field={field} {...row} />;
    case 'json':
      return <JsonRow field={field} {...row} />;
    case 'group':
      return <GroupBlock field={field} path={path} fallback={fallback} level={level} />;
    case 'list':
      return <ListBlock field={field} path={path} level={level} />;
  }
}

/** Rows for a group's fields; `fallback` is the group's default while the group is left out. */
export function FieldRows(props: {
  fields: readonly FieldSpec[];
  path: SpecPath;
  fallback?: unknown;
}) {
  const defaults =
    typeof props.fallback === 'object' && props.fallback !== null
      ? (props.fallback as Record<string, unknown>)
      : undefined;
  return props.fields.map((f) => (
    <FieldRow key={f.key} field={f} path={[...props.path, f.key]} fallback={defaults?.[f.key]} />
  ));
}
