// The scene worker's entry: runs generateScene off the main thread, hashes the result and transfers
// its typed arrays back. Each job has an AbortController that cancel(jobId) trips.
import { generateScene } from '../core/scene/generate-scene';
import { sceneTransferables } from '../core/scene/scene-data';
import { sceneHash } from '../core/scene/scene-hash';
import { expose, transfer } from '../lib/comlink';
import { importedAssetTransferables } from '../import/imported-asset';
import { parseModelFile } from '../import/parse-model-file';
import type { SceneWorkerApi } from './scene-api';
import { chooseTerrainEngine, type TerrainEngines } from './terrain-engine-choice';
import { createTerrainEngines } from './terrain-engine-select';

const jobs = new Map<number, AbortController>();
let terrainEngines: Promise<TerrainEngines> | undefined;

/** Started on the first job that has a terrain, so dungeon-only sessions never open a GPU device. */
function engines(): Promise<TerrainEngines> {
  terrainEngines ??= createTerrainEngines((self.navigator as Navigator & { gpu?: GPU }).gpu);
  return terrainEngines;
}

function hasTerrain(spec: unknown): boolean {
  return typeof spec === 'object' && spec !== null && 'terrain' in spec;
}

const api: SceneWorkerApi = {
  async generate(jobId, spec, onProgress, options = {}) {
    const controller = new AbortController();
    jobs.set(jobId, controller);
    try {
      const scene = await generateScene(spec, {
        signal: controller.signal,
        onProgress,
        ...(hasTerrain(spec)
          ? { terrain: chooseTerrainEngine(await engines(), options.terrainEngine) }
          : {}),
      });
      const hash = await sceneHash(scene);
      return transfer({ scene, hash }, sceneTransferables(scene));
    } finally {
      jobs.delete(jobId);
    }
  },
  cancel(jobId) {
    jobs.get(jobId)?.abort();
  },
  async parseModel(bytes, name) {
    const asset = await parseModelFile(bytes, name);
    return transfer(asset, importedAssetTransferables(asset));
  },
};

expose(api);
