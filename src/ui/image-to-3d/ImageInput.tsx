// Where a picture comes from: dropped on the drop zone, opened from disk, or the viewport captured.
// (Pasting is handled by the whole panel.) Every path hands bytes and a name to `onBytes`; the panel
// decodes them and shows what was wrong when they are not a usable image.
import { useRef, useState } from 'react';

export const IMAGE_ACCEPT = 'image/png,image/jpeg,image/webp,image/gif,image/bmp';

export interface ImageInputProps {
  onBytes: (bytes: Uint8Array, name: string) => void;
  /** Renders the viewport as PNG bytes; absent while no viewport is up. */
  capture: (() => Promise<Uint8Array>) | null;
  onError: (message: string) => void;
  disabled: boolean;
}

export function readFileBytes(
  file: File,
  onBytes: ImageInputProps['onBytes'],
  onError: ImageInputProps['onError'],
) {
  file.arrayBuffer().then(
    (b) => onBytes(new Uint8Array(b), file.name),
    (error: unknown) => onError(`Could not read ${file.name}: ${String(error)}`),
  );
}

export function ImageInput({ onBytes, capture, onError, disabled }: ImageInputProps) {
  const input = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);
  const [capturing, setCapturing] = useState(false);

  return (
    <div
      className={`i3d-drop${over ? ' i3d-drop-over' : ''}`}
      data-testid="image-drop"
      onDragEnter={(e) => {
        if (!e.dataTransfer.types.includes('Files')) return;
        e.preventDefault();
        setOver(true);
      }}
      onDragOver={(e) => {
        if (!e.dataTransfer.types.includes('Files')) return;
        e.preventDefault();
        e.dataTransfer.dropEffect = 'copy';
      }}
      onDragLeave={(e) => {
        if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setOver(false);
      }}
      onDrop={(e) => {
        e.preventDefault();
        setOver(false);
        const file = e.dataTransfer.files[0];
        if (file && !disabled) readFileBytes(file, onBytes, onError);
      }}
    >
      <p>Drop an image here or paste one (Ctrl+V)</p>
      <div className="i3d-row">
        <button type="button" disabled={disabled} onClick={() => input.current?.click()}>
          Open image…
        </button>
        <button
          type="button"
          disabled={disabled || !capture || capturing}
          onClick={() => {
            if (!capture) return;
            setCapturing(true);
            capture()
              .then(
                (png) => onBytes(png, 'Viewport'),
                (error: unknown) =>
                  onError(
                    `Could not capture the viewport: ${error instanceof Error ? error.message : String(error)}`,
                  ),
              )
              .finally(() => setCapturing(false));
          }}
        >
          {capturing ? 'Capturing…' : 'Capture viewport'}
        </button>
      </div>
      <input
        ref={input}
        type="file"
        accept={IMAGE_ACCEPT}
        hidden
        aria-label="Open image file"
        data-testid="image-file-input"
        onChange={(e) => {
          const file = e.currentTarget.files?.[0];
          e.currentTarget.value = '';
          if (file) readFileBytes(file, onBytes, onError);
        }}
      />
    </div>
  );
}
