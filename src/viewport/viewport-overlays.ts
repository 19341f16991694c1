// HTML drawn over the canvas while editing: the hint line at the bottom (modal transforms, box
// select) and the box-select rectangle. Updated by writing textContent and style directly, never
// through React state, since they change on every pointer move.

export interface HintLine {
  show(text: string): void;
  hide(): void;
  dispose(): void;
}

export interface RectOverlay {
  /** Left, top, width, height in CSS pixels relative to the container. */
  show(left: number, top: number, width: number, height: number): void;
  hide(): void;
  dispose(): void;
}

const ACCENT = '#ff9f1c';

export function createHintLine(container: HTMLElement): HintLine {
  const el = document.createElement('div');
  el.className = 'viewport-hint';
  el.setAttribute('role', 'status');
  Object.assign(el.style, {
    position: 'absolute',
    left: '50%',
    bottom: '12px',
    transform: 'translateX(-50%)',
    padding: '4px 10px',
    borderRadius: '4px',
    background: 'rgba(20, 22, 27, 0.85)',
    color: '#e8eaee',
    font: '12px/1.4 system-ui, sans-serif',
    whiteSpace: 'nowrap',
    pointerEvents: 'none',
    display: 'none',
    zIndex: '2',
  } satisfies Partial<CSSStyleDeclaration>);
  container.appendChild(el);
  return {
    show(text) {
      el.textContent = text;
      el.style.display = 'block';
    },
    hide() {
      el.style.display = 'none';
    },
    dispose() {
      el.remove();
    },
  };
}

export function createRectOverlay(container: HTMLElement): RectOverlay {
  const el = document.createElement('div');
  el.className = 'viewport-box-select';
  Object.assign(el.style, {
    position: 'absolute',
    border: `1px dashed ${ACCENT}`,
    background: 'rgba(255, 159, 28, 0.08)',
    pointerEvents: 'none',
    display: 'none',
    zIndex: '2',
  } satisfies Partial<CSSStyleDeclaration>);
  container.appendChild(el);
  return {
    show(left, top, width, height) {
      el.style.left = `${left}px`;
      el.style.top = `${top}px`;
      el.style.width = `${width}px`;
      el.style.height = `${height}px`;
      el.style.display = 'block';
    },
    hide() {
      el.style.display = 'none';
    },
    dispose() {
      el.remove();
    },
  };
}
