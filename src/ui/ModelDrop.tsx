// Opening model files: drag and drop onto the stage (with a visible drop target while dragging)
// and File → Open (a hidden file input). Either way the bytes go to `onFile`, which imports them or
// reports why not; a failed import changes nothing.
import { forwardRef, useEffect, useImperativeHandle, useRef, useState } from 'react';

export interface ModelDropHandle {
  openPicker(): void;
}

export interface ModelDropProps {
  /** The element files are dropped on (the stage). */
  target: React.RefObject<HTMLElement | null>;
  onFile: (bytes: Uint8Array, name: string) => void;
}

export const MODEL_ACCEPT = '.glb,.gltf,model/gltf-binary,model/gltf+json';

function hasFiles(e: DragEvent): boolean {
  return [...(e.dataTransfer?.types ?? [])].includes('Files');
}

export const ModelDrop = forwardRef<ModelDropHandle, ModelDropProps>(function ModelDrop(
  { target, onFile },
  ref,
) {
  const input = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);
  useImperativeHandle(ref, () => ({ openPicker: () => input.current?.click() }), []);

  useEffect(() => {
    const el = target.current;
    if (!el) return;
    let depth = 0;
    const enter = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      depth++;
      setOver(true);
    };
    const overHandler = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy';
    };
    const leave = () => {
      depth = Math.max(0, depth - 1);
      if (depth === 0) setOver(false);
    };
    const drop = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      depth = 0;
      setOver(false);
      for (const file of e.dataTransfer?.files ?? []) {
        void file.arrayBuffer().then((b) => onFile(new Uint8Array(b), file.name));
      }
    };
    el.addEventListener('dragenter', enter);
    el.addEventListener('dragover', overHandler);
    el.addEventListener('dragleave', leave);
    el.addEventListener('drop', drop);
    return () => {
      el.removeEventListener('dragenter', enter);
      el.removeEventListener('dragover', overHandler);
      el.removeEventListener('dragleave', leave);
      el.removeEventListener('drop', drop);
    };
  }, [target, onFile]);

  return (
    <>
      <input
        ref={input}
        type="file"
        accept={MODEL_ACCEPT}
        multiple
        hidden
        aria-label="Open model file"
        data-testid="model-file-input"
        onChange={(e) => {
          const files = [...(e.target.files ?? [])];
          e.target.value = '';
          for (const file of files) {
            void file.arrayBuffer().then((b) => onFile(new Uint8Array(b), file.name));
          }
        }}
      />
      {over && (
        <div className="drop-target" aria-hidden="true">
          <div className="drop-target-label">Drop .glb or .gltf to add it to the scene</div>
        </div>
      )}
    </>
  );
});
