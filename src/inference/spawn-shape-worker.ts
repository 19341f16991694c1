// Vite bundles the worker from this `new URL(...)` pattern; kept in its own file so that code which
// only needs the client (and tests) does not pull the worker in.
export function spawnShapeWorker(): Worker {
  return new Worker(new URL('./shape-worker.ts', import.meta.url), {
    type: 'module',
    name: 'canvas3d-shape',
  });
}
