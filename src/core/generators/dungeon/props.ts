// The parametric prop library: each prop kind built from primitive solids at two levels of detail
// (lod0 full, lod1 a few boxes/low-segment solids), with its footprint and placement rule.
import { boxMesh, cylinderMesh } from '../../geometry/primitives';
import { mergeMeshes } from '../../geometry/merge';
import type { MeshData } from '../../scene/scene-data';
import type { PropKind } from '../../spec';

export type PropPlacement = 'wall' | 'free';

export interface PropDefinition {
  kind: PropKind;
  /** Width (x) and depth (z) in metres, facing +z. */
  footprint: [number, number];
  placement: PropPlacement;
  material: string;
  /** Relative frequency when kinds are drawn at random. */
  weight: number;
  lods: [(id: string) => MeshData, (id: string) => MeshData];
}

const box = (w: number, h: number, d: number, x = 0, y = 0, z = 0) => ({
  mesh: boxMesh('', w, h, d),
  at: [x, y + h / 2, z] as const,
});
const cyl = (r: number, h: number, seg: number, x = 0, y = 0, z = 0, rTop = r) => ({
  mesh: cylinderMesh('', rTop, r, h, seg),
  at: [x, y + h / 2, z] as const,
});

export const PROP_LIBRARY: Record<PropKind, PropDefinition> = {
  barrel: {
    kind: 'barrel',
    footprint: [0.7, 0.7],
    placement: 'wall',
    material: 'prop:wood',
    weight: 3,
    lods: [
      (id) =>
        mergeMeshes(id, [
          cyl(0.3, 0.9, 20, 0, 0, 0, 0.3),
          cyl(0.34, 0.08, 20, 0, 0.18),
          cyl(0.34, 0.08, 20, 0, 0.64),
        ]),
      (id) => mergeMeshes(id, [cyl(0.32, 0.9, 6)]),
    ],
  },
  crate: {
    kind: 'crate',
    footprint: [0.8, 0.8],
    placement: 'free',
    material: 'prop:wood',
    weight: 3,
    lods: [
      (id) =>
        mergeMeshes(id, [
          box(0.8, 0.8, 0.8),
          box(0.84, 0.08, 0.84, 0, 0.36),
          box(0.84, 0.08, 0.84),
        ]),
      (id) => mergeMeshes(id, [box(0.8, 0.8, 0.8)]),
    ],
  },
  table: {
    kind: 'table',
    footprint: [1.4, 0.9],
    placement: 'free',
    material: 'prop:wood',
    weight: 1.5,
    lods: [
      (id) =>
        mergeMeshes(id, [
          box(1.4, 0.08, 0.9, 0, 0.72),
          ...[-0.6, 0.6].flatMap((x) => [-0.35, 0.35].map((z) => box(0.08, 0.72, 0.08, x, 0, z))),
        ]),
      (id) => mergeMeshes(id, [box(1.4, 0.08, 0.9, 0, 0.72), box(1.2, 0.72, 0.7)]),
    ],
  },
  chair: {
    kind: 'chair',
    footprint: [0.5, 0.5],
    placement: 'free',
    material: 'prop:wood',
    weight: 2,
    lods: [
      (id) =>
        mergeMeshes(id, [
          box(0.5, 0.06, 0.5, 0, 0.45),
          box(0.5, 0.5, 0.06, 0, 0.51, -0.22),
          ...[-0.21, 0.21].flatMap((x) => [-0.21, 0.21].map((z) => box(0.06, 0.45, 0.06, x, 0, z))),
        ]),
      (id) => mergeMeshes(id, [box(0.5, 0.5, 0.5), box(0.5, 0.5, 0.06, 0, 0.5, -0.22)]),
    ],
  },
  pillar: {
    kind: 'pillar',
    footprint: [0.8, 0.8],
    placement: 'free',
    material: 'prop:stone',
    weight: 1,
    lods: [
      (id) =>
        mergeMeshes(id, [
          box(0.8, 0.2, 0.8),
          cyl(0.28, 2.4, 16, 0, 0.2),
          box(0.7, 0.2, 0.7, 0, 2.6),
        ]),
      (id) => mergeMeshes(id, [box(0.6, 2.8, 0.6)]),
    ],
  },
  chest: {
    kind: 'chest',
    footprint: [0.9, 0.55],
    placement: 'wall',
    material: 'prop:wood-dark',
    weight: 1,
    lods: [
      (id) => mergeMeshes(id, [box(0.9, 0.45, 0.55), cyl(0.275, 0.9, 12, 0, 0.45)]),
      (id) => mergeMeshes(id, [box(0.9, 0.7, 0.55)]),
    ],
  },
  torch: {
    kind: 'torch',
    footprint: [0.2, 0.2],
    placement: 'wall',
    material: 'prop:torch',
    weight: 0,
    lods: [
      (id) =>
        mergeMeshes(id, [cyl(0.04, 0.45, 8, 0, 0, 0, 0.06), cyl(0.09, 0.22, 8, 0, 0.45, 0, 0)]),
      (id) => mergeMeshes(id, [box(0.1, 0.65, 0.1)]),
    ],
  },
  bookshelf: {
    kind: 'bookshelf',
    footprint: [1.2, 0.4],
    placement: 'wall',
    material: 'prop:wood-dark',
    weight: 1.5,
    lods: [
      (id) =>
        mergeMeshes(id, [
          box(0.06, 2, 0.4, -0.57),
          box(0.06, 2, 0.4, 0.57),
          box(1.2, 0.04, 0.4, 0, 1.96),
          box(1.2, 2, 0.04, 0, 0, -0.18),
          ...[0.05, 0.5, 0.95, 1.4].map((y) => box(1.1, 0.04, 0.38, 0, y)),
          ...[0.09, 0.54, 0.99, 1.44].map((y) => box(1.0, 0.3, 0.28, 0, y, 0.02)),
        ]),
      (id) => mergeMeshes(id, [box(1.2, 2, 0.4)]),
    ],
  },
  rubble: {
    kind: 'rubble',
    footprint: [0.9, 0.9],
    placement: 'free',
    material: 'prop:stone',
    weight: 1.5,
    lods: [
      (id) =>
        mergeMeshes(id, [
          box(0.35, 0.22, 0.3, -0.2, 0, 0.1),
          box(0.25, 0.18, 0.28, 0.18, 0, -0.15),
          box(0.2, 0.15, 0.2, 0.05, 0.2, 0.02),
          box(0.3, 0.12, 0.22, 0.22, 0, 0.25),
        ]),
      (id) => mergeMeshes(id, [box(0.6, 0.25, 0.55)]),
    ],
  },
};

/** Distance (metres) past which lod1 replaces lod0. */
export const PROP_LOD_DISTANCE = 14;
