// The scene document in the store: the edit layer over the generated scene, the selection, imported
// assets and the undo history. Every edit goes through here as a command (edit) or a recorded change
// (recordEdit for spec drafts, sceneGenerated for regeneration); undo and redo restore the exact
// state an entry kept: spec draft, generated scene and edit layer together.
import type { StateCreator } from 'zustand';
import {
  applyCommand,
  buildObjectIndex,
  describeCommand,
  EMPTY_HISTORY,
  EMPTY_LAYER,
  getObject,
  objectExists,
  patchRecord,
  pushEntry,
  redoEntry,
  undoEntry,
  withRecord,
  type Command,
  type EditLayer,
  type History,
  type ObjectIndex,
} from '../core/document';
import type { SceneData } from '../core/scene/scene-data';
import type { ImportedAsset } from '../import/imported-asset';
import type { SceneSlice, SceneState } from './scene-slice';
import { validateDraft, type SpecSlice, type SpecState } from './spec-slice';
import type { ProjectCamera } from '../core/project/project-state';

/** What undo and redo restore. */
export interface DocSnapshot {
  spec: SpecState;
  scene: { data?: SceneData; hash?: string; spec?: unknown; index: ObjectIndex };
  layer: EditLayer;
}

/** A whole document put in place at once: an opened project, a reverted version, a share link. */
export interface DocumentContent {
  draft: Record<string, unknown>;
  /** The generated scene, its hash and the spec it came from; absent: nothing generated. */
  scene?: { data: SceneData; hash: string; spec: unknown };
  layer: EditLayer;
  camera?: ProjectCamera;
}

/** What the history records: a layer command, a spec edit, or a generation from a spec. */
export type HistoryCommand =
  | Command
  | { type: 'editSpec'; label: string }
  | { type: 'regenerate'; spec: unknown }
  /** A version brought back, or another document put in place. */
  | { type: 'replaceDocument'; label: string };

export interface DocState {
  index: ObjectIndex;
  layer: EditLayer;
  /** Selected object ids, the first being the active one (the inspector's). */
  selection: readonly string[];
  assets: Readonly<Record<string, ImportedAsset>>;
  history: History<DocSnapshot, HistoryCommand>;
}

export interface DocSlice {
  doc: DocState;
  /** Applies a command, records it for undo and returns the ids it created. Throws EditError. */
  edit(command: Command): string[];
  /** Runs `change` and records the spec/scene/layer difference as one undoable entry. */
  recordEdit(label: string, command: HistoryCommand, change: () => void, mergeKey?: string): void;
  /** A generation of `spec` finished: shows it, keeps added objects, records it for undo. */
  generationFinished(data: SceneData, hash: string, spec?: unknown): void;
  /**
   * Puts a whole document in place. With a label it is one undoable entry (reverting to a version);
   * without, the history starts afresh (opening a project).
   */
  documentReplaced(content: DocumentContent, label?: string): void;
  /** Adds an imported file's parsed data (not itself an edit; the 'import' command is). */
  assetAdded(asset: ImportedAsset): void;
  select(ids: readonly string[], mode?: 'replace' | 'add' | 'toggle'): void;
  undo(): boolean;
  redo(): boolean;
}

type Full = DocSlice & SceneSlice & SpecSlice;

function snapshot(s: Full): DocSnapshot {
  return {
    spec: s.spec,
    scene: {
      ...(s.scene.data ? { data: s.scene.data } : {}),
      ...(s.scene.hash ? { hash: s.scene.hash } : {}),
      ...(s.scene.spec !== undefined ? { spec: s.scene.spec } : {}),
      index: s.doc.index,
    },
    layer: s.doc.layer,
  };
}

function sameSnapshot(a: DocSnapshot, b: DocSnapshot): boolean {
  return a.spec.draft === b.spec.draft && a.scene.data === b.scene.data && a.layer === b.layer;
}

/** Keeps what the user added; generated objects' edits belong to the scene that was replaced. */
function layerForNewScene(layer: EditLayer): EditLayer {
  let next: EditLayer = { ...EMPTY_LAYER, nextId: layer.nextId };
  for (const [id, record] of Object.entries(layer.records)) {
    if (!record.source) continue;
    next = withRecord(next, id, record);
  }
  for (const [id, record] of Object.entries(next.records)) {
    if (record.parent && !next.records[record.parent]) {
      next = withRecord(next, id, patchRecord(record, 'parent', undefined));
    }
  }
  return { ...next, order: layer.order.filter((k) => next.records[k]) };
}

function restore(s: Full, snap: DocSnapshot): Partial<Full> {
  const scene: SceneState = snap.scene.data
    ? {
        status: 'ready',
        progress: 1,
        data: snap.scene.data,
        hash: snap.scene.hash!,
        ...(snap.scene.spec !== undefined ? { spec: snap.scene.spec } : {}),
        // The same scene keeps the view it was opened with; another one is framed.
        ...(s.scene.camera && s.scene.data === snap.scene.data ? { camera: s.scene.camera } : {}),
      }
    : { status: 'empty', progress: 0 };
  const doc = { ...s.doc, index: snap.scene.index, layer: snap.layer };
  return {
    spec: snap.spec,
    scene: s.scene.status === 'generating' ? { ...scene, status: 'generating' } : scene,
    doc: { ...doc, selection: s.doc.selection.filter((id) => objectExists(doc, id)) },
  };
}

export const createDocSlice: StateCreator<Full, [], [], DocSlice> = (set, get) => ({
  doc: {
    index: buildObjectIndex(undefined),
    layer: EMPTY_LAYER,
    selection: [],
    assets: {},
    history: EMPTY_HISTORY,
  },
  edit(command) {
    const s = get();
    const view = { index: s.doc.index, layer: s.doc.layer };
    const label = describeCommand(view, command);
    const { layer, created } = applyCommand(view, command);
    const before = snapshot(s);
    const after = { ...before, layer };
    const selection =
      created.length > 0
        ? created
        : s.doc.selection.filter((id) => objectExists({ index: s.doc.index, layer }, id));
    set({
      doc: {
        ...s.doc,
        layer,
        selection,
        history: pushEntry(s.doc.history, { label, command, before, after }),
      },
    });
    return created;
  },
  recordEdit(label, command, change, mergeKey) {
    const before = snapshot(get());
    change();
    const s = get();
    const after = snapshot(s);
    if (sameSnapshot(before, after)) return;
    const entry = { label, command, before, after, ...(mergeKey ? { mergeKey } : {}) };
    set({ doc: { ...s.doc, history: pushEntry(s.doc.history, entry) } });
  },
  generationFinished(data, hash, spec) {
    const s = get();
    const index = buildObjectIndex(data);
    const layer = layerForNewScene(s.doc.layer);
    const before = snapshot(s);
    const generated = spec ?? s.spec.draft;
    const scene: SceneState = { status: 'ready', progress: 1, data, hash, spec: generated };
    const after: DocSnapshot = {
      spec: s.spec,
      scene: { data, hash, spec: generated, index },
      layer,
    };
    const entry = {
      label: `Generate ${data.name}`,
      command: { type: 'regenerate' as const, spec: generated },
      before,
      after,
    };
    set({
      scene,
      doc: {
        ...s.doc,
        index,
        layer,
        selection: s.doc.selection.filter((id) => objectExists({ index, layer }, id)),
        history: pushEntry(s.doc.history, entry),
      },
    });
  },
  documentReplaced(content, label) {
    const s = get();
    const data = content.scene?.data;
    const index = buildObjectIndex(data);
    const spec: SpecState = {
      draft: content.draft,
      issues: validateDraft(content.draft),
      stash: {},
    };
    const scene: SceneState = content.scene
      ? {
          status: 'ready',
          progress: 1,
          data: content.scene.data,
          hash: content.scene.hash,
          spec: content.scene.spec,
          ...(content.camera ? { camera: content.camera } : {}),
        }
      : { status: 'empty', progress: 0 };
    const before = snapshot(s);
    const after: DocSnapshot = {
      spec,
      scene: content.scene ? { ...content.scene, index } : { index },
      layer: content.layer,
    };
    const history = label
      ? pushEntry(s.doc.history, {
          label,
          command: { type: 'replaceDocument', label },
          before,
          after,
        })
      : EMPTY_HISTORY;
    set({
      spec,
      scene,
      doc: { ...s.doc, index, layer: content.layer, selection: [], history },
    });
  },
  assetAdded(asset) {
    set((s) => ({ doc: { ...s.doc, assets: { ...s.doc.assets, [asset.hash]: asset } } }));
  },
  select(ids, mode = 'replace') {
    const s = get();
    const view = { index: s.doc.index, layer: s.doc.layer };
    const valid = ids.filter((id) => objectExists(view, id));
    let selection: string[];
    if (mode === 'replace') selection = [...new Set(valid)];
    else if (mode === 'add') selection = [...new Set([...s.doc.selection, ...valid])];
    else {
      const current = new Set(s.doc.selection);
      for (const id of valid) {
        if (current.has(id)) current.delete(id);
        else current.add(id);
      }
      selection = [...current];
    }
    set({ doc: { ...s.doc, selection } });
  },
  undo() {
    const s = get();
    const step = undoEntry(s.doc.history);
    if (!step) return false;
    const patch = restore(s, step.state);
    set({ ...patch, doc: { ...patch.doc!, history: step.history } });
    return true;
  },
  redo() {
    const s = get();
    const step = redoEntry(s.doc.history);
    if (!step) return false;
    const patch = restore(s, step.state);
    set({ ...patch, doc: { ...patch.doc!, history: step.history } });
    return true;
  },
});

/** Whether an object can be picked in the viewport (exists, visible, not locked). */
export function isPickable(doc: DocState, id: string): boolean {
  const view = { index: doc.index, layer: doc.layer };
  const obj = getObject(view, id);
  return obj !== null && obj.visible && !obj.locked;
}
