// A draggable divider between panels. While dragging, the width is written straight to a CSS
// variable on the layout element (no React render per pointer move); the final width is reported
// once on release. Arrow keys resize by 16 px for keyboard users.
import { useRef } from 'react';

export interface ResizeHandleProps {
  /** Element whose CSS variable holds the width. */
  layout: React.RefObject<HTMLElement | null>;
  variable: string;
  width: number;
  min: number;
  max: number;
  /** +1 when dragging right widens the panel (left panel), -1 when it narrows it (right panel). */
  direction: 1 | -1;
  label: string;
  onResize: (width: number) => void;
}

export function ResizeHandle(props: ResizeHandleProps) {
  const drag = useRef<{ x: number; width: number; now: number } | null>(null);
  const clamp = (w: number) => Math.round(Math.min(props.max, Math.max(props.min, w)));
  const write = (w: number) => props.layout.current?.style.setProperty(props.variable, `${w}px`);

  return (
    <div
      className="resize-handle"
      role="separator"
      aria-orientation="vertical"
      aria-label={props.label}
      aria-valuenow={props.width}
      aria-valuemin={props.min}
      aria-valuemax={props.max}
      tabIndex={0}
      onPointerDown={(e) => {
        e.currentTarget.setPointerCapture(e.pointerId);
        drag.current = { x: e.clientX, width: props.width, now: props.width };
      }}
      onPointerMove={(e) => {
        const d = drag.current;
        if (!d) return;
        d.now = clamp(d.width + (e.clientX - d.x) * props.direction);
        write(d.now);
      }}
      onPointerUp={() => {
        if (drag.current) props.onResize(drag.current.now);
        drag.current = null;
      }}
      onKeyDown={(e) => {
        const step = e.key === 'ArrowRight' ? 16 : e.key === 'ArrowLeft' ? -16 : 0;
        if (step === 0) return;
        e.preventDefault();
        const w = clamp(props.width + step * props.direction);
        write(w);
        props.onResize(w);
      }}
    />
  );
}
