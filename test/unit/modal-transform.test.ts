import { describe, expect, it } from 'vitest';
import {
  MIN_SCALE,
  modalHint,
  modalMatrix,
  modalResult,
  parseTyped,
  pureTranslation,
  scaleRatio,
  snapTo,
  sweptAngleStep,
  toggleAxis,
  travelAlongAxis,
  typeKey,
  type ModalInput,
  type ModalView,
} from '../../src/viewport/modal-transform';

// A camera looking down -z: screen right is +x, screen up is +y, 100 pixels per metre at the pivot.
const view: ModalView = {
  pivot: [1, 2, 3],
  pivotScreen: [400, 300],
  right: [1, 0, 0],
  up: [0, 1, 0],
  toViewer: [0, 0, 1],
  metresPerPixel: 0.01,
  axisPixels: { x: [100, 0], y: [0, -100], z: [0, 0] },
};

function input(patch: Partial<ModalInput>): ModalInput {
  return {
    kind: 'translate',
    axis: null,
    typed: '',
    snap: false,
    start: [400, 300],
    now: [400, 300],
    swept: 0,
    ...patch,
  };
}

function apply(m: number[], p: [number, number, number]): number[] {
  return [0, 1, 2].map((r) => m[r]! * p[0] + m[4 + r]! * p[1] + m[8 + r]! * p[2] + m[12 + r]!);
}

function close(a: readonly number[], b: readonly number[]) {
  expect(a.length).toBe(b.length);
  a.forEach((v, i) => expect(v).toBeCloseTo(b[i]!, 9));
}

describe('axis constraint and typed numbers', () => {
  it('X, Y, Z set the constraint; the same key again clears it', () => {
    expect(toggleAxis(null, 'x')).toBe('x');
    expect(toggleAxis('x', 'y')).toBe('y');
    expect(toggleAxis('y', 'y')).toBeNull();
  });

  it('typing builds a number: digits, one point, minus toggles the sign, Backspace deletes', () => {
    let t = '';
    for (const key of ['2', '.', '5', '.', '0']) t = typeKey(t, key)!;
    expect(t).toBe('2.50');
    expect(typeKey(t, '-')).toBe('-2.50');
    expect(typeKey('-2.50', '-')).toBe('2.50');
    expect(typeKey('2.50', 'Backspace')).toBe('2.5');
    expect(typeKey('', ',')).toBe('.');
    expect(typeKey('2', 'a')).toBeNull();
    expect(typeKey('2', 'Enter')).toBeNull();
  });

  it('parses only complete numbers', () => {
    expect(parseTyped('')).toBeNull();
    expect(parseTyped('-')).toBeNull();
    expect(parseTyped('.')).toBeNull();
    expect(parseTyped('-1.5')).toBe(-1.5);
    expect(parseTyped('2.')).toBe(2);
    expect(parseTyped('.5')).toBe(0.5);
  });

  it('snaps to the nearest step', () => {
    expect(snapTo(0.37, 0.5)).toBe(0.5);
    expect(snapTo(0.2, 0.5)).toBe(0);
    expect(snapTo(-0.8, 0.5)).toBe(-1);
  });
});

describe('move', () => {
  it('follows the pointer in the view plane', () => {
    const r = modalResult(input({ now: [450, 250] }), view);
    expect(r.kind).toBe('translate');
    if (r.kind === 'translate') close(r.offset, [0.5, 0.5, 0]);
  });

  it('along an axis by the pointer travel projected on the axis on screen', () => {
    const r = modalResult(input({ axis: 'x', now: [450, 280] }), view);
    if (r.kind === 'translate') close(r.offset, [0.5, 0, 0]);
    // An axis pointing at the viewer has no screen direction: vertical travel moves along it.
    expect(travelAlongAxis([0, -50], [0, 0], 0.01)).toBeCloseTo(0.5);
  });

  it('by a typed amount along the axis (X when there is none), ignoring the pointer', () => {
    const a = modalResult(input({ axis: 'x', typed: '2', now: [900, 0] }), view);
    if (a.kind === 'translate') close(a.offset, [2, 0, 0]);
    const b = modalResult(input({ axis: 'y', typed: '-1.5' }), view);
    if (b.kind === 'translate') close(b.offset, [0, -1.5, 0]);
    const c = modalResult(input({ typed: '3' }), view);
    if (c.kind === 'translate') close(c.offset, [3, 0, 0]);
  });

  it('Ctrl snaps the offset to 0.5 m', () => {
    const r = modalResult(input({ snap: true, now: [437, 280] }), view);
    if (r.kind === 'translate') close(r.offset, [0.5, 0, 0]);
  });

  it('its matrix is a pure translation, and the hint names axis and amount', () => {
    const i = input({ axis: 'x', typed: '2' });
    const r = modalResult(i, view);
    const m = modalMatrix(r, view.pivot);
    expect(pureTranslation(m)).toEqual([2, 0, 0]);
    expect(
      modalHint(
        input({ axis: 'x', now: [600, 300] }),
        modalResult(input({ axis: 'x', now: [600, 300] }), view),
      ),
    ).toBe('Move X 2.000 m — Enter to confirm, Esc to cancel');
    expect(modalHint(i, r)).toBe('Move X [2] m — Enter to confirm, Esc to cancel');
  });
});

describe('rotate', () => {
  it('measures the angle swept around the pivot, counter-clockwise positive, wrapped', () => {
    // Right of the pivot to above it (screen y is down): a quarter turn counter-clockwise.
    expect(sweptAngleStep([0, 0], [10, 0], [0, -10])).toBeCloseTo(Math.PI / 2);
    expect(sweptAngleStep([0, 0], [0, -10], [10, 0])).toBeCloseTo(-Math.PI / 2);
    // Across the ±180° seam: a small step, not a full turn.
    const a = (deg: number) =>
      [Math.cos((deg * Math.PI) / 180), -Math.sin((deg * Math.PI) / 180)] as const;
    expect(sweptAngleStep([0, 0], a(170), a(-170))).toBeCloseTo((20 * Math.PI) / 180);
  });

  it('turns about the view axis by the swept angle, keeping the pivot in place', () => {
    const r = modalResult(input({ kind: 'rotate', swept: Math.PI / 2 }), view);
    const m = modalMatrix(r, view.pivot);
    close(apply(m, [1, 2, 3]), [1, 2, 3]);
    // Counter-clockwise as seen from the viewer (+z): +x goes to +y.
    close(apply(m, [2, 2, 3]), [1, 3, 3]);
  });

  it('about a world axis, flipped when it points away from the viewer so it turns with the pointer', () => {
    const r = modalResult(input({ kind: 'rotate', axis: 'z', swept: 0.5 }), {
      ...view,
      toViewer: [0, 0, -1],
    });
    if (r.kind === 'rotate') close(r.axis, [0, 0, -1]);
  });

  it('by typed degrees, and Ctrl snaps to 15°', () => {
    const t = modalResult(input({ kind: 'rotate', axis: 'z', typed: '90' }), view);
    close(apply(modalMatrix(t, [0, 0, 0]), [1, 0, 0]), [0, 1, 0]);
    const s = modalResult(input({ kind: 'rotate', swept: 0.3, snap: true }), view);
    if (s.kind === 'rotate') expect(s.angle).toBeCloseTo((15 * Math.PI) / 180);
    expect(
      modalHint(
        input({ kind: 'rotate', axis: 'z', typed: '', swept: Math.PI / 2 }),
        modalResult(input({ kind: 'rotate', axis: 'z', swept: Math.PI / 2 }), view),
      ),
    ).toBe('Rotate Z 90.0° — Enter to confirm, Esc to cancel');
  });
});

describe('scale', () => {
  it('by the ratio of the pointer distances to the pivot on screen', () => {
    expect(scaleRatio([400, 300], [500, 300], [600, 300])).toBe(2);
    const r = modalResult(input({ kind: 'scale', start: [500, 300], now: [400, 450] }), view);
    if (r.kind === 'scale') close(r.factors, [1.5, 1.5, 1.5]);
    const m = modalMatrix(r, view.pivot);
    close(apply(m, [1, 2, 3]), [1, 2, 3]);
    close(apply(m, [2, 2, 3]), [2.5, 2, 3]);
  });

  it('along one axis, snapped to 0.1, never to zero', () => {
    const a = modalResult(
      input({ kind: 'scale', axis: 'y', start: [500, 300], now: [523.4, 300] }),
      view,
    );
    if (a.kind === 'scale') close(a.factors, [1, 1.234, 1]);
    const b = modalResult(
      input({ kind: 'scale', snap: true, start: [500, 300], now: [523.4, 300] }),
      view,
    );
    if (b.kind === 'scale') close(b.factors, [1.2, 1.2, 1.2]);
    const c = modalResult(input({ kind: 'scale', typed: '0' }), view);
    if (c.kind === 'scale') close(c.factors, [MIN_SCALE, MIN_SCALE, MIN_SCALE]);
    const d = modalResult(
      input({ kind: 'scale', snap: true, start: [500, 300], now: [402, 300] }),
      view,
    );
    if (d.kind === 'scale') close(d.factors, [0.1, 0.1, 0.1]);
  });

  it('a scale or rotation is not a pure translation', () => {
    const m = modalMatrix({ kind: 'scale', factors: [2, 2, 2] }, [0, 0, 0]);
    expect(pureTranslation(m)).toBeNull();
    expect(modalHint(input({ kind: 'scale' }), { kind: 'scale', factors: [2, 2, 2] })).toBe(
      'Scale 2.000 — Enter to confirm, Esc to cancel',
    );
  });
});
