import { describe, expect, it } from 'vitest';
import {
  boxMesh,
  cylinderMesh,
  planeMesh,
  sphereMesh,
  torusMesh,
} from '../../src/core/geometry/primitives';
import type { MeshData } from '../../src/core/scene/scene-data';

/** Signed volume by the divergence theorem: positive for a closed mesh with outward CCW faces. */
function signedVolume(m: MeshData): number {
  let v = 0;
  const p = m.positions;
  for (let t = 0; t < m.indices.length; t += 3) {
    const [a, b, c] = [m.indices[t]! * 3, m.indices[t + 1]! * 3, m.indices[t + 2]! * 3];
    v +=
      (p[a]! * (p[b + 1]! * p[c + 2]! - p[b + 2]! * p[c + 1]!) -
        p[a + 1]! * (p[b]! * p[c + 2]! - p[b + 2]! * p[c]!) +
        p[a + 2]! * (p[b]! * p[c + 1]! - p[b + 1]! * p[c]!)) /
      6;
  }
  return v;
}

/** Share of triangles whose winding agrees with their vertices' normals. */
function windingAgreement(m: MeshData): number {
  let agree = 0;
  const p = m.positions;
  const n = m.normals;
  const tris = m.indices.length / 3;
  for (let t = 0; t < m.indices.length; t += 3) {
    const [a, b, c] = [m.indices[t]! * 3, m.indices[t + 1]! * 3, m.indices[t + 2]! * 3];
    const e1 = [p[b]! - p[a]!, p[b + 1]! - p[a + 1]!, p[b + 2]! - p[a + 2]!];
    const e2 = [p[c]! - p[a]!, p[c + 1]! - p[a + 1]!, p[c + 2]! - p[a + 2]!];
    const g = [
      e1[1]! * e2[2]! - e1[2]! * e2[1]!,
      e1[2]! * e2[0]! - e1[0]! * e2[2]!,
      e1[0]! * e2[1]! - e1[1]! * e2[0]!,
    ];
    const vn = [
      n[a]! + n[b]! + n[c]!,
      n[a + 1]! + n[b + 1]! + n[c + 1]!,
      n[a + 2]! + n[b + 2]! + n[c + 2]!,
    ];
    if (g[0]! * vn[0]! + g[1]! * vn[1]! + g[2]! * vn[2]! > 0) agree++;
  }
  return agree / tris;
}

function checkArrays(m: MeshData) {
  const verts = m.positions.length / 3;
  expect(m.normals.length).toBe(verts * 3);
  expect(m.uvs.length).toBe(verts * 2);
  expect(m.indices.length % 3).toBe(0);
  expect(Math.max(...m.indices)).toBeLessThan(verts);
  for (let i = 0; i < m.normals.length; i += 3) {
    expect(Math.hypot(m.normals[i]!, m.normals[i + 1]!, m.normals[i + 2]!)).toBeCloseTo(1, 5);
  }
}

describe('primitive meshes', () => {
  it('box: exact volume, outward CCW faces', () => {
    const m = boxMesh('b', 2, 3, 4);
    checkArrays(m);
    expect(m.indices.length / 3).toBe(12);
    expect(signedVolume(m)).toBeCloseTo(24, 5);
    expect(windingAgreement(m)).toBe(1);
  });

  it('sphere: volume converges to 4/3 pi r^3', () => {
    const m = sphereMesh('s', 1.5, 64);
    checkArrays(m);
    const exact = (4 / 3) * Math.PI * 1.5 ** 3;
    // An inscribed polyhedron: slightly under the sphere, within 1% at 64 segments.
    expect(signedVolume(m)).toBeLessThan(exact);
    expect(signedVolume(m) / exact).toBeGreaterThan(0.99);
    expect(windingAgreement(m)).toBe(1);
  });

  it('cylinder and cone: frustum volume, outward faces', () => {
    const cyl = cylinderMesh('c', 1, 1, 2, 96);
    checkArrays(cyl);
    expect(signedVolume(cyl)).toBeCloseTo(Math.PI * 2, 1);
    expect(windingAgreement(cyl)).toBe(1);
    const cone = cylinderMesh('k', 0, 1, 3, 96);
    expect(signedVolume(cone)).toBeCloseTo(Math.PI, 1);
    expect(windingAgreement(cone)).toBe(1);
  });

  it('torus: volume 2 pi^2 R r^2', () => {
    const m = torusMesh('t', 1, 0.25, 48, 96);
    checkArrays(m);
    expect(signedVolume(m)).toBeCloseTo(2 * Math.PI ** 2 * 1 * 0.25 ** 2, 2);
    expect(windingAgreement(m)).toBe(1);
  });

  it('plane faces +Y', () => {
    const m = planeMesh('p', 4, 2);
    checkArrays(m);
    expect(windingAgreement(m)).toBe(1);
    expect(Array.from(m.normals.slice(0, 3))).toEqual([0, 1, 0]);
  });
});
