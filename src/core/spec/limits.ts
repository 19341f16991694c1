// Every count and size a scene spec may ask for. A spec beyond these is refused before any work
// starts, so no spec can hang the studio or exhaust memory.
export const SPEC_LIMITS = {
  seed: [0, 0xffffffff],
  dungeonCells: [16, 512],
  cellSize: [0.5, 8],
  wallHeight: [1, 20],
  rooms: [1, 500],
  roomSize: [3, 64],
  corridorWidth: [1, 4],
  loops: [0, 1],
  props: [0, 5000],
  torches: [0, 1000],
  terrainResolution: [17, 2049],
  terrainExtent: [1, 10000],
  terrainHeight: [0, 2000],
  octaves: [1, 12],
  frequency: [0.01, 64],
  lacunarity: [1, 4],
  gain: [0, 1],
  warp: [0, 8],
  erosionIterations: [0, 500],
  talus: [0, 4],
  erosionStrength: [0, 1],
  scatterLayers: [0, 16],
  scatterDensity: [0, 4],
  scatterInstances: [0, 1_000_000],
  minDistance: [0.1, 100],
  slope: [0, 90],
  primitives: [0, 1000],
  segments: [3, 256],
  coordinate: [-10000, 10000],
  size: [0.001, 10000],
  /** Largest spec file accepted, before parsing. */
  specBytes: 1_000_000,
} as const;

export type LimitRange = readonly [number, number];
