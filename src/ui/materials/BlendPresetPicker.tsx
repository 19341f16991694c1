// The searchable picker of the second material in the editor's "Blend with…" section: a search box
// (the browser's matching: every word in a name, tag, family or id; Enter picks the best match) over
// a select of the matching presets, shipped and the user's. The chosen one always stays listed.
import { useId, useMemo, useState } from 'react';
import type { MaterialPreset } from '../../core/materials/preset';
import { blendChoices, blendChoicesStatus } from './blend-draft';
import { familyLabel } from './labels';

export interface BlendPresetPickerProps {
  presets: readonly MaterialPreset[];
  value: string | null;
  /** The material being edited (not offered: a blend with itself changes nothing). */
  exclude?: string;
  onChange(id: string): void;
}

export function BlendPresetPicker(p: BlendPresetPickerProps) {
  const searchId = useId();
  const selectId = useId();
  const [query, setQuery] = useState('');
  const choices = useMemo(
    () => blendChoices(p.presets, query, p.value, p.exclude),
    [p.presets, query, p.value, p.exclude],
  );
  const { options, total, best } = choices;
  return (
    <div className="mat-blend-picker">
      <div
        className="mat-row"
        title="Search by name, tag, family or id; Enter picks the best match"
      >
        <label className="mat-label" htmlFor={searchId}>
          Find
        </label>
        <input
          id={searchId}
          type="search"
          className="mat-blend-search"
          aria-label="Find a material to blend with"
          placeholder="moss, sand, rust…"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && best) {
              e.preventDefault();
              p.onChange(best);
            }
          }}
        />
      </div>
      <div className="mat-row" title="The second material, mixed in through the mask">
        <label className="mat-label" htmlFor={selectId}>
          With
        </label>
        <select
          id={selectId}
          className="mat-select"
          aria-label="Blend material"
          value={p.value ?? ''}
          onChange={(e) => {
            if (e.target.value) p.onChange(e.target.value);
          }}
        >
          {!p.value && (
            <option value="" disabled>
              {total === 0 ? 'No materials match' : 'Choose a material…'}
            </option>
          )}
          {options.map((o) => (
            <option key={o.id} value={o.id}>
              {o.name} · {familyLabel(o.family)}
            </option>
          ))}
        </select>
      </div>
      <p className="mat-note mat-blend-count" aria-live="polite">
        {blendChoicesStatus(choices)}
      </p>
    </div>
  );
}
