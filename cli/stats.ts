// The --stats report: one JSON object with the run's timings, the scene's size and the GLB's.
import type { SceneData } from '../src/core/scene/scene-data';

export interface GenerateStats {
  spec: string;
  out: string;
  name: string;
  seed: number;
  /** Wall time from reading the spec to the GLB in place (process start-up not included), ms. */
  totalMs: number;
  /** ms per phase: read (reading and validating the spec file), the generator's own phases
   * (validate, dungeon, terrain, ..., assemble), export (building the GLB), write. */
  phases: Record<string, number>;
  meshes: number;
  instances: number;
  lights: number;
  vertices: number;
  triangles: number;
  drawCalls: number;
  /** Bytes of typed-array data in the generated scene. */
  bytes: number;
  /** Size of the written GLB. */
  glbBytes: number;
  /** The process's peak resident set size (maxRSS), bytes. */
  peakMemoryBytes: number;
  counts: Record<string, number>;
  /** Which engine ran each accelerated phase (in Node: 'cpu'). */
  engines: Record<string, string>;
  /** sceneHash: SHA-256 of the scene's content, equal to the studio's for the same spec. */
  hash: string;
}

const ms = (x: number) => Math.round(x * 100) / 100;

export function buildStats(input: {
  spec: string;
  out: string;
  scene: SceneData;
  hash: string;
  glbBytes: number;
  phases: Record<string, number>;
  totalMs: number;
}): GenerateStats {
  const { scene } = input;
  const s = scene.stats;
  return {
    spec: input.spec,
    out: input.out,
    name: scene.name,
    seed: scene.seed,
    totalMs: ms(input.totalMs),
    phases: Object.fromEntries(Object.entries(input.phases).map(([k, v]) => [k, ms(v)])),
    meshes: s.meshes,
    instances: s.instances,
    lights: scene.lights.kinds.length,
    vertices: s.vertices,
    triangles: s.triangles,
    drawCalls: s.drawCalls,
    bytes: s.bytes,
    glbBytes: input.glbBytes,
    peakMemoryBytes: process.resourceUsage().maxRSS * 1024,
    counts: s.counts,
    engines: s.engines,
    hash: input.hash,
  };
}
