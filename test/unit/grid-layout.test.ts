// The viewport grid's size and cell from the scene's bounds.
import { describe, expect, it } from 'vitest';
import { DEFAULT_GRID, gridLayout, niceStep } from '../../src/viewport/grid-layout';
import type { Bounds } from '../../src/viewport/viewport-handle';

describe('niceStep', () => {
  it('rounds up to 1, 2 or 5 times a power of ten', () => {
    expect([0.3, 1, 1.2, 2, 2.1, 4.9, 5, 7, 10, 18.75, 0.04].map(niceStep)).toEqual([
      0.5, 1, 2, 2, 5, 5, 5, 10, 10, 20, 0.05,
    ]);
  });
});

describe('gridLayout', () => {
  it('is 20 m with 1 m cells at the origin without a scene', () => {
    expect(gridLayout(undefined)).toBe(DEFAULT_GRID);
    expect(DEFAULT_GRID).toMatchObject({ size: 20, divisions: 20, centre: [0, 0] });
  });

  const scenes: [string, Bounds][] = [
    ['a 60 m dungeon', [-30, 0, -30, 30, 6, 30]],
    ['a 120 m dungeon off the origin', [10, -2, 40, 130, 8, 150]],
    ['a 500 m terrain', [-250, -20, -250, 250, 140, 250]],
    ['a 3 m prop', [-1.5, 0, -1, 1.5, 2, 1]],
    ['a long thin corridor', [0, 0, -2, 90, 3, 2]],
  ];

  for (const [name, bounds] of scenes) {
    it(`covers ${name} with a few dozen round cells`, () => {
      const g = gridLayout(bounds);
      const cell = g.size / g.divisions;
      expect(niceStep(cell)).toBeCloseTo(cell, 9);
      expect(g.divisions % 2).toBe(0);
      expect(g.divisions).toBeGreaterThanOrEqual(20);
      expect(g.divisions).toBeLessThanOrEqual(120);
      // Centred on a grid line, and reaching past the scene on every side.
      expect((g.centre[0] / cell) % 1).toBeCloseTo(0, 9);
      expect((g.centre[1] / cell) % 1).toBeCloseTo(0, 9);
      const half = g.size / 2;
      expect(g.centre[0] - half).toBeLessThan(bounds[0]);
      expect(g.centre[0] + half).toBeGreaterThan(bounds[3]);
      expect(g.centre[1] - half).toBeLessThan(bounds[2]);
      expect(g.centre[1] + half).toBeGreaterThan(bounds[5]);
      // Just above the ground plane, by much less than a cell.
      expect(g.y).toBeGreaterThan(0);
      expect(g.y).toBeLessThan(cell / 5);
    });
  }

  it('picks 20 m cells for a 500 m terrain and 5 m for a 120 m dungeon', () => {
    const terrain = gridLayout([-250, -20, -250, 250, 140, 250]);
    expect(terrain.size / terrain.divisions).toBe(20);
    const dungeon = gridLayout([0, 0, 0, 120, 6, 80]);
    expect(dungeon.size / dungeon.divisions).toBe(5);
  });

  it('falls back to the default for empty bounds', () => {
    expect(gridLayout([Infinity, Infinity, Infinity, -Infinity, -Infinity, -Infinity])).toBe(
      DEFAULT_GRID,
    );
  });
});
