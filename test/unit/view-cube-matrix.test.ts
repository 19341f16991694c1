// The view cube's CSS matrix from the camera's rotation.
import { describe, expect, it } from 'vitest';
import { viewCubeMatrix, viewCubeTransform } from '../../src/viewport/view-cube-matrix';

/** Quaternion for a rotation of angle (radians) about a unit axis. */
function axisAngle(axis: [number, number, number], angle: number) {
  const s = Math.sin(angle / 2);
  return { x: axis[0] * s, y: axis[1] * s, z: axis[2] * s, w: Math.cos(angle / 2) };
}

/** Applies a column-major 4x4 (rotation part) to a CSS-space vector. */
function apply(m: number[], v: [number, number, number]): number[] {
  return [0, 1, 2].map((r) => m[r]! * v[0] + m[4 + r]! * v[1] + m[8 + r]! * v[2]);
}

// Outward normals of the cube's faces in CSS space (y down): world +Y is CSS -y.
const FACE = {
  front: [0, 0, 1],
  back: [0, 0, -1],
  right: [1, 0, 0],
  left: [-1, 0, 0],
  top: [0, -1, 0],
  bottom: [0, 1, 0],
} as const;

/** The camera rotation of each axis view (three: the camera looks down its -Z). */
const CAMERA = {
  front: axisAngle([0, 1, 0], 0),
  back: axisAngle([0, 1, 0], Math.PI),
  right: axisAngle([0, 1, 0], Math.PI / 2),
  left: axisAngle([0, 1, 0], -Math.PI / 2),
  top: axisAngle([1, 0, 0], -Math.PI / 2),
  bottom: axisAngle([1, 0, 0], Math.PI / 2),
};

describe('viewCubeMatrix', () => {
  it('is the identity for the front view', () => {
    expect(viewCubeTransform({ x: 0, y: 0, z: 0, w: 1 })).toBe(
      'matrix3d(1,0,0,0,0,1,0,0,0,0,1,0,0,0,0,1)',
    );
  });

  for (const view of Object.keys(CAMERA) as (keyof typeof CAMERA)[]) {
    it(`turns the ${view} face towards the viewer in the ${view} view`, () => {
      const m = viewCubeMatrix(CAMERA[view]);
      expect(apply(m, [...FACE[view]])).toEqual([0, 0, 1]);
    });
  }

  it('shows the top face above the front face when looking down from the front', () => {
    // Camera tilted 30° down: the top face leans towards the viewer and is drawn above (CSS -y).
    const m = viewCubeMatrix(axisAngle([1, 0, 0], -Math.PI / 6));
    const top = apply(m, [0, -1, 0]);
    expect(top[1]).toBeLessThan(0);
    expect(top[2]).toBeGreaterThan(0);
  });

  it('never writes -0 (a still camera gives a steady string)', () => {
    const m = viewCubeMatrix(axisAngle([0, 1, 0], Math.PI));
    expect(m.some((v) => Object.is(v, -0))).toBe(false);
  });
});
