// Dropping a material card onto the viewport: the card's drag carries the preset id under its own
// MIME type; over the stage the object under the pointer is picked (the same pick as a click) and
// named in a hint, and the drop applies the material to that object as one undoable edit. Files
// dragged in are left to ModelDrop; anything else is ignored.
import { useEffect, useState, type DragEvent as ReactDragEvent } from 'react';
import { getObject } from '../../core/document';
import { resolvePreset } from '../../state/materials-slice';
import type { StudioStore } from '../../state/store';
import { applyMaterial, materialRefFor } from './apply-material';

/** The MIME type of a dragged material card; its data is the preset id. */
export const MATERIAL_MIME = 'application/x-canvas3d-material';

/** The preset being dragged: drag events other than drop may not read the data, only its types. */
let dragged: string | null = null;

export function startMaterialDrag(e: ReactDragEvent, presetId: string): void {
  dragged = presetId;
  e.dataTransfer.effectAllowed = 'copy';
  e.dataTransfer.setData(MATERIAL_MIME, presetId);
  e.dataTransfer.setData('text/plain', presetId);
}

export function endMaterialDrag(): void {
  dragged = null;
}

const isMaterialDrag = (e: DragEvent) => [...(e.dataTransfer?.types ?? [])].includes(MATERIAL_MIME);

export interface MaterialDropProps {
  /** The stage: the element cards are dropped on. */
  target: React.RefObject<HTMLElement | null>;
  store: StudioStore;
  /** The pickable object at a canvas position (CSS pixels from the canvas's top left). */
  pickAt: (x: number, y: number) => string | null;
}

interface Hint {
  x: number;
  y: number;
  text: string;
  hit: boolean;
}

export function MaterialDrop({ target, store, pickAt }: MaterialDropProps) {
  const [hint, setHint] = useState<Hint | null>(null);

  useEffect(() => {
    const el = target.current;
    if (!el) return;
    let depth = 0;
    let lastPick = { x: NaN, y: NaN, id: null as string | null };
    /** The object under a client point, picked at most once per position. */
    const pick = (e: DragEvent) => {
      const canvas = el.querySelector('canvas');
      if (!canvas) return null;
      const r = canvas.getBoundingClientRect();
      const x = e.clientX - r.left;
      const y = e.clientY - r.top;
      if (x < 0 || y < 0 || x > r.width || y > r.height) return null;
      if (x !== lastPick.x || y !== lastPick.y) lastPick = { x, y, id: pickAt(x, y) };
      return lastPick.id;
    };
    const describe = (e: DragEvent, id: string | null): Hint => {
      const r = el.getBoundingClientRect();
      const s = store.getState();
      const preset = dragged ? resolvePreset(s, dragged)?.name : undefined;
      const name = id ? getObject({ index: s.doc.index, layer: s.doc.layer }, id)?.name : null;
      const text = name
        ? `Apply ${preset ?? 'material'} to ${name}`
        : 'Drop onto an object to apply the material';
      return { x: e.clientX - r.left, y: e.clientY - r.top, text, hit: Boolean(name) };
    };
    const enter = (e: DragEvent) => {
      if (!isMaterialDrag(e)) return;
      e.preventDefault();
      depth++;
    };
    const over = (e: DragEvent) => {
      if (!isMaterialDrag(e)) return;
      e.preventDefault();
      if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy';
      setHint(describe(e, pick(e)));
    };
    const leave = (e: DragEvent) => {
      if (!isMaterialDrag(e)) return;
      depth = Math.max(0, depth - 1);
      if (depth === 0) setHint(null);
    };
    const drop = (e: DragEvent) => {
      if (!isMaterialDrag(e)) return;
      e.preventDefault();
      depth = 0;
      setHint(null);
      const preset = e.dataTransfer?.getData(MATERIAL_MIME) || dragged;
      dragged = null;
      const s = store.getState();
      if (!preset || !resolvePreset(s, preset)) return;
      lastPick = { x: NaN, y: NaN, id: null };
      const id = pick(e);
      if (!id) {
        s.notify('info', 'Drop the material onto an object to apply it');
        return;
      }
      applyMaterial(store, [id], materialRefFor(s, preset));
    };
    el.addEventListener('dragenter', enter);
    el.addEventListener('dragover', over);
    el.addEventListener('dragleave', leave);
    el.addEventListener('drop', drop);
    return () => {
      el.removeEventListener('dragenter', enter);
      el.removeEventListener('dragover', over);
      el.removeEventListener('dragleave', leave);
      el.removeEventListener('drop', drop);
    };
  }, [target, store, pickAt]);

  if (!hint) return null;
  return (
    <div
      className={`material-drop-hint${hint.hit ? ' material-drop-hint-hit' : ''}`}
      style={{ left: hint.x + 14, top: hint.y + 14 }}
      aria-hidden="true"
    >
      {hint.text}
    </div>
  );
}
