// meshToGlb: a ShapeMesh written as GLB passes the Khronos validator, reads back through the
// studio's own importer with the same vertices, triangles, positions and indices (16- and 32-bit
// indices), is byte-identical for the same input, and refuses meshes it cannot write by name.
import { describe, expect, it } from 'vitest';
import type { ShapeMesh } from '../../src/core/shape/shape-types';
import { MeshExportError, meshToGlb } from '../../src/export/mesh-to-glb';
import { parseModelFile } from '../../src/import/parse-model-file';
import { validateGlb } from '../support/validate-glb';

/** A welded icosphere of radius r: 10·4^k + 2 vertices, 20·4^k outward triangles, unit normals. */
function icosphere(subdivisions: number, r = 0.4): ShapeMesh {
  const t = (1 + Math.sqrt(5)) / 2;
  const points: number[][] = [
    [-1, t, 0],
    [1, t, 0],
    [-1, -t, 0],
    [1, -t, 0],
    [0, -1, t],
    [0, 1, t],
    [0, -1, -t],
    [0, 1, -t],
    [t, 0, -1],
    [t, 0, 1],
    [-t, 0, -1],
    [-t, 0, 1],
  ].map(([x, y, z]) => {
    const l = Math.hypot(x!, y!, z!);
    return [x! / l, y! / l, z! / l];
  });
  let faces = [
    [0, 11, 5],
    [0, 5, 1],
    [0, 1, 7],
    [0, 7, 10],
    [0, 10, 11],
    [1, 5, 9],
    [5, 11, 4],
    [11, 10, 2],
    [10, 7, 6],
    [7, 1, 8],
    [3, 9, 4],
    [3, 4, 2],
    [3, 2, 6],
    [3, 6, 8],
    [3, 8, 9],
    [4, 9, 5],
    [2, 4, 11],
    [6, 2, 10],
    [8, 6, 7],
    [9, 8, 1],
  ];
  for (let s = 0; s < subdivisions; s++) {
    const middle = new Map<number, number>();
    const mid = (a: number, b: number) => {
      const key = Math.min(a, b) * 1_000_003 + Math.max(a, b);
      let m = middle.get(key);
      if (m === undefined) {
        const [ax, ay, az] = points[a]!;
        const [bx, by, bz] = points[b]!;
        const x = ax! + bx!;
        const y = ay! + by!;
        const z = az! + bz!;
        const l = Math.hypot(x, y, z);
        m = points.push([x / l, y / l, z / l]) - 1;
        middle.set(key, m);
      }
      return m;
    };
    faces = faces.flatMap(([a, b, c]) => {
      const ab = mid(a!, b!);
      const bc = mid(b!, c!);
      const ca = mid(c!, a!);
      return [
        [a!, ab, ca],
        [b!, bc, ab],
        [c!, ca, bc],
        [ab, bc, ca],
      ];
    });
  }
  return {
    positions: Float32Array.from(points.flatMap((p) => p.map((v) => v * r))),
    normals: Float32Array.from(points.flat()),
    indices: Uint32Array.from(faces.flat()),
  };
}

describe('meshToGlb', () => {
  const sphere = icosphere(2);

  it('writes a GLB the Khronos validator passes with 0 errors and 0 warnings', async () => {
    const glb = await meshToGlb(sphere, { name: 'Vase' });
    const v = await validateGlb(glb);
    expect(v.numErrors, v.describe()).toBe(0);
    expect(v.numWarnings, v.describe()).toBe(0);
    const info = v.report.info!;
    expect(info.drawCallCount).toBe(1);
    expect(info.totalVertexCount).toBe(162);
    expect(info.totalTriangleCount).toBe(320);
    expect(info.materialCount).toBe(1);
  });

  it("reads back through the studio's importer with the same counts, positions and indices", async () => {
    const asset = await parseModelFile(await meshToGlb(sphere, { name: 'Vase' }), 'Vase.glb');
    expect(asset.meshes).toHaveLength(1);
    expect(asset.vertices).toBe(sphere.positions.length / 3);
    expect(asset.triangles).toBe(sphere.indices.length / 3);
    const { mesh, material } = asset.meshes[0]!;
    expect([...mesh.indices]).toEqual([...sphere.indices]);
    expect(mesh.positions).toEqual(sphere.positions);
    expect(material.name).toBe('shape');
    expect(material.metalness).toBe(0);
    let worst = 0;
    for (let i = 0; i < sphere.normals.length; i++) {
      worst = Math.max(worst, Math.abs(mesh.normals[i]! - sphere.normals[i]!));
    }
    expect(worst).toBeLessThan(1e-6);
    for (let k = 0; k < 3; k++) {
      expect(asset.bounds[k]).toBeCloseTo(-0.4, 5);
      expect(asset.bounds[k + 3]).toBeCloseTo(0.4, 5);
    }
  });

  it('uses 32-bit indices past 65,535 vertices and still reads back exactly', async () => {
    const big = icosphere(7);
    expect(big.positions.length / 3).toBe(163_842);
    const glb = await meshToGlb(big);
    const v = await validateGlb(glb);
    expect(v.numErrors, v.describe()).toBe(0);
    const asset = await parseModelFile(glb, 'big.glb');
    expect(asset.vertices).toBe(163_842);
    expect(asset.triangles).toBe(327_680);
    expect(asset.meshes[0]!.mesh.indices).toEqual(big.indices);
  });

  it('is byte-identical for the same mesh and name, and differs with the name', async () => {
    const a = await meshToGlb(sphere, { name: 'Vase' });
    const b = await meshToGlb(icosphere(2), { name: 'Vase' });
    const c = await meshToGlb(sphere, { name: 'Mug' });
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
    expect(Buffer.from(a).equals(Buffer.from(c))).toBe(false);
  });

  it("makes degenerate normals unit length without touching the caller's arrays", async () => {
    const mesh = icosphere(1);
    mesh.normals.fill(0, 0, 3);
    mesh.normals[3] = Number.NaN;
    mesh.normals[6] = mesh.normals[6]! * 3;
    const before = mesh.normals.slice();
    const glb = await meshToGlb(mesh);
    const v = await validateGlb(glb);
    expect(v.numErrors, v.describe()).toBe(0);
    expect(v.numWarnings, v.describe()).toBe(0);
    expect(mesh.normals).toEqual(before);
    const back = (await parseModelFile(glb, 'n.glb')).meshes[0]!.mesh.normals;
    expect([...back.subarray(0, 6)]).toEqual([0, 1, 0, 0, 1, 0]);
    expect(Math.hypot(back[6]!, back[7]!, back[8]!)).toBeCloseTo(1, 6);
  });

  it('refuses meshes it cannot write, naming the problem', async () => {
    const empty: ShapeMesh = {
      positions: new Float32Array(0),
      normals: new Float32Array(0),
      indices: new Uint32Array(0),
    };
    await expect(meshToGlb(empty)).rejects.toThrow(MeshExportError);
    await expect(meshToGlb(empty)).rejects.toThrow(/empty \(0 triangles\)/);
    const bad = icosphere(1);
    bad.indices[7] = 9999;
    await expect(meshToGlb(bad)).rejects.toThrow(/index 7 is 9999, past the last vertex \(41\)/);
    const short = { ...icosphere(1), normals: new Float32Array(3) };
    await expect(meshToGlb(short)).rejects.toThrow(/normals hold 3 floats for 42 vertices/);
    const nan = icosphere(1);
    nan.positions[4] = Number.POSITIVE_INFINITY;
    await expect(meshToGlb(nan)).rejects.toThrow(/vertex 1 has a non-finite coordinate/);
  });
});
