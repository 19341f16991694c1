// The model pack and where it runs: the pack's name, WebGPU or WASM (with the reason when WebGPU
// was not used), and loading another pack from disk (its manifest.json and ONNX files) or a URL, or
// going back to the shipped one. A refused pack is named in the section and the previous one stays.
import { useRef, useState } from 'react';
import type { ShapeBackendInfo, ShapePackSource } from './shape-service';

export interface PackSectionProps {
  info: ShapeBackendInfo | null;
  /** Loading, or the last load's failure. */
  status: { loading: boolean; error: string | null };
  onLoad: (source: ShapePackSource | 'shipped') => void;
  shipped: boolean;
  disabled: boolean;
}

export function PackSection({ info, status, onLoad, shipped, disabled }: PackSectionProps) {
  const files = useRef<HTMLInputElement>(null);
  const [url, setUrl] = useState('');
  const busy = disabled || status.loading;
  return (
    <section className="i3d-pack" aria-label="Model pack">
      <p className="i3d-pack-line" data-testid="shape-backend">
        {info ? (
          <>
            <strong>{info.manifest.name}</strong>{' '}
            <span className="i3d-muted">
              {info.modelId} · {info.manifest.quantization === 'none' ? 'fp32' : 'int8'}
            </span>
            <br />
            Runs on{' '}
            <span className={`i3d-backend i3d-backend-${info.backend}`}>
              {info.backend === 'webgpu' ? 'WebGPU' : 'WASM'}
            </span>
            <span className="i3d-muted"> — {info.reason}</span>
          </>
        ) : status.loading ? (
          'Loading the model pack…'
        ) : (
          'No model pack loaded'
        )}
      </p>
      <div className="i3d-row">
        <button type="button" disabled={busy} onClick={() => files.current?.click()}>
          Load model pack…
        </button>
        {!shipped && (
          <button type="button" disabled={busy} onClick={() => onLoad('shipped')}>
            Use the shipped pack
          </button>
        )}
      </div>
      <form
        className="i3d-row"
        onSubmit={(e) => {
          e.preventDefault();
          if (url.trim()) onLoad({ url: url.trim() });
        }}
      >
        <input
          type="url"
          placeholder="…or a manifest.json URL"
          aria-label="Model pack URL"
          value={url}
          disabled={busy}
          onChange={(e) => setUrl(e.currentTarget.value)}
        />
        <button type="submit" disabled={busy || !url.trim()}>
          Load
        </button>
      </form>
      <input
        ref={files}
        type="file"
        multiple
        accept=".json,.onnx"
        hidden
        aria-label="Model pack files"
        data-testid="pack-file-input"
        onChange={(e) => {
          const list = [...(e.currentTarget.files ?? [])];
          e.currentTarget.value = '';
          if (list.length > 0) onLoad({ files: list });
        }}
      />
      {status.error && (
        <p className="i3d-issue" role="alert" data-testid="pack-error">
          {status.error}
        </p>
      )}
    </section>
  );
}
