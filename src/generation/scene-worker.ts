// The scene worker's entry: runs generateScene off the main thread, hashes the result and transfers
// its typed arrays back. Each job has an AbortController that cancel(jobId) trips.
import { generateScene } from '../core/scene/generate-scene';
import { sceneTransferables } from '../core/scene/scene-data';
import { sceneHash } from '../core/scene/scene-hash';
import { expose, transfer } from '../lib/comlink';
import type { SceneWorkerApi } from './scene-api';

const jobs = new Map<number, AbortController>();

const api: SceneWorkerApi = {
  async generate(jobId, spec, onProgress) {
    const controller = new AbortController();
    jobs.set(jobId, controller);
    try {
      const scene = await generateScene(spec, { signal: controller.signal, onProgress });
      const hash = await sceneHash(scene);
      return transfer({ scene, hash }, sceneTransferables(scene));
    } finally {
      jobs.delete(jobId);
    }
  },
  cancel(jobId) {
    jobs.get(jobId)?.abort();
  },
};

expose(api);
