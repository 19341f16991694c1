// The scenes benchmark's cases: example specs from public/examples, with seed 000's claimed figures
// and our goals from PERFORMANCE.md where the issue gives them. Node and browser measure the same list.

export interface SceneCase {
  id: string;
  /** public/examples/<example>.json */
  example: string;
  what: string;
  /** Seed 000's claimed figures (its design document; not measured by us). */
  anchor?: { ms: number; mb: number };
  /** Our goal (PERFORMANCE.md): time under `ms`, memory under `mb`. */
  goal?: { ms: number; mb: number; text: string };
}

export const SCENE_CASES: SceneCase[] = [
  {
    id: 'dungeon-medium',
    example: 'dungeon-medium',
    what: 'dungeon, 20 rooms, 50 props',
    anchor: { ms: 1700, mb: 720 },
    goal: { ms: 1700 / 30, mb: 100, text: '30x faster (<56.7 ms), <100 MB' },
  },
  {
    id: 'dungeon-large',
    example: 'dungeon-large',
    what: 'dungeon, 100 rooms, 500 props',
    anchor: { ms: 9200, mb: 2100 },
    goal: { ms: 300, mb: 200, text: '<300 ms, <200 MB' },
  },
  {
    id: 'terrain',
    example: 'terrain',
    what: 'terrain 513x513 heightfield (512 class), ridged, thermal erosion',
  },
  {
    id: 'forest',
    example: 'forest',
    what: 'terrain 257x257 with tree, rock and grass scatter',
  },
];

/** The case whose frame time and draw calls are measured in the studio. */
export const FRAME_CASE = 'dungeon-large';
