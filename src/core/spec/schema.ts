// The scene spec, version 1: the JSON that fully describes a generated scene. Types are derived from
// the schema; older versions are migrated (migrations.ts) before validation.
import * as v from 'valibot';
import { describeInput, intIn, numIn, oneOf, rangeIn, strict, text, vec3In } from './fields';
import { SPEC_LIMITS as L } from './limits';

export const SCENE_SPEC_VERSION = 1;

export const PROP_KINDS = [
  'barrel',
  'crate',
  'table',
  'chair',
  'pillar',
  'chest',
  'torch',
  'bookshelf',
  'rubble',
] as const;
export type PropKind = (typeof PROP_KINDS)[number];

const range = (r: readonly [number, number]) => [r[0], r[1]] as const;

export const DungeonSpecSchema = strict({
  /** Grid cells along x and z. */
  width: intIn(...range(L.dungeonCells)),
  depth: intIn(...range(L.dungeonCells)),
  cellSize: v.optional(numIn(...range(L.cellSize)), 2),
  wallHeight: v.optional(numIn(...range(L.wallHeight)), 3),
  rooms: strict({
    count: intIn(...range(L.rooms)),
    minSize: v.optional(intIn(...range(L.roomSize)), 4),
    maxSize: v.optional(intIn(...range(L.roomSize)), 9),
  }),
  corridorWidth: v.optional(intIn(...range(L.corridorWidth)), 1),
  /** Share of extra corridors beyond a spanning tree (0: a tree, 1: many loops). */
  loops: v.optional(numIn(...range(L.loops)), 0.15),
  props: v.optional(
    strict({
      count: intIn(...range(L.props)),
      kinds: v.optional(v.array(oneOf(PROP_KINDS))),
    }),
    { count: 0 },
  ),
  torches: v.optional(strict({ count: intIn(...range(L.torches)) }), { count: 0 }),
});

/** Terrain noise runs in fixed point (bit-identical on GPU and CPU): lattice value and gradient noise. */
export const TERRAIN_NOISE_KINDS = ['value', 'perlin'] as const;
export const FRACTAL_NAMES = ['none', 'fbm', 'ridged'] as const;

export const TerrainSpecSchema = strict({
  /** Heightfield samples per side. */
  resolution: intIn(...range(L.terrainResolution)),
  /** World size per side, metres. */
  extent: numIn(...range(L.terrainExtent)),
  /** Height of a noise value of 1, metres. */
  height: numIn(...range(L.terrainHeight)),
  noise: v.optional(
    strict({
      kind: v.optional(oneOf(TERRAIN_NOISE_KINDS), 'perlin'),
      fractal: v.optional(oneOf(FRACTAL_NAMES), 'fbm'),
      octaves: v.optional(intIn(...range(L.octaves)), 6),
      frequency: v.optional(numIn(...range(L.frequency)), 3),
      lacunarity: v.optional(numIn(...range(L.lacunarity)), 2),
      gain: v.optional(numIn(...range(L.gain)), 0.5),
      warp: v.optional(numIn(...range(L.warp)), 0),
    }),
    {},
  ),
  erosion: v.optional(
    strict({
      kind: v.optional(oneOf(['thermal'] as const), 'thermal'),
      iterations: intIn(...range(L.erosionIterations)),
      /** Steepest stable slope as height difference per cell, in metres. */
      talus: v.optional(numIn(...range(L.talus)), 0.6),
      strength: v.optional(numIn(...range(L.erosionStrength)), 0.5),
    }),
  ),
});

export const SCATTER_KINDS = ['tree', 'rock', 'grass'] as const;
export type ScatterKind = (typeof SCATTER_KINDS)[number];

export const ScatterLayerSchema = strict({
  kind: oneOf(SCATTER_KINDS),
  /** Instances per 100 m² before rules thin them. */
  density: numIn(...range(L.scatterDensity)),
  minDistance: numIn(...range(L.minDistance)),
  maxSlope: v.optional(numIn(...range(L.slope)), 35),
  /** Allowed band of terrain height, as a fraction of the terrain's range (0 = lowest). */
  heightBand: v.optional(rangeIn(0, 1), [0, 1]),
  scale: v.optional(rangeIn(0.01, 100), [0.8, 1.2]),
});

const placement = {
  position: v.optional(vec3In(...range(L.coordinate)), [0, 0, 0]),
  /** Euler angles in degrees, XYZ order. */
  rotation: v.optional(vec3In(-360, 360), [0, 0, 0]),
  scale: v.optional(vec3In(...range(L.size)), [1, 1, 1]),
  material: v.optional(text(64)),
};

const size = numIn(...range(L.size));
const segments = intIn(...range(L.segments));

export const PrimitiveSchema = v.variant(
  'shape',
  [
    strict({
      shape: v.literal('box'),
      size: v.optional(vec3In(...range(L.size)), [1, 1, 1]),
      ...placement,
    }),
    strict({
      shape: v.literal('sphere'),
      radius: v.optional(size, 0.5),
      segments: v.optional(segments, 32),
      ...placement,
    }),
    strict({
      shape: v.literal('cylinder'),
      radiusTop: v.optional(numIn(0, L.size[1]), 0.5),
      radiusBottom: v.optional(numIn(0, L.size[1]), 0.5),
      height: v.optional(size, 1),
      segments: v.optional(segments, 32),
      ...placement,
    }),
    strict({
      shape: v.literal('cone'),
      radius: v.optional(size, 0.5),
      height: v.optional(size, 1),
      segments: v.optional(segments, 32),
      ...placement,
    }),
    strict({
      shape: v.literal('torus'),
      radius: v.optional(size, 0.5),
      tube: v.optional(size, 0.15),
      radialSegments: v.optional(segments, 16),
      tubularSegments: v.optional(segments, 48),
      ...placement,
    }),
    strict({
      shape: v.literal('plane'),
      size: v.optional(rangeIn(...range(L.size)), [1, 1]),
      ...placement,
    }),
  ],
  (i: { input: unknown }) =>
    `expected one of box, sphere, cylinder, cone, torus, plane, got ${describeInput(i.input)}`,
);

export const SceneSpecSchema = strict({
  version: v.literal(SCENE_SPEC_VERSION, `expected ${SCENE_SPEC_VERSION}`),
  name: v.optional(text(120)),
  seed: intIn(...range(L.seed)),
  dungeon: v.optional(DungeonSpecSchema),
  terrain: v.optional(TerrainSpecSchema),
  scatter: v.optional(
    v.pipe(
      v.array(ScatterLayerSchema),
      v.maxLength(L.scatterLayers[1], `expected at most ${L.scatterLayers[1]} layers`),
    ),
  ),
  primitives: v.optional(
    v.pipe(
      v.array(PrimitiveSchema),
      v.maxLength(L.primitives[1], `expected at most ${L.primitives[1]} primitives`),
    ),
  ),
});

/** A validated scene spec, with every default filled in. */
export type SceneSpec = v.InferOutput<typeof SceneSpecSchema>;
/** What a user may write: optional fields may be left out. */
export type SceneSpecInput = v.InferInput<typeof SceneSpecSchema>;
export type DungeonSpec = v.InferOutput<typeof DungeonSpecSchema>;
export type TerrainSpec = v.InferOutput<typeof TerrainSpecSchema>;
export type ScatterLayer = v.InferOutput<typeof ScatterLayerSchema>;
export type PrimitiveSpec = v.InferOutput<typeof PrimitiveSchema>;
