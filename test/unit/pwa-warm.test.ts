// The background caching of the large files, on an in-memory CacheStorage and a fake fetch.
import { createHash } from 'node:crypto';
import { describe, expect, it, vi } from 'vitest';
import {
  LARGE_FILES_CACHE,
  REVISION_HEADER,
  type LargeFileList,
} from '../../src/pwa/large-file-patterns';
import { warmLargeFiles } from '../../src/pwa/warm-large-files';

const ORIGIN = 'https://studio.example/';
const rev = (text: string) => createHash('sha256').update(text).digest('hex').slice(0, 16);

class MemoryCache {
  entries = new Map<string, Response>();
  async match(url: string) {
    return this.entries.get(url)?.clone();
  }
  async put(url: string, response: Response) {
    // Like the Cache API: the body is read in full.
    const body = await response.arrayBuffer();
    this.entries.set(url, new Response(body, response));
  }
  async delete(request: string | Request) {
    return this.entries.delete(typeof request === 'string' ? request : request.url);
  }
  async keys() {
    return [...this.entries.keys()].map((u) => new Request(u));
  }
}

function world(files: Record<string, string>, options: { fail?: string[] } = {}) {
  const list: LargeFileList = {
    version: 1,
    files: Object.entries(files).map(([path, text]) => ({
      path,
      size: text.length,
      revision: rev(text),
    })),
  };
  const cache = new MemoryCache();
  const opened: string[] = [];
  const caches = {
    open: async (name: string) => {
      opened.push(name);
      return cache as unknown as Cache;
    },
  };
  const fetched: string[] = [];
  const fetch = vi.fn(async (input: RequestInfo | URL) => {
    const url = String(input);
    fetched.push(url.replace(ORIGIN, ''));
    if (url.endsWith('large-files.json')) return Response.json(list);
    const path = url.replace(ORIGIN, '');
    if (options.fail?.includes(path)) throw new TypeError('Failed to fetch');
    const text = files[path];
    return text === undefined
      ? new Response('missing', { status: 404 })
      : new Response(text, { headers: { 'content-type': 'application/octet-stream' } });
  });
  const progress: { cached: number; total: number }[] = [];
  const warm = () =>
    warmLargeFiles({
      base: '/',
      origin: ORIGIN,
      caches,
      fetch: fetch as unknown as typeof globalThis.fetch,
      onProgress: (p) => progress.push(p),
    });
  return { cache, opened, fetched, progress, warm };
}

describe('warmLargeFiles', () => {
  it('with no large files, reads the list and fetches nothing else', async () => {
    const w = world({});
    await w.warm();
    expect(w.fetched).toEqual(['large-files.json']);
    expect(w.progress).toEqual([{ cached: 0, total: 0 }]);
  });

  it("fetches each file into the service worker's cache, stamped, reporting progress", async () => {
    const w = world({ 'models/a/model.onnx': 'model a', 'assets/ort.wasm': 'wasm' });
    await w.warm();
    expect(w.opened).toEqual([LARGE_FILES_CACHE]);
    expect(w.fetched).toEqual(['large-files.json', 'models/a/model.onnx', 'assets/ort.wasm']);
    expect(w.progress).toEqual([
      { cached: 0, total: 2 },
      { cached: 1, total: 2 },
      { cached: 2, total: 2 },
    ]);
    const cached = (await w.cache.match(`${ORIGIN}models/a/model.onnx`))!;
    expect(await cached.text()).toBe('model a');
    expect(cached.headers.get(REVISION_HEADER)).toBe(rev('model a'));
    expect(cached.headers.get('content-type')).toBe('application/octet-stream');
  });

  it('a second run finds them cached and fetches nothing', async () => {
    const w = world({ 'luts/film.cube': 'lut', 'assets/ort.wasm': 'wasm' });
    await w.warm();
    w.fetched.length = 0;
    w.progress.length = 0;
    await w.warm();
    expect(w.fetched).toEqual(['large-files.json']);
    expect(w.progress).toEqual([{ cached: 2, total: 2 }]);
  });

  it('fetches again a file whose cached copy is another revision (a new deploy)', async () => {
    const w = world({ 'models/a/model.onnx': 'new weights' });
    await w.cache.put(
      `${ORIGIN}models/a/model.onnx`,
      new Response('old weights', { headers: { [REVISION_HEADER]: rev('old weights') } }),
    );
    await w.warm();
    expect(w.fetched).toContain('models/a/model.onnx');
    expect(await (await w.cache.match(`${ORIGIN}models/a/model.onnx`))!.text()).toBe('new weights');
  });

  it('keeps a copy the service worker cached on first use when its bytes are right', async () => {
    const w = world({ 'models/a/model.onnx': 'weights', 'models/b/model.onnx': 'other' });
    await w.cache.put(`${ORIGIN}models/a/model.onnx`, new Response('weights'));
    await w.cache.put(`${ORIGIN}models/b/model.onnx`, new Response('stale'));
    await w.warm();
    expect(w.fetched).toEqual(['large-files.json', 'models/b/model.onnx']);
    const a = (await w.cache.match(`${ORIGIN}models/a/model.onnx`))!;
    expect(a.headers.get(REVISION_HEADER)).toBe(rev('weights'));
    expect(await (await w.cache.match(`${ORIGIN}models/b/model.onnx`))!.text()).toBe('other');
  });

  it('drops cached files the current version no longer lists', async () => {
    const w = world({ 'assets/ort-new.wasm': 'new' });
    await w.cache.put(`${ORIGIN}assets/ort-old.wasm`, new Response('old'));
    await w.warm();
    expect((await w.cache.keys()).map((r) => r.url)).toEqual([`${ORIGIN}assets/ort-new.wasm`]);
  });

  it('caches the others when one fails, then reports the failure', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const w = world(
      { 'models/a/x.bin': 'a', 'models/b/x.bin': 'b', 'models/c/x.bin': 'c' },
      { fail: ['models/b/x.bin'] },
    );
    await expect(w.warm()).rejects.toThrow('1 of 3 large files were not cached');
    expect(w.progress.at(-1)).toEqual({ cached: 2, total: 3 });
    expect(await w.cache.match(`${ORIGIN}models/c/x.bin`)).toBeDefined();
    expect(await w.cache.match(`${ORIGIN}models/b/x.bin`)).toBeUndefined();
    expect(warn).toHaveBeenCalledWith(
      expect.stringContaining('models/b/x.bin'),
      expect.any(TypeError),
    );
    warn.mockRestore();
  });

  it('refuses a list it cannot read', async () => {
    const fetch = async () => new Response('nope', { status: 404 });
    await expect(
      warmLargeFiles({
        base: '/',
        origin: ORIGIN,
        caches: { open: async () => new MemoryCache() as unknown as Cache },
        fetch: fetch as unknown as typeof globalThis.fetch,
      }),
    ).rejects.toThrow('large-files.json: HTTP 404');
  });
});
