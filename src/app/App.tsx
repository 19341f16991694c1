// The studio's layout: menu bar, toolbar and save status on top; the spec panel, the stage (viewport
// and its overlays) with the materials browser docked under it, and the sidebar (outliner,
// inspector, history, versions, storage) side by side, with draggable dividers. The material
// editor, the projects list and the share link open as dialogs.
// Owns only layout state (panel sizes, which dialogs are open); services come in as props from the
// composition root (main.tsx).
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { WebGPURenderer } from 'three/webgpu';
import type { ContentCache } from '../cache/content-cache';
import type { ComputeApi } from '../gpu/compute-api';
import type { MaterialService } from '../materials/material-service';
import type { ProjectSession } from '../projects/project-session';
import type { PwaHandle } from '../pwa/pwa-handle';
import type { SceneMaterialOptions } from '../viewport/scene-objects';
import { useStudio, useStudioStore } from '../state/store-context';
import { MenuBar } from '../ui/actions/MenuBar';
import { ShortcutsHelp } from '../ui/actions/ShortcutsHelp';
import { actionById, type ActionContext } from '../ui/actions/studio-actions';
import { useShortcuts } from '../ui/actions/use-shortcuts';
import { HistoryPanel } from '../ui/history/HistoryPanel';
import { Inspector } from '../ui/inspector/Inspector';
import { MaterialBrowser } from '../ui/materials/MaterialBrowser';
import { MaterialDrop } from '../ui/materials/MaterialDrop';
import { MaterialEditor } from '../ui/materials/MaterialEditor';
import {
  MaterialLibraryFiles,
  type MaterialLibraryHandle,
} from '../ui/materials/MaterialLibraryFiles';
import { createThumbnailSource } from '../ui/materials/thumbnail-source';
import { ResizeHandle } from '../ui/layout/ResizeHandle';
import { SidebarSection } from '../ui/layout/SidebarSection';
import { ModelDrop, type ModelDropHandle } from '../ui/ModelDrop';
import { Notices } from '../ui/Notices';
import { Outliner } from '../ui/outliner/Outliner';
import { ProjectsDialog } from '../ui/projects/ProjectsDialog';
import { ConflictBanner, SaveIndicator } from '../ui/projects/SaveIndicator';
import { ShareLinkDialog } from '../ui/projects/ShareLinkDialog';
import { StoragePanel } from '../ui/projects/StoragePanel';
import { UndoDeleteToast } from '../ui/projects/UndoDeleteToast';
import { VersionsPanel } from '../ui/projects/VersionsPanel';
import { ScreenshotDialog } from '../ui/ScreenshotDialog';
import { ImageTo3DPanel } from '../ui/image-to-3d/ImageTo3DPanel';
import type { ShapeService } from '../ui/image-to-3d/shape-service';
import type { ExampleSource } from '../ui/spec-panel/examples';
import { SpecPanel } from '../ui/spec-panel/SpecPanel';
import { useGeneration, type GenerateFn } from '../ui/spec-panel/use-generation';
import { StatsPanel } from '../ui/StatsPanel';
import { StatusBadge } from '../ui/StatusBadge';
import { Toolbar } from '../ui/Toolbar';
import { UpdatePrompt } from '../ui/UpdatePrompt';
import type { AttachableEditHandle } from '../viewport/edit-handle-impl';
import type { RenderStatsRecorder } from '../viewport/render-stats';
import { useDemoTextures } from '../viewport/use-demo-textures';
import { Viewport } from '../viewport/Viewport';
import type { AttachableViewportHandle } from '../viewport/create-viewport-handle';
import './layout.css';

export interface AppProps {
  compute: ComputeApi;
  /** Generates a spec from the panel and records it in the store. */
  generate: GenerateFn;
  examples: ExampleSource;
  onFrame: (textured: boolean) => void;
  renderStats: RenderStatsRecorder;
  onRenderer: (renderer: WebGPURenderer) => void;
  viewport: AttachableViewportHandle;
  /** The on-screen canvas size in CSS pixels (the screenshot default). */
  canvasSize: () => { width: number; height: number };
  editTools: AttachableEditHandle;
  /** Opens a model file into the scene; rejects with a message naming what is wrong. */
  importFile: (bytes: Uint8Array, name: string) => Promise<unknown>;
  /** Image to 3D: the model pack, cached generation, results into the scene. */
  shapes: ShapeService;
  /** Bakes material presets (thumbnails, the editor's preview); shared with the viewport. */
  materials: MaterialService;
  /** The viewport's procedural materials (one provider for the page's life). */
  sceneMaterials: SceneMaterialOptions;
  /** The open project: autosave, versions, share links, project files, storage status. */
  projects: ProjectSession;
  /** The content cache, for its statistics in the storage section. */
  cache: ContentCache;
  /** The service worker's update and offline state (absent where it is not registered). */
  pwa?: PwaHandle;
}

/** A project file's accepted names (also what a drop onto the stage opens as a project). */
const PROJECT_ACCEPT = '.c3d.zip,.zip';
const isProjectFile = (name: string) => /\.zip$/i.test(name);

const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** Saves bytes as a download named `name`. */
function download(bytes: Uint8Array, name: string, type: string): void {
  const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

const LEFT = { min: 240, max: 560, initial: 320 };
/** The latest the material thumbnails wait for the first textured frame. */
const THUMBNAIL_START_MS = 8000;
const RIGHT = { min: 220, max: 520, initial: 288 };

export function App(props: AppProps) {
  const { compute, onFrame, onRenderer, renderStats, viewport, editTools, importFile } = props;
  const { projects, cache } = props;
  const materials = props.materials;
  const store = useStudioStore();
  const onBaked = useCallback((ms: number) => store.getState().bakeFinished(ms), [store]);
  const onError = useCallback((m: string) => store.getState().computeFailed(m), [store]);
  const textures = useDemoTextures(compute, onBaked, onError);
  const scene = useStudio((s) => s.scene.data);
  const sceneName = useStudio((s) => s.scene.data?.name ?? 'scene');

  const layout = useRef<HTMLDivElement>(null);
  const stage = useRef<HTMLElement>(null);
  const drop = useRef<ModelDropHandle>(null);
  const library = useRef<MaterialLibraryHandle>(null);
  // Thumbnails wait for the viewport's first textured frame (or a few seconds), so on a slow GPU
  // they never hold up the studio's start.
  const thumbnails = useMemo(() => createThumbnailSource(materials, { paused: true }), [materials]);
  useEffect(() => {
    const timer = setTimeout(() => thumbnails.start(), THUMBNAIL_START_MS);
    return () => clearTimeout(timer);
  }, [thumbnails]);
  const frame = useCallback(
    (textured: boolean) => {
      onFrame(textured);
      if (textured) thumbnails.start();
    },
    [onFrame, thumbnails],
  );
  const editingMaterial = useStudio((s) => s.materials.editing !== null);
  const pickAt = useCallback((x: number, y: number) => editTools.pickAt(x, y), [editTools]);
  const [leftWidth, setLeftWidth] = useState(LEFT.initial);
  const [rightWidth, setRightWidth] = useState(RIGHT.initial);
  const [leftCollapsed, setLeftCollapsed] = useState(false);
  const [rightCollapsed, setRightCollapsed] = useState(false);
  const [sections, setSections] = useState({
    outliner: true,
    inspector: true,
    history: true,
    versions: true,
    storage: false,
  });
  const [help, setHelp] = useState(false);
  const [shot, setShot] = useState(false);
  const [imageTo3D, setImageTo3D] = useState(false);
  const [projectsOpen, setProjectsOpen] = useState(false);
  const [shareOpen, setShareOpen] = useState(false);
  /** Bumped by "Save version…" (Ctrl+S): the versions' message field takes the focus. */
  const [versionFocus, setVersionFocus] = useState(0);
  const projectInput = useRef<HTMLInputElement>(null);
  const control = useGeneration(props.generate);

  const notify = useCallback(
    (kind: 'error' | 'info', text: string) => store.getState().notify(kind, text),
    [store],
  );
  const openProjectFile = useCallback(
    (bytes: Uint8Array, name: string) => {
      projects.importFile(bytes, name).then(
        () => notify('info', `Opened the project file ${name}`),
        (error: unknown) => notify('error', `Could not open ${name}: ${errorText(error)}`),
      );
    },
    [projects, notify],
  );
  const onFile = useCallback(
    (bytes: Uint8Array, name: string) => {
      // A project file dropped on the stage opens as a project, not as a model.
      if (isProjectFile(name)) {
        openProjectFile(bytes, name);
        return;
      }
      importFile(bytes, name).then(
        () => notify('info', `Imported ${name}`),
        (error: unknown) => notify('error', error instanceof Error ? error.message : String(error)),
      );
    },
    [importFile, notify, openProjectFile],
  );
  const exportProject = useCallback(() => {
    projects.exportFile().then(
      (file) => {
        download(file.bytes, file.name, 'application/zip');
        notify('info', `Saved ${file.name} (${(file.bytes.byteLength / 1024).toFixed(0)} KB)`);
      },
      (error: unknown) => notify('error', `Could not export the project: ${errorText(error)}`),
    );
  }, [projects, notify]);

  const ctx = useMemo<ActionContext>(
    () => ({
      store,
      viewport,
      editTools,
      projects,
      generation: {
        start: () => control.start(),
        cancel: () => control.cancel(),
        running: () => control.running,
      },
      ui: {
        openFile: () => drop.current?.openPicker(),
        openImageTo3D: () => setImageTo3D(true),
        openScreenshot: () => setShot(true),
        toggleHelp: () => setHelp((h) => !h),
        togglePanel: (side) =>
          side === 'left' ? setLeftCollapsed((c) => !c) : setRightCollapsed((c) => !c),
        notify,
        importMaterials: () => library.current?.openPicker(),
        exportMaterials: () => library.current?.exportLibrary(),
        openProjects: () => setProjectsOpen(true),
        saveVersion: () => {
          setRightCollapsed(false);
          setSections((s) => ({ ...s, versions: true }));
          setVersionFocus((n) => n + 1);
        },
        openShareLink: () => setShareOpen(true),
        exportProject,
        importProject: () => projectInput.current?.click(),
      },
    }),
    [store, viewport, editTools, projects, control, notify, exportProject],
  );
  const shortcutsActive = useCallback(
    () => !help && !shot && !editingMaterial && !projectsOpen && !shareOpen,
    [help, shot, editingMaterial, projectsOpen, shareOpen],
  );
  useShortcuts(ctx, shortcutsActive);

  const toggle = (key: keyof typeof sections) => setSections((s) => ({ ...s, [key]: !s[key] }));
  // "Edit in spec panel": open the panel and bring the section's first field into view.
  const onEditSpec = useCallback((path: string) => {
    setLeftCollapsed(false);
    requestAnimationFrame(() => {
      const panel = document.querySelector('[data-testid="spec-panel"]');
      const quoted = CSS.escape(path);
      const field = panel?.querySelector<HTMLElement>(
        `[data-path="${quoted}"], [data-path^="${quoted}."], [data-path^="${quoted}["]`,
      );
      field?.scrollIntoView({ block: 'center' });
      field?.focus();
    });
  }, []);

  return (
    <div
      className="studio"
      ref={layout}
      style={
        {
          '--left-width': `${leftWidth}px`,
          '--right-width': `${rightWidth}px`,
        } as React.CSSProperties
      }
    >
      <header className="topbar">
        <div className="brand" aria-label="Canvas3D Studio">
          <span className="brand-mark" aria-hidden="true" />
          Canvas3D Studio
        </div>
        <MenuBar ctx={ctx} />
        <Toolbar ctx={ctx} />
        <SaveIndicator session={projects} onOpenProjects={() => setProjectsOpen(true)} />
      </header>
      <ConflictBanner session={projects} notify={notify} />
      <div className="workspace">
        <SpecPanel
          control={control}
          examples={props.examples}
          collapsed={leftCollapsed}
          onCollapsedChange={setLeftCollapsed}
        />
        {!leftCollapsed && (
          <ResizeHandle
            layout={layout}
            variable="--left-width"
            width={leftWidth}
            {...LEFT}
            direction={1}
            label="Resize the spec panel"
            onResize={setLeftWidth}
          />
        )}
        <div className="center-column">
          <main className="stage" ref={stage}>
            <Viewport
              textures={textures}
              scene={scene}
              onFrame={frame}
              onRenderer={onRenderer}
              renderStats={renderStats}
              handle={viewport}
              editTools={editTools}
              materials={props.sceneMaterials}
            />
            <StatusBadge />
            <StatsPanel />
            <Notices />
            <ModelDrop ref={drop} target={stage} onFile={onFile} />
            <MaterialDrop target={stage} store={store} pickAt={pickAt} />
          </main>
          <MaterialBrowser
            thumbnails={thumbnails}
            onImport={() => library.current?.openPicker()}
            onExport={() => library.current?.exportLibrary()}
          />
        </div>
        {!rightCollapsed && (
          <>
            <ResizeHandle
              layout={layout}
              variable="--right-width"
              width={rightWidth}
              {...RIGHT}
              direction={-1}
              label="Resize the sidebar"
              onResize={setRightWidth}
            />
            <aside className="sidebar" aria-label="Scene">
              <SidebarSection
                title="Outliner"
                open={sections.outliner}
                onToggle={() => toggle('outliner')}
                grow={3}
              >
                <Outliner />
              </SidebarSection>
              <SidebarSection
                title="Inspector"
                open={sections.inspector}
                onToggle={() => toggle('inspector')}
                grow={2}
              >
                <Inspector onEditSpec={onEditSpec} />
              </SidebarSection>
              <SidebarSection
                title="History"
                open={sections.history}
                onToggle={() => toggle('history')}
                grow={1}
              >
                <HistoryPanel />
              </SidebarSection>
              <SidebarSection
                title="Versions"
                open={sections.versions}
                onToggle={() => toggle('versions')}
                grow={2}
              >
                <VersionsPanel session={projects} notify={notify} focusRequest={versionFocus} />
              </SidebarSection>
              <SidebarSection
                title="Storage"
                open={sections.storage}
                onToggle={() => toggle('storage')}
                grow={1}
              >
                <StoragePanel session={projects} cache={cache} notify={notify} />
              </SidebarSection>
            </aside>
          </>
        )}
      </div>
      <MaterialLibraryFiles ref={library} store={store} />
      <input
        ref={projectInput}
        type="file"
        accept={PROJECT_ACCEPT}
        hidden
        aria-label="Import project file"
        onChange={(e) => {
          const input = e.currentTarget;
          const file = input.files?.[0];
          input.value = '';
          if (!file) return;
          file.arrayBuffer().then(
            (buffer) => openProjectFile(new Uint8Array(buffer), file.name),
            (error: unknown) => notify('error', `Could not read ${file.name}: ${errorText(error)}`),
          );
        }}
      />
      <UndoDeleteToast session={projects} notify={notify} />
      {props.pwa && <UpdatePrompt pwa={props.pwa} />}
      {editingMaterial && (
        <MaterialEditor
          service={materials}
          onClose={() => store.getState().materialEditing(null)}
        />
      )}
      {help && <ShortcutsHelp onClose={() => setHelp(false)} />}
      {projectsOpen && (
        <ProjectsDialog session={projects} onClose={() => setProjectsOpen(false)} notify={notify} />
      )}
      {shareOpen && (
        <ShareLinkDialog
          session={projects}
          onClose={() => setShareOpen(false)}
          onExport={exportProject}
        />
      )}
      {imageTo3D && (
        <ImageTo3DPanel
          service={props.shapes}
          viewport={viewport}
          onClose={() => setImageTo3D(false)}
          onAdded={() => actionById('view.frame-selected').run(ctx)}
          notify={notify}
        />
      )}
      {shot && (
        <ScreenshotDialog
          initial={props.canvasSize()}
          name={sceneName}
          capture={(o) => viewport.screenshot(o)}
          onClose={() => setShot(false)}
          onError={(m) => notify('error', m)}
          onSaved={(m) => notify('info', m)}
        />
      )}
    </div>
  );
}
