// The sketch pad's drawing as data: a list of strokes (pen or eraser, width, points in pad pixels),
// replayed onto a 2D context whenever it changes, so "undo stroke" is dropping the last one and the
// picture is always exactly the strokes. Black on white, like the sketch images the model learned.
export type SketchTool = 'pen' | 'eraser';

export interface Stroke {
  tool: SketchTool;
  /** Line width in pad pixels. */
  width: number;
  /** x0, y0, x1, y1, ... in pad pixels. */
  points: number[];
}

/** The 2D context methods the replay uses (a CanvasRenderingContext2D, or a fake in tests). */
export interface StrokeTarget {
  fillStyle: string | CanvasGradient | CanvasPattern;
  strokeStyle: string | CanvasGradient | CanvasPattern;
  lineWidth: number;
  lineCap: CanvasLineCap;
  lineJoin: CanvasLineJoin;
  fillRect(x: number, y: number, w: number, h: number): void;
  beginPath(): void;
  moveTo(x: number, y: number): void;
  lineTo(x: number, y: number): void;
  arc(x: number, y: number, r: number, start: number, end: number): void;
  fill(): void;
  stroke(): void;
}

export const SKETCH_INK = '#000000';
export const SKETCH_PAPER = '#ffffff';

/** Draws one stroke: a dot for a single point, else a polyline with round ends. */
export function drawStroke(ctx: StrokeTarget, stroke: Stroke): void {
  const colour = stroke.tool === 'pen' ? SKETCH_INK : SKETCH_PAPER;
  const p = stroke.points;
  if (p.length < 2) return;
  if (p.length === 2) {
    ctx.fillStyle = colour;
    ctx.beginPath();
    ctx.arc(p[0]!, p[1]!, stroke.width / 2, 0, Math.PI * 2);
    ctx.fill();
    return;
  }
  ctx.strokeStyle = colour;
  ctx.lineWidth = stroke.width;
  ctx.lineCap = 'round';
  ctx.lineJoin = 'round';
  ctx.beginPath();
  ctx.moveTo(p[0]!, p[1]!);
  for (let i = 2; i < p.length; i += 2) ctx.lineTo(p[i]!, p[i + 1]!);
  ctx.stroke();
}

/** Clears the pad to paper and replays every stroke in order. */
export function replayStrokes(
  ctx: StrokeTarget,
  strokes: readonly Stroke[],
  size: { width: number; height: number },
): void {
  ctx.fillStyle = SKETCH_PAPER;
  ctx.fillRect(0, 0, size.width, size.height);
  for (const s of strokes) drawStroke(ctx, s);
}

/** Whether the drawing has any ink left (an eraser can only remove ink). */
export function hasInk(strokes: readonly Stroke[]): boolean {
  return strokes.some((s) => s.tool === 'pen' && s.points.length >= 2);
}
