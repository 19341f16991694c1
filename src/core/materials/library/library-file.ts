// The material library file: a user's presets as JSON text, to share or back up.
//
//   { "format": "canvas3d-material-library", "version": 1, "presets": [MaterialPreset, ...] }
//
// Import checks, in order, and stops at the first stage that fails: the size (before parsing), the
// JSON, the envelope (format, version, presets array, count), then every preset against
// MaterialPresetSchema (each problem named by index, id and field path), then ids. Imported presets are
// user presets: an id already under 'user/' is kept; any other id is re-prefixed — 'wood/oak' becomes
// 'user/wood-oak', 'brass' becomes 'user/brass' — so a file can never replace or shadow a shipped
// preset, and the caller learns every rename. Two presets that end up with the same id are an error.
// The result is new objects; neither the text nor anything passed in is changed.
import * as v from 'valibot';
import { describeInput } from '../../spec/fields';
import { MaterialPresetSchema, PRESET_ID, type MaterialPreset } from '../preset';

export const LIBRARY_FORMAT = 'canvas3d-material-library';
export const LIBRARY_VERSION = 1;
/** Bytes of UTF-8 text: a preset is about 700 bytes, so this is far above any real library. */
export const LIBRARY_MAX_BYTES = 5 * 1024 * 1024;
export const LIBRARY_MAX_PRESETS = 2000;
export const USER_PREFIX = 'user/';
/** Problems listed in one error message before "and N more". */
const MAX_LISTED = 12;

export class LibraryFileError extends Error {
  constructor(
    message: string,
    /** Each problem on its own, for a list in the UI. */
    readonly issues: readonly string[] = [message],
  ) {
    super(message);
    this.name = 'LibraryFileError';
  }
}

export interface LibraryImport {
  presets: MaterialPreset[];
  /** Presets whose id was re-prefixed under 'user/'. */
  renamed: { index: number; from: string; to: string }[];
}

export interface LibraryImportOptions {
  /** Ids the imported presets must not take (the shipped library's); checked after re-prefixing. */
  reservedIds?: Iterable<string>;
}

function fail(what: string, issues: string[]): never {
  const listed = issues.slice(0, MAX_LISTED);
  const more = issues.length - listed.length;
  const text = listed.join('; ') + (more > 0 ? `; and ${more} more` : '');
  throw new LibraryFileError(`${what}: ${text}`, issues);
}

function utf8Length(text: string): number {
  // Cheap bound first: UTF-8 takes at least one byte and at most three per UTF-16 unit.
  if (text.length * 3 <= LIBRARY_MAX_BYTES) return text.length;
  return new TextEncoder().encode(text).length;
}

function megabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/** The id a preset gets in the user's library. */
export function userPresetId(id: string): string {
  if (id.startsWith(USER_PREFIX)) return id;
  return USER_PREFIX + id.replace('/', '-');
}

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

/** Parses and validates a library file; throws LibraryFileError naming every problem found. */
export function parseLibraryFile(text: string, options: LibraryImportOptions = {}): LibraryImport {
  if (typeof text !== 'string') {
    throw new LibraryFileError(`Library file: expected text, got ${describeInput(text)}`);
  }
  const bytes = utf8Length(text);
  if (bytes > LIBRARY_MAX_BYTES) {
    throw new LibraryFileError(
      `Library file is too large: ${megabytes(bytes)} (at most ${megabytes(LIBRARY_MAX_BYTES)})`,
    );
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw new LibraryFileError(`Library file is not valid JSON: ${(e as Error).message}`);
  }
  if (!isRecord(data)) {
    throw new LibraryFileError(`Library file: expected a JSON object, got ${describeInput(data)}`);
  }
  if (data.format !== LIBRARY_FORMAT) {
    throw new LibraryFileError(
      `Not a material library: format: expected '${LIBRARY_FORMAT}', got ${describeInput(data.format)}`,
    );
  }
  if (data.version !== LIBRARY_VERSION) {
    const newer = typeof data.version === 'number' && data.version > LIBRARY_VERSION;
    throw new LibraryFileError(
      `Material library version: expected ${LIBRARY_VERSION}, got ${describeInput(data.version)}` +
        (newer ? ' (the file is from a newer studio)' : ''),
    );
  }
  const unknown = Object.keys(data).filter((k) => !['format', 'version', 'presets'].includes(k));
  if (unknown.length > 0) {
    fail(
      'Material library',
      unknown.map((k) => `${k}: unknown field`),
    );
  }
  const list = data.presets;
  if (!Array.isArray(list)) {
    throw new LibraryFileError(
      `Material library: presets: expected an array, got ${describeInput(list)}`,
    );
  }
  if (list.length > LIBRARY_MAX_PRESETS) {
    throw new LibraryFileError(
      `Material library: presets: expected at most ${LIBRARY_MAX_PRESETS} presets, got ${list.length}`,
    );
  }

  const issues: string[] = [];
  const parsed: MaterialPreset[] = [];
  list.forEach((item, i) => {
    const r = v.safeParse(MaterialPresetSchema, item);
    if (r.success) {
      parsed.push(r.output);
      return;
    }
    const id = isRecord(item) && typeof item.id === 'string' ? ` (${JSON.stringify(item.id)})` : '';
    for (const issue of r.issues) {
      const path = v.getDotPath(issue);
      issues.push(`presets[${i}]${id}${path ? `.${path}` : ''}: ${issue.message}`);
    }
  });
  if (issues.length > 0) fail('Invalid presets in material library', issues);

  const reserved = new Set(options.reservedIds ?? []);
  const renamed: LibraryImport['renamed'] = [];
  const seen = new Map<string, number>();
  const presets = parsed.map((p, i) => {
    const id = userPresetId(p.id);
    if (!PRESET_ID.test(id)) {
      issues.push(
        `presets[${i}].id: ${JSON.stringify(p.id)} is too long to become a user preset id; ` +
          `name it '${USER_PREFIX}...' (at most 64 characters after the slash)`,
      );
    } else if (reserved.has(id)) {
      issues.push(`presets[${i}].id: ${JSON.stringify(id)} is taken by a shipped preset`);
    }
    const first = seen.get(id);
    if (first !== undefined) {
      const how = id === p.id ? '' : ` (after re-prefixing ${JSON.stringify(p.id)})`;
      issues.push(`presets[${i}].id: ${JSON.stringify(id)}${how} repeats presets[${first}]`);
    } else {
      seen.set(id, i);
    }
    if (id !== p.id) renamed.push({ index: i, from: p.id, to: id });
    return id === p.id ? p : { ...p, id };
  });
  if (issues.length > 0) fail('Material library ids', issues);
  return { presets, renamed };
}

/** A library file's text for these presets (validated, so the file always imports). */
export function exportLibraryFile(presets: readonly MaterialPreset[]): string {
  if (presets.length > LIBRARY_MAX_PRESETS) {
    throw new LibraryFileError(
      `Material library: at most ${LIBRARY_MAX_PRESETS} presets can be exported, got ${presets.length}`,
    );
  }
  const issues: string[] = [];
  const ids = new Map<string, number>();
  const clean = presets.map((p, i) => {
    const r = v.safeParse(MaterialPresetSchema, p);
    if (!r.success) {
      for (const issue of r.issues) {
        const path = v.getDotPath(issue);
        issues.push(`presets[${i}]${path ? `.${path}` : ''}: ${issue.message}`);
      }
      return p;
    }
    const first = ids.get(r.output.id);
    if (first !== undefined)
      issues.push(`presets[${i}].id: ${r.output.id} repeats presets[${first}]`);
    else ids.set(r.output.id, i);
    return r.output;
  });
  if (issues.length > 0) fail('Cannot export material library', issues);
  const text = JSON.stringify(
    { format: LIBRARY_FORMAT, version: LIBRARY_VERSION, presets: clean },
    null,
    2,
  );
  if (utf8Length(text) > LIBRARY_MAX_BYTES) {
    throw new LibraryFileError(
      `Material library would be ${megabytes(utf8Length(text))}, over the ${megabytes(LIBRARY_MAX_BYTES)} limit`,
    );
  }
  return `${text}\n`;
}
