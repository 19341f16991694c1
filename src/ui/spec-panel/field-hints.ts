// What the schema cannot say about a field: its label where the key reads badly, its unit, a hint,
// and the values a section starts with when switched on. Keyed by template path ("scatter[].kind");
// a field missing here still gets a label from its key and a valid starting value.
import type { SpecPath } from '../../state/spec-path';
import type { FieldSpec, GroupField, VariantItem } from './schema-fields';

/** "scatter[].density": list indices dropped, so one entry covers every layer. */
export function templateKey(path: SpecPath): string {
  let out = '';
  for (const part of path) out += typeof part === 'number' ? '[]' : `${out ? '.' : ''}${part}`;
  return out;
}

const LABELS: Record<string, string> = {
  scatter: 'Scatter layers',
  'dungeon.loops': 'Loops',
  'primitives[].tube': 'Tube radius',
  'terrain.noise': 'Noise',
  'terrain.erosion': 'Erosion',
};

const UNITS: Record<string, string> = {
  'dungeon.width': 'cells',
  'dungeon.depth': 'cells',
  'dungeon.cellSize': 'm',
  'dungeon.wallHeight': 'm',
  'dungeon.rooms.minSize': 'cells',
  'dungeon.rooms.maxSize': 'cells',
  'dungeon.corridorWidth': 'cells',
  'terrain.resolution': 'samples',
  'terrain.extent': 'm',
  'terrain.height': 'm',
  'terrain.erosion.talus': 'm',
  'scatter[].density': '/100 m²',
  'scatter[].minDistance': 'm',
  'scatter[].maxSlope': '°',
  'primitives[].rotation': '°',
};

const HINTS: Record<string, string> = {
  seed: 'Every random choice follows from the seed: the same spec and seed give the same scene.',
  'dungeon.width': 'Grid cells along x',
  'dungeon.depth': 'Grid cells along z',
  'dungeon.loops': 'Share of extra corridors beyond a spanning tree (0: a tree, 1: many loops)',
  'terrain.resolution': 'Heightfield samples per side',
  'terrain.extent': 'World size per side',
  'terrain.height': 'Height of a noise value of 1',
  'terrain.erosion.talus': 'Steepest stable slope, as height difference per cell',
  'scatter[].density': 'Instances per 100 m² before the rules thin them',
  'scatter[].heightBand': "Allowed band of terrain height, as a fraction of the terrain's range",
  'primitives[].rotation': 'Euler angles in degrees, XYZ order',
};

/** What one entry of a list is called on its Add button. */
const ITEM_NOUNS: Record<string, string> = { scatter: 'layer', primitives: 'primitive' };

export const itemNoun = (path: SpecPath): string => ITEM_NOUNS[templateKey(path)] ?? 'item';

/** What a section or list item holds when it is switched on or added. */
const STARTERS: Record<string, unknown> = {
  dungeon: { width: 64, depth: 64, rooms: { count: 16 }, props: { count: 40 } },
  terrain: { resolution: 257, extent: 256, height: 30 },
  'terrain.erosion': { iterations: 20 },
  'scatter[]': { kind: 'tree', density: 0.5, minDistance: 3 },
};

function humanize(key: string): string {
  const words = key.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export function fieldLabel(path: SpecPath): string {
  const template = templateKey(path);
  const last = path[path.length - 1];
  return LABELS[template] ?? humanize(typeof last === 'string' ? last : String(last ?? ''));
}

export const fieldUnit = (path: SpecPath): string | undefined => UNITS[templateKey(path)];
export const fieldHint = (path: SpecPath): string | undefined => HINTS[templateKey(path)];

/** Two-part vectors that are not ranges. */
const VECTOR_PARTS: Record<string, string[]> = { 'primitives[].size': ['x', 'z'] };

/** Names for the parts of a vector: xyz for three, a range for two. */
export function vectorLabels(path: SpecPath, length: number): string[] {
  const fixed = VECTOR_PARTS[templateKey(path)];
  if (fixed?.length === length) return fixed;
  if (length === 3) return ['x', 'y', 'z'];
  if (length === 2) return ['min', 'max'];
  return Array.from({ length }, (_, i) => String(i + 1));
}

/** A valid value for a field where nothing says otherwise: the least of each required part. */
function genericStarter(field: FieldSpec | VariantItem): unknown {
  switch (field.kind) {
    case 'number':
      return field.min <= 0 && field.max >= 0 ? 0 : field.min;
    case 'text':
      return '';
    case 'select':
      return field.options[0];
    case 'multi':
    case 'list':
      return [];
    case 'vector':
      return Array.from({ length: field.length }, () => Math.max(field.min, 0));
    case 'constant':
      return field.value;
    case 'group':
      return requiredStarters(field.fields);
    case 'variant': {
      const first = field.options[0];
      return first ? { [field.tag]: first.value, ...requiredStarters(first.fields) } : {};
    }
    case 'json':
      return null;
  }
}

function requiredStarters(fields: readonly FieldSpec[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const f of fields) if (!f.optional) out[f.key] = genericStarter(f);
  return out;
}

export function starterValue(path: SpecPath, field: GroupField | VariantItem): unknown {
  const fixed = STARTERS[templateKey(path)];
  return fixed !== undefined ? structuredClone(fixed) : genericStarter(field);
}
