// The box-select gesture: Ctrl+left drag, or B (armed through the edit handle) then a left drag,
// as in Blender. Draws the dashed rectangle over the canvas and hands the final rectangle (canvas
// pixels) to the caller; Shift at release adds to the selection. Esc or a right click disarms.
import { rectFromCorners, type ScreenRect } from './box-select';
import type { HintLine, RectOverlay } from './viewport-overlays';

/** A drag shorter than this (pixels, both ways) selects nothing. */
const MIN_SIZE = 3;

export class BoxSelectTool {
  private armedNow = false;
  private origin: [number, number] | null = null;
  private readonly onKey = (e: KeyboardEvent) => {
    if (e.key !== 'Escape') return;
    e.preventDefault();
    e.stopImmediatePropagation();
    this.cancel();
  };

  constructor(
    private readonly canvas: HTMLCanvasElement,
    private readonly container: HTMLElement,
    private readonly rect: RectOverlay,
    private readonly hint: HintLine,
    private readonly onSelect: (rect: ScreenRect, shift: boolean) => void,
  ) {}

  get armed(): boolean {
    return this.armedNow;
  }

  get dragging(): boolean {
    return this.origin !== null;
  }

  /** B: the next left drag draws a box. */
  arm(): void {
    if (this.armedNow) return;
    this.armedNow = true;
    this.hint.show('Box select: drag a rectangle (Shift adds) — Esc to cancel');
    window.addEventListener('keydown', this.onKey, true);
  }

  private local(e: PointerEvent): [number, number] {
    const r = this.canvas.getBoundingClientRect();
    return [e.clientX - r.left, e.clientY - r.top];
  }

  begin(e: PointerEvent): void {
    this.origin = this.local(e);
    window.addEventListener('keydown', this.onKey, true);
  }

  move(e: PointerEvent): void {
    if (!this.origin) return;
    const [x, y] = this.local(e);
    const r = rectFromCorners(this.origin[0], this.origin[1], x, y);
    const c = this.canvas.getBoundingClientRect();
    const o = this.container.getBoundingClientRect();
    this.rect.show(
      r.left + c.left - o.left,
      r.top + c.top - o.top,
      r.right - r.left,
      r.bottom - r.top,
    );
  }

  end(e: PointerEvent): void {
    if (!this.origin) return;
    const [x, y] = this.local(e);
    const r = rectFromCorners(this.origin[0], this.origin[1], x, y);
    this.cancel();
    if (r.right - r.left >= MIN_SIZE || r.bottom - r.top >= MIN_SIZE) this.onSelect(r, e.shiftKey);
  }

  cancel(): void {
    this.origin = null;
    this.armedNow = false;
    this.rect.hide();
    this.hint.hide();
    window.removeEventListener('keydown', this.onKey, true);
  }
}
