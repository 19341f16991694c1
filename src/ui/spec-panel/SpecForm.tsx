// The form over the scene spec schema: a General section for the top-level values (name, seed with
// New seed), then one section per top-level object or list (dungeon, terrain, scatter, primitives).
// The sections come from the schema itself (schema-fields.ts).
import { SceneSpecSchema } from '../../core/spec';
import { issuePath } from '../../state/spec-path';
import { useStudio, useStudioStore } from '../../state/store-context';
import { FieldRow } from './FieldRow';
import { describeSchema, type NumberField } from './schema-fields';
import { Section } from './Section';

const SPEC_FORM = describeSchema(SceneSpecSchema);
const NESTED = new Set(['group', 'list', 'json']);
const GENERAL = SPEC_FORM.fields.filter((f) => !NESTED.has(f.kind) && f.kind !== 'constant');
const SECTIONS = SPEC_FORM.fields.filter((f) => NESTED.has(f.kind));
const GENERAL_KEYS = new Set(SPEC_FORM.fields.filter((f) => !NESTED.has(f.kind)).map((f) => f.key));
const SEED = SPEC_FORM.fields.find(
  (f): f is NumberField => f.key === 'seed' && f.kind === 'number',
);

/** A seed drawn at random within the schema's range (UI only: generation itself is seeded). */
export function randomSeed(min: number, max: number, current?: unknown): number {
  const span = max - min + 1;
  for (;;) {
    const draw = crypto.getRandomValues(new Uint32Array(1))[0]!;
    const seed = min + (span >= 2 ** 32 ? draw : draw % span);
    if (seed !== current || span === 1) return seed;
  }
}

function NewSeedButton({ field }: { field: NumberField }) {
  const store = useStudioStore();
  return (
    <button
      type="button"
      className="spec-button spec-button-small"
      title="Draw a random seed"
      onClick={() => {
        const s = store.getState();
        s.specFieldSet(['seed'], randomSeed(field.min, field.max, s.spec.draft.seed));
      }}
    >
      New seed
    </button>
  );
}

export function SpecForm() {
  const generalIssues = useStudio(
    (s) => s.spec.issues.filter((i) => GENERAL_KEYS.has(issuePath(i))).length,
  );
  return (
    <div className="spec-form">
      <Section title="General" level={1} issueCount={generalIssues} testId="general">
        {GENERAL.map((f) => (
          <FieldRow
            key={f.key}
            field={f}
            path={[f.key]}
            extra={f === SEED ? <NewSeedButton field={SEED} /> : undefined}
          />
        ))}
      </Section>
      {SECTIONS.map((f) => (
        <FieldRow key={f.key} field={f} path={[f.key]} level={1} />
      ))}
    </div>
  );
}
