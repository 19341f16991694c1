// Reads the scene spec's valibot schema into field descriptions the spec form renders: objects become
// groups, numbers carry the min/max/integer of their pipe, picklists become selects, tuples vectors,
// arrays lists. A field added to core/spec/schema.ts appears in the form without touching this.

/** The parts of a valibot schema this reader looks at (valibot's schemas are plain objects). */
interface SchemaNode {
  type: string;
  pipe?: readonly { type: string; requirement?: unknown }[];
  entries?: Record<string, SchemaNode>;
  wrapped?: SchemaNode;
  default?: unknown;
  options?: readonly (string | SchemaNode)[];
  items?: readonly SchemaNode[];
  item?: SchemaNode;
  key?: string;
  literal?: unknown;
}

interface Common {
  key: string;
  /** Leaving it out is allowed (the default, when there is one, applies). */
  optional: boolean;
  default?: unknown;
}

export interface NumberField extends Common {
  kind: 'number';
  integer: boolean;
  min: number;
  max: number;
}
export interface TextField extends Common {
  kind: 'text';
  maxLength?: number;
}
export interface SelectField extends Common {
  kind: 'select';
  options: readonly string[];
}
/** A list of picks from a fixed set (prop kinds). */
export interface MultiField extends Common {
  kind: 'multi';
  options: readonly string[];
}
export interface VectorField extends Common {
  kind: 'vector';
  length: number;
  min: number;
  max: number;
}
export interface GroupField extends Common {
  kind: 'group';
  fields: FieldSpec[];
}
export interface VariantItem {
  kind: 'variant';
  /** The discriminating key ('shape'). */
  tag: string;
  options: { value: string; fields: FieldSpec[] }[];
}
export interface ListField extends Common {
  kind: 'list';
  item: GroupField | VariantItem;
  maxItems?: number;
}
/** A literal the user does not edit (the spec version). */
export interface ConstantField extends Common {
  kind: 'constant';
  value: unknown;
}
/** Anything this reader does not know: edited as JSON. */
export interface JsonField extends Common {
  kind: 'json';
}

export type FieldSpec =
  | NumberField
  | TextField
  | SelectField
  | MultiField
  | VectorField
  | GroupField
  | ListField
  | ConstantField
  | JsonField;

function requirement(node: SchemaNode, action: string): unknown {
  return node.pipe?.find((a) => a.type === action)?.requirement;
}

function numberRange(node: SchemaNode): { min: number; max: number } {
  const min = requirement(node, 'min_value');
  const max = requirement(node, 'max_value');
  return {
    min: typeof min === 'number' ? min : -Number.MAX_VALUE,
    max: typeof max === 'number' ? max : Number.MAX_VALUE,
  };
}

function stringOptions(node: SchemaNode): string[] | undefined {
  const options = node.options ?? [];
  return options.every((o) => typeof o === 'string') ? (options as string[]) : undefined;
}

function describeVariant(node: SchemaNode): VariantItem | undefined {
  const tag = node.key;
  if (!tag) return undefined;
  const options: VariantItem['options'] = [];
  for (const option of node.options ?? []) {
    if (typeof option === 'string' || !option.entries) return undefined;
    const value = option.entries[tag]?.literal;
    if (typeof value !== 'string') return undefined;
    options.push({ value, fields: describeEntries(option.entries).filter((f) => f.key !== tag) });
  }
  return { kind: 'variant', tag, options };
}

export function describeField(key: string, schema: SchemaNode): FieldSpec {
  let node = schema;
  let optional = false;
  let fallback: unknown;
  if (node.type === 'optional' && node.wrapped) {
    optional = true;
    fallback =
      typeof node.default === 'function' ? (node.default as () => unknown)() : node.default;
    node = node.wrapped;
  }
  const common: Common = {
    key,
    optional,
    ...(fallback !== undefined ? { default: fallback } : {}),
  };
  switch (node.type) {
    case 'number':
      return {
        ...common,
        kind: 'number',
        integer: node.pipe?.some((a) => a.type === 'integer') ?? false,
        ...numberRange(node),
      };
    case 'string': {
      const maxLength = requirement(node, 'max_length');
      return { ...common, kind: 'text', ...(typeof maxLength === 'number' ? { maxLength } : {}) };
    }
    case 'picklist': {
      const options = stringOptions(node);
      if (options) return { ...common, kind: 'select', options };
      break;
    }
    case 'literal':
      return { ...common, kind: 'constant', value: node.literal };
    case 'object':
    case 'strict_object':
    case 'loose_object':
      return { ...common, kind: 'group', fields: describeEntries(node.entries ?? {}) };
    case 'tuple': {
      const items = node.items ?? [];
      if (items.length > 0 && items.every((i) => i.type === 'number')) {
        return { ...common, kind: 'vector', length: items.length, ...numberRange(items[0]!) };
      }
      break;
    }
    case 'array': {
      const item = node.item;
      const maxLength = requirement(node, 'max_length');
      const maxItems = typeof maxLength === 'number' ? { maxItems: maxLength } : {};
      if (item?.type === 'picklist') {
        const options = stringOptions(item);
        if (options) return { ...common, kind: 'multi', options };
      }
      if (item?.type === 'variant') {
        const variant = describeVariant(item);
        if (variant) return { ...common, kind: 'list', item: variant, ...maxItems };
      }
      if (item) {
        const described = describeField(key, item);
        if (described.kind === 'group') {
          return { ...common, kind: 'list', item: described, ...maxItems };
        }
      }
      break;
    }
  }
  return { ...common, kind: 'json' };
}

export function describeEntries(entries: Record<string, SchemaNode>): FieldSpec[] {
  return Object.entries(entries).map(([key, schema]) => describeField(key, schema));
}

/** The root object schema as one group. */
export function describeSchema(schema: unknown): GroupField {
  const root = describeField('', schema as SchemaNode);
  if (root.kind !== 'group') throw new Error('the spec schema is not an object schema');
  return root;
}
