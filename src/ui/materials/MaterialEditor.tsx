// The material editor (a dialog): a preset's bake parameters, the modifiers applied on top, how it is
// projected when applied, and a live preview. Every change re-bakes the preview at 256 px after a
// short pause (150 ms); only the newest request is drawn, so a slider drag never shows a stale bake
// last. "Save as new preset" stores the parameters as a user preset ('user/<slug>') that the browser
// lists at once; "Apply to selection" assigns the preset with the modifiers as one undoable edit.
// "Blend with…" mixes a second preset (searchable, shipped or the user's) in through a noise, height
// or slope mask: the preview bakes the blend, and Apply puts it in the assignment (ref.blend). Opened
// on the preset the selected object wears blended, it starts from that object's blend.
import { useEffect, useRef, useState } from 'react';
import {
  WEATHERS,
  SEASONS,
  type BlendMask,
  type Season,
  type Weather,
} from '../../core/materials/modifiers';
import { PROJECTIONS, type Projection } from '../../core/materials/material-ref';
import {
  EMISSIVE_MASKS,
  MATERIAL_PATTERNS,
  type EmissiveMask,
  type MaterialPattern,
  type MaterialPreset,
} from '../../core/materials/preset';
import { shadeThumbnail } from '../../core/materials/thumbnail';
import type { BakeOptions, MaterialService } from '../../materials/material-service';
import {
  allPresets,
  checkPreset,
  isUserPreset,
  presetIdTaken,
  resolvePreset,
  userPresetId,
} from '../../state/materials-slice';
import { useStudio, useStudioStore } from '../../state/store-context';
import { Dialog } from '../Dialog';
import { formatMs } from '../format';
import {
  applyBlocker,
  applyToSelection,
  cleanModifiers,
  type ModifierDraft,
} from './apply-material';
import {
  BLEND_FIELDS,
  BLEND_MASK_HINTS,
  BLEND_MASK_OPTIONS,
  blendBlocker,
  blendFromDraft,
  DEFAULT_BLEND,
  selectionBlendDraft,
  type BlendDraft,
} from './blend-draft';
import { BlendPresetPicker } from './BlendPresetPicker';
import { ColourRow, FieldGroup, RangeRows, SelectRow, SliderRow } from './fields';
import { capitalise, familyLabel, PROJECTION_LABELS } from './labels';
import { ScaleField } from './MaterialBrowser';
import { drawImage } from './MaterialThumb';
import {
  COLOUR_LABELS,
  COLOUR_VARIATION,
  MODIFIER_FIELDS,
  PATTERN_FIELDS,
  randomSeed,
  RANGE_FIELDS,
  SEED_MAX,
  SURFACE_FIELDS,
  WEATHER_AMOUNT,
  type MaterialModifiers,
  type MaterialParams,
} from './param-fields';
import '../side-panel/side-panel.css';
import './materials.css';
import './blend.css';

/** Pause after the last change before the preview re-bakes. */
export const PREVIEW_DEBOUNCE_MS = 150;
const PREVIEW_SIZE = 256;
const DEFAULT_EMISSIVE = { color: '#ff9a3c', strength: 2, mask: 'groove' as EmissiveMask };

interface BakeInfo {
  /** Completed bakes shown so far (e2e waits for it to grow). */
  serial: number;
  ms: number;
  cached: boolean;
  key: string;
}

export interface MaterialEditorProps {
  service: MaterialService;
  onClose(): void;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
const withoutField = <T extends { field: unknown }>({ field: _field, ...rest }: T) => rest;

export function MaterialEditor({ service, onClose }: MaterialEditorProps) {
  const store = useStudioStore();
  const editingId = useStudio((s) => s.materials.editing);
  // The preset the draft started from; after "Save as new" the saved one.
  const [base, setBase] = useState<MaterialPreset | undefined>(() =>
    editingId ? resolvePreset(store.getState(), editingId) : undefined,
  );
  const [params, setParams] = useState<MaterialParams | undefined>(() => base?.params);
  const [mods, setMods] = useState<ModifierDraft>({});
  /** The "Blend with…" section's draft; null while the blend is off. */
  const [blend, setBlend] = useState<BlendDraft | null>(() =>
    selectionBlendDraft(store.getState(), editingId),
  );
  const presets = useStudio(allPresets);
  const [name, setName] = useState(() => (base ? `${base.name} (custom)`.slice(0, 80) : ''));
  const [saveError, setSaveError] = useState<string | null>(null);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const userBase = useStudio((s) => (base ? isUserPreset(s, base.id) : false));
  const apply = useStudio((s) => s.materials.apply);
  const selectionCount = useStudio((s) => s.doc.selection.length);
  const selBlocker = useStudio((s) => applyBlocker(s, base?.id ?? null));

  // -- live preview ------------------------------------------------------------------------------
  const sphere = useRef<HTMLCanvasElement>(null);
  const tile = useRef<HTMLCanvasElement>(null);
  const latest = useRef(0);
  const [bake, setBake] = useState<BakeInfo | null>(null);
  const [pending, setPending] = useState(true);
  const [bakeError, setBakeError] = useState<string | null>(null);
  const modifiers = cleanModifiers(mods);
  const modsKey = JSON.stringify(modifiers ?? null);
  const blendRef = blendFromDraft(blend);
  const second = useStudio((s) => (blendRef ? resolvePreset(s, blendRef.preset) : undefined));
  // The preview's blend (resolved params + settings) as text, so the effect re-runs on content only.
  const blendKey = JSON.stringify(
    blendRef && second
      ? {
          params: second.params,
          settings: {
            mask: blendRef.mask,
            amount: blendRef.amount,
            softness: blendRef.softness,
            scale: blendRef.scale,
            seed: blendRef.seed,
          },
        }
      : null,
  );

  useEffect(() => {
    if (!params) return;
    const serial = ++latest.current;
    const timer = setTimeout(() => {
      setPending(true);
      const mods = JSON.parse(modsKey) as MaterialModifiers | null;
      const blend = JSON.parse(blendKey) as BakeOptions['blend'] | null;
      const options: BakeOptions = {
        size: PREVIEW_SIZE,
        ...(mods ? { modifiers: mods } : {}),
        ...(blend ? { blend } : {}),
      };
      service.bake(params, options).then(
        (r) => {
          if (serial !== latest.current) return;
          drawImage(sphere.current, shadeThumbnail(r.maps, { size: PREVIEW_SIZE }));
          drawImage(tile.current, shadeThumbnail(r.maps, { size: 112, shape: 'tile' }));
          setBake((b) => ({
            serial: (b?.serial ?? 0) + 1,
            ms: r.ms,
            cached: r.cached,
            key: r.key,
          }));
          setBakeError(null);
          setPending(false);
        },
        (error: unknown) => {
          if (serial !== latest.current) return;
          setBakeError(error instanceof Error ? error.message : String(error));
          setPending(false);
        },
      );
    }, PREVIEW_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [params, modsKey, blendKey, service]);

  if (!base || !params) {
    return (
      <Dialog label="Material editor" className="studio-dialog material-editor" onClose={onClose}>
        <p className="material-muted">The material {editingId} no longer exists.</p>
      </Dialog>
    );
  }

  const dirty = !same(params, base.params);
  const set = <K extends keyof MaterialParams>(key: K, value: MaterialParams[K]) =>
    setParams((p) => (p ? { ...p, [key]: value } : p));
  const setMod = <K extends keyof ModifierDraft>(key: K, value: ModifierDraft[K]) =>
    setMods((m) => {
      const next = { ...m };
      if (value === undefined) delete next[key];
      else next[key] = value;
      return next;
    });

  const setBlendField = <K extends keyof BlendDraft>(key: K, value: BlendDraft[K]) =>
    setBlend((b) => (b ? { ...b, [key]: value } : b));

  const applyBlock = dirty
    ? 'The parameters changed: save them as a preset first, then apply'
    : (blendBlocker(blend, (id) => resolvePreset(store.getState(), id)) ?? selBlocker);

  const saveAsNew = () => {
    const trimmed = name.trim();
    if (!trimmed) {
      setSaveError('Give the preset a name');
      return;
    }
    const s = store.getState();
    const id = userPresetId(trimmed, (i) => presetIdTaken(s, i));
    try {
      const preset = checkPreset({
        id,
        name: trimmed,
        family: base.family,
        tags: base.tags.includes('custom') ? base.tags : [...base.tags.slice(0, 15), 'custom'],
        params,
        ...(base.look ? { look: base.look } : {}),
      });
      s.userPresetSaved(preset);
      s.materialSelected(id);
      s.materialEditing(id);
      setBase(preset);
      setSaveError(null);
      s.notify('info', `Saved “${trimmed}” as ${id}`);
    } catch (error) {
      setSaveError(error instanceof Error ? error.message : String(error));
    }
  };

  const saveChanges = () => {
    try {
      const preset = checkPreset({ ...base, params });
      store.getState().userPresetSaved(preset);
      setBase(preset);
      setSaveError(null);
      store.getState().notify('info', `Saved changes to “${preset.name}”`);
    } catch (error) {
      setSaveError(error instanceof Error ? error.message : String(error));
    }
  };

  const emissive = params.emissive;
  return (
    <Dialog label="Material editor" className="studio-dialog material-editor" onClose={onClose}>
      <div className="mat-subtitle">
        <strong>{base.name}</strong>
        <span className="material-muted">
          {familyLabel(base.family)} · <span className="material-mono">{base.id}</span>
          {userBase ? ' · your preset' : ''}
          {dirty ? ' · modified' : ''}
        </span>
      </div>
      <div className="mat-columns">
        <div className="mat-preview-column">
          <div
            className="mat-preview"
            data-testid="material-preview"
            data-bakes={bake?.serial ?? 0}
            data-key={bake?.key ?? ''}
          >
            <canvas
              ref={sphere}
              width={PREVIEW_SIZE}
              height={PREVIEW_SIZE}
              aria-label="Preview sphere"
              role="img"
            />
            <canvas
              ref={tile}
              className="mat-preview-tile"
              width={112}
              height={112}
              aria-label="Preview tile"
              role="img"
            />
            {pending && <span className="mat-preview-busy" aria-hidden="true" />}
          </div>
          <p className="mat-bake-info" data-testid="material-bake-info" aria-live="polite">
            {bakeError ? (
              <span className="mat-error">Bake failed: {bakeError}</span>
            ) : bake ? (
              <>
                {pending
                  ? 'Baking…'
                  : bake.cached
                    ? 'From the cache'
                    : `Baked in ${formatMs(bake.ms)}`}
                <span className="material-muted">
                  {' '}
                  · {PREVIEW_SIZE} px{second ? ` · blended with ${second.name}` : ''}
                </span>
              </>
            ) : (
              'Baking…'
            )}
          </p>
          <FieldGroup title="Apply">
            <SelectRow<Projection>
              label="Projection"
              hint="How the texture is laid on the object"
              value={apply.projection}
              options={PROJECTIONS.map((p) => ({ value: p, label: PROJECTION_LABELS[p] }))}
              onChange={(projection) => store.getState().materialApplySet({ projection })}
            />
            <div className="mat-row">
              <ScaleField
                value={apply.scale}
                onChange={(scale) => store.getState().materialApplySet({ scale })}
              />
            </div>
            <button
              type="button"
              className="side-button material-primary mat-apply"
              disabled={applyBlock !== null}
              title={applyBlock ?? `Apply to ${selectionCount} selected`}
              onClick={() => applyToSelection(store, base.id, mods, blendRef)}
            >
              Apply to selection
            </button>
            {applyBlock && <p className="mat-note">{applyBlock}</p>}
          </FieldGroup>
        </div>

        <div className="mat-params" aria-label="Parameters" role="group">
          <FieldGroup title="Pattern">
            <SelectRow<MaterialPattern>
              label="Pattern"
              value={params.pattern}
              options={MATERIAL_PATTERNS.map((p) => ({ value: p, label: capitalise(p) }))}
              onChange={(v) => set('pattern', v)}
            />
            {PATTERN_FIELDS.map(({ field, ...f }) => (
              <SliderRow key={field} {...f} value={params[field]} onChange={(v) => set(field, v)} />
            ))}
          </FieldGroup>
          <FieldGroup title="Colour">
            {COLOUR_LABELS.map((label, i) => (
              <ColourRow
                key={label}
                label={label}
                value={params.colors[i]!}
                onChange={(v) => {
                  const colors = [...params.colors] as MaterialParams['colors'];
                  colors[i] = v;
                  set('colors', colors);
                }}
              />
            ))}
            <SliderRow
              {...withoutField(COLOUR_VARIATION)}
              value={params.colorVariation}
              onChange={(v) => set('colorVariation', v)}
            />
          </FieldGroup>
          <FieldGroup title="Surface">
            {RANGE_FIELDS.map((f) => (
              <RangeRows
                key={f.field}
                label={f.label}
                hint={f.hint}
                value={params[f.field]}
                onChange={(v) => set(f.field, v)}
              />
            ))}
            {SURFACE_FIELDS.map(({ field, ...f }) => (
              <SliderRow key={field} {...f} value={params[field]} onChange={(v) => set(field, v)} />
            ))}
          </FieldGroup>
          <FieldGroup
            title="Emission"
            extra={
              <label className="spec-switch mat-switch">
                <input
                  type="checkbox"
                  aria-label="Glow"
                  checked={emissive !== undefined}
                  onChange={(e) =>
                    setParams((p) => {
                      if (!p) return p;
                      const { emissive: _drop, ...rest } = p;
                      return e.target.checked ? { ...rest, emissive: DEFAULT_EMISSIVE } : rest;
                    })
                  }
                />
                <span aria-hidden="true" />
              </label>
            }
          >
            {emissive ? (
              <>
                <ColourRow
                  label="Glow"
                  value={emissive.color}
                  onChange={(color) => set('emissive', { ...emissive, color })}
                />
                <SliderRow
                  label="Strength"
                  hint="Multiplier on the glow colour; 0 switches the map off"
                  min={0}
                  max={20}
                  step={0.1}
                  value={emissive.strength}
                  onChange={(strength) => set('emissive', { ...emissive, strength })}
                />
                <SelectRow<EmissiveMask>
                  label="Lights"
                  hint="What the glow lights: grooves and cracks, raised surfaces, the brightest detail, all"
                  value={emissive.mask}
                  options={EMISSIVE_MASKS.map((m) => ({ value: m, label: capitalise(m) }))}
                  onChange={(mask) => set('emissive', { ...emissive, mask })}
                />
              </>
            ) : (
              <p className="mat-note">No glow. Switch it on for lava, neon, screens.</p>
            )}
          </FieldGroup>
          <FieldGroup title="Seed">
            <SeedRow label="Seed" value={params.seed} onChange={(v) => set('seed', v)} />
          </FieldGroup>
        </div>

        <div className="mat-modifiers" aria-label="Modifiers" role="group">
          <FieldGroup
            title="Blend with…"
            extra={
              <label
                className="spec-switch mat-switch"
                title="Mix a second material in through a mask"
              >
                <input
                  type="checkbox"
                  aria-label="Blend"
                  checked={blend !== null}
                  onChange={(e) => setBlend(e.target.checked ? DEFAULT_BLEND : null)}
                />
                <span aria-hidden="true" />
              </label>
            }
          >
            {blend ? (
              <div className="mat-blend" role="group" aria-label="Blend">
                <BlendPresetPicker
                  presets={presets}
                  value={blend.preset}
                  exclude={base.id}
                  onChange={(id) => setBlendField('preset', id)}
                />
                <SelectRow<BlendMask>
                  label="Mask"
                  hint={BLEND_MASK_HINTS[blend.mask]}
                  value={blend.mask}
                  options={BLEND_MASK_OPTIONS}
                  onChange={(v) => setBlendField('mask', v)}
                />
                {BLEND_FIELDS.map(({ field, ...f }) =>
                  field === 'scale' && blend.mask !== 'noise' ? null : (
                    <SliderRow
                      key={field}
                      {...f}
                      name={`Blend ${f.label.toLowerCase()}`}
                      value={blend[field]}
                      onChange={(v) => setBlendField(field, v)}
                    />
                  ),
                )}
                {blend.mask === 'noise' && (
                  <SeedRow
                    label="Seed"
                    name="Blend seed"
                    value={blend.seed}
                    onChange={(v) => setBlendField('seed', v)}
                  />
                )}
              </div>
            ) : (
              <p className="mat-note">
                No blend. Switch it on to mix a second material in through a noise, height or slope
                mask (moss on stone, sand between tiles, rust on metal).
              </p>
            )}
          </FieldGroup>
          <FieldGroup title="Weather">
            <SelectRow<Weather | 'none'>
              label="Weather"
              value={mods.weather ?? 'none'}
              options={[
                { value: 'none', label: 'None' },
                ...WEATHERS.map((w) => ({ value: w, label: capitalise(w) })),
              ]}
              onChange={(v) => setMod('weather', v === 'none' ? undefined : v)}
            />
            {mods.weather && (
              <SliderRow
                {...withoutField(WEATHER_AMOUNT)}
                value={mods.weatherAmount ?? 0.6}
                onChange={(v) => setMod('weatherAmount', v)}
              />
            )}
            <SelectRow<Season | 'none'>
              label="Season"
              value={mods.season ?? 'none'}
              options={[
                { value: 'none', label: 'None' },
                ...SEASONS.map((w) => ({ value: w, label: capitalise(w) })),
              ]}
              onChange={(v) => setMod('season', v === 'none' ? undefined : v)}
            />
          </FieldGroup>
          <FieldGroup title="Variation">
            {MODIFIER_FIELDS.map(({ field, ...f }) => (
              <SliderRow
                key={field}
                {...f}
                name={`Modifier ${f.label.toLowerCase()}`}
                value={mods[field] ?? 0}
                onChange={(v) => setMod(field, v)}
              />
            ))}
            <SeedRow
              label="Seed"
              name="Modifier seed"
              value={mods.seed ?? 0}
              onChange={(v) => setMod('seed', v)}
            />
            <button
              type="button"
              className="side-button"
              disabled={modifiers === undefined}
              onClick={() => setMods({})}
            >
              Clear modifiers
            </button>
          </FieldGroup>
          <p className="mat-note">
            Modifiers and the blend travel with the assignment (Apply); a saved preset keeps the
            parameters.
          </p>
        </div>
      </div>

      <footer className="mat-footer">
        <label className="mat-name">
          <span>Name</span>
          <input
            type="text"
            aria-label="Preset name"
            maxLength={80}
            value={name}
            aria-invalid={saveError !== null}
            onChange={(e) => {
              setName(e.target.value);
              setSaveError(null);
            }}
            onKeyDown={(e) => {
              if (e.key === 'Enter') saveAsNew();
            }}
          />
        </label>
        <button type="button" className="side-button material-primary" onClick={saveAsNew}>
          Save as new preset
        </button>
        {userBase && (
          <button type="button" className="side-button" disabled={!dirty} onClick={saveChanges}>
            Save changes
          </button>
        )}
        <button
          type="button"
          className="side-button"
          disabled={!dirty}
          title="Back to the preset's parameters"
          onClick={() => setParams(base.params)}
        >
          Revert
        </button>
        <span className="material-toolbar-spacer" />
        {userBase &&
          (confirmDelete ? (
            <span className="mat-confirm" role="group" aria-label="Confirm delete">
              Delete “{base.name}” for good?
              <button
                type="button"
                className="side-button mat-danger"
                onClick={() => {
                  const s = store.getState();
                  s.userPresetRemoved(base.id);
                  s.notify('info', `Deleted the preset “${base.name}”`);
                }}
              >
                Delete
              </button>
              <button type="button" className="side-button" onClick={() => setConfirmDelete(false)}>
                Keep
              </button>
            </span>
          ) : (
            <button
              type="button"
              className="side-button"
              title="Remove this preset of yours from the library (objects using it keep the id)"
              onClick={() => setConfirmDelete(true)}
            >
              Delete preset…
            </button>
          ))}
        <button type="button" className="side-button" onClick={onClose}>
          Close
        </button>
        {saveError && (
          <p className="mat-error mat-save-error" role="alert">
            {saveError}
          </p>
        )}
      </footer>
    </Dialog>
  );
}

function SeedRow(p: { label: string; name?: string; value: number; onChange(v: number): void }) {
  const [text, setText] = useState<string | null>(null);
  const name = p.name ?? p.label;
  return (
    <div className="mat-row" title="Seeds the pattern's randomness: same seed, same material">
      <span className="mat-label">{p.label}</span>
      <input
        type="number"
        className="mat-number mat-seed"
        aria-label={name}
        min={0}
        max={SEED_MAX}
        step={1}
        value={text ?? String(p.value)}
        onChange={(e) => {
          setText(e.target.value);
          const v = Number(e.target.value);
          if (e.target.value.trim() !== '' && Number.isInteger(v) && v >= 0 && v <= SEED_MAX) {
            p.onChange(v);
          }
        }}
        onBlur={() => setText(null)}
      />
      <button
        type="button"
        className="side-button"
        aria-label={`New ${name.toLowerCase()}`}
        title="A new random seed"
        onClick={() => {
          setText(null);
          p.onChange(randomSeed());
        }}
      >
        ⚄
      </button>
    </div>
  );
}
