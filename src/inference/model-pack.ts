// Loads a shape model pack from a URL (manifest.json; the graphs beside it) or from the user's
// files. A pack is hostile input: the manifest is capped and validated before anything else is
// read, each graph's size is checked against the manifest (and the cap) before it is downloaded or
// read, downloads stop as soon as they run past the declared size, and every graph's SHA-256 must
// match the manifest. Refusals are ModelPackErrors naming the file.
import {
  ModelPackError,
  parseShapeManifestText,
  SHAPE_GRAPHS,
  SHAPE_PACK_LIMITS,
  type ShapeGraphName,
  type ShapeManifest,
} from '../core/shape/model-manifest';
import { sha256Hex } from '../import/content-hash';

/** A file the user picked (a File) or bytes already in hand. */
export type PackFile = (Blob & { readonly name: string }) | { name: string; bytes: Uint8Array };

export type ShapePackSource = { url: string } | { files: readonly PackFile[] };

export interface ShapePack {
  manifest: ShapeManifest;
  files: Record<ShapeGraphName, Uint8Array>;
  /** SHA-256 (hex) of manifest.json's bytes, which name every graph's SHA-256: the pack's id. */
  packHash: string;
  /** Where it came from, for messages: the manifest URL or "your files". */
  origin: string;
}

export interface LoadPackOptions {
  fetch?: (url: string, init?: RequestInit) => Promise<Response>;
  signal?: AbortSignal;
  /** Bytes read so far and bytes to read in all (the three graphs). */
  onProgress?: (loaded: number, total: number) => void;
  /** Lower cap than SHAPE_PACK_LIMITS.onnxBytes (tests). */
  maxGraphBytes?: number;
}

const MANIFEST_NAME = 'manifest.json';

function baseName(name: string): string {
  return name.slice(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
}

function graphCap(options: LoadPackOptions): number {
  return Math.min(options.maxGraphBytes ?? Infinity, SHAPE_PACK_LIMITS.onnxBytes);
}

/** The declared size must be within the cap before a byte of the graph is read. */
function checkDeclaredSizes(manifest: ShapeManifest, cap: number): void {
  const issues: string[] = [];
  for (const g of SHAPE_GRAPHS) {
    const { path, bytes } = manifest.files[g];
    if (bytes > cap) issues.push(`${path}: ${bytes} bytes is over the ${cap}-byte limit per graph`);
  }
  if (issues.length) throw new ModelPackError('file-too-large', issues);
}

async function checkGraph(
  manifest: ShapeManifest,
  graph: ShapeGraphName,
  bytes: Uint8Array,
): Promise<void> {
  const entry = manifest.files[graph];
  if (bytes.length !== entry.bytes) {
    throw new ModelPackError('file-size', [
      `${entry.path}: ${bytes.length} bytes, but manifest.json says ${entry.bytes}`,
    ]);
  }
  const hash = await sha256Hex(bytes);
  if (hash !== entry.sha256) {
    throw new ModelPackError('checksum', [
      `${entry.path}: its SHA-256 is ${hash}, but manifest.json says ${entry.sha256} (the file is damaged or not this pack's)`,
    ]);
  }
}

/**
 * Reads a response body, refusing it as soon as it passes `cap` bytes (and before reading when
 * Content-Length already says so; a compressed body's length is smaller than what it inflates to,
 * so the header can only refuse early, never wrongly).
 */
async function readCapped(
  response: Response,
  name: string,
  cap: number,
  tooLarge: ModelPackError['code'],
  onChunk?: (bytes: number) => void,
): Promise<Uint8Array> {
  const declared = Number(response.headers.get('content-length') ?? NaN);
  const refuse = (size: string) =>
    new ModelPackError(tooLarge, [`${name}: ${size} is over the ${cap}-byte limit`]);
  if (declared > cap) {
    await response.body?.cancel().catch(() => {});
    throw refuse(`${declared} bytes`);
  }
  if (!response.body) {
    const bytes = new Uint8Array(await response.arrayBuffer());
    if (bytes.length > cap) throw refuse(`${bytes.length} bytes`);
    onChunk?.(bytes.length);
    return bytes;
  }
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let length = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    length += value.length;
    if (length > cap) {
      await reader.cancel().catch(() => {});
      throw refuse(`more than ${cap} bytes`);
    }
    chunks.push(value);
    onChunk?.(value.length);
  }
  const out = new Uint8Array(length);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

async function fetchChecked(
  fetcher: NonNullable<LoadPackOptions['fetch']>,
  url: string,
  name: string,
  signal: AbortSignal | undefined,
): Promise<Response> {
  let response: Response;
  try {
    response = await fetcher(url, signal ? { signal } : {});
  } catch (error) {
    if ((error as Error).name === 'AbortError') throw error;
    throw new ModelPackError('fetch-failed', [
      `${name}: could not be downloaded from ${url} (${(error as Error).message})`,
    ]);
  }
  if (!response.ok) {
    await response.body?.cancel().catch(() => {});
    throw new ModelPackError(response.status === 404 ? 'file-missing' : 'fetch-failed', [
      `${name}: ${url} answered ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`,
    ]);
  }
  return response;
}

function absoluteUrl(url: string): string {
  try {
    return new URL(url, (globalThis as { location?: { href: string } }).location?.href).href;
  } catch {
    throw new ModelPackError('fetch-failed', [`${MANIFEST_NAME}: "${url}" is not a URL`]);
  }
}

async function loadFromUrl(source: string, options: LoadPackOptions): Promise<ShapePack> {
  const url = absoluteUrl(source);
  const fetcher = options.fetch ?? ((u: string, init?: RequestInit) => fetch(u, init));
  const { signal } = options;
  const manifestResponse = await fetchChecked(fetcher, url, MANIFEST_NAME, signal);
  const manifestBytes = await readCapped(
    manifestResponse,
    MANIFEST_NAME,
    SHAPE_PACK_LIMITS.manifestBytes,
    'manifest-too-large',
  );
  const manifest = parseShapeManifestText(new TextDecoder().decode(manifestBytes));
  const cap = graphCap(options);
  checkDeclaredSizes(manifest, cap);
  const total = SHAPE_GRAPHS.reduce((s, g) => s + manifest.files[g].bytes, 0);
  let loaded = 0;
  options.onProgress?.(0, total);
  const files = {} as Record<ShapeGraphName, Uint8Array>;
  for (const graph of SHAPE_GRAPHS) {
    const entry = manifest.files[graph];
    const fileUrl = new URL(entry.path, url).href;
    const response = await fetchChecked(fetcher, fileUrl, entry.path, signal);
    // Never more than the manifest declares.
    const bytes = await readCapped(response, entry.path, entry.bytes, 'file-size', (n) => {
      loaded += n;
      options.onProgress?.(loaded, total);
    });
    await checkGraph(manifest, graph, bytes);
    files[graph] = bytes;
  }
  return { manifest, files, packHash: await sha256Hex(manifestBytes), origin: url };
}

// Not `'bytes' in file`: Blob has a bytes() method in current browsers and Node.
const inHand = (file: PackFile): file is { name: string; bytes: Uint8Array } =>
  (file as { bytes?: unknown }).bytes instanceof Uint8Array;

async function readPackFile(file: PackFile): Promise<Uint8Array> {
  return inHand(file) ? file.bytes : new Uint8Array(await (file as Blob).arrayBuffer());
}

function fileSize(file: PackFile): number {
  return inHand(file) ? file.bytes.length : (file as Blob).size;
}

async function loadFromFiles(
  list: readonly PackFile[],
  options: LoadPackOptions,
): Promise<ShapePack> {
  const byName = new Map<string, PackFile>();
  for (const file of list) {
    const name = baseName(file.name);
    if (byName.has(name)) {
      throw new ModelPackError('manifest-invalid', [`${name}: given twice; pick one pack's files`]);
    }
    byName.set(name, file);
  }
  const manifestFile = byName.get(MANIFEST_NAME);
  if (!manifestFile) {
    throw new ModelPackError('file-missing', [
      `${MANIFEST_NAME}: not among the files given (${[...byName.keys()].join(', ') || 'none'}); a pack is manifest.json and its .onnx files`,
    ]);
  }
  if (fileSize(manifestFile) > SHAPE_PACK_LIMITS.manifestBytes) {
    throw new ModelPackError('manifest-too-large', [
      `${MANIFEST_NAME}: ${fileSize(manifestFile)} bytes is over the ${SHAPE_PACK_LIMITS.manifestBytes}-byte limit`,
    ]);
  }
  const manifestBytes = await readPackFile(manifestFile);
  const manifest = parseShapeManifestText(new TextDecoder().decode(manifestBytes));
  const cap = graphCap(options);
  checkDeclaredSizes(manifest, cap);
  // Every graph present and of the declared size before any is read.
  const issues: string[] = [];
  for (const g of SHAPE_GRAPHS) {
    const { path, bytes } = manifest.files[g];
    const file = byName.get(path);
    if (!file)
      issues.push(`${path}: not among the files given (manifest.json lists it as the ${g})`);
    else if (fileSize(file) !== bytes) {
      issues.push(`${path}: ${fileSize(file)} bytes, but manifest.json says ${bytes}`);
    }
  }
  if (issues.length) {
    const missing = issues.some((i) => i.includes('not among'));
    throw new ModelPackError(missing ? 'file-missing' : 'file-size', issues);
  }
  const total = SHAPE_GRAPHS.reduce((s, g) => s + manifest.files[g].bytes, 0);
  let loaded = 0;
  options.onProgress?.(0, total);
  const files = {} as Record<ShapeGraphName, Uint8Array>;
  for (const graph of SHAPE_GRAPHS) {
    if (options.signal?.aborted)
      throw new DOMException('loading the model was cancelled', 'AbortError');
    const bytes = await readPackFile(byName.get(manifest.files[graph].path)!);
    await checkGraph(manifest, graph, bytes);
    files[graph] = bytes;
    loaded += bytes.length;
    options.onProgress?.(loaded, total);
  }
  return { manifest, files, packHash: await sha256Hex(manifestBytes), origin: 'your files' };
}

export function loadShapePack(
  source: ShapePackSource,
  options: LoadPackOptions = {},
): Promise<ShapePack> {
  return 'url' in source ? loadFromUrl(source.url, options) : loadFromFiles(source.files, options);
}
