// The studio's project session: which project is open, autosave (throttled, flushed when the page
// hides), versions, the two-tab protocol, storage status, and the project's travels (share links,
// project files). Everything it touches is passed in; the composition root makes one.
//
// Never losing work rests on three things: every save is one strict transaction that writes the
// new state and moves the head only if it is still where this tab left it (repository); a save
// that finds another tab's revision stops autosave and asks the user (conflict), never overwrites;
// and a quota error evicts cache entries, never project data, before trying once more.
import { EMPTY_LAYER } from '../core/document/edit-layer';
import { getObject } from '../core/document/document-objects';
import { baseMatrix, lookupGenerated } from '../core/document/object-index';
import { diffProjectStates } from '../core/project/diff';
import {
  readProjectFile,
  writeProjectFile,
  type ProjectFileContents,
} from '../core/project/project-file';
import {
  PROJECT_STATE_VERSION,
  validateProjectState,
  type ProjectAssetRef,
  type ProjectCamera,
  type ProjectState,
} from '../core/project/project-state';
import { decodeShare, encodeShare, isShareFragment } from '../core/share/share-link';
import type { ContentCache } from '../cache/content-cache';
import type { SceneClient } from '../generation/scene-client';
import { STARTER_SPEC } from '../state/spec-slice';
import type { StudioStore } from '../state/store';
import { QuotaError } from '../storage/idb';
import {
  ConflictError,
  type ProjectMeta,
  type ProjectRepository,
  type VersionMeta,
} from '../storage/project-repository';
import { createAutosave, type AutosaveTimers } from './autosave';
import { applyProjectState, captureProjectState } from './project-document';
import {
  UNDO_DELETE_MS,
  type ProjectSession,
  type SessionState,
  type ShareLinkResult,
  type StorageInfo,
} from './project-session';
import {
  estimateUsage,
  persistedState,
  requestPersist,
  type StorageManagerLike,
} from './storage-status';
import { createTabSync, type TabMessage, type TabSync } from './tab-sync';

export interface ProjectSessionDeps {
  store: StudioStore;
  repo: ProjectRepository;
  /** Whether `repo` is on IndexedDB; false: in memory, nothing survives the tab. */
  storage: StorageAvailability | Promise<StorageAvailability>;
  scenes: Pick<SceneClient, 'generate' | 'parseModel'>;
  /** Evicted first when storage is full. */
  cache?: ContentCache;
  camera: () => ProjectCamera | null;
  /** A small PNG of the viewport (null when there is no viewport yet). */
  thumbnail: () => Promise<Uint8Array | null>;
  /** The page's address: read at start for a share link; `clearHash` removes it once opened. */
  page: { href: () => string; hash: () => string; clearHash: () => void };
  navigatorStorage?: StorageManagerLike;
  /** Where the id of the last opened project is remembered (localStorage). */
  remember?: { get(): string | null; set(id: string): void };
  tabId: string;
  /** Makes the channel to other tabs (BroadcastChannel by default). */
  tabSync?: (onMessage: (m: TabMessage) => void) => TabSync;
  timers?: AutosaveTimers;
  autosaveDelayMs?: number;
  now?: () => number;
}

export interface StorageAvailability {
  available: boolean;
  reason?: string;
}

export interface StudioProjectSession extends ProjectSession {
  /** Opens the share link in the address, or the last project, or a new one. */
  start(): Promise<void>;
  /** An imported file's bytes, kept with the project (call before its 'import' edit lands). */
  assetImported(hash: string, name: string, bytes: Uint8Array): Promise<void>;
  /** Opens a share link's fragment as a new project (the address changed under an open tab). */
  openLink(hash: string): Promise<boolean>;
  /** The open project's head revision (what the last save wrote). */
  revision(): number;
  /** Saves now and returns the revision written. */
  saveAndReport(): Promise<number>;
  dispose(): void;
}

/** Thumbnails are retaken at most this often by autosave (commits always take one). */
const THUMBNAIL_EVERY_MS = 60_000;

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export function createProjectSession(deps: ProjectSessionDeps): StudioProjectSession {
  const { store, repo } = deps;
  const now = deps.now ?? Date.now;
  const listeners = new Set<() => void>();
  const knownAssets = new Map<string, ProjectAssetRef>();
  // Until the probe answers, storage is assumed to work (start() waits for the answer).
  let available = true;
  let state: SessionState = {
    project: null,
    save: 'saved',
    storage: { available: true, persisted: null },
    projects: [],
    versions: [],
    deleted: [],
  };
  let revision = 0;
  /** Counts document changes; a save records the count it wrote. */
  let changes = 0;
  let savedChanges = 0;
  /** True while a kept state is being put in place: those store changes are not the user's. */
  let applying = false;
  let lastThumbnail = 0;
  let pendingAutoVersion: string | null = null;
  const deleteTimers = new Map<string, ReturnType<typeof setTimeout>>();

  const emit = () => listeners.forEach((l) => l());
  const update = (patch: Partial<SessionState>) => {
    state = { ...state, ...patch };
    emit();
  };
  const notify = (kind: 'error' | 'info', text: string) => store.getState().notify(kind, text);
  const unsaved = () => changes !== savedChanges;

  const refreshLists = async () => {
    const [projects, deleted, versions] = await Promise.all([
      repo.list(),
      repo.listDeleted(),
      state.project ? repo.versions(state.project.id) : Promise.resolve([] as VersionMeta[]),
    ]);
    const cutoff = now() - UNDO_DELETE_MS;
    update({
      projects,
      deleted: deleted.filter((p) => (p.deleted ?? 0) >= cutoff),
      versions,
      ...(state.project
        ? { project: projects.find((p) => p.id === state.project!.id) ?? state.project }
        : {}),
    });
  };

  const capture = (): ProjectState => captureProjectState(store, knownAssets, deps.camera());

  /** The scene the last thumbnail showed: a new scene is worth a new thumbnail at once. */
  let thumbnailScene: unknown;
  const thumbnailIfDue = async (force: boolean): Promise<Uint8Array | undefined> => {
    const scene = store.getState().scene.data;
    const stale = now() - lastThumbnail >= THUMBNAIL_EVERY_MS || scene !== thumbnailScene;
    if (!force && !stale) return undefined;
    try {
      const png = await deps.thumbnail();
      if (png) {
        lastThumbnail = now();
        thumbnailScene = scene;
      }
      return png ?? undefined;
    } catch {
      return undefined;
    }
  };

  /** Runs a repository write; on a full disk, frees cache entries (never projects) and retries once. */
  const withRoom = async <T>(write: () => Promise<T>): Promise<T> => {
    try {
      return await write();
    } catch (error) {
      if (!(error instanceof QuotaError) || !deps.cache) throw error;
      const freed = await deps.cache.evict(64 * 1024 * 1024);
      notify(
        'info',
        `Storage was full: ${(freed / 1048576).toFixed(1)} MB of cached data was removed to make room. Your projects were not touched.`,
      );
      return await write();
    }
  };

  const save = async (): Promise<void> => {
    const project = state.project;
    if (!project || state.save === 'conflict') return;
    const upTo = changes;
    const snapshot = capture();
    update({ save: 'saving' });
    try {
      const thumbnail = await thumbnailIfDue(false);
      const meta = await withRoom(() => repo.save(project.id, snapshot, revision, thumbnail));
      revision = meta.revision;
      savedChanges = Math.max(savedChanges, upTo);
      update({
        project: meta,
        // The list shows the new time and thumbnail, most recently updated first.
        projects: [meta, ...state.projects.filter((p) => p.id !== meta.id)],
        save: unsaved() ? 'pending' : available ? 'saved' : 'off',
        lastSaved: meta.updated,
        message: undefined,
      });
      sync?.post({ type: 'saved', projectId: meta.id, revision: meta.revision });
      if (pendingAutoVersion) {
        const message = pendingAutoVersion;
        pendingAutoVersion = null;
        await withRoom(async () => repo.commit(meta.id, message, true, await thumbnailIfDue(true)));
        update({ versions: await repo.versions(meta.id) });
      }
    } catch (error) {
      if (error instanceof ConflictError) {
        update({ save: 'conflict', message: error.message });
        notify('error', `${project.name}: ${error.message}`);
        return;
      }
      const text =
        error instanceof QuotaError
          ? 'storage is full even after clearing the cache; free some space or export a project file'
          : errorText(error);
      update({ save: 'error', message: text });
      notify('error', `${project.name} could not be saved: ${text}`);
      throw error;
    }
  };

  const autosave = createAutosave({
    save,
    ...(deps.autosaveDelayMs !== undefined ? { delayMs: deps.autosaveDelayMs } : {}),
    ...(deps.timers ? { timers: deps.timers } : {}),
  });

  const unsubscribe = store.subscribe((s, prev) => {
    if (
      s.spec.draft === prev.spec.draft &&
      s.scene.data === prev.scene.data &&
      s.doc.layer === prev.doc.layer
    ) {
      return;
    }
    if (applying) return;
    changes++;
    if (s.scene.data !== prev.scene.data && s.scene.data && s.scene.status === 'ready') {
      const last = s.doc.history.past[s.doc.history.past.length - 1];
      if (last?.command.type === 'regenerate')
        pendingAutoVersion = `Generated ${s.scene.data.name}`;
    }
    if (state.project && state.save !== 'conflict') {
      if (state.save !== 'off') update({ save: 'pending' });
      autosave.changed();
    }
  });

  const apply = async (next: ProjectState, label?: string) => {
    applying = true;
    try {
      await applyProjectState(
        {
          store,
          scenes: deps.scenes,
          assetBytes: async (hash) => extraAssets.get(hash) ?? (await repo.getAsset(hash)),
        },
        next,
        label,
      );
      for (const ref of next.assets) knownAssets.set(ref.hash, ref);
    } finally {
      applying = false;
    }
  };
  /** Asset bytes that arrived with a project file, before they are in the repository. */
  const extraAssets = new Map<string, { name: string; bytes: Uint8Array }>();

  const openLoaded = async (meta: ProjectMeta, kept: ProjectState) => {
    await apply(kept);
    revision = meta.revision;
    savedChanges = changes;
    state = { ...state, project: meta, save: available ? 'saved' : 'off' };
    delete state.message;
    deps.remember?.set(meta.id);
    await refreshLists();
  };

  const open = async (id: string) => {
    if (state.project && state.save !== 'conflict') await autosave.flush();
    const saved = await repo.load(id);
    await openLoaded(saved.meta, saved.state);
  };

  const starterState = (): ProjectState => ({
    version: PROJECT_STATE_VERSION,
    draft: structuredClone(STARTER_SPEC),
    layer: EMPTY_LAYER,
    assets: [],
  });

  const createAndOpen = async (name: string, initial: ProjectState, thumbnail?: Uint8Array) => {
    const meta = await withRoom(() => repo.create(name, initial, thumbnail));
    sync?.post({ type: 'projects-changed' });
    await openLoaded(meta, initial);
    return meta;
  };

  const uniqueName = (base: string) => {
    const names = new Set(state.projects.map((p) => p.name));
    if (!names.has(base)) return base;
    for (let i = 2; ; i++) if (!names.has(`${base} ${i}`)) return `${base} ${i}`;
  };

  const onTabMessage = (message: TabMessage) => {
    void (async () => {
      if (message.type === 'projects-changed') {
        await refreshLists();
        return;
      }
      const project = state.project;
      if (!project || message.projectId !== project.id || message.revision <= revision) return;
      if (unsaved() || autosave.busy()) {
        update({
          save: 'conflict',
          message:
            'This project was changed in another tab. Load that version, or keep yours as a copy.',
        });
        notify('error', `${project.name} was changed in another tab; this tab stopped saving.`);
        return;
      }
      const saved = await repo.load(project.id);
      await openLoaded(saved.meta, saved.state);
      notify('info', `${project.name} was updated with changes made in another tab.`);
    })().catch((error: unknown) => notify('error', `Another tab's change: ${errorText(error)}`));
  };
  let sync: TabSync | undefined;

  const refreshStorage = async () => {
    const usage = await estimateUsage(deps.navigatorStorage);
    const storage: StorageInfo = { ...state.storage };
    delete storage.usage;
    delete storage.quota;
    update({ storage: { ...storage, ...usage } });
  };

  const openShareFragment = async (fragment: string): Promise<boolean> => {
    let kept: ProjectState;
    let name: string;
    try {
      const payload = decodeShare(fragment);
      kept = validateProjectState(
        {
          version: PROJECT_STATE_VERSION,
          draft: payload.spec,
          generated: payload.spec,
          layer: payload.layer,
          assets: [],
          ...(payload.camera ? { camera: payload.camera } : {}),
        },
        'link',
      );
      name = payload.name ?? 'Shared scene';
    } catch (error) {
      notify('error', `This share link could not be opened: ${errorText(error)}`);
      deps.page.clearHash();
      return false;
    }
    try {
      if (state.project && state.save !== 'conflict') await autosave.flush();
      await createAndOpen(uniqueName(name), kept);
      deps.page.clearHash();
      return true;
    } catch (error) {
      notify('error', `The shared scene could not be built: ${errorText(error)}`);
      return false;
    }
  };

  const stateOf = async (which: string): Promise<ProjectState> => {
    if (which === 'current') return capture();
    if (!state.project) throw new Error('no project is open');
    return repo.loadVersion(state.project.id, which);
  };

  const nameOf = (id: string): string => {
    const s = store.getState();
    return getObject({ index: s.doc.index, layer: s.doc.layer }, id)?.name ?? id;
  };

  const session: StudioProjectSession = {
    state: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },

    async start() {
      const storage = await deps.storage;
      available = storage.available;
      if (available) sync = (deps.tabSync ?? ((on) => createTabSync(deps.tabId, on)))(onTabMessage);
      else {
        update({
          save: 'off',
          storage: {
            available: false,
            persisted: null,
            ...(storage.reason ? { reason: storage.reason } : {}),
          },
        });
      }
      try {
        await repo.purgeDeleted(now() - UNDO_DELETE_MS);
        await refreshLists();
      } catch (error) {
        notify('error', `Saved projects could not be read: ${errorText(error)}`);
      }
      if (available) {
        void persistedState(deps.navigatorStorage).then(async (persisted) => {
          const granted = persisted || (await requestPersist(deps.navigatorStorage));
          update({ storage: { ...state.storage, persisted: granted } });
          await refreshStorage();
        });
      } else {
        notify(
          'error',
          `Storage is unavailable${storage.reason ? ` (${storage.reason})` : ''}: the studio works, but nothing will be kept when this tab closes.`,
        );
      }
      const hash = deps.page.hash();
      if (isShareFragment(hash) && (await openShareFragment(hash))) return;
      const last = deps.remember?.get();
      const candidates = [
        ...state.projects.filter((p) => p.id === last),
        ...state.projects.filter((p) => p.id !== last),
      ];
      for (const meta of candidates.slice(0, 3)) {
        try {
          await open(meta.id);
          return;
        } catch (error) {
          notify('error', `Project "${meta.name}" could not be opened: ${errorText(error)}`);
        }
      }
      // Nothing kept yet (or nothing readable): the studio as it is becomes the first project.
      await createAndOpen(uniqueName('Untitled project'), capture());
    },

    async assetImported(hash, name, bytes) {
      knownAssets.set(hash, { hash, name, bytes: bytes.byteLength });
      pendingAutoVersion = `Imported ${name}`;
      await withRoom(() => repo.putAsset(hash, name, bytes));
    },

    revision: () => revision,

    openLink: (hash) => (isShareFragment(hash) ? openShareFragment(hash) : Promise.resolve(false)),

    async saveAndReport() {
      await autosave.flush();
      if (unsaved() && state.save !== 'conflict') await save();
      return revision;
    },

    async newProject(name) {
      if (state.project && state.save !== 'conflict') await autosave.flush();
      const initial = starterState();
      await createAndOpen(uniqueName(name?.trim() || 'Untitled project'), initial);
    },

    open,

    async rename(id, name) {
      const meta = await repo.rename(id, name);
      if (state.project?.id === id) update({ project: meta });
      sync?.post({ type: 'projects-changed' });
      await refreshLists();
    },

    async duplicate(id) {
      const source = state.projects.find((p) => p.id === id);
      if (state.project?.id === id) await autosave.flush();
      await withRoom(() => repo.duplicate(id, uniqueName(`${source?.name ?? 'Project'} copy`)));
      sync?.post({ type: 'projects-changed' });
      await refreshLists();
    },

    async remove(id) {
      await repo.remove(id);
      sync?.post({ type: 'projects-changed' });
      const timer = setTimeout(() => {
        deleteTimers.delete(id);
        void refreshLists();
      }, UNDO_DELETE_MS);
      deleteTimers.set(id, timer);
      if (state.project?.id === id) {
        state = { ...state, project: null };
        const next = (await repo.list())[0];
        if (next) await open(next.id);
        else await createAndOpen(uniqueName('Untitled project'), starterState());
      }
      await refreshLists();
    },

    async undoRemove(id) {
      clearTimeout(deleteTimers.get(id));
      deleteTimers.delete(id);
      await repo.restore(id);
      sync?.post({ type: 'projects-changed' });
      await refreshLists();
    },

    async commit(message) {
      const project = state.project;
      if (!project) throw new Error('no project is open');
      const text = message.trim() || 'Version';
      if (state.save !== 'conflict') await session.saveAndReport();
      const version = await withRoom(async () =>
        repo.commit(project.id, text, false, await thumbnailIfDue(true)),
      );
      update({ versions: await repo.versions(project.id) });
      return version;
    },

    async revert(versionId) {
      const project = state.project;
      if (!project) throw new Error('no project is open');
      const version = state.versions.find((v) => v.id === versionId);
      const kept = await repo.loadVersion(project.id, versionId);
      const label = `Revert to "${version?.message ?? versionId}"`;
      await apply(kept, label);
      // A revert is the user's change: saved like any edit (undo brings the previous state back).
      changes++;
      pendingAutoVersion = label.replace('Revert', 'Reverted');
      autosave.changed();
      update({ save: state.save === 'off' ? 'off' : 'pending' });
    },

    async diff(from, to) {
      const [a, b] = await Promise.all([stateOf(from), stateOf(to)]);
      const index = store.getState().doc.index;
      return diffProjectStates(a, b, nameOf, {
        baseMatrix: (id) => {
          const found = lookupGenerated(index, id);
          return found ? baseMatrix(index, found.part, found.instance) : undefined;
        },
      });
    },

    async saveNow() {
      await session.saveAndReport();
    },

    async reloadFromStorage() {
      const project = state.project;
      if (!project) return;
      const saved = await repo.load(project.id);
      await openLoaded(saved.meta, saved.state);
    },

    async saveAsCopy() {
      const project = state.project;
      if (!project) return;
      await createAndOpen(uniqueName(`${project.name} (this tab)`), capture());
      notify('info', `Your changes were kept as a new project.`);
    },

    async shareLink(): Promise<ShareLinkResult> {
      const current = capture();
      if (current.assets.length > 0) {
        const names = current.assets.map((a) => a.name).join(', ');
        return {
          ok: false,
          reason: `This scene has imported models (${names}); a link cannot carry them. Export a project file instead.`,
        };
      }
      if (current.generated === undefined) {
        return { ok: false, reason: 'There is nothing to share yet: generate a scene first.' };
      }
      try {
        const { fragment, chars } = encodeShare({
          ...(state.project ? { name: state.project.name } : {}),
          spec: current.generated,
          layer: current.layer,
          ...(current.camera ? { camera: current.camera } : {}),
        });
        const base = deps.page.href().split('#')[0]!;
        return { ok: true, url: `${base}#${fragment}`, bytes: chars };
      } catch (error) {
        return { ok: false, reason: `${errorText(error)} Export a project file instead.` };
      }
    },

    async exportFile(options = {}) {
      const project = state.project;
      const current = capture();
      const assets = [];
      for (const ref of current.assets) {
        const found = extraAssets.get(ref.hash) ?? (await repo.getAsset(ref.hash));
        if (!found) throw new Error(`the imported model ${ref.name} is missing from storage`);
        assets.push({ hash: ref.hash, name: ref.name, bytes: found.bytes });
      }
      const contents: ProjectFileContents = {
        name: project?.name ?? 'Untitled project',
        created: project?.created ?? now(),
        state: current,
        assets,
        ...(project?.thumbnail ? { thumbnail: project.thumbnail } : {}),
      };
      if (options.versions && project) {
        const versions = [];
        for (const v of await repo.versions(project.id)) {
          const vs = await repo.loadVersion(project.id, v.id);
          for (const ref of vs.assets) {
            if (assets.some((a) => a.hash === ref.hash)) continue;
            const found = await repo.getAsset(ref.hash);
            if (found) assets.push({ hash: ref.hash, name: ref.name, bytes: found.bytes });
          }
          versions.push({
            id: v.id,
            message: v.message,
            time: v.time,
            auto: v.auto,
            revision: v.revision,
            state: vs,
            ...(v.thumbnail ? { thumbnail: v.thumbnail } : {}),
          });
        }
        contents.versions = versions;
      }
      const slug = contents.name.replace(/[^\w.-]+/g, '-').replace(/^-+|-+$/g, '') || 'project';
      return { name: `${slug}.c3d.zip`, bytes: writeProjectFile(contents) };
    },

    async importFile(bytes, name) {
      const contents = await readProjectFile(bytes, name);
      for (const asset of contents.assets) {
        extraAssets.set(asset.hash, { name: asset.name, bytes: asset.bytes });
        knownAssets.set(asset.hash, {
          hash: asset.hash,
          name: asset.name,
          bytes: asset.bytes.byteLength,
        });
        await withRoom(() => repo.putAsset(asset.hash, asset.name, asset.bytes));
      }
      if (state.project && state.save !== 'conflict') await autosave.flush();
      const versions = [...(contents.versions ?? [])].sort((a, b) => a.time - b.time);
      const first = versions[0]?.state ?? contents.state;
      const meta = await withRoom(() =>
        repo.create(uniqueName(contents.name), first, contents.thumbnail),
      );
      // Versions are replayed oldest first (each saved as the head, then kept), then the head.
      let rev = meta.revision;
      for (const [i, v] of versions.entries()) {
        if (i > 0) rev = (await repo.save(meta.id, v.state, rev)).revision;
        await repo.commit(meta.id, v.message, v.auto, v.thumbnail, v.time);
      }
      if (versions.length > 0) {
        await repo.save(meta.id, contents.state, rev, contents.thumbnail);
      }
      const saved = await repo.load(meta.id);
      sync?.post({ type: 'projects-changed' });
      await openLoaded(saved.meta, saved.state);
      for (const asset of contents.assets) extraAssets.delete(asset.hash);
    },

    async requestPersistence() {
      const granted = await requestPersist(deps.navigatorStorage);
      update({ storage: { ...state.storage, persisted: granted } });
      return granted;
    },

    refreshStorage,

    dispose() {
      unsubscribe();
      autosave.stop();
      sync?.close();
      deleteTimers.forEach((t) => clearTimeout(t));
    },
  };

  return session;
}
