// window.studio.projects: the project session for scripts and tests (docs/API.md).
import type { StudioProjectSession } from '../projects/create-project-session';
import type { SessionState } from '../projects/project-session';
import type { VersionMeta } from '../storage/project-repository';

export interface StudioProjectSummary {
  id: string;
  name: string;
  revision: number;
  updated: number;
}

export interface StudioVersionSummary {
  id: string;
  message: string;
  time: number;
  auto: boolean;
  thumbnail: boolean;
}

export interface StudioProjectsApi {
  /** Resolves once the project (or the share link) in the address is open. */
  whenStarted(): Promise<void>;
  /** The open project (null before the session has started). */
  current(): StudioProjectSummary | null;
  /** Every project, most recently updated first. */
  list(): StudioProjectSummary[];
  /** Save status, storage and the last message ('saved', 'pending', 'saving', 'conflict', …). */
  status(): Pick<SessionState, 'save' | 'message' | 'storage' | 'lastSaved'>;
  /** Writes pending changes now; resolves with the head revision written. */
  saveNow(): Promise<number>;
  create(name?: string): Promise<StudioProjectSummary>;
  open(id: string): Promise<void>;
  rename(id: string, name: string): Promise<void>;
  duplicate(id: string): Promise<void>;
  remove(id: string): Promise<void>;
  undoRemove(id: string): Promise<void>;
  commit(message: string): Promise<StudioVersionSummary>;
  versions(): StudioVersionSummary[];
  /** One undoable edit back to a version. */
  revert(versionId: string): Promise<void>;
  /** What changed between two versions ('current' is the open state), in words. */
  diff(from: string, to: string): Promise<string[]>;
  /** The project file's bytes (.c3d.zip). */
  exportFile(options?: { versions?: boolean }): Promise<Uint8Array>;
  /** Opens a project file as a new project; rejects naming the problem, changing nothing. */
  importFile(bytes: Uint8Array, name: string): Promise<void>;
  /** Conflict: take the other tab's state / keep this tab's as a copy. */
  reloadFromStorage(): Promise<void>;
  saveAsCopy(): Promise<void>;
}

function summary(p: {
  id: string;
  name: string;
  revision: number;
  updated: number;
}): StudioProjectSummary {
  return { id: p.id, name: p.name, revision: p.revision, updated: p.updated };
}

function version(v: VersionMeta): StudioVersionSummary {
  return { id: v.id, message: v.message, time: v.time, auto: v.auto, thumbnail: !!v.thumbnail };
}

export function createStudioProjectsApi(
  session: () => StudioProjectSession,
  started: Promise<void>,
): StudioProjectsApi {
  const s = () => session();
  return {
    whenStarted: () => started,
    current() {
      const p = s().state().project;
      return p ? { ...summary(p), revision: s().revision() } : null;
    },
    list: () => s().state().projects.map(summary),
    status() {
      const { save, message, storage, lastSaved } = s().state();
      return {
        save,
        storage,
        ...(message ? { message } : {}),
        ...(lastSaved ? { lastSaved } : {}),
      };
    },
    saveNow: () => s().saveAndReport(),
    async create(name) {
      await s().newProject(name);
      return this.current()!;
    },
    open: (id) => s().open(id),
    rename: (id, name) => s().rename(id, name),
    duplicate: (id) => s().duplicate(id),
    remove: (id) => s().remove(id),
    undoRemove: (id) => s().undoRemove(id),
    commit: async (message) => version(await s().commit(message)),
    versions: () => s().state().versions.map(version),
    revert: (id) => s().revert(id),
    diff: (from, to) => s().diff(from, to),
    exportFile: async (options) => (await s().exportFile(options)).bytes,
    importFile: (bytes, name) => s().importFile(bytes, name),
    reloadFromStorage: () => s().reloadFromStorage(),
    saveAsCopy: () => s().saveAsCopy(),
  };
}
