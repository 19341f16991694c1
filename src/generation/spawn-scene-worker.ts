// Vite bundles the scene worker from this `new URL(...)` pattern.
export function spawnSceneWorker(): Worker {
  return new Worker(new URL('./scene-worker.ts', import.meta.url), {
    type: 'module',
    name: 'canvas3d-scene',
  });
}
