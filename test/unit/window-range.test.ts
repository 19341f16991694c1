import { describe, expect, it } from 'vitest';
import { scrollToRow, windowRange } from '../../src/ui/outliner/window-range';

describe('windowRange', () => {
  it('covers the rows in view plus the overscan', () => {
    expect(windowRange(0, 240, 24, 1000, 5)).toEqual({ start: 0, end: 16 });
    expect(windowRange(2400, 240, 24, 1000, 5)).toEqual({ start: 95, end: 116 });
  });

  it('renders a bounded number of rows however long the list is', () => {
    for (const count of [10, 1_000, 100_000]) {
      const { start, end } = windowRange(count * 12, 480, 24, count, 6);
      expect(end - start).toBeLessThanOrEqual(480 / 24 + 1 + 12);
      expect(end).toBeLessThanOrEqual(count);
    }
  });

  it('clamps past the end and before the start', () => {
    expect(windowRange(1e9, 240, 24, 50, 5)).toEqual({ start: 44, end: 50 });
    expect(windowRange(-100, 240, 24, 50, 0)).toEqual({ start: 0, end: 11 });
    expect(windowRange(0, 240, 24, 0)).toEqual({ start: 0, end: 0 });
  });
});

describe('scrollToRow', () => {
  it('scrolls just enough to show the row', () => {
    expect(scrollToRow(0, 48, 240, 24)).toBe(0);
    expect(scrollToRow(20, 0, 240, 24)).toBe(21 * 24 - 240);
    expect(scrollToRow(5, 0, 240, 24)).toBeNull();
  });
});
