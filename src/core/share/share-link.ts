// Share links: a generated scene and the user's edits in a URL fragment, so a scene can be sent as
// a link and opened without a server. The fragment is `v1.` + base64url(raw DEFLATE(JSON)); the JSON
// is the spec the scene was generated from, the edit layer and the camera, which rebuild the scene
// exactly (same sceneHash) on the receiving side. Links carry no imported models (those need a
// project file).
//
// The decoder treats the fragment as hostile: length cap before any work, strict alphabet, version
// prefix, inflate capped while streaming (bombs stop at the cap), JSON nesting capped, then the same
// validation as every other way in (parseSceneSpec, validateLayer). Every refusal is a
// ShareLinkError whose message a user can act on; nothing from a link is ever executed.
import { deflateSync } from 'fflate';
import { parseSceneSpec, SceneSpecError } from '../spec';
import { LayerDataError, validateLayer } from '../document/layer-schema';
import type { EditLayer } from '../document/edit-layer';
import { PROJECT_LIMITS, type ProjectCamera } from '../project/project-state';
import { decodeBase64Url, encodeBase64Url } from './base64url';
import { jsonDepthExceeds, jsonTextDepthExceeds, stringifyExact } from './json-util';
import { InflateDataError, InflateLimitError, inflateRawCapped } from './inflate-capped';

export const SHARE_FORMAT_VERSION = 1;

export interface SharePayload {
  name?: string;
  /** The spec the scene was generated from (as JSON: returned as it was sent, validated). */
  spec: unknown;
  layer: EditLayer;
  camera?: ProjectCamera;
}

export const SHARE_LIMITS = {
  /** The most fragment characters the encoder produces. */
  linkChars: 8000,
  /** Longer input is refused before it is decoded at all. */
  fragmentChars: 16_384,
  /** Inflating stops the moment the JSON passes this. */
  inflatedBytes: 256 * 1024,
  /** Deepest nesting of arrays and objects accepted in the JSON. */
  depth: 32,
  /** Longest scene name. */
  nameChars: 120,
} as const;

export class ShareLinkError extends Error {
  override name = 'ShareLinkError';
  constructor(
    message: string,
    /** The validation problems, by path, when the link decoded but its contents are invalid. */
    readonly issues: readonly string[] = [],
  ) {
    super(message);
  }
}

/** The JSON inside a link: short top-level keys, the layer's inner shape unchanged. */
interface Wire {
  n?: string;
  s: unknown;
  l: { r: EditLayer['records']; o: EditLayer['order']; i: number };
  /** Camera position then target. */
  c?: number[];
}

const PREFIX = /^v(\d{1,9})\./;
const WIRE_KEYS = new Set(['n', 's', 'l', 'c']);
const LAYER_KEYS = new Set(['r', 'o', 'i']);

const kib = (bytes: number) => `${Math.round(bytes / 1024)} KiB`;

/** True when the fragment (with or without '#') looks like a share link of any format version. */
export function isShareFragment(fragment: string): boolean {
  return PREFIX.test(fragment.startsWith('#') ? fragment.slice(1) : fragment);
}

function toWire(p: SharePayload): Wire {
  const wire: Wire = {
    ...(p.name !== undefined ? { n: p.name } : {}),
    s: p.spec,
    l: { r: p.layer.records, o: p.layer.order, i: p.layer.nextId },
  };
  if (p.camera) wire.c = [...p.camera.position, ...p.camera.target];
  return wire;
}

const isPlainObject = (x: unknown): x is Record<string, unknown> =>
  typeof x === 'object' && x !== null && !Array.isArray(x);

/** The payload the wire JSON describes, or the list of what is wrong with it (paths by name). */
function fromWire(input: unknown): SharePayload | string[] {
  if (jsonDepthExceeds(input, SHARE_LIMITS.depth)) {
    return [`contents: nested deeper than ${SHARE_LIMITS.depth} levels`];
  }
  if (!isPlainObject(input)) return ['contents: expected a JSON object'];
  const issues: string[] = [];
  for (const key of Object.keys(input)) {
    if (!WIRE_KEYS.has(key)) issues.push(`contents: unexpected field ${JSON.stringify(key)}`);
  }
  const { n, s, l, c } = input;
  if (n !== undefined) {
    if (typeof n !== 'string') issues.push('name: expected text');
    else if (n.length > SHARE_LIMITS.nameChars) {
      issues.push(`name: expected at most ${SHARE_LIMITS.nameChars} characters, got ${n.length}`);
    }
  }
  if (s === undefined) issues.push('spec: missing');
  else {
    try {
      parseSceneSpec(s);
    } catch (error) {
      if (!(error instanceof SceneSpecError)) throw error;
      issues.push(
        ...error.issues.slice(0, 10).map((i) => (i.startsWith('spec') ? i : `spec.${i}`)),
      );
    }
  }
  let layer: EditLayer | undefined;
  if (!isPlainObject(l)) issues.push('layer: expected an object');
  else {
    for (const key of Object.keys(l)) {
      if (!LAYER_KEYS.has(key)) issues.push(`layer: unexpected field ${JSON.stringify(key)}`);
    }
    try {
      layer = validateLayer({ records: l.r, order: l.o, nextId: l.i }, 'layer');
    } catch (error) {
      if (!(error instanceof LayerDataError)) throw error;
      issues.push(...error.issues);
    }
  }
  if (layer) {
    for (const [id, record] of Object.entries(layer.records)) {
      if (record.source?.kind === 'asset') {
        issues.push(
          `layer.records.${id}.source: an imported model; links carry no models (save a project file to share it)`,
        );
      }
    }
  }
  let camera: ProjectCamera | undefined;
  if (c !== undefined) {
    const max = PROJECT_LIMITS.coordinate;
    if (
      !Array.isArray(c) ||
      c.length !== 6 ||
      !c.every((x) => typeof x === 'number' && Number.isFinite(x) && Math.abs(x) <= max)
    ) {
      issues.push(`camera: expected a position and a target, 6 finite numbers within ±${max}`);
    } else {
      const [px, py, pz, tx, ty, tz] = c as number[];
      camera = { position: [px!, py!, pz!], target: [tx!, ty!, tz!] };
    }
  }
  if (issues.length > 0 || !layer) return issues.slice(0, 20);
  return {
    ...(n !== undefined ? { name: n as string } : {}),
    spec: s,
    layer,
    ...(camera ? { camera } : {}),
  };
}

function invalid(what: string, issues: readonly string[]): ShareLinkError {
  const shown = issues.slice(0, 5).join('; ');
  const more = issues.length > 5 ? ` (and ${issues.length - 5} more)` : '';
  return new ShareLinkError(`${what}: ${shown}${more}`, issues);
}

/**
 * The link fragment (without '#') for a payload. Deterministic: the same payload gives the same
 * fragment. ShareLinkError when the payload is not something a link can carry (imported models, an
 * invalid spec) or when it is too large for a link.
 */
export function encodeShare(payload: SharePayload): {
  fragment: string;
  chars: number;
  jsonBytes: number;
} {
  const json = stringifyExact(toWire(payload));
  // Validate exactly what the receiver will see, so no link is made that cannot be opened.
  const checked = fromWire(JSON.parse(json));
  if (Array.isArray(checked)) throw invalid('This scene cannot be shared as a link', checked);
  const bytes = new TextEncoder().encode(json);
  if (bytes.length > SHARE_LIMITS.inflatedBytes) {
    throw new ShareLinkError(
      `This scene has too many edits for a link (${kib(bytes.length)} of data; a link holds at most ${kib(SHARE_LIMITS.inflatedBytes)}). Save it as a project file to share it.`,
    );
  }
  const fragment = `v${SHARE_FORMAT_VERSION}.${encodeBase64Url(deflateSync(bytes, { level: 9 }))}`;
  if (fragment.length > SHARE_LIMITS.linkChars) {
    throw new ShareLinkError(
      `This scene has too many edits for a link (${fragment.length} characters; a link holds at most ${SHARE_LIMITS.linkChars}). Save it as a project file to share it.`,
    );
  }
  return { fragment, chars: fragment.length, jsonBytes: bytes.length };
}

/** The payload in a link fragment (with or without '#'), validated; ShareLinkError otherwise. */
export function decodeShare(fragment: string): SharePayload {
  if (typeof fragment !== 'string') throw new ShareLinkError('This is not a share link');
  const text = fragment.startsWith('#') ? fragment.slice(1) : fragment;
  if (text.length > SHARE_LIMITS.fragmentChars) {
    throw new ShareLinkError(
      `This share link is too large to open (${text.length} characters; this studio opens links of at most ${SHARE_LIMITS.fragmentChars})`,
    );
  }
  const prefix = PREFIX.exec(text);
  if (!prefix) {
    throw new ShareLinkError(
      `This is not a share link (a share link starts with "v${SHARE_FORMAT_VERSION}.")`,
    );
  }
  const version = Number(prefix[1]);
  if (version > SHARE_FORMAT_VERSION) {
    throw new ShareLinkError(
      `This share link was made by a newer version of the studio (format ${version}; this studio reads format ${SHARE_FORMAT_VERSION})`,
    );
  }
  if (version !== SHARE_FORMAT_VERSION) {
    throw new ShareLinkError(
      `This share link is damaged (format ${version} does not exist; this studio reads format ${SHARE_FORMAT_VERSION})`,
    );
  }
  const deflated = decodeBase64Url(text.slice(prefix[0].length));
  if (!deflated) throw new ShareLinkError('This share link is damaged (it is not valid base64url)');
  let bytes: Uint8Array;
  try {
    bytes = inflateRawCapped(deflated, SHARE_LIMITS.inflatedBytes);
  } catch (error) {
    if (error instanceof InflateLimitError) {
      throw new ShareLinkError(
        `This share link is too large to open (its contents expand to more than ${kib(SHARE_LIMITS.inflatedBytes)})`,
      );
    }
    if (error instanceof InflateDataError) {
      throw new ShareLinkError(
        `This share link is damaged (its data does not decompress: ${error.message}); it may have been cut short when copied`,
      );
    }
    throw error;
  }
  let contents: string;
  try {
    contents = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new ShareLinkError('This share link is damaged (its contents are not valid JSON)');
  }
  if (jsonTextDepthExceeds(contents, SHARE_LIMITS.depth)) {
    throw invalid('This share link holds an invalid scene', [
      `contents: nested deeper than ${SHARE_LIMITS.depth} levels`,
    ]);
  }
  let json: unknown;
  try {
    json = JSON.parse(contents);
  } catch {
    throw new ShareLinkError('This share link is damaged (its contents are not valid JSON)');
  }
  const payload = fromWire(json);
  if (Array.isArray(payload)) throw invalid('This share link holds an invalid scene', payload);
  return payload;
}
