// The generation settings: sampling steps (up to the pack's limit), guidance, seed (with a new-seed
// button) and quality (the fine grid the final mesh is extracted from). Values the pack would refuse
// are named under the form, and the panel keeps Generate disabled until they are fixed.
import type { ShapeSettings } from '../../core/shape/shape-types';
import type { ShapeSettingsRange } from './shape-service';

export interface SettingsFormProps {
  settings: ShapeSettings;
  range: ShapeSettingsRange;
  onChange: (s: ShapeSettings) => void;
  issue: string | null;
  disabled: boolean;
}

const QUALITY_NAMES = ['Draft', 'Standard', 'High', 'Highest'];

/** A name per fine-grid choice: 'Standard (64³)'. */
export function qualityLabel(fine: number, choices: readonly number[]): string {
  const i = choices.indexOf(fine);
  return `${QUALITY_NAMES[Math.max(0, i)] ?? 'Custom'} (${fine}³)`;
}

export function SettingsForm({ settings, range, onChange, issue, disabled }: SettingsFormProps) {
  const set = (patch: Partial<ShapeSettings>) => onChange({ ...settings, ...patch });
  return (
    <fieldset className="i3d-settings" disabled={disabled}>
      <legend>Settings</legend>
      <label>
        Steps
        <input
          type="number"
          min={1}
          max={range.maxSteps}
          step={1}
          value={Number.isFinite(settings.steps) ? settings.steps : ''}
          onChange={(e) => set({ steps: e.currentTarget.valueAsNumber })}
        />
      </label>
      <label>
        Guidance
        <input
          type="number"
          min={0}
          max={20}
          step={0.5}
          value={Number.isFinite(settings.guidance) ? settings.guidance : ''}
          onChange={(e) => set({ guidance: e.currentTarget.valueAsNumber })}
        />
      </label>
      <label>
        Seed
        <span className="i3d-row">
          <input
            type="number"
            min={0}
            max={4294967295}
            step={1}
            value={Number.isFinite(settings.seed) ? settings.seed : ''}
            onChange={(e) => set({ seed: e.currentTarget.valueAsNumber })}
          />
          <button
            type="button"
            title="New seed"
            aria-label="New seed"
            onClick={() => set({ seed: crypto.getRandomValues(new Uint32Array(1))[0]! })}
          >
            ⟳
          </button>
        </span>
      </label>
      <label>
        Quality
        <select
          value={settings.fine}
          onChange={(e) => set({ fine: Number(e.currentTarget.value) })}
        >
          {range.fineChoices.map((fine) => (
            <option key={fine} value={fine}>
              {qualityLabel(fine, range.fineChoices)}
            </option>
          ))}
        </select>
      </label>
      {issue && (
        <p className="i3d-issue" role="alert">
          {issue}
        </p>
      )}
    </fieldset>
  );
}
