// A whole project as one file (`name.c3d.zip`): the head state, the versions with their states,
// the imported assets' bytes and the thumbnails, so a project can be backed up, moved to another
// machine or sent to someone, and opened there exactly as it was (same sceneHash).
//
// Layout: project.json (format, version, name, created, head state, asset list, versions with
// their states), assets/<sha-256>, thumbnails/head.png, thumbnails/<versionId>.png. Written
// deterministically (fixed order, fixed timestamps): equal contents give equal bytes.
//
// Reading treats the file as hostile: a size cap first, the zip directory parsed and checked
// (entry count, declared sizes, known names only: no paths, no '..') before anything is inflated,
// every entry inflated under its declared size (sizes can lie) with its CRC checked, project.json
// validated (format, version, every state through validateProjectState), every asset a state uses
// present with its SHA-256 verified. Any problem: a ProjectFileError naming the file and the
// problem, and nothing is returned.
import { zipSync, type Zippable } from 'fflate';
import * as v from 'valibot';
import { jsonDepthExceeds, jsonTextDepthExceeds, stringifyExact } from '../share/json-util';
import { ProjectDataError, validateProjectState, type ProjectState } from './project-state';
import { readCentralDirectory, readEntry, ZipFormatError, type ZipEntry } from './zip-reader';

export const PROJECT_FILE_FORMAT = 'canvas3d-project';
export const PROJECT_FILE_VERSION = 1;

export interface ProjectFileVersion {
  id: string;
  message: string;
  time: number;
  auto: boolean;
  revision: number;
  state: ProjectState;
  thumbnail?: Uint8Array;
}

export interface ProjectFileContents {
  name: string;
  created: number;
  state: ProjectState;
  assets: { hash: string; name: string; bytes: Uint8Array }[];
  thumbnail?: Uint8Array;
  versions?: ProjectFileVersion[];
}

const MB = 1024 * 1024;

export const PROJECT_FILE_LIMITS = {
  /** The largest file opened at all. */
  fileBytes: 512 * MB,
  entries: 5000,
  /** The largest single entry, inflated. */
  entryBytes: 256 * MB,
  /** All entries together, inflated. */
  totalInflatedBytes: 1024 * MB,
  /** project.json, inflated. */
  jsonBytes: 64 * MB,
  versions: 2000,
  /** Nesting of project.json. */
  depth: 64,
  nameChars: 200,
  messageChars: 2000,
} as const;

export class ProjectFileError extends Error {
  override name = 'ProjectFileError';
  constructor(
    message: string,
    /** Validation problems by path, when project.json was read but is invalid. */
    readonly issues: readonly string[] = [],
  ) {
    super(message);
  }
}

const PROJECT_JSON = 'project.json';
const HEAD_THUMBNAIL = 'thumbnails/head.png';
const HASH = /^[0-9a-f]{64}$/;
/** Version ids become file names: a UUID, or any id of these characters. */
const VERSION_ID = /^[A-Za-z0-9_-][A-Za-z0-9._-]{0,127}$/;
const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

const isPng = (b: Uint8Array) => PNG_SIGNATURE.every((x, i) => b[i] === x);
const sizeText = (bytes: number) =>
  bytes >= MB ? `${(bytes / MB).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`;

const Finite = v.pipe(v.number(), v.finite(), v.minValue(0));
const FileSchema = v.strictObject({
  format: v.literal(PROJECT_FILE_FORMAT),
  version: v.literal(PROJECT_FILE_VERSION),
  name: v.pipe(v.string(), v.minLength(1), v.maxLength(PROJECT_FILE_LIMITS.nameChars)),
  created: Finite,
  state: v.unknown(),
  assets: v.pipe(
    v.array(
      v.strictObject({
        hash: v.pipe(v.string(), v.regex(HASH, 'expected a SHA-256 hex digest')),
        name: v.pipe(v.string(), v.minLength(1), v.maxLength(255)),
        size: v.pipe(v.number(), v.integer(), v.minValue(0)),
      }),
    ),
    v.maxLength(PROJECT_FILE_LIMITS.entries),
  ),
  versions: v.optional(
    v.pipe(
      v.array(
        v.strictObject({
          id: v.pipe(
            v.string(),
            v.regex(VERSION_ID, 'expected a version id (letters, digits, . _ -)'),
            v.check((id) => id !== 'head', 'expected a version id other than "head"'),
          ),
          message: v.pipe(v.string(), v.maxLength(PROJECT_FILE_LIMITS.messageChars)),
          time: Finite,
          auto: v.boolean(),
          revision: v.pipe(v.number(), v.integer(), v.minValue(0)),
          state: v.unknown(),
        }),
      ),
      v.maxLength(PROJECT_FILE_LIMITS.versions),
    ),
  ),
});

/** Problems with the whole (unless `states` is false) beyond its shape: states, references. */
function contentIssues(c: {
  state: unknown;
  assets: readonly { hash: string; size: number }[];
  versions?: readonly { id: string; state: unknown }[];
}): { issues: string[]; head?: ProjectState; versionStates: ProjectState[] } {
  const issues: string[] = [];
  const sizes = new Map<string, number>();
  c.assets.forEach((a, i) => {
    if (sizes.has(a.hash)) issues.push(`assets[${i}]: ${a.hash.slice(0, 12)}… is listed twice`);
    sizes.set(a.hash, a.size);
  });
  const check = (input: unknown, where: string): ProjectState | undefined => {
    try {
      const state = validateProjectState(input, where);
      state.assets.forEach((ref, i) => {
        const size = sizes.get(ref.hash);
        if (size === undefined) {
          issues.push(
            `${where}.assets[${i}]: ${ref.name} (${ref.hash.slice(0, 12)}…) is not in the file`,
          );
        } else if (size !== ref.bytes) {
          issues.push(
            `${where}.assets[${i}]: ${ref.name} is ${size} bytes in the file, ${ref.bytes} in the state`,
          );
        }
      });
      return state;
    } catch (error) {
      if (!(error instanceof ProjectDataError)) throw error;
      issues.push(...error.issues);
      return undefined;
    }
  };
  const head = check(c.state, 'state');
  const versionStates: ProjectState[] = [];
  const ids = new Set<string>();
  c.versions?.forEach((version, i) => {
    if (ids.has(version.id)) issues.push(`versions[${i}].id: ${version.id} is used twice`);
    ids.add(version.id);
    const state = check(version.state, `versions[${i}].state`);
    if (state) versionStates.push(state);
  });
  return { issues, ...(head ? { head } : {}), versionStates };
}

/** The project as a zip file. ProjectFileError when the contents are not a valid project. */
export function writeProjectFile(c: ProjectFileContents): Uint8Array {
  const fail = (what: string, issues: string[] = []) =>
    new ProjectFileError(`project file: cannot write: ${what}`, issues);
  const assets = c.assets;
  const json = {
    format: PROJECT_FILE_FORMAT,
    version: PROJECT_FILE_VERSION,
    name: c.name,
    created: c.created,
    state: c.state,
    assets: assets.map((a) => ({ hash: a.hash, name: a.name, size: a.bytes.length })),
    ...(c.versions
      ? {
          versions: c.versions.map((x) => ({
            id: x.id,
            message: x.message,
            time: x.time,
            auto: x.auto,
            revision: x.revision,
            state: x.state,
          })),
        }
      : {}),
  };
  const shape = v.safeParse(FileSchema, json);
  if (!shape.success) {
    const issues = shape.issues.slice(0, 20).map((i) => `${v.getDotPath(i) ?? ''}: ${i.message}`);
    throw fail(issues.join('; '), issues);
  }
  const { issues } = contentIssues(json);
  if (issues.length > 0) throw fail(issues.slice(0, 5).join('; '), issues);
  for (const thumb of [c.thumbnail, ...(c.versions ?? []).map((x) => x.thumbnail)]) {
    if (thumb && !isPng(thumb)) throw fail('a thumbnail is not a PNG image');
  }

  const files: Zippable = {
    [PROJECT_JSON]: [new TextEncoder().encode(stringifyExact(json)), { level: 6 }],
  };
  for (const a of assets) files[`assets/${a.hash}`] = [a.bytes, { level: 6 }];
  // PNGs are compressed already: stored.
  if (c.thumbnail) files[HEAD_THUMBNAIL] = [c.thumbnail, { level: 0 }];
  for (const x of c.versions ?? []) {
    if (x.thumbnail) files[`thumbnails/${x.id}.png`] = [x.thumbnail, { level: 0 }];
  }
  // Zip timestamps are local date fields: a fixed local time, made now (in the current time zone),
  // so the bytes depend neither on when nor where the file is written.
  return zipSync(files, { mtime: new Date(1980, 0, 2, 12, 0, 0) });
}

async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const digest = await globalThis.crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>);
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

type EntryKind = 'json' | 'asset' | 'head' | 'version-thumbnail' | 'folder';

function classify(name: string): EntryKind | string {
  if (name === PROJECT_JSON) return 'json';
  if (name === 'assets/' || name === 'thumbnails/') return 'folder';
  if (name.startsWith('assets/') && HASH.test(name.slice(7))) return 'asset';
  if (name === HEAD_THUMBNAIL) return 'head';
  if (/^thumbnails\/[^/]+\.png$/.test(name) && VERSION_ID.test(name.slice(11, -4))) {
    return 'version-thumbnail';
  }
  const shown = JSON.stringify(name.slice(0, 80));
  if (
    name.startsWith('/') ||
    name.includes('\\') ||
    /^[A-Za-z]:/.test(name) ||
    name.split('/').some((part) => part === '..')
  ) {
    return `entry ${shown} has a path outside the project (refused)`;
  }
  return `unexpected entry ${shown} (not part of a Canvas3D project)`;
}

/** The project in a project file; ProjectFileError ("<fileName>: …") on any problem. */
export async function readProjectFile(
  bytes: Uint8Array,
  fileName: string,
): Promise<ProjectFileContents> {
  const fail = (what: string, issues: readonly string[] = []) =>
    new ProjectFileError(`${fileName}: ${what}`, issues);
  const L = PROJECT_FILE_LIMITS;
  if (bytes.length > L.fileBytes) {
    throw fail(`the file is ${sizeText(bytes.length)}, over the ${sizeText(L.fileBytes)} limit`);
  }
  const entries = new Map<string, ZipEntry>();
  const read = (entry: ZipEntry): Uint8Array => {
    try {
      return readEntry(bytes, entry);
    } catch (error) {
      if (error instanceof ZipFormatError) throw fail(error.message);
      throw error;
    }
  };
  try {
    for (const entry of readCentralDirectory(bytes, L)) {
      const kind = classify(entry.name);
      if (kind !== 'json' && kind !== 'asset' && kind !== 'head' && kind !== 'version-thumbnail') {
        if (kind === 'folder' && entry.size === 0) continue;
        throw fail(kind === 'folder' ? `entry "${entry.name}" is damaged` : kind);
      }
      if (entries.has(entry.name)) throw fail(`entry "${entry.name}" appears twice`);
      entries.set(entry.name, entry);
    }
  } catch (error) {
    if (error instanceof ZipFormatError) {
      throw fail(
        error.message === 'not a zip file'
          ? 'not a Canvas3D project file (it is not a zip file)'
          : error.message,
      );
    }
    throw error;
  }

  const jsonEntry = entries.get(PROJECT_JSON);
  if (!jsonEntry) throw fail('not a Canvas3D project file (no project.json inside)');
  if (jsonEntry.size > L.jsonBytes) {
    throw fail(
      `project.json is ${sizeText(jsonEntry.size)}, over the ${sizeText(L.jsonBytes)} limit`,
    );
  }
  const jsonBytes = read(jsonEntry);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(jsonBytes);
  } catch {
    throw fail('project.json is damaged (not valid UTF-8 text)');
  }
  // Before parsing: JSON.parse takes seconds on megabytes of '['.
  if (jsonTextDepthExceeds(text, L.depth)) {
    throw fail(`project.json is nested deeper than ${L.depth} levels`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw fail('project.json is damaged (not valid JSON)');
  }
  if (jsonDepthExceeds(parsed, L.depth)) {
    throw fail(`project.json is nested deeper than ${L.depth} levels`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw fail('project.json is not a project (expected a JSON object)');
  }
  const head = parsed as Record<string, unknown>;
  if (head.format !== PROJECT_FILE_FORMAT) {
    throw fail(
      `not a Canvas3D project file (project.json has format ${JSON.stringify(head.format)?.slice(0, 40)})`,
    );
  }
  if (
    typeof head.version === 'number' &&
    Number.isInteger(head.version) &&
    head.version > PROJECT_FILE_VERSION
  ) {
    throw fail(
      `made by a newer version of the studio (project file version ${head.version}; this studio reads version ${PROJECT_FILE_VERSION})`,
    );
  }
  if (head.version !== PROJECT_FILE_VERSION) {
    throw fail(
      `unknown project file version ${JSON.stringify(head.version)?.slice(0, 40)} (this studio reads version ${PROJECT_FILE_VERSION})`,
    );
  }
  const shape = v.safeParse(FileSchema, parsed);
  if (!shape.success) {
    const issues = shape.issues.slice(0, 20).map((i) => `${v.getDotPath(i) ?? ''}: ${i.message}`);
    throw fail(`project.json is invalid: ${issues.slice(0, 5).join('; ')}`, issues);
  }
  const file = shape.output;
  const checked = contentIssues(file);
  if (checked.issues.length > 0 || !checked.head) {
    const issues = checked.issues;
    throw fail(`project.json is invalid: ${issues.slice(0, 5).join('; ')}`, issues);
  }

  const listed = new Set(file.assets.map((a) => a.hash));
  const versionIds = new Set((file.versions ?? []).map((x) => x.id));
  for (const name of entries.keys()) {
    if (name.startsWith('assets/') && !listed.has(name.slice(7))) {
      throw fail(`unexpected entry "${name}" (an asset project.json does not list)`);
    }
    if (
      name !== HEAD_THUMBNAIL &&
      name.startsWith('thumbnails/') &&
      !versionIds.has(name.slice(11, -4))
    ) {
      throw fail(`unexpected entry "${name.slice(0, 80)}" (a thumbnail of no version)`);
    }
  }

  const assets: ProjectFileContents['assets'] = [];
  for (const asset of file.assets) {
    const entry = entries.get(`assets/${asset.hash}`);
    if (!entry)
      throw fail(`asset ${asset.name} (${asset.hash.slice(0, 12)}…) is missing from the file`);
    if (entry.size !== asset.size) {
      throw fail(
        `asset ${asset.name} is ${entry.size} bytes in the zip, ${asset.size} in project.json`,
      );
    }
    const data = read(entry);
    const hash = await sha256Hex(data);
    if (hash !== asset.hash) {
      throw fail(
        `asset ${asset.name} is damaged (its SHA-256 is ${hash.slice(0, 12)}…, expected ${asset.hash.slice(0, 12)}…)`,
      );
    }
    assets.push({ hash: asset.hash, name: asset.name, bytes: data });
  }
  const thumbnail = (name: string): Uint8Array | undefined => {
    const entry = entries.get(name);
    if (!entry) return undefined;
    const data = read(entry);
    if (!isPng(data)) throw fail(`${name} is not a PNG image`);
    return data;
  };
  const headThumbnail = thumbnail(HEAD_THUMBNAIL);
  const versions = file.versions?.map((x, i): ProjectFileVersion => {
    const thumb = thumbnail(`thumbnails/${x.id}.png`);
    return {
      id: x.id,
      message: x.message,
      time: x.time,
      auto: x.auto,
      revision: x.revision,
      state: checked.versionStates[i]!,
      ...(thumb ? { thumbnail: thumb } : {}),
    };
  });
  return {
    name: file.name,
    created: file.created,
    state: checked.head,
    assets,
    ...(headThumbnail ? { thumbnail: headThumbnail } : {}),
    ...(versions ? { versions } : {}),
  };
}
