// The scatter library: parametric trees, rocks and grass clumps, each with two levels of detail,
// built from the primitive solids. Trees are two meshes (trunk, foliage) so each has its material.
import { mergeMeshes } from '../../geometry/merge';
import { MeshBuilder } from '../../geometry/mesh-builder';
import { cylinderMesh, sphereMesh } from '../../geometry/primitives';
import type { MeshData } from '../../scene/scene-data';
import type { ScatterKind } from '../../spec/schema';

export interface ScatterPart {
  /** Mesh id stem; lods are `${stem}:lod0`, `${stem}:lod1`. */
  stem: string;
  material: string;
  lods: [MeshData, MeshData];
}

export interface ScatterModel {
  parts: ScatterPart[];
  /** Distance (metres) past which lod1 replaces lod0. */
  lodDistance: number;
  /** How far instances sink into the ground (metres, before scaling), so none float on a slope. */
  sink: number;
  /** Largest random tilt off vertical, degrees. */
  tilt: number;
}

function trunk(id: string, segments: number): MeshData {
  return mergeMeshes(id, [
    { mesh: cylinderMesh(`${id}.c`, 0.12, 0.2, 2.2, segments), at: [0, 1.1, 0] },
  ]);
}

function foliage(
  id: string,
  tiers: readonly [number, number, number][],
  segments: number,
): MeshData {
  return mergeMeshes(
    id,
    tiers.map(([radius, height, y]) => ({
      mesh: cylinderMesh(`${id}.t${y}`, 0, radius, height, segments),
      at: [0, y, 0] as const,
    })),
  );
}

/** A lumpy rock: a flattened sphere pushed in and out by a fixed pattern of the vertex direction. */
function rock(id: string, segments: number): MeshData {
  const m = mergeMeshes(id, [
    { mesh: sphereMesh(`${id}.s`, 0.5, segments), at: [0, 0.2, 0], scale: [1, 0.62, 0.85] },
  ]);
  const p = m.positions;
  for (let i = 0; i < p.length; i += 3) {
    const x = p[i]!;
    const y = p[i + 1]! - 0.2;
    const z = p[i + 2]!;
    const bump = 1 + 0.16 * Math.sin(x * 9.1 + z * 3.7) * Math.cos(y * 7.3 - x * 2.9);
    p[i] = x * bump;
    p[i + 1] = y * bump + 0.2;
    p[i + 2] = z * bump;
  }
  return m;
}

/** Grass blades: tapered, two-sided, leaning outwards around the clump's centre. */
function grass(id: string, blades: number): MeshData {
  const b = new MeshBuilder();
  for (let k = 0; k < blades; k++) {
    const a = (k / blades) * Math.PI * 2 + k * 0.7;
    const ca = Math.cos(a);
    const sa = Math.sin(a);
    const r = 0.08 + 0.05 * (k % 3);
    const height = 0.45 + 0.1 * ((k * 7) % 4);
    const lean = 0.18;
    const w = 0.035;
    const bx = ca * r;
    const bz = sa * r;
    // Blade width runs across the lean direction.
    const l = b.vertex(bx - sa * w, 0, bz + ca * w, 0, 1, 0, 0, 0);
    const rr = b.vertex(bx + sa * w, 0, bz - ca * w, 0, 1, 0, 1, 0);
    const tip = b.vertex(bx + ca * lean, height, bz + sa * lean, 0, 1, 0, 0.5, 1);
    b.triangle(l, rr, tip);
    b.triangle(rr, l, tip);
  }
  return b.build(id);
}

export function scatterModel(kind: ScatterKind): ScatterModel {
  switch (kind) {
    case 'tree':
      return {
        lodDistance: 60,
        sink: 0.15,
        tilt: 3,
        parts: [
          {
            stem: 'scatter:tree-trunk',
            material: 'scatter:bark',
            lods: [trunk('scatter:tree-trunk:lod0', 8), trunk('scatter:tree-trunk:lod1', 4)],
          },
          {
            stem: 'scatter:tree-foliage',
            material: 'scatter:foliage',
            lods: [
              foliage(
                'scatter:tree-foliage:lod0',
                [
                  [1.4, 2.4, 2.7],
                  [1.05, 2, 3.8],
                  [0.7, 1.6, 4.8],
                ],
                10,
              ),
              foliage('scatter:tree-foliage:lod1', [[1.4, 4.2, 3.6]], 5),
            ],
          },
        ],
      };
    case 'rock':
      return {
        lodDistance: 30,
        sink: 0.1,
        tilt: 15,
        parts: [
          {
            stem: 'scatter:rock',
            material: 'scatter:rock',
            lods: [rock('scatter:rock:lod0', 14), rock('scatter:rock:lod1', 6)],
          },
        ],
      };
    case 'grass':
      return {
        lodDistance: 25,
        sink: 0.02,
        tilt: 8,
        parts: [
          {
            stem: 'scatter:grass',
            material: 'scatter:grass',
            lods: [grass('scatter:grass:lod0', 7), grass('scatter:grass:lod1', 3)],
          },
        ],
      };
  }
}
