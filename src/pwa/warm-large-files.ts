// After the first load, fetches the large files (ORT's wasm, shipped model packs, LUTs: see
// large-file-patterns.ts) into the cache the service worker serves them from (cache-first), one at
// a time and in the background, so they are there offline before their first use. A file already
// cached at the listed revision is kept; a changed one (a new deploy) is fetched again; files no
// longer listed are dropped. Reports progress as { cached, total }.
import {
  LARGE_FILES_CACHE,
  LARGE_FILES_LIST,
  REVISION_HEADER,
  type LargeFileEntry,
  type LargeFileList,
} from './large-file-patterns';

export interface WarmOptions {
  onProgress?: (progress: { cached: number; total: number }) => void;
  /** The site's base URL ("/"); import.meta.env.BASE_URL by default. */
  base?: string;
  /** globalThis.caches and fetch by default; fakes in tests. */
  caches?: Pick<CacheStorage, 'open'>;
  fetch?: typeof fetch;
  /** Resolved URLs are made absolute against this; location.href by default. */
  origin?: string;
  signal?: AbortSignal;
}

/** SHA-256 of the bytes, first 16 hex digits (build/large-files-plugin.ts computes the same). */
export async function revisionOf(bytes: ArrayBuffer): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
  return Array.from(digest.slice(0, 8), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** Whether the cached response is the listed revision; re-stamps a matching unstamped copy. */
async function isCurrent(cache: Cache, url: string, entry: LargeFileEntry): Promise<boolean> {
  const cached = await cache.match(url);
  if (!cached) return false;
  const stamped = cached.headers.get(REVISION_HEADER);
  if (stamped) return stamped === entry.revision;
  // Cached by the service worker on first use (no stamp): check the bytes, not just the name.
  const bytes = await cached.arrayBuffer();
  if (bytes.byteLength !== entry.size || (await revisionOf(bytes)) !== entry.revision) return false;
  await cache.put(url, stamp(new Response(bytes, cached), entry.revision));
  return true;
}

function stamp(response: Response, revision: string): Response {
  const headers = new Headers(response.headers);
  headers.set(REVISION_HEADER, revision);
  return new Response(response.body, {
    status: response.status,
    statusText: response.statusText,
    headers,
  });
}

export async function warmLargeFiles(options: WarmOptions = {}): Promise<void> {
  const cacheStorage = options.caches ?? globalThis.caches;
  const doFetch = options.fetch ?? globalThis.fetch.bind(globalThis);
  const base = options.base ?? import.meta.env.BASE_URL;
  const origin = options.origin ?? globalThis.location.href;
  const report = options.onProgress ?? (() => {});
  if (!cacheStorage) return;

  const listResponse = await doFetch(new URL(`${base}${LARGE_FILES_LIST}`, origin).href);
  if (!listResponse.ok) throw new Error(`${LARGE_FILES_LIST}: HTTP ${listResponse.status}`);
  const list = (await listResponse.json()) as LargeFileList;
  const files = list.files ?? [];
  const cache = await cacheStorage.open(LARGE_FILES_CACHE);
  const urls = files.map((f) => new URL(`${base}${f.path}`, origin).href);

  // Drop what the current version no longer lists (an old wasm after an ORT upgrade).
  const listed = new Set(urls);
  for (const request of await cache.keys()) {
    if (!listed.has(request.url)) await cache.delete(request);
  }

  let cached = 0;
  const pending: number[] = [];
  for (let i = 0; i < files.length; i++) {
    if (await isCurrent(cache, urls[i]!, files[i]!)) cached++;
    else pending.push(i);
  }
  report({ cached, total: files.length });

  let failures = 0;
  for (const i of pending) {
    if (options.signal?.aborted) return;
    const entry = files[i]!;
    const url = urls[i]!;
    try {
      // Drop a stale copy first, so the service worker's cache-first route fetches afresh.
      await cache.delete(url);
      const response = await doFetch(url, { cache: 'no-cache', signal: options.signal });
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      await cache.put(url, stamp(response, entry.revision));
      cached++;
      report({ cached, total: files.length });
    } catch (e) {
      if (options.signal?.aborted) return;
      failures++;
      console.warn(`Could not cache ${entry.path} for offline use:`, e);
    }
  }
  if (failures > 0) throw new Error(`${failures} of ${files.length} large files were not cached`);
}
