// Position, rotation and scale rows of X/Y/Z fields. Each commit is one value of one field; the
// caller turns it into one edit.
import { NumberField } from './NumberField';
import {
  formatField,
  parseField,
  stepFor,
  type Axis,
  type FieldGroup,
  type Vec3,
} from './transform-fields';

const AXES = ['X', 'Y', 'Z'] as const;
const ROWS: { group: FieldGroup; label: string; unit?: string }[] = [
  { group: 'position', label: 'Position', unit: 'm' },
  { group: 'rotation', label: 'Rotation', unit: '°' },
  { group: 'scale', label: 'Scale' },
];

export interface TransformGridProps {
  values: Partial<Record<FieldGroup, Vec3>>;
  disabled: boolean;
  /** The field whose text was not a number, as 'position.0'. */
  invalid: string | null;
  onCommit(group: FieldGroup, axis: Axis, value: number): void;
  onInvalid(group: FieldGroup, axis: Axis, text: string): void;
}

export function TransformGrid(p: TransformGridProps) {
  return (
    <div className="inspector-transform">
      {ROWS.filter((r) => p.values[r.group]).map((row) => (
        <div className="inspector-row" key={row.group} role="group" aria-label={row.label}>
          <span className="inspector-label">
            {row.label}
            {row.unit && <span className="inspector-unit"> {row.unit}</span>}
          </span>
          <div className="inspector-vector">
            {AXES.map((name, i) => (
              <NumberField
                key={name}
                label={`${row.label} ${name}`}
                axis={name}
                value={p.values[row.group]![i]!}
                format={(v) => formatField(row.group, v)}
                parse={parseField}
                step={(mods) => stepFor(row.group, mods)}
                disabled={p.disabled}
                invalid={p.invalid === `${row.group}.${i}`}
                onCommit={(v) => p.onCommit(row.group, i as Axis, v)}
                onInvalid={(text) => p.onInvalid(row.group, i as Axis, text)}
              />
            ))}
          </div>
        </div>
      ))}
    </div>
  );
}
