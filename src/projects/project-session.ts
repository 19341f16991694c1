// The contract between the studio and its projects: which project is open, whether its latest
// changes are saved, the storage situation, and every project action the UI and window.studio
// offer. Implemented by createProjectSession (create-project-session.ts) over a ProjectRepository,
// the store and the scene client; the UI only sees this interface.
import type { ProjectMeta, VersionMeta } from '../storage/project-repository';

export interface StorageInfo {
  /** false: IndexedDB could not be opened (a private window, a blocked origin): nothing is kept. */
  available: boolean;
  /** Why storage is unavailable, in words. */
  reason?: string;
  /** navigator.storage.persist()'s answer; null before asking or where it is not offered. */
  persisted: boolean | null;
  /** navigator.storage.estimate(), bytes. */
  usage?: number;
  quota?: number;
}

export type SaveStatus =
  /** Everything is written. */
  | 'saved'
  /** Changes are waiting for the throttled autosave. */
  | 'pending'
  | 'saving'
  /** The latest save failed (message says why); the next change retries. */
  | 'error'
  /** Another tab saved this project; this tab's changes are kept but not written until resolved. */
  | 'conflict'
  /** Storage is unavailable: nothing is kept. */
  | 'off';

export interface SessionState {
  project: ProjectMeta | null;
  save: SaveStatus;
  lastSaved?: number;
  /** Explains 'error' and 'conflict'. */
  message?: string;
  storage: StorageInfo;
  /** Every project, most recently updated first. */
  projects: readonly ProjectMeta[];
  /** The open project's versions, newest first. */
  versions: readonly VersionMeta[];
  /** Projects deleted in the last UNDO_DELETE_MS (restorable). */
  deleted: readonly ProjectMeta[];
}

/** How long a deleted project can be brought back from the UI. */
export const UNDO_DELETE_MS = 10_000;

export type ShareLinkResult =
  | { ok: true; url: string; /** Characters of the fragment. */ bytes: number }
  /** Why the scene cannot travel in a link (imported models, too many edits): offer a project file. */
  | { ok: false; reason: string };

export interface ProjectSession {
  state(): SessionState;
  /** Called after every change of state(); returns an unsubscribe function. */
  subscribe(listener: () => void): () => void;
  /** Starts a new project (the starter spec) and opens it; the current one is saved first. */
  newProject(name?: string): Promise<void>;
  open(id: string): Promise<void>;
  rename(id: string, name: string): Promise<void>;
  duplicate(id: string): Promise<void>;
  /** Deletes a project (restorable with undoRemove for UNDO_DELETE_MS). */
  remove(id: string): Promise<void>;
  undoRemove(id: string): Promise<void>;
  /** Keeps the open project's current state as a version with a message. */
  commit(message: string): Promise<VersionMeta>;
  /** Brings back a version's state as one undoable edit. */
  revert(versionId: string): Promise<void>;
  /** What changed from version `from` to version `to`, in words ('current' is the open state). */
  diff(from: string, to: string): Promise<string[]>;
  /** Writes pending changes now (autosave does this throttled and when the page hides). */
  saveNow(): Promise<void>;
  /** Conflict: drop this tab's unsaved changes and load what the other tab saved. */
  reloadFromStorage(): Promise<void>;
  /** Conflict: keep this tab's state as a new project. */
  saveAsCopy(): Promise<void>;
  /** A link that reproduces the open scene, or why there cannot be one. */
  shareLink(): Promise<ShareLinkResult>;
  /** The whole project as one file (.c3d.zip). */
  exportFile(options?: { versions?: boolean }): Promise<{ name: string; bytes: Uint8Array }>;
  /** Opens a project file as a new project (validated first; nothing current is overwritten). */
  importFile(bytes: Uint8Array, name: string): Promise<void>;
  /** Asks the browser to keep the studio's storage (navigator.storage.persist()). */
  requestPersistence(): Promise<boolean | null>;
  /** Re-reads usage and quota. */
  refreshStorage(): Promise<void>;
}
