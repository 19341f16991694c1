// The sketch pad: draw with a pen or an eraser (mouse, pen or touch through pointer events), undo the
// last stroke, clear. Each finished stroke hands the picture (RGBA, black on white) to `onSketch`;
// a cleared pad hands null.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { RgbaImage } from '../../core/shape/shape-types';
import { hasInk, drawStroke, replayStrokes, type SketchTool, type Stroke } from './sketch-strokes';

export const SKETCH_SIZE = 256;

const WIDTHS: Record<SketchTool, number> = { pen: 5, eraser: 18 };

export interface SketchPadProps {
  onSketch: (image: RgbaImage | null) => void;
  disabled?: boolean;
}

export function SketchPad({ onSketch, disabled = false }: SketchPadProps) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const [tool, setTool] = useState<SketchTool>('pen');
  const [strokes, setStrokes] = useState<Stroke[]>([]);
  // The stroke being drawn lives outside React: pointer moves draw straight onto the canvas.
  const current = useRef<{ id: number; stroke: Stroke; drawn: number } | null>(null);

  const context = () => canvas.current?.getContext('2d', { willReadFrequently: true }) ?? null;

  const publish = useCallback(
    (all: readonly Stroke[]) => {
      const ctx = context();
      if (!ctx || !hasInk(all)) {
        onSketch(null);
        return;
      }
      const { data } = ctx.getImageData(0, 0, SKETCH_SIZE, SKETCH_SIZE);
      onSketch({ width: SKETCH_SIZE, height: SKETCH_SIZE, data });
    },
    [onSketch],
  );

  // A fresh pad is white paper.
  useEffect(() => {
    const ctx = context();
    if (ctx) replayStrokes(ctx, [], { width: SKETCH_SIZE, height: SKETCH_SIZE });
  }, []);

  const point = (e: React.PointerEvent<HTMLCanvasElement>): [number, number] => {
    const rect = e.currentTarget.getBoundingClientRect();
    return [
      ((e.clientX - rect.left) / rect.width) * SKETCH_SIZE,
      ((e.clientY - rect.top) / rect.height) * SKETCH_SIZE,
    ];
  };

  const finish = (e: React.PointerEvent<HTMLCanvasElement>) => {
    const drawing = current.current;
    if (!drawing || drawing.id !== e.pointerId) return;
    current.current = null;
    const next = [...strokes, drawing.stroke];
    setStrokes(next);
    // The canvas already shows the stroke.
    publish(next);
  };

  const update = (next: Stroke[]) => {
    setStrokes(next);
    const ctx = context();
    if (ctx) replayStrokes(ctx, next, { width: SKETCH_SIZE, height: SKETCH_SIZE });
    publish(next);
  };

  return (
    <div className="i3d-sketch">
      <canvas
        ref={canvas}
        width={SKETCH_SIZE}
        height={SKETCH_SIZE}
        className="i3d-sketch-canvas"
        aria-label="Sketch pad"
        data-testid="sketch-pad"
        onPointerDown={(e) => {
          if (disabled || current.current || (e.pointerType === 'mouse' && e.button !== 0)) return;
          e.preventDefault();
          e.currentTarget.setPointerCapture(e.pointerId);
          const stroke: Stroke = { tool, width: WIDTHS[tool], points: point(e) };
          current.current = { id: e.pointerId, stroke, drawn: 2 };
          const ctx = context();
          if (ctx) drawStroke(ctx, stroke);
        }}
        onPointerMove={(e) => {
          const drawing = current.current;
          if (!drawing || drawing.id !== e.pointerId) return;
          // Coalesced events keep fast strokes smooth where the browser batches moves.
          const events = e.nativeEvent.getCoalescedEvents?.() ?? [];
          const rect = e.currentTarget.getBoundingClientRect();
          for (const ev of events.length > 0 ? events : [e.nativeEvent]) {
            drawing.stroke.points.push(
              ((ev.clientX - rect.left) / rect.width) * SKETCH_SIZE,
              ((ev.clientY - rect.top) / rect.height) * SKETCH_SIZE,
            );
          }
          const ctx = context();
          if (!ctx) return;
          // Only the new segments are drawn now (from the last point already drawn).
          const p = drawing.stroke.points;
          drawStroke(ctx, { ...drawing.stroke, points: p.slice(Math.max(0, drawing.drawn - 2)) });
          drawing.drawn = p.length;
        }}
        onPointerUp={finish}
        onPointerCancel={finish}
      />
      <div className="i3d-sketch-tools" role="toolbar" aria-label="Sketch tools">
        <button
          type="button"
          aria-pressed={tool === 'pen'}
          onClick={() => setTool('pen')}
          disabled={disabled}
        >
          Pen
        </button>
        <button
          type="button"
          aria-pressed={tool === 'eraser'}
          onClick={() => setTool('eraser')}
          disabled={disabled}
        >
          Eraser
        </button>
        <button
          type="button"
          onClick={() => update(strokes.slice(0, -1))}
          disabled={disabled || strokes.length === 0}
        >
          Undo stroke
        </button>
        <button
          type="button"
          onClick={() => update([])}
          disabled={disabled || strokes.length === 0}
        >
          Clear
        </button>
      </div>
    </div>
  );
}
