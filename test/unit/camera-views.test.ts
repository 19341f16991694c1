// The pure camera maths behind the viewport's view commands.
import { describe, expect, it } from 'vitest';
import {
  EMPTY_RADIUS,
  FRAME_MARGIN,
  POLE_TILT,
  boundsSphere,
  clipPlanes,
  directionBetween,
  framingDistance,
  viewDirection,
} from '../../src/viewport/camera-views';
import { VIEW_NAMES } from '../../src/viewport/viewport-handle';

describe('viewDirection', () => {
  it('gives a unit vector along each axis, towards the camera', () => {
    const expected = {
      front: [0, 0, 1],
      back: [0, 0, -1],
      right: [1, 0, 0],
      left: [-1, 0, 0],
      top: [0, 1, 0],
      bottom: [0, -1, 0],
    };
    for (const view of VIEW_NAMES) {
      const d = viewDirection(view);
      expect(Math.hypot(...d)).toBeCloseTo(1, 12);
      d.forEach((v, i) => expect(v, `${view}[${i}]`).toBeCloseTo(expected[view][i]!, 3));
    }
  });

  it('leans top and bottom a tiny angle towards +Z, off the poles', () => {
    for (const view of ['top', 'bottom'] as const) {
      const [x, y, z] = viewDirection(view);
      expect(x).toBe(0);
      expect(Math.abs(y)).toBeLessThan(1);
      expect(Math.atan2(z, Math.abs(y))).toBeCloseTo(POLE_TILT, 12);
    }
  });

  it('returns a copy', () => {
    viewDirection('front')[2] = 5;
    expect(viewDirection('front')).toEqual([0, 0, 1]);
  });
});

describe('boundsSphere', () => {
  it('is the box centre and half its diagonal', () => {
    const sphere = boundsSphere([-1, 0, -2, 3, 4, 2]);
    expect(sphere.centre).toEqual([1, 2, 0]);
    expect(sphere.radius).toBeCloseTo(2 * Math.sqrt(3), 12);
  });

  it('frames a 2 m sphere for empty or zero-size boxes', () => {
    expect(boundsSphere([5, 6, 7, 5, 6, 7])).toEqual({ centre: [5, 6, 7], radius: EMPTY_RADIUS });
    const empty = [Infinity, Infinity, Infinity, -Infinity, -Infinity, -Infinity] as const;
    expect(boundsSphere(empty)).toEqual({ centre: [0, 0, 0], radius: 1 });
    expect(boundsSphere([1, 1, 1, 0, 2, 2])).toEqual({ centre: [0, 0, 0], radius: 1 });
    expect(boundsSphere([0, NaN, 0, 1, 1, 1])).toEqual({ centre: [0, 0, 0], radius: 1 });
  });

  it('keeps flat boxes (a ground plane) as they are', () => {
    expect(boundsSphere([-10, 0, -10, 10, 0, 10]).radius).toBeCloseTo(Math.SQRT2 * 10, 12);
  });
});

describe('framingDistance', () => {
  it('fits the sphere in the vertical field of view with the margin', () => {
    const d = framingDistance(10, 60, 2);
    // The sphere's tangent cone from the camera has half-angle asin(r·margin / d) = fov/2.
    expect(Math.asin((10 * FRAME_MARGIN) / d)).toBeCloseTo(Math.PI / 6, 12);
  });

  it('uses the horizontal field of view when the viewport is narrower than tall', () => {
    const aspect = 0.5;
    const d = framingDistance(10, 60, aspect, 1);
    const halfH = Math.atan(Math.tan(Math.PI / 6) * aspect);
    expect(Math.asin(10 / d)).toBeCloseTo(halfH, 12);
    expect(d).toBeGreaterThan(framingDistance(10, 60, 1, 1));
  });

  it('scales with the radius and treats a zero aspect as square', () => {
    expect(framingDistance(250, 42, 1.6)).toBeCloseTo(250 * framingDistance(1, 42, 1.6), 9);
    expect(framingDistance(1, 42, 0)).toBe(framingDistance(1, 42, 1));
  });
});

describe('clipPlanes', () => {
  const cases = [
    [0.001, 42],
    [1, 42],
    [60, 42],
    [350, 42],
    [5000, 30],
  ] as const;

  for (const [radius, fov] of cases) {
    it(`holds the framed sphere with depth precision to spare (r = ${radius} m)`, () => {
      const distance = framingDistance(radius, fov, 1.5);
      const { near, far } = clipPlanes(distance, radius);
      expect(near).toBeGreaterThan(0);
      expect(near).toBeLessThan(distance - radius);
      expect(far).toBeGreaterThanOrEqual(4 * (distance + radius));
      expect(far).toBeGreaterThanOrEqual(100);
      expect(far / near).toBeLessThanOrEqual(1e6);
    });
  }

  it('keeps 1:50,000 between near and far for scenes of studio size', () => {
    const distance = framingDistance(250, 42, 1.6);
    const { near, far } = clipPlanes(distance, 250);
    expect(far / near).toBeCloseTo(50_000, 6);
    expect(near).toBeLessThan(0.2);
  });
});

describe('directionBetween', () => {
  it('normalises, and falls back when the points coincide', () => {
    expect(directionBetween([1, 1, 1], [1, 1, 4], [1, 0, 0])).toEqual([0, 0, 1]);
    expect(directionBetween([2, 2, 2], [2, 2, 2], [1, 0, 0])).toEqual([1, 0, 0]);
  });
});
