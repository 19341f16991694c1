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
import type { SpecSlice, SpecState } from './spec-slice';

/** What undo and redo restore. */
export interface DocSnapshot {
  spec: SpecState;
  scene: { data?: SceneData; hash?: string; index: ObjectIndex };
  layer: EditLayer;
}

/** What the history records: a layer command, a spec edit, or a generation from a spec. */
export type HistoryCommand =
  Command | { type: 'editSpec'; label: string } | { type: 'regenerate'; spec: unknown };

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
    ? { status: 'ready', progress: 1, data: snap.scene.data, hash: snap.scene.hash! }
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
    const scene: SceneState = { status: 'ready', progress: 1, data, hash };
    const after: DocSnapshot = { spec: s.spec, scene: { data, hash, index }, layer };
    const entry = {
      label: `Generate ${data.name}`,
      command: { type: 'regenerate' as const, spec: spec ?? s.spec.draft },
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
