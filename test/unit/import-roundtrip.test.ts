// The studio's own GLB export read back by the importer: every instance comes back as one mesh,
// at the place the scene put it, with the scene's triangle and vertex counts and material names.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateScene } from '../../src/core/scene/generate-scene';
import type { SceneData } from '../../src/core/scene/scene-data';
import { sceneToGlb } from '../../src/export/scene-to-glb';
import { parseModelFile } from '../../src/import/parse-model-file';

const example = (name: string): unknown =>
  JSON.parse(readFileSync(path.resolve(__dirname, `../../public/examples/${name}.json`), 'utf8'));

/** Scene instances in export order (batches in order, instances in order), with their lod0 mesh. */
function instances(scene: SceneData) {
  const meshes = new Map(scene.meshes.map((m) => [m.id, m]));
  return scene.batches.flatMap((batch) =>
    Array.from({ length: batch.transforms.length / 16 }, (_, k) => ({
      mesh: meshes.get(batch.lods[0]!)!,
      material: batch.material,
      matrix: batch.transforms.subarray(k * 16, k * 16 + 16),
    })),
  );
}

describe.each(['primitives', 'dungeon-medium'])('import of the exported %s scene', async (name) => {
  const scene = await generateScene(example(name));
  const glb = await sceneToGlb(scene);
  const asset = await parseModelFile(glb, `${name}.glb`);

  it("matches the scene's triangle and vertex counts, one mesh per instance", () => {
    expect(asset.triangles).toBe(scene.stats.triangles);
    expect(asset.vertices).toBe(scene.stats.vertices);
    expect(asset.meshes).toHaveLength(scene.stats.instances);
  });

  it('puts every vertex where the scene transform puts it, with the same indices', () => {
    const list = instances(scene);
    let worst = 0;
    asset.meshes.forEach(({ mesh, material }, i) => {
      const { mesh: source, matrix: m, material: id } = list[i]!;
      expect(material.name).toBe(id);
      expect(mesh.indices).toEqual(source.indices);
      const p = source.positions;
      for (let v = 0; v < p.length; v += 3) {
        for (let r = 0; r < 3; r++) {
          const expected =
            m[r]! * p[v]! + m[4 + r]! * p[v + 1]! + m[8 + r]! * p[v + 2]! + m[12 + r]!;
          worst = Math.max(worst, Math.abs(mesh.positions[v + r]! - expected));
        }
      }
    });
    expect(worst).toBeLessThan(1e-4);
  });

  it('stays inside the scene bounds', () => {
    for (let k = 0; k < 3; k++) {
      expect(asset.bounds[k]).toBeGreaterThanOrEqual(scene.bounds[k]! - 1e-3);
      expect(asset.bounds[k + 3]).toBeLessThanOrEqual(scene.bounds[k + 3]! + 1e-3);
    }
  });

  it('has unit normals everywhere', () => {
    let worst = 0;
    for (const { mesh } of asset.meshes) {
      const n = mesh.normals;
      for (let v = 0; v < n.length; v += 3) {
        worst = Math.max(worst, Math.abs(Math.hypot(n[v]!, n[v + 1]!, n[v + 2]!) - 1));
      }
    }
    expect(worst).toBeLessThan(1e-5);
  });
});
