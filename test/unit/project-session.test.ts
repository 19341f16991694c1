// The project session over the in-memory repository and a real store: a project reopens with the
// same scene hash, autosave writes, two tabs never overwrite each other silently, share links and
// project files round-trip, versions revert undoably, a full disk evicts cache before failing, and
// a studio without storage keeps working and says so.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ContentCache } from '../../src/cache/content-cache';
import { documentHash } from '../../src/core/document';
import { generateScene } from '../../src/core/scene/generate-scene';
import { sceneHash } from '../../src/core/scene/scene-hash';
import { sceneToGlb } from '../../src/export/scene-to-glb';
import { parseModelFile } from '../../src/import/parse-model-file';
import {
  createProjectSession,
  type ProjectSessionDeps,
  type StudioProjectSession,
} from '../../src/projects/create-project-session';
import type { TabMessage } from '../../src/projects/tab-sync';
import { createStudioStore, type StudioStore } from '../../src/state/store';
import { QuotaError } from '../../src/storage/idb';
import { createMemoryKeyValueDb } from '../../src/storage/memory-kv';
import type { ProjectRepository } from '../../src/storage/project-repository';
import { createProjectRepository } from '../../src/storage/project-repository-idb';

const example = (name: string): Record<string, unknown> =>
  JSON.parse(
    readFileSync(path.resolve(__dirname, `../../public/examples/${name}.json`), 'utf8'),
  ) as Record<string, unknown>;

const scenes = {
  generated: 0,
  async generate(spec: unknown) {
    this.generated++;
    const scene = await generateScene(spec);
    return { scene, hash: await sceneHash(scene) };
  },
  parseModel: (bytes: Uint8Array, name: string) => parseModelFile(bytes, name),
};

/** A BroadcastChannel between sessions in one test. */
function bus() {
  const members = new Map<string, (m: TabMessage) => void>();
  return (tab: string) => (on: (m: TabMessage) => void) => {
    members.set(tab, on);
    return {
      post: (m: TabMessage) => {
        for (const [id, deliver] of members) if (id !== tab) setTimeout(() => deliver(m), 0);
      },
      close: () => members.delete(tab),
    };
  };
}

interface Tab {
  store: StudioStore;
  session: StudioProjectSession;
  notes: string[];
}

function tab(
  repo: ProjectRepository,
  overrides: Partial<ProjectSessionDeps> & { hash?: string } = {},
): Tab {
  const store = createStudioStore({ storage: null });
  const notes: string[] = [];
  const notify = store.getState().notify;
  store.setState({
    notify: (kind, text) => {
      notes.push(text);
      return notify(kind, text);
    },
  });
  let hash = overrides.hash ?? '';
  const session = createProjectSession({
    store,
    repo,
    storage: { available: true },
    scenes,
    camera: () => ({ position: [8, 6, 8], target: [0, 1, 0] }),
    thumbnail: async () => new Uint8Array([137, 80, 78, 71, 13, 10, 26, 10]),
    page: {
      href: () => `http://localhost:4173/${hash ? `#${hash}` : ''}`,
      hash: () => hash,
      clearHash: () => {
        hash = '';
      },
    },
    tabId: Math.random().toString(36),
    tabSync: () => ({ post() {}, close() {} }),
    autosaveDelayMs: 5,
    ...overrides,
  });
  return { store, session, notes };
}

async function generate(t: Tab, spec: unknown) {
  const r = await scenes.generate(spec);
  t.store.getState().generationFinished(r.scene, r.hash, spec);
}

const hashOf = (t: Tab) => {
  const s = t.store.getState();
  return documentHash(s.scene.hash, s.doc.layer);
};

const firstId = (t: Tab) => `${t.store.getState().doc.index.parts[1]!.key}#0`;

const until = async (check: () => boolean, ms = 2000) => {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 5));
  }
};

describe('project session', () => {
  it('starts a project, autosaves edits and reopens them with the same scene hash', async () => {
    const repo = createProjectRepository(createMemoryKeyValueDb());
    const a = tab(repo);
    await a.session.start();
    expect(a.session.state().project?.name).toBe('Untitled project');
    await generate(a, example('primitives'));
    a.store.getState().edit({ type: 'translate', ids: [firstId(a)], delta: [1.25, 0, -0.5] });
    await until(() => a.session.state().save === 'saved' && a.session.revision() >= 1);
    await until(() => a.session.state().versions.length > 0);
    const sent = await hashOf(a);
    // The projects list follows the save: its thumbnail and time.
    const listed = a.session.state().projects.find((p) => p.id === a.session.state().project!.id);
    expect(listed?.revision).toBe(a.session.revision());
    expect(listed?.thumbnail).toBeDefined();
    expect(sent).not.toBe(a.store.getState().scene.hash);

    const b = tab(repo);
    await b.session.start();
    expect(b.session.state().project?.id).toBe(a.session.state().project?.id);
    expect(await hashOf(b)).toBe(sent);
    // Generating created an automatic version.
    expect(b.session.state().versions.some((v) => v.auto && /Generated/.test(v.message))).toBe(
      true,
    );
  });

  it('a second tab takes the first tab’s saves, or stops on a conflict without overwriting', async () => {
    const repo = createProjectRepository(createMemoryKeyValueDb());
    const link = bus();
    const a = tab(repo, { tabSync: link('a') });
    await a.session.start();
    await generate(a, example('primitives'));
    await a.session.saveNow();
    const b = tab(repo, { tabSync: link('b') });
    await b.session.start();
    expect(await hashOf(b)).toBe(await hashOf(a));

    // A edits and saves; B has nothing unsaved and follows.
    a.store.getState().edit({ type: 'setHidden', ids: [firstId(a)], hidden: true });
    await a.session.saveNow();
    await until(() => b.session.revision() === a.session.revision());
    expect(await hashOf(b)).toBe(await hashOf(a));

    // Both edit; A saves first; B is told and cannot overwrite A's save.
    b.session.state(); // B's edit is pending (not yet saved) when A's message arrives
    b.store.getState().edit({ type: 'translate', ids: [firstId(b)], delta: [0, 0, 3] });
    a.store.getState().edit({ type: 'translate', ids: [firstId(a)], delta: [2, 0, 0] });
    await a.session.saveNow();
    await until(() => b.session.state().save === 'conflict');
    await b.session.saveNow();
    const head = await repo.load(a.session.state().project!.id);
    expect(head.meta.revision).toBe(a.session.revision());
    expect(head.state.layer).toEqual(a.store.getState().doc.layer);
    expect(b.notes.some((n) => /another tab/.test(n))).toBe(true);

    // Keeping B's work as a copy leaves A's project as A saved it.
    await b.session.saveAsCopy();
    expect(b.session.state().project?.id).not.toBe(a.session.state().project?.id);
    expect(b.session.state().save).not.toBe('conflict');
  });

  it('shares the scene in a link that opens as a new project with the same hash', async () => {
    const repo = createProjectRepository(createMemoryKeyValueDb());
    const a = tab(repo);
    await a.session.start();
    await generate(a, example('primitives'));
    a.store.getState().edit({ type: 'translate', ids: [firstId(a)], delta: [0.1, 0.2, 0.3] });
    const link = await a.session.shareLink();
    if (!link.ok) throw new Error(link.reason);
    expect(link.url.startsWith('http://localhost:4173/#')).toBe(true);

    const other = createProjectRepository(createMemoryKeyValueDb());
    const b = tab(other, { hash: `#${link.url.split('#')[1]}` });
    await b.session.start();
    expect(await hashOf(b)).toBe(await hashOf(a));
    expect(b.store.getState().scene.camera).toEqual({ position: [8, 6, 8], target: [0, 1, 0] });
  });

  it('a broken link is refused with a message and the last project opens untouched', async () => {
    const repo = createProjectRepository(createMemoryKeyValueDb());
    const a = tab(repo);
    await a.session.start();
    await generate(a, example('primitives'));
    await a.session.saveNow();
    const before = await hashOf(a);
    const projects = (await repo.list()).length;
    const b = tab(repo, { hash: '#v1.AAAA-broken' });
    await b.session.start();
    expect(b.notes.some((n) => /share link could not be opened/.test(n))).toBe(true);
    expect(await hashOf(b)).toBe(before);
    expect((await repo.list()).length).toBe(projects);
  });

  it('reverts to a version as one undoable edit and describes the difference', async () => {
    const repo = createProjectRepository(createMemoryKeyValueDb());
    const a = tab(repo);
    await a.session.start();
    await generate(a, example('primitives'));
    const v1 = await a.session.commit('Before the move');
    const original = await hashOf(a);
    a.store.getState().edit({ type: 'translate', ids: [firstId(a)], delta: [3, 0, 0] });
    const moved = await hashOf(a);
    const lines = await a.session.diff(v1.id, 'current');
    expect(lines.some((l) => /Moved/.test(l))).toBe(true);
    await a.session.revert(v1.id);
    expect(await hashOf(a)).toBe(original);
    expect(a.store.getState().undo()).toBe(true);
    expect(await hashOf(a)).toBe(moved);
  });

  it('on a full disk evicts cache entries, never projects, and saves', async () => {
    const db = createMemoryKeyValueDb();
    const base = createProjectRepository(db);
    let fail = 1;
    const repo: ProjectRepository = {
      ...base,
      save: (...args) => {
        if (fail-- > 0) return Promise.reject(new QuotaError('storage is full'));
        return base.save(...args);
      },
    };
    const evicted: number[] = [];
    const cache = {
      evict: async (bytes: number) => {
        evicted.push(bytes);
        return bytes;
      },
    } as unknown as ContentCache;
    const a = tab(repo, { cache });
    await a.session.start();
    await generate(a, example('primitives'));
    await a.session.saveNow();
    expect(evicted.length).toBe(1);
    expect(a.session.state().save).toBe('saved');
    expect(a.notes.some((n) => /Your projects were not touched/.test(n))).toBe(true);
    expect((await base.load(a.session.state().project!.id)).state.generated).toBeDefined();
  });

  it('without storage the studio works and says nothing will be kept', async () => {
    const a = tab(createProjectRepository(createMemoryKeyValueDb()), {
      storage: { available: false, reason: 'IndexedDB cannot be opened' },
    });
    await a.session.start();
    expect(a.session.state().save).toBe('off');
    expect(a.notes.some((n) => /nothing will be kept/.test(n))).toBe(true);
    await generate(a, example('primitives'));
    await a.session.saveNow();
    expect(a.session.state().save).toBe('off');
  });

  it('a scene with an imported model travels as a project file, not a link', async () => {
    const repo = createProjectRepository(createMemoryKeyValueDb());
    const a = tab(repo);
    await a.session.start();
    const glb = await sceneToGlb(await generateScene(example('primitives')));
    const asset = await parseModelFile(glb, 'shapes.glb');
    await a.session.assetImported(asset.hash, 'shapes.glb', glb);
    a.store.getState().assetAdded(asset);
    a.store.getState().edit({ type: 'import', asset: asset.hash, name: 'shapes.glb' });
    const link = await a.session.shareLink();
    expect(link.ok).toBe(false);
    if (!link.ok) expect(link.reason).toMatch(/shapes\.glb.*project file/);

    const kept = await a.session.commit('With the model');
    const file = await a.session.exportFile({ versions: true });
    const other = createProjectRepository(createMemoryKeyValueDb());
    const b = tab(other);
    await b.session.start();
    await b.session.importFile(file.bytes, file.name);
    expect(await hashOf(b)).toBe(await hashOf(a));
    expect(Object.keys(b.store.getState().doc.assets)).toEqual([asset.hash]);
    // Versions travel with their messages and times.
    expect(b.session.state().versions.map((v) => [v.message, v.time])).toContainEqual([
      kept.message,
      kept.time,
    ]);
  });

  it('a deleted project comes back with undo, and the open one is replaced', async () => {
    const repo = createProjectRepository(createMemoryKeyValueDb());
    const a = tab(repo);
    await a.session.start();
    const first = a.session.state().project!;
    await a.session.newProject('Second');
    expect(a.session.state().project?.name).toBe('Second');
    await a.session.remove(first.id);
    expect(a.session.state().projects.map((p) => p.id)).not.toContain(first.id);
    expect(a.session.state().deleted.map((p) => p.id)).toContain(first.id);
    await a.session.undoRemove(first.id);
    expect(a.session.state().projects.map((p) => p.id)).toContain(first.id);
    a.session.dispose();
  });
});
