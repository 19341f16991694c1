// What preprocessing made of the picture: the original, the model's 64 x 64 input (mask tinted,
// shown pixel for pixel), how the object was found (transparency or background colour), how much of
// the picture it covers, and the threshold that decides it. A refusal is shown in its place.
import type { RgbaImage } from '../../core/shape/shape-types';
import { DEFAULT_PREPROCESS, type PreprocessResult } from '../../core/shape/preprocess';
import { RgbaView } from './RgbaView';

export interface Thresholds {
  /** Colour distance from the background (0..441) for pictures without transparency. */
  threshold: number;
  /** Alpha (0..254) for pictures with transparency. */
  alphaThreshold: number;
}

export const DEFAULT_THRESHOLDS: Thresholds = {
  threshold: DEFAULT_PREPROCESS.threshold,
  alphaThreshold: DEFAULT_PREPROCESS.alphaThreshold,
};

export interface PreprocessViewProps {
  original: RgbaImage;
  /** How the object is found in this picture (transparency present or not). */
  method: 'alpha' | 'background';
  result: PreprocessResult | null;
  error: string | null;
  thresholds: Thresholds;
  onThresholds: (t: Thresholds) => void;
  disabled: boolean;
}

const percent = (f: number) => `${(f * 100).toFixed(f < 0.1 ? 1 : 0)}%`;

export function PreprocessView(props: PreprocessViewProps) {
  const { original, method, result, error, thresholds, onThresholds, disabled } = props;
  const alpha = method === 'alpha';
  const value = alpha ? thresholds.alphaThreshold : thresholds.threshold;
  return (
    <div className="i3d-prep" data-testid="preprocess">
      <div className="i3d-prep-images">
        <figure>
          <RgbaView image={original} fit={112} label="Original picture" testId="original" />
          <figcaption>
            Original {original.width} × {original.height}
          </figcaption>
        </figure>
        <figure>
          {result ? (
            <RgbaView
              image={result.preview}
              fit={112}
              pixelated
              label="Model input: mask and crop"
              testId="mask-preview"
            />
          ) : (
            <div className="i3d-prep-empty" aria-hidden="true" />
          )}
          <figcaption>
            Model input {result ? `${result.preview.width} × ${result.preview.height}` : ''}
          </figcaption>
        </figure>
      </div>
      {result && (
        <p className="i3d-prep-facts" data-testid="preprocess-method">
          {alpha ? 'Alpha: the transparent background' : 'Background threshold: the border colour'}{' '}
          · object {percent(result.foregroundFraction)} of the picture · crop{' '}
          {Math.round(result.crop.width)} px square
        </p>
      )}
      {error && (
        <p className="i3d-issue" role="alert" data-testid="preprocess-error">
          {error}
        </p>
      )}
      <label className="i3d-slider">
        <span
          title={
            alpha
              ? 'Alpha above which a pixel is the object'
              : 'Colour distance from the background above which a pixel is the object'
          }
        >
          Threshold
        </span>
        <input
          type="range"
          min={alpha ? 0 : 1}
          max={alpha ? 254 : 255}
          step={1}
          value={value}
          disabled={disabled}
          aria-label="Threshold"
          onChange={(e) => {
            const v = e.currentTarget.valueAsNumber;
            onThresholds(
              alpha ? { ...thresholds, alphaThreshold: v } : { ...thresholds, threshold: v },
            );
          }}
        />
        <output>{value}</output>
      </label>
    </div>
  );
}
