import { describe, expect, it } from 'vitest';
import { BoxGeometry } from 'three/webgpu';
import { hullGeometry, weldedNormals } from '../../src/viewport/hull-geometry';

describe('selection hull geometry', () => {
  it('averages the normals of vertices at the same position (a box corner points diagonally)', () => {
    const box = new BoxGeometry(2, 2, 2);
    const hull = hullGeometry(box);
    const p = hull.getAttribute('position');
    const n = hull.getAttribute('normal');
    expect(p.count).toBe(box.getAttribute('position').count);
    for (let i = 0; i < p.count; i++) {
      const s = 1 / Math.sqrt(3);
      expect([n.getX(i), n.getY(i), n.getZ(i)].map((v) => Math.abs(v))).toEqual([
        expect.closeTo(s, 5),
        expect.closeTo(s, 5),
        expect.closeTo(s, 5),
      ]);
      // Outward: the same signs as the corner's position.
      expect(Math.sign(n.getX(i))).toBe(Math.sign(p.getX(i)));
    }
    // Copies, so disposing the hull never frees the scene geometry's buffers.
    expect(p).not.toBe(box.getAttribute('position'));
    expect(hull.index!.array).toEqual(box.index!.array);
  });

  it('keeps a vertex’s own normal where opposite normals cancel (the two sides of a sheet)', () => {
    const positions = [0, 0, 0, 0, 0, 0];
    const normals = [0, 1, 0, 0, -1, 0];
    expect([...weldedNormals(positions, normals)]).toEqual([0, 1, 0, 0, -1, 0]);
  });
});
