// Composition root: makes the store, the compute client and the automation API, wires them together
// and mounts React. Nothing else in the studio creates services.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import type { WebGPURenderer } from 'three/webgpu';
import { createComputeClient } from '../gpu/compute-client';
import { spawnComputeWorker } from '../gpu/spawn-compute-worker';
import { runGeneration } from '../generation/run-generation';
import { cancelPromptly } from '../generation/prompt-cancel';
import { createSceneClient } from '../generation/scene-client';
import { spawnSceneWorker } from '../generation/spawn-scene-worker';
import { createStudioStore } from '../state/store';
import { StoreProvider } from '../state/store-context';
import { createExampleSource } from '../ui/spec-panel/examples';
import '../ui/studio.css';
import { App } from './App';
import { createReadiness } from './readiness';
import { createStudioApi } from './studio-api';
import { createRenderStatsRecorder } from '../viewport/render-stats';
import { createViewportHandle } from '../viewport/create-viewport-handle';
import { createEditHandle } from '../viewport/edit-handle-impl';
import { importModel } from './import-model';
import { createMaterialService } from '../materials/create-material-service';
import { allPresets, resolvePreset } from '../state/materials-slice';
import { createMaterialProvider } from '../viewport/materials/material-provider';
import { createStudioMaterialsApi } from './studio-materials';
import { createStudioProjectsApi } from './studio-projects';
import { createContentCache } from '../cache/create-content-cache';
import { withSceneCache } from '../generation/cached-scene-client';
import { openKeyValueDb } from '../storage/idb';
import { createMemoryKeyValueDb } from '../storage/memory-kv';
import { withFallback } from '../storage/fallback-kv';
import { createProjectRepository } from '../storage/project-repository-idb';
import { createProjectSession } from '../projects/create-project-session';
import { installPageLifecycle } from '../projects/page-lifecycle';
import { registerServiceWorker } from '../pwa/register-service-worker';
import { createShapeClient } from '../inference/shape-client';
import { spawnShapeWorker } from '../inference/spawn-shape-worker';
import { createShapeService, createStudioShapeApi } from './studio-shape';

// Local storage: where IndexedDB cannot be opened (some private windows), projects live in memory
// and the studio says so; the cache runs on memory alone. Nothing waits for the probe.
const projectsDb = openKeyValueDb('canvas3d-projects');
const storage = projectsDb.keys().then(
  () => ({ available: true }),
  (error: unknown) => ({ available: false, reason: (error as Error).message }),
);
const cache = createContentCache({ db: openKeyValueDb('canvas3d-cache') });
const store = createStudioStore();
// Offline: the service worker precaches the app; a new version waits for the user's "Update now".
const pwa = registerServiceWorker();
const compute = createComputeClient(spawnComputeWorker);
// Every run ends the moment it is cancelled; a late result never replaces the scene on show.
// Identical specs and files are served from the content cache without reaching the worker.
const scenes = withSceneCache(cancelPromptly(createSceneClient(spawnSceneWorker)), cache);
const readiness = createReadiness();
const renderStats = createRenderStatsRecorder();
const examples = createExampleSource(import.meta.env.BASE_URL);
let renderer: WebGPURenderer | undefined;
const viewport = createViewportHandle();
const tools = createEditHandle();
// The gizmo mode is shown by the toolbar, so it is mirrored into the store.
const editTools = {
  ...tools,
  setGizmoMode(kind: Parameters<typeof tools.setGizmoMode>[0]) {
    tools.setGizmoMode(kind);
    store.getState().gizmoModeSet(kind);
  },
};
const materials = createMaterialService({ compute, cache });
// One provider for the life of the page: the viewport's procedural materials (near bakes at 512,
// distant levels of detail at a quarter), shared by every scene shown.
const sceneMaterials = {
  provider: createMaterialProvider({
    service: materials,
    resolvePreset: (id) => resolvePreset(store.getState(), id),
    size: 512,
    onError: (error, ref) =>
      store
        .getState()
        .notify('error', `Material ${ref.preset} could not be baked: ${String(error)}`),
  }),
};
const parseModel = (bytes: Uint8Array, name: string) => scenes.parseModel(bytes, name);
const projects = createProjectSession({
  store,
  repo: createProjectRepository(
    withFallback(
      projectsDb,
      storage.then((s) => s.available),
      createMemoryKeyValueDb,
    ),
  ),
  storage,
  scenes,
  cache,
  camera: () => viewport.camera(),
  thumbnail: async () =>
    viewport.attached() ? viewport.screenshot({ width: 160, height: 90, helpers: false }) : null,
  page: {
    href: () => location.href,
    hash: () => location.hash,
    clearHash: () => history.replaceState(null, '', location.pathname + location.search),
  },
  navigatorStorage: navigator.storage,
  remember: {
    get: () => localStorage.getItem('canvas3d.lastProject'),
    set: (id) => localStorage.setItem('canvas3d.lastProject', id),
  },
  tabId: crypto.randomUUID(),
});
installPageLifecycle(projects, cache);
// The scene client parses a copy, so the caller's bytes are still whole to keep with the project.
const importFile = (bytes: Uint8Array, name: string) =>
  importModel(store, parseModel, bytes, name, (hash) => projects.assetImported(hash, name, bytes));
// Image to 3D: the model runs in its own worker (started on first use); results are cached by
// content and enter the scene through importFile.
const shippedPack = `${import.meta.env.BASE_URL}models/c3d-shape-mini/manifest.json`;
const shapes = createShapeService({
  client: createShapeClient(spawnShapeWorker, { shippedPack }),
  cache,
  shippedPack,
  importFile,
});

compute.info().then(
  (info) => store.getState().computeReady(info),
  (error: unknown) => store.getState().computeFailed(String(error)),
);

store.subscribe((s, prev) => {
  if (s.renderer.status === 'failed' && prev.renderer.status !== 'failed') {
    readiness.fail(new Error(`renderer failed: ${s.renderer.error ?? 'unknown error'}`));
  }
});

// Ready: the renderer has drawn, and the project (or the share link) in the address is open.
const started = projects.start().catch((error: unknown) => {
  store.getState().notify('error', `Projects could not be started: ${String(error)}`);
});
window.studio = createStudioApi({
  store,
  compute,
  scenes,
  ready: Promise.all([readiness.ready, started]).then(() => undefined),
  frames: readiness.frames,
  renderStats,
  rendererDevice: () => (renderer?.backend as { device?: GPUDevice } | undefined)?.device,
  viewport,
  editTools,
  importFile,
  canvasSize: () => viewport.canvasSize(),
  materials: createStudioMaterialsApi({
    store,
    service: materials,
    presets: () => allPresets(store.getState()),
  }),
  projects: createStudioProjectsApi(() => projects, started),
  shape: createStudioShapeApi(shapes),
  shareLink: () => projects.shareLink(),
  materialsSettled: () => sceneMaterials.provider.settled(),
  cacheStats: () => cache.stats(),
});

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <StoreProvider store={store}>
      <App
        compute={compute}
        materials={materials}
        sceneMaterials={sceneMaterials}
        generate={(spec, signal) => runGeneration(store, scenes, spec, signal)}
        examples={examples}
        onFrame={readiness.frame}
        renderStats={renderStats}
        onRenderer={(r) => {
          renderer = r;
        }}
        viewport={viewport}
        editTools={editTools}
        importFile={importFile}
        shapes={shapes}
        canvasSize={() => viewport.canvasSize()}
        projects={projects}
        cache={cache}
        pwa={pwa}
      />
    </StoreProvider>
  </StrictMode>,
);
