// generateScene(spec, { onProgress, signal }): the one call that turns a scene spec into SceneData.
// Pure TypeScript (runs in Node and in a browser worker), deterministic (one seeded PRNG, forked per
// generator), reports progress, and can be cancelled between and inside phases.
import { generateDungeon } from '../generators/dungeon';
import { generatePrimitives } from '../generators/primitives';
import { generateScatter } from '../generators/scatter';
import { generateTerrain } from '../generators/terrain';
import { Prng } from '../prng';
import { parseSceneSpec, type SceneSpec } from '../spec';
import { cpuTerrainEngine, type TerrainEngine } from '../terrain/terrain-engine';
import type { TerrainSurface } from '../terrain/surface';
import { assembleScene, type LightInput } from './assemble';
import type { InstanceBatch, MeshData, SceneData } from './scene-data';

export interface GenerateProgress {
  phase: string;
  /** 0..1 over the whole generation. */
  fraction: number;
}

export interface GenerateOptions {
  onProgress?: (progress: GenerateProgress) => void;
  signal?: AbortSignal;
  /** Clock for phase timings (performance.now by default). */
  now?: () => number;
  /** Where terrain's integer work runs (the CPU reference by default); results are identical. */
  terrain?: TerrainEngine;
}

export class GenerationCancelledError extends Error {
  constructor() {
    super('scene generation was cancelled');
    this.name = 'AbortError';
  }
}

/** Phases this build knows how to run, in order. */
function phasesFor(spec: SceneSpec): string[] {
  const phases = ['validate'];
  if (spec.dungeon) phases.push('dungeon');
  if (spec.terrain) phases.push('terrain');
  if (spec.terrain && spec.scatter?.length) phases.push('scatter');
  if (spec.primitives?.length) phases.push('primitives');
  phases.push('assemble');
  return phases;
}

export async function generateScene(
  input: unknown,
  options: GenerateOptions = {},
): Promise<SceneData> {
  const now = options.now ?? (() => performance.now());
  const { signal, onProgress } = options;
  const timings: Record<string, number> = {};
  let t = now();
  const check = async () => {
    // Yield so a worker can receive the abort message, then honour it.
    await new Promise<void>((r) => setTimeout(r, 0));
    if (signal?.aborted) throw new GenerationCancelledError();
  };
  if (signal?.aborted) throw new GenerationCancelledError();

  const spec = parseSceneSpec(input);
  const phases = phasesFor(spec);
  const done = (phase: string) => {
    const t1 = now();
    timings[phase] = t1 - t;
    t = t1;
    onProgress?.({ phase, fraction: (phases.indexOf(phase) + 1) / phases.length });
  };
  done('validate');

  const rng = new Prng(spec.seed);
  const meshes: MeshData[] = [];
  const batches: InstanceBatch[] = [];
  const lights: LightInput[] = [];
  const counts: Record<string, number> = {};
  const engines: Record<string, string> = {};
  let surface: TerrainSurface | undefined;

  if (spec.dungeon) {
    await check();
    const d = generateDungeon(spec.dungeon, rng.fork('dungeon'));
    meshes.push(...d.meshes);
    batches.push(...d.batches);
    for (const l of d.lights) lights.push({ kind: 'point', ...l });
    for (const [k, v] of Object.entries(d.counts)) counts[`dungeon.${k}`] = v;
    done('dungeon');
  }
  if (spec.terrain) {
    await check();
    const engine = options.terrain ?? cpuTerrainEngine;
    const t = await generateTerrain(spec.terrain, rng.fork('terrain'), engine, check);
    meshes.push(...t.meshes);
    batches.push(...t.batches);
    for (const [k, v] of Object.entries(t.counts)) counts[`terrain.${k}`] = v;
    surface = t.surface;
    engines['terrain'] = engine.name;
    done('terrain');
  }
  if (surface && spec.scatter?.length) {
    await check();
    const s = generateScatter(spec.scatter, surface, rng.fork('scatter'));
    meshes.push(...s.meshes);
    batches.push(...s.batches);
    for (const [k, v] of Object.entries(s.counts)) counts[`scatter.${k}`] = v;
    done('scatter');
  }
  if (spec.primitives?.length) {
    await check();
    const p = generatePrimitives(spec.primitives);
    meshes.push(...p.meshes);
    batches.push(...p.batches);
    counts['primitives'] = spec.primitives.length;
    done('primitives');
  }
  await check();
  const scene = assembleScene({
    name: spec.name ?? 'Untitled scene',
    seed: spec.seed,
    meshes,
    batches,
    lights,
    counts,
    phases: timings,
    engines,
  });
  done('assemble');
  return scene;
}
