// The panel's software preview of a shape: a cube seen from the front is a lit square on the
// background, turning it by 45° widens it by √2, and the side facing the light is the brightest.
import { describe, expect, it } from 'vitest';
import type { ShapeMesh } from '../../src/core/shape/shape-types';
import { rasterizeMesh, viewAxes } from '../../src/ui/image-to-3d/mesh-raster';

/** A unit cube centred on the origin: 6 faces, 4 vertices each, outward normals. */
function cube(): ShapeMesh {
  const positions: number[] = [];
  const normals: number[] = [];
  const indices: number[] = [];
  for (let axis = 0; axis < 3; axis++) {
    for (const sign of [-1, 1]) {
      const u = (axis + 1) % 3;
      const v = (axis + 2) % 3;
      const base = positions.length / 3;
      for (const [a, b] of [
        [-1, -1],
        [1, -1],
        [1, 1],
        [-1, 1],
      ]) {
        const p = [0, 0, 0];
        p[axis] = sign * 0.5;
        p[u] = a! * 0.5;
        p[v] = b! * 0.5 * sign;
        positions.push(...p);
        const n = [0, 0, 0];
        n[axis] = sign;
        normals.push(...n);
      }
      indices.push(base, base + 1, base + 2, base, base + 2, base + 3);
    }
  }
  return {
    positions: Float32Array.from(positions),
    normals: Float32Array.from(normals),
    indices: Uint32Array.from(indices),
  };
}

const SIZE = 100;
const BG = [10, 20, 30] as const;

/** Covered pixels along the middle row. */
function rowWidth(rgba: Uint8ClampedArray): number {
  let n = 0;
  const y = SIZE / 2;
  for (let x = 0; x < SIZE; x++) {
    const at = (y * SIZE + x) * 4;
    if (rgba[at] !== BG[0] || rgba[at + 1] !== BG[1] || rgba[at + 2] !== BG[2]) n++;
  }
  return n;
}

describe('rasterizeMesh', () => {
  it('draws a front-facing cube as a centred square, leaving the corners empty', () => {
    const rgba = rasterizeMesh(cube(), { size: SIZE, yawDeg: 0, elevationDeg: 0, background: BG });
    expect([...rgba.subarray(0, 4)]).toEqual([...BG, 255]);
    const centre = ((SIZE / 2) * SIZE + SIZE / 2) * 4;
    expect(rgba[centre]).toBeGreaterThan(100);
    // Side 1 over a bounding-sphere diameter of √3, filling 92% of the frame.
    expect(rowWidth(rgba)).toBeCloseTo((0.92 * SIZE) / Math.sqrt(3), -0.5);
  });

  it('is √2 wider when the cube is turned 45° about y', () => {
    const front = rowWidth(
      rasterizeMesh(cube(), { size: SIZE, yawDeg: 0, elevationDeg: 0, background: BG }),
    );
    const turned = rowWidth(
      rasterizeMesh(cube(), { size: SIZE, yawDeg: 45, elevationDeg: 0, background: BG }),
    );
    expect(turned / front).toBeCloseTo(Math.SQRT2, 1);
  });

  it('seen from 60° up, the top face (nearer the light) is brighter than the front', () => {
    const mean = (rgba: Uint8ClampedArray, y0: number, y1: number) => {
      let s = 0;
      let n = 0;
      for (let y = y0; y < y1; y++) {
        const at = (y * SIZE + SIZE / 2) * 4;
        if (rgba[at] !== BG[0]) {
          s += rgba[at]!;
          n++;
        }
      }
      return n ? s / n : 0;
    };
    const above = rasterizeMesh(cube(), {
      size: SIZE,
      yawDeg: 0,
      elevationDeg: 60,
      background: BG,
    });
    // The top face fills the upper part of the silhouette.
    expect(mean(above, 20, 45)).toBeGreaterThan(mean(above, 60, 80));
  });

  it('gives an orthonormal, right-handed camera frame', () => {
    const { right, up, toward } = viewAxes(30, 20);
    const d = (a: number[], b: number[]) => a[0]! * b[0]! + a[1]! * b[1]! + a[2]! * b[2]!;
    expect(d(right, up)).toBeCloseTo(0, 12);
    expect(d(right, toward)).toBeCloseTo(0, 12);
    expect(d(up, up)).toBeCloseTo(1, 12);
    expect(up[1]).toBeGreaterThan(0);
  });

  it('leaves an empty mesh as background', () => {
    const empty = {
      positions: new Float32Array(0),
      normals: new Float32Array(0),
      indices: new Uint32Array(0),
    };
    const rgba = rasterizeMesh(empty, { size: 4, yawDeg: 0, elevationDeg: 0, background: BG });
    expect(new Set(rgba).size).toBeLessThanOrEqual(4);
    expect([...rgba.subarray(12, 16)]).toEqual([...BG, 255]);
  });
});
