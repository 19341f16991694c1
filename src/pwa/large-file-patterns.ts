// Which files are "large": fetched into their own cache in the background after the first load
// (warm-large-files.ts) and served cache-first by the service worker, instead of being precached
// with the app shell (which must stay small so the studio is offline-ready quickly). Shared by the
// build (build/large-files-plugin.ts, vite.config.ts) and the page; no DOM or Node imports.

/** The cache both the service worker's runtime route and the page's warmer use. */
export const LARGE_FILES_CACHE = 'c3d-large-files';

/** Written to the build output by build/large-files-plugin.ts, read by the warmer. */
export const LARGE_FILES_LIST = 'large-files.json';

/** The response header the warmer stores a cached large file's revision in. */
export const REVISION_HEADER = 'x-c3d-revision';

/** Folders (relative to the base) whose every file is large: shipped model packs and LUTs. */
export const LARGE_FOLDERS = ['models', 'luts'] as const;
/** Extensions that are large wherever they are: ORT's wasm, ONNX models. */
export const LARGE_EXTENSIONS = ['wasm', 'onnx'] as const;

/** Globs for Workbox's globIgnores: the large files stay out of the precache. */
export const LARGE_FILE_GLOBS = [
  ...LARGE_FOLDERS.map((d) => `${d}/**`),
  ...LARGE_EXTENSIONS.map((e) => `**/*.${e}`),
];

export interface LargeFileEntry {
  /** Path relative to the base, with forward slashes: "models/depth/model.onnx". */
  path: string;
  size: number;
  /** The first 16 hex digits of the content's SHA-256: a changed file is fetched again. */
  revision: string;
}

export interface LargeFileList {
  version: 1;
  files: LargeFileEntry[];
}

/** Whether a path relative to the build output (or the base) names a large file. */
export function isLargeFile(relativePath: string): boolean {
  const p = relativePath.replace(/\\/g, '/').replace(/^\.?\/+/, '');
  if (p === '' || p.endsWith('/')) return false;
  const first = p.split('/')[0]!;
  if ((LARGE_FOLDERS as readonly string[]).includes(first) && p.includes('/')) return true;
  const dot = p.lastIndexOf('.');
  const ext = dot > p.lastIndexOf('/') ? p.slice(dot + 1) : '';
  return (LARGE_EXTENSIONS as readonly string[]).includes(ext);
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/**
 * The same rule as isLargeFile, as one RegExp over a full same-origin URL (what Workbox matches a
 * route's RegExp against), for a site served under `base` ("/" or "/studio/"). A RegExp, not a
 * function, because Workbox serialises the route into the generated service worker.
 */
export function largeFileUrlPattern(base: string): RegExp {
  const b = escapeRegExp(base.endsWith('/') ? base : `${base}/`);
  const folders = LARGE_FOLDERS.join('|');
  const exts = LARGE_EXTENSIONS.join('|');
  return new RegExp(
    `^https?://[^/?#]+${b}(?:(?:${folders})/[^?#]*[^/?#]|[^?#]*\\.(?:${exts}))(?:[?#].*)?$`,
  );
}
