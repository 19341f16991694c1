// Validation of an edit layer that comes from outside the running studio (IndexedDB, a share link,
// a project file): shapes, sizes and references checked, every problem named by its path, so a
// damaged or hostile layer is refused with a message instead of reaching the document.
import * as v from 'valibot';
import { MaterialRefSchema } from '../materials/material-ref';
import { MAX_NAME_LENGTH } from './commands';
import type { EditLayer, ObjectRecord } from './edit-layer';

/** Caps on an untrusted layer (far above what editing the largest scene produces). */
export const LAYER_LIMITS = {
  records: 200_000,
  order: 200_000,
  idChars: 200,
  nextId: 1_000_000_000,
} as const;

const Id = v.pipe(
  v.string(),
  v.minLength(1, 'expected an object id'),
  v.maxLength(LAYER_LIMITS.idChars, `expected an id of at most ${LAYER_LIMITS.idChars} characters`),
  v.check((id) => id !== '__proto__', 'expected an object id, got "__proto__"'),
);

const Matrix = v.pipe(
  v.array(v.pipe(v.number(), v.finite('expected a finite number'))),
  v.length(16, 'expected 16 numbers (a column-major 4x4 matrix)'),
);

const Source = v.variant('kind', [
  v.strictObject({
    kind: v.literal('asset'),
    asset: v.pipe(v.string(), v.regex(/^[0-9a-f]{64}$/, 'expected a SHA-256 hex digest')),
  }),
  v.strictObject({ kind: v.literal('part'), part: Id }),
  v.strictObject({ kind: v.literal('group') }),
]);

const RecordSchema = v.strictObject({
  source: v.optional(Source),
  name: v.optional(
    v.pipe(
      v.string(),
      v.maxLength(MAX_NAME_LENGTH, `expected at most ${MAX_NAME_LENGTH} characters`),
    ),
  ),
  matrix: v.optional(Matrix),
  hidden: v.optional(v.literal(true)),
  locked: v.optional(v.literal(true)),
  removed: v.optional(v.literal(true)),
  parent: v.optional(Id),
  material: v.optional(MaterialRefSchema),
});

export const EditLayerSchema = v.strictObject({
  records: v.pipe(
    v.record(Id, RecordSchema),
    v.check(
      (r) => Object.keys(r).length <= LAYER_LIMITS.records,
      `expected at most ${LAYER_LIMITS.records} records`,
    ),
  ),
  order: v.pipe(
    v.array(Id),
    v.maxLength(LAYER_LIMITS.order, `expected at most ${LAYER_LIMITS.order} entries`),
  ),
  nextId: v.pipe(
    v.number(),
    v.integer('expected an integer'),
    v.minValue(1, 'expected at least 1'),
    v.maxValue(LAYER_LIMITS.nextId, `expected at most ${LAYER_LIMITS.nextId}`),
  ),
});

export class LayerDataError extends Error {
  constructor(readonly issues: readonly string[]) {
    super(issues.join('; '));
    this.name = 'LayerDataError';
  }
}

/** Problems a well-shaped layer can still have: parents that are not groups, cycles. */
function referenceIssues(layer: EditLayer, where: string): string[] {
  const issues: string[] = [];
  for (const [id, record] of Object.entries(layer.records)) {
    if (!record.parent) continue;
    if (layer.records[record.parent]?.source?.kind !== 'group') {
      issues.push(`${where}.records.${id}.parent: ${record.parent} is not a group in the layer`);
      continue;
    }
    const seen = new Set([id]);
    for (let p: string | undefined = record.parent; p; p = layer.records[p]?.parent) {
      if (seen.has(p)) {
        issues.push(`${where}.records.${id}.parent: groups contain each other (a cycle)`);
        break;
      }
      seen.add(p);
    }
  }
  return issues;
}

/** The layer, validated; LayerDataError naming every problem (paths start with `where`). */
export function validateLayer(input: unknown, where = 'layer'): EditLayer {
  const r = v.safeParse(EditLayerSchema, input);
  if (!r.success) {
    throw new LayerDataError(
      r.issues.slice(0, 20).map((i) => `${where}.${v.getDotPath(i) ?? ''}: ${i.message}`),
    );
  }
  const records: Record<string, ObjectRecord> = {};
  for (const [id, rec] of Object.entries(r.output.records)) {
    // valibot fills optional material defaults; drop keys whose value is undefined.
    records[id] = Object.fromEntries(
      Object.entries(rec).filter(([, value]) => value !== undefined),
    ) as ObjectRecord;
  }
  const layer: EditLayer = { records, order: r.output.order, nextId: r.output.nextId };
  const issues = referenceIssues(layer, where);
  if (issues.length > 0) throw new LayerDataError(issues.slice(0, 20));
  return layer;
}
