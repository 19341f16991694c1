// The Image to 3D panel (File → Image to 3D…): a picture in (dropped, pasted, opened, sketched or the
// viewport captured), its preprocessing shown, settings and model pack, then Generate: a progress bar
// with the stage, the coarse preview drawn in the panel while it refines, and the final mesh added to
// the scene as one undoable import. Cancel stops at any point and adds nothing.
// Non-modal, so the scene stays in view; Escape inside it cancels a run, or closes it.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import {
  hasTransparency,
  preprocessImage,
  type PreprocessResult,
} from '../../core/shape/preprocess';
import { checkShapeSettings } from '../../core/shape/shape-pipeline';
import type { RgbaImage, ShapeSettings } from '../../core/shape/shape-types';
import type { ViewportHandle } from '../../viewport/viewport-handle';
import { decodeImage } from './decode-image';
import { ImageInput, readFileBytes } from './ImageInput';
import { MeshPreview } from './MeshPreview';
import { PackSection } from './PackSection';
import { DEFAULT_THRESHOLDS, PreprocessView, type Thresholds } from './PreprocessView';
import { SettingsForm } from './SettingsForm';
import type { ShapeBackendInfo, ShapePackSource, ShapeService } from './shape-service';
import { SketchPad } from './SketchPad';
import { STAGE_LABELS, useShapeRun } from './use-shape-run';
import './image-to-3d.css';

export interface ImageTo3DPanelProps {
  service: ShapeService;
  viewport: ViewportHandle;
  onClose: () => void;
  /** Called with the new object's id once a result is in the scene (the studio frames it). */
  onAdded?: (id: string) => void;
  notify: (kind: 'error' | 'info', text: string) => void;
}

interface Source {
  /** What the object will be called: the file's name without its extension, or the input's. */
  name: string;
  image: RgbaImage;
  /** The file's bytes, where the picture came from one (the cache key); else the model input is. */
  bytes?: Uint8Array;
}

/** Longest side of a viewport capture. */
const CAPTURE_SIDE = 768;

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

const baseName = (name: string) => name.replace(/\.[a-z0-9]+$/i, '') || 'Image';

export function ImageTo3DPanel(props: ImageTo3DPanelProps) {
  const { service, viewport, onClose, onAdded, notify } = props;
  const [mode, setMode] = useState<'image' | 'sketch'>('image');
  const [source, setSource] = useState<Source | null>(null);
  const [sketch, setSketch] = useState<RgbaImage | null>(null);
  const [inputError, setInputError] = useState<string | null>(null);
  const [thresholds, setThresholds] = useState<Thresholds>(DEFAULT_THRESHOLDS);
  const [info, setInfo] = useState<ShapeBackendInfo | null>(() => service.current());
  const [pack, setPack] = useState(() => ({
    loading: service.current() === null,
    error: null as string | null,
  }));
  const [settings, setSettings] = useState<ShapeSettings | null>(() => {
    const now = service.current();
    return now ? service.settingsRange(now).defaults : null;
  });
  // The focus starts in the panel, so Ctrl+V pastes into it at once.
  const root = useRef<HTMLElement>(null);
  useEffect(() => root.current?.focus(), []);
  const run = useShapeRun(service, (id, name) => {
    notify('info', `Added ${name} to the scene`);
    onAdded?.(id);
  });

  const adopt = useCallback(
    (next: ShapeBackendInfo) => {
      setInfo(next);
      const defaults = service.settingsRange(next).defaults;
      // A new pack brings its own defaults; the seed the user chose stays.
      setSettings((s) => ({ ...defaults, seed: s?.seed ?? defaults.seed }));
    },
    [service],
  );

  const loadPack = useCallback(
    (what: ShapePackSource | 'shipped') => {
      setPack({ loading: true, error: null });
      service.loadPack(what).then(
        (next) => {
          adopt(next);
          setPack({ loading: false, error: null });
        },
        (error: unknown) => setPack({ loading: false, error: message(error) }),
      );
    },
    [service, adopt],
  );

  // The shipped pack loads when the panel first opens.
  useEffect(() => {
    if (service.current()) return;
    let live = true;
    service.backend().then(
      (next) => {
        if (!live) return;
        adopt(next);
        setPack({ loading: false, error: null });
      },
      (error: unknown) => live && setPack({ loading: false, error: message(error) }),
    );
    return () => {
      live = false;
    };
  }, [service, adopt]);

  const onBytes = useCallback((bytes: Uint8Array, name: string) => {
    setInputError(null);
    decodeImage(bytes, name).then(
      (image) => {
        setMode('image');
        setSource({ name: baseName(name), image, bytes });
      },
      (error: unknown) => setInputError(message(error)),
    );
  }, []);

  const picture = useMemo(
    (): Source | null =>
      mode === 'sketch' ? (sketch ? { name: 'Sketch', image: sketch } : null) : source,
    [mode, sketch, source],
  );
  const method = useMemo(
    () => (picture && hasTransparency(picture.image) ? 'alpha' : 'background'),
    [picture],
  );
  const prep = useMemo((): { result: PreprocessResult | null; error: string | null } => {
    if (!picture) return { result: null, error: null };
    try {
      return { result: preprocessImage(picture.image, thresholds), error: null };
    } catch (error) {
      return { result: null, error: message(error) };
    }
  }, [picture, thresholds]);

  const range = info ? service.settingsRange(info) : null;
  const settingsIssue = useMemo(() => {
    if (!settings || !info) return null;
    try {
      checkShapeSettings(settings, info.manifest);
      return null;
    } catch (error) {
      return message(error);
    }
  }, [settings, info]);

  const generate = () => {
    if (!picture || !prep.result || !settings || settingsIssue) return;
    run.start(
      {
        image: prep.result.image,
        settings,
        ...(picture.bytes ? { identity: picture.bytes, keyExtra: { ...thresholds } } : {}),
      },
      `${picture.name} (3D)`,
    );
  };

  const capture = viewport.attached()
    ? () => {
        const { width, height } = viewport.canvasSize();
        const scale = Math.min(1, CAPTURE_SIDE / Math.max(width, height, 1));
        return viewport.screenshot({
          width: Math.max(16, Math.round(width * scale)),
          height: Math.max(16, Math.round(height * scale)),
          helpers: false,
        });
      }
    : null;

  const state = run.state;
  const busy = state.phase === 'running';
  const shownMesh =
    state.phase === 'done'
      ? state.mesh
      : state.phase === 'running' || state.phase === 'failed'
        ? state.preview
        : null;

  return (
    <section
      ref={root}
      className="i3d-panel"
      role="dialog"
      aria-modal="false"
      aria-label="Image to 3D"
      tabIndex={-1}
      onKeyDown={(e) => {
        if (e.key !== 'Escape') return;
        e.stopPropagation();
        e.preventDefault();
        if (busy) run.cancel();
        else onClose();
      }}
      onPaste={(e) => {
        const file = [...e.clipboardData.files].find((f) => f.type.startsWith('image/'));
        if (!file) {
          if (e.clipboardData.files.length > 0) {
            setInputError(`The pasted ${e.clipboardData.files[0]!.type || 'file'} is not an image`);
          }
          return;
        }
        e.preventDefault();
        if (!busy) readFileBytes(file, (b) => onBytes(b, 'Pasted image'), setInputError);
      }}
    >
      <header className="i3d-header">
        <h2>Image to 3D</h2>
        <button type="button" className="dialog-close" aria-label="Close" onClick={onClose}>
          ×
        </button>
      </header>

      <div className="i3d-input">
        <div className="i3d-tabs" role="tablist" aria-label="Picture source">
          {(['image', 'sketch'] as const).map((m) => (
            <button
              key={m}
              type="button"
              role="tab"
              aria-selected={mode === m}
              disabled={busy}
              onClick={() => setMode(m)}
            >
              {m === 'image' ? 'Image' : 'Sketch'}
            </button>
          ))}
        </div>
        <div className="i3d-input-body">
          <div className="i3d-source">
            {/* Kept mounted so a sketch survives a look at the image tab. */}
            <div hidden={mode !== 'sketch'}>
              <SketchPad onSketch={setSketch} disabled={busy} />
            </div>
            {mode === 'image' && (
              <ImageInput
                onBytes={onBytes}
                capture={capture}
                onError={setInputError}
                disabled={busy}
              />
            )}
            {inputError && (
              <p className="i3d-issue" role="alert" data-testid="image-error">
                {inputError}
              </p>
            )}
          </div>
          {picture ? (
            <PreprocessView
              original={picture.image}
              method={method}
              result={prep.result}
              error={prep.error}
              thresholds={thresholds}
              onThresholds={setThresholds}
              disabled={busy}
            />
          ) : (
            <p className="i3d-muted i3d-prep-none">
              {mode === 'sketch'
                ? 'Draw one object, black on white, as seen from a little above and to the side.'
                : 'One object on a plain background or with transparency works best.'}
            </p>
          )}
        </div>
      </div>

      {settings && range && (
        <SettingsForm
          settings={settings}
          range={range}
          onChange={setSettings}
          issue={settingsIssue}
          disabled={busy}
        />
      )}
      <PackSection
        info={info}
        status={pack}
        onLoad={(what) => loadPack(what)}
        shipped={info === null || service.isShipped(info)}
        disabled={busy}
      />

      <div className="i3d-generate">
        <div className="i3d-row">
          {busy ? (
            <button
              type="button"
              className="i3d-cancel"
              onClick={run.cancel}
              disabled={state.adding === true}
            >
              Cancel
            </button>
          ) : (
            <button
              type="button"
              className="i3d-primary"
              disabled={!prep.result || !settings || settingsIssue !== null || !info}
              onClick={generate}
            >
              Generate
            </button>
          )}
          {busy && (
            <div className="i3d-progress" data-testid="shape-progress">
              <progress max={1} value={state.fraction} aria-label="Generation progress" />
              <span>{state.adding ? 'Adding to the scene' : STAGE_LABELS[state.stage]}…</span>
            </div>
          )}
        </div>
        <div className="i3d-result">
          <MeshPreview
            mesh={shownMesh}
            size={176}
            caption={
              state.phase === 'done'
                ? 'final mesh'
                : shownMesh
                  ? 'coarse preview'
                  : 'appears here while it generates'
            }
          />
          <div className="i3d-result-text" data-testid="shape-result" aria-live="polite">
            {state.phase === 'done' && (
              <>
                <p>
                  Added <strong>{state.name}</strong> to the scene (Ctrl+Z undoes).
                </p>
                <p className="i3d-muted">
                  {state.triangles.toLocaleString()} triangles ·{' '}
                  {state.watertight ? 'watertight' : 'not watertight'} ·{' '}
                  {state.cached
                    ? 'from the cache'
                    : `${(state.timings.total / 1000).toFixed(1)} s on ${state.backend === 'webgpu' ? 'WebGPU' : 'WASM'}, surface on ${state.surfaceBackend === 'webgpu' ? 'WebGPU' : 'the CPU'}`}
                </p>
              </>
            )}
            {state.phase === 'idle' && state.note && <p className="i3d-muted">{state.note}</p>}
            {state.phase === 'failed' && (
              <p className="i3d-issue" role="alert" data-testid="shape-error">
                {state.message}
              </p>
            )}
          </div>
        </div>
      </div>
    </section>
  );
}
