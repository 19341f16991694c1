// Every action of the studio in one table: its label, menu, shortcuts, when it applies and what it
// does. The menu bar, the shortcut listener and the help overlay all read this table, so an action
// reachable by a key is always in a menu and in the help, with the same name.
import { isEmptyBox, listObjects, objectsBounds, type Command } from '../../core/document';
import type { ProjectSession } from '../../projects/project-session';
import type { StudioState, StudioStore } from '../../state/store';
import type { ViewMode } from '../../state/view-slice';
import { searchPresets } from '../../core/materials/library/search';
import { resolvePreset } from '../../state/materials-slice';
import { applyBlocker, applyToSelection, selectionWithMaterial } from '../materials/apply-material';
import type { AttachableEditHandle } from '../../viewport/edit-handle-impl';
import type { ViewName, ViewportHandle } from '../../viewport/viewport-handle';

export const MENUS = ['File', 'Edit', 'Select', 'Object', 'Material', 'View', 'Help'] as const;
export type MenuName = (typeof MENUS)[number];

export interface ActionContext {
  store: StudioStore;
  viewport: ViewportHandle;
  editTools: AttachableEditHandle;
  /** The open project, its versions and files. */
  projects: ProjectSession;
  generation: { start(): void; cancel(): void; running: () => boolean };
  ui: {
    openFile(): void;
    /** Opens the Image to 3D panel. */
    openImageTo3D(): void;
    openScreenshot(): void;
    toggleHelp(): void;
    togglePanel(side: 'left' | 'right'): void;
    notify(kind: 'error' | 'info', text: string): void;
    /** Opens the file picker for a material library (.json). */
    importMaterials(): void;
    /** Downloads the user's presets as a material library file. */
    exportMaterials(): void;
    /** Opens the projects dialog (open, rename, duplicate, delete, new). */
    openProjects(): void;
    /** Shows the versions section and puts the focus in its message field. */
    saveVersion(): void;
    openShareLink(): void;
    /** Downloads the open project as one file (.c3d.zip). */
    exportProject(): void;
    /** Opens the file picker for a project file. */
    importProject(): void;
  };
}

export interface Action {
  id: string;
  label: string;
  menu: MenuName;
  /** Shortcuts; the first is the one menus show. */
  keys?: string[];
  /** Also runs while the focus is in a text field (Ctrl+Enter from a spec field generates). */
  whileTyping?: boolean;
  /** Starts a new group in its menu. */
  separator?: boolean;
  enabled?(s: StudioState, ctx: ActionContext): boolean;
  /** For toggles: whether it is on (menus show a check). */
  checked?(s: StudioState): boolean;
  run(ctx: ActionContext): void;
}

const hasSelection = (s: StudioState) => s.doc.selection.length > 0;

const hasProject = (_s: StudioState, c: ActionContext) => c.projects.state().project !== null;

/** The active object's own material preset, if it has one. */
const activeMaterial = (s: StudioState): string | undefined => {
  const id = s.doc.selection[0];
  return id ? s.doc.layer.records[id]?.material?.preset : undefined;
};

/** What "Edit material…" opens: the browser's choice, else the active object's material. */
const materialToEdit = (s: StudioState): string | null =>
  s.materials.selected ?? activeMaterial(s) ?? null;

/** Runs an edit; a refused one is told to the user, not thrown into the console. */
function runEdit(ctx: ActionContext, command: Command): void {
  try {
    ctx.store.getState().edit(command);
  } catch (error) {
    ctx.ui.notify('error', error instanceof Error ? error.message : String(error));
  }
}

function editSelection(ctx: ActionContext, make: (ids: string[]) => Command): void {
  const ids = [...ctx.store.getState().doc.selection];
  if (ids.length > 0) runEdit(ctx, make(ids));
}

/** Ids of the objects whose record has `flag` set. */
function flagged(ctx: ActionContext, flag: 'hidden' | 'locked'): string[] {
  const records = ctx.store.getState().doc.layer.records;
  return Object.keys(records).filter((id) => records[id]![flag]);
}

function frame(ctx: ActionContext, ids: readonly string[] | 'all'): void {
  const s = ctx.store.getState();
  const view = { index: s.doc.index, layer: s.doc.layer };
  if (ids === 'all') {
    const data = s.scene.data;
    const all = Object.keys(s.doc.layer.records).filter((id) => s.doc.layer.records[id]!.source);
    const box = objectsBounds(view, all, (h) => s.doc.assets[h]?.bounds);
    if (data) {
      for (let i = 0; i < 3; i++) {
        box[i] = Math.min(box[i]!, data.bounds[i]!);
        box[i + 3] = Math.max(box[i + 3]!, data.bounds[i + 3]!);
      }
    }
    if (!isEmptyBox(box)) ctx.viewport.frameBounds(box);
    return;
  }
  const box = objectsBounds(view, ids, (h) => s.doc.assets[h]?.bounds);
  if (!isEmptyBox(box)) ctx.viewport.frameBounds(box);
}

const view = (id: ViewName, label: string, keys: string[], separator = false): Action => ({
  id: `view.${id}`,
  label,
  menu: 'View',
  keys,
  separator,
  run: (ctx) => ctx.viewport.setView(id),
});

const mode = (m: ViewMode, label: string, separator = false): Action => ({
  id: `view.mode.${m}`,
  label,
  menu: 'View',
  separator,
  checked: (s) => s.view.mode === m,
  run: (ctx) => ctx.store.getState().viewModeSet(m),
});

export const STUDIO_ACTIONS: readonly Action[] = [
  {
    id: 'project.new',
    label: 'New project',
    menu: 'File',
    run: (c) =>
      void c.projects
        .newProject()
        .catch((error: unknown) =>
          c.ui.notify('error', error instanceof Error ? error.message : String(error)),
        ),
  },
  {
    whileTyping: true,
    id: 'project.open',
    label: 'Open project…',
    menu: 'File',
    keys: ['Ctrl+Shift+O'],
    run: (c) => c.ui.openProjects(),
  },
  {
    // While typing too: Ctrl+S must never reach the browser's "Save page" dialog.
    whileTyping: true,
    id: 'project.save-version',
    label: 'Save version…',
    menu: 'File',
    keys: ['Ctrl+S'],
    run: (c) => c.ui.saveVersion(),
  },
  {
    id: 'project.share',
    label: 'Copy share link…',
    menu: 'File',
    keys: ['Ctrl+Shift+L'],
    separator: true,
    enabled: hasProject,
    run: (c) => c.ui.openShareLink(),
  },
  {
    id: 'project.export',
    label: 'Export project file…',
    menu: 'File',
    enabled: hasProject,
    run: (c) => c.ui.exportProject(),
  },
  {
    id: 'project.import',
    label: 'Import project file…',
    menu: 'File',
    run: (c) => c.ui.importProject(),
  },
  {
    whileTyping: true,
    id: 'file.open',
    label: 'Open model…',
    menu: 'File',
    keys: ['Ctrl+O'],
    separator: true,
    run: (c) => c.ui.openFile(),
  },
  {
    id: 'file.image-to-3d',
    label: 'Image to 3D…',
    menu: 'File',
    keys: ['Shift+I'],
    run: (c) => c.ui.openImageTo3D(),
  },
  {
    whileTyping: true,
    id: 'file.screenshot',
    label: 'Save screenshot…',
    menu: 'File',
    keys: ['Ctrl+Shift+S'],
    enabled: (_s, c) => c.viewport.attached(),
    run: (c) => c.ui.openScreenshot(),
  },
  {
    whileTyping: true,
    id: 'scene.generate',
    label: 'Generate scene',
    menu: 'File',
    keys: ['Ctrl+Enter'],
    separator: true,
    enabled: (s) => s.spec.issues.length === 0 && s.scene.status !== 'generating',
    run: (c) => c.generation.start(),
  },
  {
    whileTyping: true,
    id: 'scene.cancel',
    label: 'Cancel generation',
    menu: 'File',
    keys: ['Escape'],
    enabled: (_s, c) => c.generation.running(),
    run: (c) => c.generation.cancel(),
  },

  {
    id: 'edit.undo',
    label: 'Undo',
    menu: 'Edit',
    keys: ['Ctrl+Z'],
    enabled: (s) => s.doc.history.past.length > 0,
    run: (c) => c.store.getState().undo(),
  },
  {
    id: 'edit.redo',
    label: 'Redo',
    menu: 'Edit',
    keys: ['Ctrl+Shift+Z', 'Ctrl+Y'],
    enabled: (s) => s.doc.history.future.length > 0,
    run: (c) => c.store.getState().redo(),
  },
  {
    id: 'edit.duplicate',
    label: 'Duplicate',
    menu: 'Edit',
    keys: ['Shift+D'],
    separator: true,
    enabled: hasSelection,
    run: (c) => editSelection(c, (ids) => ({ type: 'duplicate', ids, offset: [1, 0, 0] })),
  },
  {
    id: 'edit.delete',
    label: 'Delete',
    menu: 'Edit',
    keys: ['Delete', 'X'],
    enabled: hasSelection,
    run: (c) => editSelection(c, (ids) => ({ type: 'remove', ids })),
  },

  {
    id: 'select.all',
    label: 'Select all',
    menu: 'Select',
    keys: ['A'],
    run: (c) => {
      const s = c.store.getState();
      const all = listObjects({ index: s.doc.index, layer: s.doc.layer });
      s.select(all.filter((o) => o.visible && !o.locked).map((o) => o.id));
    },
  },
  {
    id: 'select.none',
    label: 'Select none',
    menu: 'Select',
    keys: ['Alt+A'],
    enabled: hasSelection,
    run: (c) => c.store.getState().select([]),
  },
  {
    id: 'select.box',
    label: 'Box select (drag in the viewport)',
    menu: 'Select',
    keys: ['B'],
    run: (c) => void c.editTools.startBoxSelect(),
  },

  {
    id: 'object.move',
    label: 'Move',
    menu: 'Object',
    keys: ['G'],
    enabled: hasSelection,
    run: (c) => void c.editTools.startModal('translate'),
  },
  {
    id: 'object.rotate',
    label: 'Rotate',
    menu: 'Object',
    keys: ['R'],
    enabled: hasSelection,
    run: (c) => void c.editTools.startModal('rotate'),
  },
  {
    id: 'object.scale',
    label: 'Scale',
    menu: 'Object',
    keys: ['S'],
    enabled: hasSelection,
    run: (c) => void c.editTools.startModal('scale'),
  },
  {
    id: 'object.gizmo',
    label: 'Next gizmo mode (move, rotate, scale)',
    menu: 'Object',
    keys: ['W'],
    run: (c) => {
      const order = ['translate', 'rotate', 'scale'] as const;
      const next = order[(order.indexOf(c.editTools.gizmoMode()) + 1) % order.length]!;
      c.editTools.setGizmoMode(next);
    },
  },
  {
    id: 'object.group',
    label: 'Group',
    menu: 'Object',
    keys: ['Ctrl+G'],
    separator: true,
    enabled: hasSelection,
    run: (c) => editSelection(c, (ids) => ({ type: 'group', ids })),
  },
  {
    id: 'object.ungroup',
    label: 'Ungroup',
    menu: 'Object',
    keys: ['Ctrl+Alt+G'],
    enabled: (s) => s.doc.selection.some((id) => s.doc.layer.records[id]?.source?.kind === 'group'),
    run: (c) =>
      editSelection(c, (ids) => ({
        type: 'ungroup',
        ids: ids.filter((id) => c.store.getState().doc.layer.records[id]?.source?.kind === 'group'),
      })),
  },
  {
    id: 'object.hide',
    label: 'Hide selected',
    menu: 'Object',
    keys: ['H'],
    separator: true,
    enabled: hasSelection,
    run: (c) => editSelection(c, (ids) => ({ type: 'setHidden', ids, hidden: true })),
  },
  {
    id: 'object.show-all',
    label: 'Show all hidden',
    menu: 'Object',
    keys: ['Alt+H'],
    enabled: (s) => Object.values(s.doc.layer.records).some((r) => r.hidden),
    run: (c) => {
      const ids = flagged(c, 'hidden');
      if (ids.length > 0) runEdit(c, { type: 'setHidden', ids, hidden: false });
    },
  },
  {
    id: 'object.lock',
    label: 'Lock selected',
    menu: 'Object',
    keys: ['Ctrl+L'],
    enabled: hasSelection,
    run: (c) => editSelection(c, (ids) => ({ type: 'setLocked', ids, locked: true })),
  },
  {
    id: 'object.unlock',
    label: 'Unlock all',
    menu: 'Object',
    keys: ['Ctrl+Alt+L'],
    enabled: (s) => Object.values(s.doc.layer.records).some((r) => r.locked),
    run: (c) => {
      const ids = flagged(c, 'locked');
      if (ids.length > 0) runEdit(c, { type: 'setLocked', ids, locked: false });
    },
  },

  {
    id: 'material.browser',
    label: 'Materials browser',
    menu: 'Material',
    keys: ['M'],
    checked: (s) => s.materials.browserOpen,
    run: (c) => c.store.getState().materialBrowserToggled(),
  },
  {
    id: 'material.apply',
    label: 'Apply material to selection',
    menu: 'Material',
    keys: ['Shift+M'],
    separator: true,
    enabled: (s) => applyBlocker(s, s.materials.selected) === null,
    run: (c) => void applyToSelection(c.store, c.store.getState().materials.selected),
  },
  {
    id: 'material.reset',
    label: 'Reset material of selection',
    menu: 'Material',
    enabled: (s) => selectionWithMaterial(s).length > 0,
    run: (c) => {
      const ids = selectionWithMaterial(c.store.getState());
      if (ids.length > 0) runEdit(c, { type: 'setMaterial', ids, material: null });
    },
  },
  {
    id: 'material.pick',
    label: "Choose the active object's material",
    menu: 'Material',
    enabled: (s) => activeMaterial(s) !== undefined,
    run: (c) => {
      const s = c.store.getState();
      const preset = activeMaterial(s);
      if (!preset) return;
      // Show it: a filter that hides it is cleared.
      const f = s.materials.filter;
      const found = resolvePreset(s, preset);
      const hidden =
        !found ||
        searchPresets([found], {
          query: f.query,
          ...(f.family ? { family: f.family } : {}),
          ...(f.favouritesOnly ? { ids: s.materials.favourites } : {}),
        }).length === 0;
      if (hidden) s.materialFilterSet({ query: '', family: null, favouritesOnly: false });
      s.materialSelected(preset);
      s.materialBrowserToggled(true);
    },
  },
  {
    id: 'material.edit',
    label: 'Edit material…',
    menu: 'Material',
    enabled: (s) => materialToEdit(s) !== null,
    run: (c) => {
      const s = c.store.getState();
      const id = materialToEdit(s);
      if (id) s.materialEditing(id);
    },
  },
  {
    id: 'material.import',
    label: 'Import material library…',
    menu: 'Material',
    separator: true,
    run: (c) => c.ui.importMaterials(),
  },
  {
    id: 'material.export',
    label: 'Export material library…',
    menu: 'Material',
    enabled: (s) => s.materials.userPresets.length > 0,
    run: (c) => c.ui.exportMaterials(),
  },

  {
    id: 'view.frame-selected',
    label: 'Frame selected',
    menu: 'View',
    keys: ['F', 'NumpadDecimal'],
    enabled: hasSelection,
    run: (c) => frame(c, c.store.getState().doc.selection),
  },
  {
    id: 'view.frame-all',
    label: 'Frame all',
    menu: 'View',
    keys: ['Home'],
    run: (c) => frame(c, 'all'),
  },
  view('front', 'Front', ['Numpad1', '1'], true),
  view('back', 'Back', ['Ctrl+Numpad1', 'Ctrl+1']),
  view('right', 'Right', ['Numpad3', '3']),
  view('left', 'Left', ['Ctrl+Numpad3', 'Ctrl+3']),
  view('top', 'Top', ['Numpad7', '7']),
  view('bottom', 'Bottom', ['Ctrl+Numpad7', 'Ctrl+7']),
  mode('lit', 'Lit (materials and lights)', true),
  mode('solid', 'Solid (clay)'),
  mode('wireframe', 'Wireframe'),
  {
    id: 'view.mode.cycle',
    label: 'Next shading mode',
    menu: 'View',
    keys: ['Shift+Z'],
    run: (c) => {
      const order: ViewMode[] = ['lit', 'solid', 'wireframe'];
      const s = c.store.getState();
      s.viewModeSet(order[(order.indexOf(s.view.mode) + 1) % order.length]!);
    },
  },
  {
    id: 'view.grid',
    label: 'Grid',
    menu: 'View',
    separator: true,
    checked: (s) => s.view.grid,
    run: (c) => c.store.getState().viewToggled('grid'),
  },
  {
    id: 'view.axes',
    label: 'Axes',
    menu: 'View',
    checked: (s) => s.view.axes,
    run: (c) => c.store.getState().viewToggled('axes'),
  },
  {
    id: 'view.left-panel',
    label: 'Spec panel',
    menu: 'View',
    keys: ['T'],
    separator: true,
    run: (c) => c.ui.togglePanel('left'),
  },
  {
    id: 'view.right-panel',
    label: 'Outliner and inspector',
    menu: 'View',
    keys: ['N'],
    run: (c) => c.ui.togglePanel('right'),
  },

  {
    id: 'help.shortcuts',
    label: 'Keyboard shortcuts',
    menu: 'Help',
    keys: ['?'],
    run: (c) => c.ui.toggleHelp(),
  },
];

export function actionById(id: string): Action {
  const action = STUDIO_ACTIONS.find((a) => a.id === id);
  if (!action) throw new Error(`no action ${id}`);
  return action;
}
