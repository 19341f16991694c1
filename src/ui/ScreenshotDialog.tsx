// Save screenshot: the viewport rendered at a chosen resolution, downloaded as a PNG.
import { useState } from 'react';
import { Dialog } from './Dialog';
import type { ScreenshotOptions } from '../viewport/viewport-handle';

const PRESETS: [string, number, number][] = [
  ['HD 1280 × 720', 1280, 720],
  ['Full HD 1920 × 1080', 1920, 1080],
  ['4K 3840 × 2160', 3840, 2160],
  ['Square 1024 × 1024', 1024, 1024],
];

export const MAX_SCREENSHOT_SIZE = 8192;

export interface ScreenshotDialogProps {
  /** The viewport's current size, the default. */
  initial: { width: number; height: number };
  name: string;
  capture: (options: ScreenshotOptions) => Promise<Uint8Array>;
  onClose: () => void;
  onError: (message: string) => void;
  onSaved: (message: string) => void;
}

/** The size problem to show, or null when the size can be rendered. */
export function screenshotSizeIssue(width: number, height: number): string | null {
  for (const [label, v] of [
    ['Width', width],
    ['Height', height],
  ] as const) {
    if (!Number.isInteger(v) || v < 1 || v > MAX_SCREENSHOT_SIZE) {
      return `${label} must be a whole number from 1 to ${MAX_SCREENSHOT_SIZE}`;
    }
  }
  return null;
}

export function ScreenshotDialog(props: ScreenshotDialogProps) {
  const [width, setWidth] = useState(props.initial.width);
  const [height, setHeight] = useState(props.initial.height);
  const [busy, setBusy] = useState(false);
  const issue = screenshotSizeIssue(width, height);
  const { onClose } = props;

  const save = async () => {
    if (issue) return;
    setBusy(true);
    try {
      const png = await props.capture({ width, height });
      const url = URL.createObjectURL(new Blob([png as BlobPart], { type: 'image/png' }));
      const a = document.createElement('a');
      const safe = props.name.replace(/[^\w.-]+/g, '-').replace(/^-+|-+$/g, '') || 'scene';
      a.href = url;
      a.download = `${safe}-${width}x${height}.png`;
      a.click();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      props.onSaved(`Saved ${a.download} (${(png.byteLength / 1024).toFixed(0)} KB)`);
      onClose();
    } catch (error) {
      props.onError(`Screenshot failed: ${error instanceof Error ? error.message : String(error)}`);
      setBusy(false);
    }
  };

  return (
    <Dialog label="Save screenshot" className="studio-dialog screenshot-dialog" onClose={onClose}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <div className="screenshot-presets">
          <button
            type="button"
            onClick={() => {
              setWidth(props.initial.width);
              setHeight(props.initial.height);
            }}
          >
            Viewport {props.initial.width} × {props.initial.height}
          </button>
          {PRESETS.map(([label, w, h]) => (
            <button
              type="button"
              key={label}
              onClick={() => {
                setWidth(w);
                setHeight(h);
              }}
            >
              {label}
            </button>
          ))}
        </div>
        <div className="screenshot-size">
          <label>
            Width
            <input
              data-autofocus
              type="number"
              min={1}
              max={MAX_SCREENSHOT_SIZE}
              step={1}
              value={width}
              onChange={(e) => setWidth(e.target.valueAsNumber)}
            />
          </label>
          <span aria-hidden="true">×</span>
          <label>
            Height
            <input
              type="number"
              min={1}
              max={MAX_SCREENSHOT_SIZE}
              step={1}
              value={height}
              onChange={(e) => setHeight(e.target.valueAsNumber)}
            />
          </label>
          <span className="screenshot-unit">px</span>
        </div>
        {issue && (
          <p className="dialog-issue" role="alert">
            {issue}
          </p>
        )}
        <footer className="dialog-actions">
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={busy || issue !== null}>
            {busy ? 'Rendering…' : 'Save PNG'}
          </button>
        </footer>
      </form>
    </Dialog>
  );
}
