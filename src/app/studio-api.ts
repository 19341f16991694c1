// window.studio: the typed automation API that scripts and e2e tests drive the studio through.
// Documented in docs/API.md; every addition goes there too.
import { version as packageVersion } from '../../package.json';
import type { NoiseBakeParams, NoiseField } from '../core/noise';
import type { BakeTiming, ComputeInfo } from '../gpu/compute-api';
import type { ComputeClient } from '../gpu/compute-client';
import type { GenerationOptions } from '../generation/scene-api';
import type { SceneClient } from '../generation/scene-client';
import { runGeneration, type GenerationResult } from '../generation/run-generation';
import type { StudioStore } from '../state/store';
import type { RenderBackend } from '../state/renderer-slice';
import type { RenderStats, RenderStatsRecorder } from '../viewport/render-stats';
import { documentHash, getObject, listObjects, type Command } from '../core/document';
import type { ViewportHandle, ScreenshotOptions } from '../viewport/viewport-handle';
import type { AttachableEditHandle } from '../viewport/edit-handle-impl';
import type { MaterialRef } from '../core/materials/material-ref';
import type { StudioMaterialsApi } from './studio-materials';
import type { ImportOutcome } from './import-model';
import type { StudioProjectsApi } from './studio-projects';
import type { ShareLinkResult } from '../projects/project-session';
import type { ContentCacheStats } from '../cache/content-cache';
import type { StudioShapeApi } from './studio-shape';

type Vec3 = [number, number, number];

/** An object as scripts see it. */
export interface StudioObject {
  id: string;
  name: string;
  /** World position (metres). */
  position: Vec3;
  kind: 'generated' | 'asset' | 'part' | 'group';
  visible: boolean;
  locked: boolean;
  parent: string | null;
  /** The user's material on the object; absent: the generator's default. */
  material?: MaterialRef;
}

export interface RendererInfo {
  backend: RenderBackend;
  adapter: string;
  /** Times the renderer's GPU device was lost and the viewport recovered on a new one. */
  deviceLosses: number;
}

export interface StudioApi {
  /** The studio's version (package.json). */
  readonly version: string;
  /** Resolves once the renderer is up and the demo scene has been drawn with its baked textures. */
  readonly ready: Promise<void>;
  /** The live render backend and its adapter. Throws before the renderer has started. */
  renderer(): RendererInfo;
  /** 'starting' while the renderer (re)starts, 'ready', or 'failed'. */
  rendererStatus(): 'starting' | 'ready' | 'failed';
  /** Where compute kernels run (WebGPU, or the CPU references) and why. */
  compute(): Promise<ComputeInfo>;
  /** Frames rendered so far. */
  frames(): number;
  /**
   * Render figures over the latest `frames` frames (default 120): frame interval and main-thread
   * render time (median, p95), and the latest frame's draw calls and triangles (renderer.info).
   */
  renderStats(frames?: number): RenderStats;
  /** Bakes a noise field with the compute worker (the same kernel the demo scene uses). */
  bakeNoise(params: Partial<NoiseBakeParams>): Promise<NoiseField & BakeTiming>;
  /**
   * Generates a scene from a spec (JSON object) in the scene worker and shows it in the viewport.
   * Rejects with every spec problem named by path. `signal` cancels it. `options.terrainEngine`
   * picks where terrain runs ('auto' by default; the scene is the same either way).
   */
  generate(
    spec: unknown,
    signal?: AbortSignal,
    options?: GenerationOptions,
  ): Promise<GenerationResult>;
  /**
   * The content hash of the scene on show with the user's edits: the generated scene's hash while
   * nothing is edited, a different one after every edit, the same again when edits are undone.
   * null before any generation or import.
   */
  sceneHash(): Promise<string | null>;
  /** Every object of the scene: generated instances, imports, copies and groups. */
  objects(): StudioObject[];
  /** One object (null if it does not exist), with its world matrix (column-major). */
  object(id: string): (StudioObject & { matrix: number[] }) | null;
  /** Replaces the selection; ids that do not exist are ignored. */
  select(ids: string[]): void;
  /** Selected ids, the active one first. */
  selection(): string[];
  /** Moves objects by a world-space delta: one undoable edit. Throws EditError naming bad ids. */
  translate(ids: string[], delta: Vec3): void;
  /** Deletes objects (one undoable edit). */
  remove(ids: string[]): void;
  /** Applies any edit command (see docs/API.md); returns ids it created. */
  edit(command: Command): string[];
  /** Undoes the latest edit; false when there is nothing to undo. */
  undo(): boolean;
  redo(): boolean;
  /** History labels: `past` oldest first (the last is what undo undoes), `future` next first. */
  history(): { past: string[]; future: string[] };
  /** Opens a .glb or .gltf (embedded data) into the scene; rejects with ImportError, changing nothing. */
  importFile(bytes: Uint8Array, name: string): Promise<ImportOutcome>;
  /** The viewport camera's position and orbit target (null before the viewport is up). */
  camera(): { position: Vec3; target: Vec3 } | null;
  /** PNG bytes of the viewport, at the canvas size unless given. */
  screenshot(options?: Partial<ScreenshotOptions>): Promise<Uint8Array>;
  /** The material library: list, bake and apply presets. */
  readonly materials: StudioMaterialsApi;
  /** Projects, versions, autosave and project files. */
  readonly projects: StudioProjectsApi;
  /** Image to 3D: an image's bytes → a shape in the scene; the model pack and its backend. */
  readonly shape: StudioShapeApi;
  /**
   * A full URL that reproduces the scene on show (spec, edits and camera in the fragment). Opening
   * it and awaiting `studio.ready` gives a scene whose sceneHash() equals this one's. Rejects with
   * the reason when the scene cannot travel in a link (imported models, too many edits).
   */
  shareLink(): Promise<string>;
  /** The content cache (material bakes, generated scenes, parsed imports): statistics. */
  readonly cache: { stats(): ContentCacheStats };
  /** Fault injection for tests and support. */
  readonly debug: {
    /** Destroys the renderer's GPU device; the viewport recovers on a new device. */
    loseRendererDevice(): boolean;
    /** Ends the compute worker; the next compute call starts a new one. */
    terminateComputeWorker(): void;
    /** Where an object's origin is on the canvas (CSS pixels from its top left), or null. */
    screenPosition(id: string): { x: number; y: number } | null;
    /** Where a world point is on the canvas (CSS pixels from its top left), or null. */
    screenPoint(point: [number, number, number]): { x: number; y: number } | null;
    /** The object a click at a canvas position would select, or null. */
    pickAt(x: number, y: number): string | null;
    /** Resolves when every material bake the viewport asked for has landed. */
    materialsSettled(): Promise<void>;
  };
}

export interface StudioApiDeps {
  store: StudioStore;
  compute: ComputeClient;
  scenes: SceneClient;
  ready: Promise<void>;
  frames: () => number;
  renderStats: RenderStatsRecorder;
  rendererDevice: () => GPUDevice | undefined;
  viewport: ViewportHandle;
  editTools: AttachableEditHandle;
  /** Opens a model file into the scene (parse, keep its bytes with the project, one edit). */
  importFile: (bytes: Uint8Array, name: string) => Promise<ImportOutcome>;
  /** The on-screen canvas size, the screenshot default. */
  canvasSize: () => { width: number; height: number };
  materials: StudioMaterialsApi;
  projects: StudioProjectsApi;
  shape: StudioShapeApi;
  shareLink: () => Promise<ShareLinkResult>;
  materialsSettled: () => Promise<void>;
  cacheStats: () => ContentCacheStats;
}

function docView(deps: StudioApiDeps) {
  const s = deps.store.getState();
  return { index: s.doc.index, layer: s.doc.layer };
}

function toStudioObject(o: NonNullable<ReturnType<typeof getObject>>): StudioObject {
  return {
    id: o.id,
    name: o.name,
    position: [o.world[12]!, o.world[13]!, o.world[14]!],
    kind: o.kind,
    visible: o.visible,
    locked: o.locked,
    parent: o.parent,
    ...(o.material ? { material: o.material } : {}),
  };
}

export function createStudioApi(deps: StudioApiDeps): StudioApi {
  return {
    version: packageVersion,
    ready: deps.ready,
    renderer() {
      const r = deps.store.getState().renderer;
      if (!r.backend || r.adapter === undefined) {
        throw new Error(
          `renderer is ${r.status}${r.error ? `: ${r.error}` : ''}; await studio.ready`,
        );
      }
      return { backend: r.backend, adapter: r.adapter, deviceLosses: r.deviceLosses };
    },
    rendererStatus: () => deps.store.getState().renderer.status,
    compute: () => deps.compute.info(),
    frames: deps.frames,
    renderStats: (frames) => deps.renderStats.stats(frames),
    bakeNoise: (params) => deps.compute.bakeNoise(params),
    generate: (spec, signal, options) =>
      runGeneration(deps.store, deps.scenes, spec, signal, options),
    sceneHash: () => {
      const s = deps.store.getState();
      return documentHash(s.scene.hash, s.doc.layer);
    },
    objects: () => listObjects(docView(deps)).map(toStudioObject),
    object(id) {
      const o = getObject(docView(deps), id);
      return o ? { ...toStudioObject(o), matrix: [...o.world] } : null;
    },
    select: (ids) => deps.store.getState().select(ids),
    selection: () => [...deps.store.getState().doc.selection],
    translate: (ids, delta) => void deps.store.getState().edit({ type: 'translate', ids, delta }),
    remove: (ids) => void deps.store.getState().edit({ type: 'remove', ids }),
    edit: (command) => deps.store.getState().edit(command),
    undo: () => deps.store.getState().undo(),
    redo: () => deps.store.getState().redo(),
    history() {
      const h = deps.store.getState().doc.history;
      return { past: h.past.map((e) => e.label), future: h.future.map((e) => e.label) };
    },
    importFile: (bytes, name) => deps.importFile(bytes, name),
    camera: () => deps.viewport.camera(),
    screenshot: (options) => deps.viewport.screenshot({ ...deps.canvasSize(), ...options }),
    materials: deps.materials,
    projects: deps.projects,
    shape: deps.shape,
    async shareLink() {
      const r = await deps.shareLink();
      if (!r.ok) throw new Error(r.reason);
      return r.url;
    },
    cache: { stats: () => deps.cacheStats() },
    debug: {
      loseRendererDevice() {
        const device = deps.rendererDevice();
        if (!device) return false;
        device.destroy();
        return true;
      },
      terminateComputeWorker: () => deps.compute.terminate(),
      screenPosition(id) {
        const o = getObject(docView(deps), id);
        return o ? deps.viewport.project([o.world[12]!, o.world[13]!, o.world[14]!]) : null;
      },
      screenPoint: (point) => deps.viewport.project(point),
      pickAt: (x, y) => deps.editTools.pickAt(x, y),
      materialsSettled: () => deps.materialsSettled(),
    },
  };
}

declare global {
  interface Window {
    studio?: StudioApi;
  }
}
