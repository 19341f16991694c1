// An object in the spec: a section with its fields. An optional object with no default (dungeon,
// terrain, erosion) gets an on/off switch; one with a default (noise, props) is always shown, with
// the default's values as placeholders.
import { useStudio, useStudioStore } from '../../state/store-context';
import { readPath, type SpecPath } from '../../state/spec-path';
import { fieldLabel, starterValue } from './field-hints';
import { FieldRows } from './FieldRow';
import type { GroupField } from './schema-fields';
import { Section } from './Section';
import { useFieldIssues, useIssueCount } from './use-spec-field';

export function GroupBlock(props: {
  field: GroupField;
  path: SpecPath;
  fallback?: unknown;
  level: number;
}) {
  const { field, path, level } = props;
  const store = useStudioStore();
  const present = useStudio((s) => readPath(s.spec.draft, path) !== undefined);
  const issueCount = useIssueCount(path);
  const issues = useFieldIssues(path, false);
  const switchable = field.optional && field.default === undefined;
  const fallback = present ? undefined : (field.default ?? props.fallback);
  return (
    <Section
      title={fieldLabel(path)}
      level={level}
      testId={path.join('.')}
      issueCount={level <= 1 ? issueCount : 0}
      {...(switchable
        ? {
            enabled: {
              on: present,
              onChange: (on: boolean) =>
                store.getState().specSectionSwitched(path, on, starterValue(path, field)),
            },
          }
        : {})}
    >
      {issues && (
        <p className="spec-issue" role="alert">
          {issues}
        </p>
      )}
      <FieldRows fields={field.fields} path={path} fallback={fallback} />
    </Section>
  );
}
