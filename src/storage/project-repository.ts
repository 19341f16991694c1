// The contract of where projects live: several projects, each with a head state that autosave
// replaces atomically (new state written and the head pointer moved in one strict transaction, only
// if nobody else moved it first), versions with messages and thumbnails, and imported assets'
// bytes by content hash. Implemented on IndexedDB (project-repository-idb.ts) and in memory (tests,
// and private windows where IndexedDB cannot be opened).
import type { ProjectState } from '../core/project/project-state';

export interface ProjectMeta {
  id: string;
  name: string;
  /** Epoch milliseconds. */
  created: number;
  updated: number;
  /** Increases by one with every save; a save names the revision it builds on. */
  revision: number;
  /** PNG bytes of a small view of the scene (about 160x90), when one was captured. */
  thumbnail?: Uint8Array;
  /** When the project was deleted (it can be restored until purged). */
  deleted?: number;
}

export interface VersionMeta {
  id: string;
  projectId: string;
  message: string;
  time: number;
  /** Made by the studio on an important event (generation, import, before a revert). */
  auto: boolean;
  /** The head revision the version was taken from. */
  revision: number;
  thumbnail?: Uint8Array;
}

export interface SavedProject {
  meta: ProjectMeta;
  state: ProjectState;
}

/** A save that names a revision other than the head: another tab saved in between. */
export class ConflictError extends Error {
  override name = 'ConflictError';
  constructor(
    readonly projectId: string,
    readonly expected: number,
    readonly actual: number,
  ) {
    super(
      `project ${projectId} was saved elsewhere (revision ${actual}, this tab had ${expected}); reload it or save a copy`,
    );
  }
}

export interface ProjectRepository {
  /** Projects not deleted, most recently updated first. */
  list(): Promise<ProjectMeta[]>;
  /** Deleted projects not yet purged, most recently deleted first. */
  listDeleted(): Promise<ProjectMeta[]>;
  create(name: string, state: ProjectState, thumbnail?: Uint8Array): Promise<ProjectMeta>;
  /** The head state. Throws ProjectDataError if what is stored fails validation. */
  load(id: string): Promise<SavedProject>;
  meta(id: string): Promise<ProjectMeta | undefined>;
  /**
   * Writes `state` as the new head: the state and the moved pointer in one strict transaction, only
   * if the head is still at `expectedRevision` (else ConflictError, nothing written).
   */
  save(
    id: string,
    state: ProjectState,
    expectedRevision: number,
    thumbnail?: Uint8Array,
  ): Promise<ProjectMeta>;
  rename(id: string, name: string): Promise<ProjectMeta>;
  /** A new project with the head state, the assets and (copied) versions of `id`. */
  duplicate(id: string, name: string): Promise<ProjectMeta>;
  /** Marks deleted; restore() brings it back until purgeDeleted removes it for good. */
  remove(id: string): Promise<void>;
  restore(id: string): Promise<ProjectMeta>;
  /** Removes projects deleted before `before` (epoch ms) with their states, versions and unused assets. */
  purgeDeleted(before: number): Promise<number>;
  /** Keeps the current head state as a version (`time`: when it was made, if not now: imports). */
  commit(
    id: string,
    message: string,
    auto: boolean,
    thumbnail?: Uint8Array,
    time?: number,
  ): Promise<VersionMeta>;
  /** Versions, newest first. */
  versions(id: string): Promise<VersionMeta[]>;
  loadVersion(projectId: string, versionId: string): Promise<ProjectState>;
  /** Stores an imported file's bytes under its SHA-256 (idempotent). */
  putAsset(hash: string, name: string, bytes: Uint8Array): Promise<void>;
  getAsset(hash: string): Promise<{ name: string; bytes: Uint8Array } | undefined>;
}
