// Share links: every example scene with typical edits survives encode/decode exactly (same payload,
// same document hash), encoding is deterministic and stays under the 2 KB target, and each class of
// hostile link is refused with a ShareLinkError a user can read (never a crash, never a truncation).
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { deflateSync, strToU8 } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  applyCommand,
  buildObjectIndex,
  documentHash,
  EMPTY_LAYER,
  listObjects,
  type Command,
  type DocumentView,
  type EditLayer,
} from '../../src/core/document';
import type { Mat4 } from '../../src/core/math/mat4-ops';
import { generateScene } from '../../src/core/scene/generate-scene';
import { sceneHash } from '../../src/core/scene/scene-hash';
import { encodeBase64Url, decodeBase64Url } from '../../src/core/share/base64url';
import {
  InflateDataError,
  InflateLimitError,
  inflateChunkBytes,
  inflateRawCapped,
  MAX_DEFLATE_RATIO,
} from '../../src/core/share/inflate-capped';
import {
  decodeShare,
  encodeShare,
  isShareFragment,
  SHARE_LIMITS,
  ShareLinkError,
  type SharePayload,
} from '../../src/core/share/share-link';

const examplesDir = path.resolve(__dirname, '../../public/examples');
const EXAMPLES = readdirSync(examplesDir)
  .filter((f) => f.endsWith('.json'))
  .map((f) => f.replace(/\.json$/, ''))
  .sort();
const example = (name: string): Record<string, unknown> =>
  JSON.parse(readFileSync(path.join(examplesDir, `${name}.json`), 'utf8'));

/** A link holding exactly this JSON text (as a hostile sender would make one). */
const craft = (text: string, prefix = 'v1.') =>
  `${prefix}${encodeBase64Url(deflateSync(strToU8(text), { level: 9 }))}`;

function rotationY(angle: number, at: [number, number, number]): Mat4 {
  const c = Math.cos(angle);
  const s = Math.sin(angle);
  return [c, 0, -s, 0, 0, 1, 0, 0, s, 0, c, 0, at[0], at[1], at[2], 1] as Mat4;
}

/** Typical edits made through the real commands: moves with awkward floats, a rotation, two
 *  materials, a hidden object and a named group. */
function typicalEdits(doc: DocumentView): EditLayer {
  const ids = listObjects(doc)
    .filter((o) => o.kind === 'generated')
    .map((o) => o.id);
  expect(ids.length).toBeGreaterThanOrEqual(5);
  const pick = (i: number) => ids[Math.floor((i * ids.length) / 5)]!;
  const commands: Command[] = [
    { type: 'translate', ids: [pick(0)], delta: [0.1 + 0.2, 1 / 3, -Math.PI] },
    { type: 'translate', ids: [pick(1)], delta: [Math.SQRT2, 0, 1e-9] },
    { type: 'translate', ids: [pick(2)], delta: [-7.123456789012345, 0.5, 2 / 7] },
    { type: 'setWorld', ids: [pick(3)], matrices: [rotationY(0.7, [1.1, 2.2, -3.3])] },
    {
      type: 'setMaterial',
      ids: [pick(0)],
      material: {
        preset: 'brick/red-brick',
        projection: 'triplanar',
        scale: 1.7,
        modifiers: { hue: 0.05, wear: 0.3 },
      },
    },
    { type: 'setMaterial', ids: [pick(4)], material: { preset: 'wood/oak-planks' } },
    { type: 'setHidden', ids: [pick(4)], hidden: true },
    { type: 'group', ids: [pick(1), pick(2)], name: 'Moved pair' },
  ];
  let layer = doc.layer;
  for (const command of commands) layer = applyCommand({ ...doc, layer }, command).layer;
  return layer;
}

function shareError(fn: () => unknown): ShareLinkError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(ShareLinkError);
    return error as ShareLinkError;
  }
  throw new Error('expected a ShareLinkError, nothing was thrown');
}

describe('share links: round trip of the examples', () => {
  const payloads = new Map<string, { payload: SharePayload; base: string }>();
  beforeAll(async () => {
    for (const name of EXAMPLES) {
      const spec = example(name);
      const scene = await generateScene(spec);
      const doc: DocumentView = { index: buildObjectIndex(scene), layer: EMPTY_LAYER };
      const payload: SharePayload = {
        name: String(spec.name),
        spec,
        layer: typicalEdits(doc),
        camera: { position: [12.345678901234567, 8.1, -3.3], target: [0, 0.5, 1 / 3] },
      };
      payloads.set(name, { payload, base: await sceneHash(scene) });
    }
  }, 60_000);

  it('has every example', () => {
    expect(EXAMPLES.length).toBeGreaterThanOrEqual(5);
  });

  it.each(EXAMPLES)(
    '%s: decodes to the same payload, the same scene and document hash, under 2 KB',
    async (name) => {
      const { payload, base } = payloads.get(name)!;
      expect(Object.keys(payload.layer.records).length).toBeGreaterThanOrEqual(6);
      const bare = encodeShare({ spec: payload.spec, layer: EMPTY_LAYER });
      const link = encodeShare(payload);
      console.log(
        `share-size: ${name}: ${link.chars} chars with edits (${link.jsonBytes} JSON bytes), ` +
          `${bare.chars} chars without`,
      );
      expect(link.chars).toBe(link.fragment.length);
      expect(link.chars).toBeLessThan(2048);
      expect(bare.chars).toBeLessThan(link.chars);

      const back = decodeShare(`#${link.fragment}`);
      expect(back).toEqual(payload);
      // Matrices bit for bit, not just close.
      for (const [id, record] of Object.entries(payload.layer.records)) {
        if (record.matrix) expect(back.layer.records[id]!.matrix).toStrictEqual(record.matrix);
      }
      expect(await documentHash(base, back.layer)).toBe(await documentHash(base, payload.layer));
      expect(await sceneHash(await generateScene(back.spec))).toBe(base);
      expect(decodeShare(bare.fragment)).toEqual({ spec: payload.spec, layer: EMPTY_LAYER });
    },
    30_000,
  );

  it('is deterministic: the same payload (or a copy of it) gives the same fragment', () => {
    for (const { payload } of payloads.values()) {
      const a = encodeShare(payload).fragment;
      expect(encodeShare(payload).fragment).toBe(a);
      expect(encodeShare(structuredClone(payload)).fragment).toBe(a);
      expect(a.startsWith('v1.')).toBe(true);
      expect(a).toMatch(/^v1\.[A-Za-z0-9_-]+$/);
    }
  });

  it('refuses a payload too large for a link instead of truncating it', () => {
    const { payload } = payloads.get('primitives')!;
    const records: Record<string, { matrix: Mat4 }> = {};
    let x = 0.123456789;
    for (let i = 0; i < 600; i++) {
      const m = Array.from({ length: 16 }, () => (x = (x * 9301.73 + 0.4917) % 1)) as Mat4;
      records[`prop:barrel#${i}`] = { matrix: m };
    }
    const big = { ...payload, layer: { records, order: [], nextId: 1 } };
    const error = shareError(() => encodeShare(big));
    expect(error.message).toMatch(/too many edits for a link \(\d+ characters; .* at most 8000\)/);
    expect(error.message).toMatch(/project file/);
  });

  it('refuses to encode what a link cannot carry: imported models, an invalid spec', () => {
    const { payload } = payloads.get('primitives')!;
    const withImport = {
      ...payload,
      layer: {
        records: { 'import:1': { source: { kind: 'asset' as const, asset: 'a'.repeat(64) } } },
        order: ['import:1'],
        nextId: 2,
      },
    };
    expect(shareError(() => encodeShare(withImport)).message).toMatch(
      /cannot be shared as a link: layer\.records\.import:1\.source: an imported model; links carry no models/,
    );
    expect(
      shareError(() => encodeShare({ ...payload, spec: { version: 1, seed: -1 } })).message,
    ).toMatch(/cannot be shared as a link: spec/);
  });
});

describe('share links: hostile input', () => {
  const valid = encodeShare({
    spec: example('dungeon-medium'),
    layer: {
      records: { 'prop:barrel#0': { matrix: rotationY(0.3, [1, 2, 3]), hidden: true } },
      order: [],
      nextId: 1,
    },
  }).fragment;

  it('tells a share fragment from other hashes', () => {
    expect(isShareFragment(valid)).toBe(true);
    expect(isShareFragment(`#${valid}`)).toBe(true);
    expect(isShareFragment('#v7.abc')).toBe(true);
    expect(isShareFragment('#/projects/abc')).toBe(false);
    expect(isShareFragment('')).toBe(false);
    expect(isShareFragment('version1.')).toBe(false);
  });

  it('not a link, or random bytes where the data should be', () => {
    expect(shareError(() => decodeShare('#hello')).message).toMatch(/This is not a share link/);
    let x = 12345;
    const random = Uint8Array.from(
      { length: 300 },
      () => (x = (x * 1103515245 + 12345) >>> 16) & 255,
    );
    expect(shareError(() => decodeShare(`v1.${encodeBase64Url(random)}`)).message).toMatch(
      /^This share link is damaged/,
    );
  });

  it('truncated links are damaged', () => {
    for (const keep of [valid.length - 1, valid.length - 2, valid.length - 10, 40, 4, 3]) {
      expect(shareError(() => decodeShare(valid.slice(0, keep))).message).toMatch(
        /^This (share link is damaged|is not a share link)/,
      );
    }
    expect(shareError(() => decodeShare(valid.slice(0, 3 + 56))).message).toMatch(
      /damaged \(its data does not decompress: .*cut short/,
    );
  });

  it('wrong or newer versions', () => {
    const data = valid.slice(3);
    expect(shareError(() => decodeShare(`v7.${data}`)).message).toBe(
      'This share link was made by a newer version of the studio (format 7; this studio reads format 1)',
    );
    expect(shareError(() => decodeShare(`v0.${data}`)).message).toMatch(
      /damaged \(format 0 does not exist/,
    );
    expect(shareError(() => decodeShare(`V1.${data}`)).message).toMatch(/not a share link/);
  });

  it('bad base64url', () => {
    for (const bad of ['v1.ab+/cd', 'v1.abc$', 'v1.abc=', 'v1.a', 'v1.ab cd', 'v1.abcé']) {
      expect(shareError(() => decodeShare(bad)).message).toBe(
        'This share link is damaged (it is not valid base64url)',
      );
    }
    expect(decodeBase64Url('AB')).toBeNull(); // non-zero leftover bits
    expect(decodeBase64Url('AA')).toEqual(new Uint8Array([0]));
  });

  it('decompression bombs stop at the cap', () => {
    // 50 MB of zeros: refused by length before anything is decoded.
    const huge = `v1.${encodeBase64Url(deflateSync(new Uint8Array(50_000_000), { level: 9 }))}`;
    expect(huge.length).toBeGreaterThan(SHARE_LIMITS.fragmentChars);
    expect(shareError(() => decodeShare(huge)).message).toMatch(
      /^This share link is too large to open \(\d+ characters; this studio opens links of at most 16384\)/,
    );
    // 12 MB of zeros fits the length cap: inflating must stop at 256 KiB.
    const zeros = deflateSync(new Uint8Array(12_000_000), { level: 9 });
    const bomb = `v1.${encodeBase64Url(zeros)}`;
    expect(bomb.length).toBeLessThanOrEqual(SHARE_LIMITS.fragmentChars);
    const t0 = performance.now();
    expect(shareError(() => decodeShare(bomb)).message).toBe(
      'This share link is too large to open (its contents expand to more than 256 KiB)',
    );
    console.log(`share-bomb: 12 MB of zeros refused in ${(performance.now() - t0).toFixed(1)} ms`);
    // And the inflater really stops: at most one input chunk's worth past the cap.
    try {
      inflateRawCapped(zeros, SHARE_LIMITS.inflatedBytes);
      throw new Error('no limit error');
    } catch (error) {
      expect(error).toBeInstanceOf(InflateLimitError);
      const produced = (error as InflateLimitError).produced;
      expect(produced).toBeGreaterThan(SHARE_LIMITS.inflatedBytes);
      expect(produced).toBeLessThanOrEqual(
        SHARE_LIMITS.inflatedBytes +
          MAX_DEFLATE_RATIO * inflateChunkBytes(SHARE_LIMITS.inflatedBytes),
      );
      expect(produced).toBeLessThan(4 * SHARE_LIMITS.inflatedBytes);
    }
    expect(() => inflateRawCapped(new Uint8Array([0xff, 0xff, 1]), 100)).toThrow(InflateDataError);
  });

  it('not JSON, not an object', () => {
    expect(shareError(() => decodeShare(craft('{"s": '))).message).toBe(
      'This share link is damaged (its contents are not valid JSON)',
    );
    expect(
      shareError(() => decodeShare(`v1.${encodeBase64Url(deflateSync(Uint8Array.of(0xff, 0xfe)))}`))
        .message,
    ).toMatch(/not valid JSON/);
    expect(shareError(() => decodeShare(craft('[1,2,3]'))).message).toMatch(
      /invalid scene: contents: expected a JSON object/,
    );
  });

  const spec = example('dungeon-medium') as { dungeon: { rooms: Record<string, unknown> } };
  const layer = { r: {}, o: [], i: 1 };
  const wire = (over: Record<string, unknown>) =>
    craft(JSON.stringify({ s: spec, l: layer, ...over }));

  it.each([
    ['seed 1e300', { s: { ...spec, seed: 1e300 } }, /invalid scene: spec\.seed: /],
    ['seed as "NaN"', { s: { ...spec, seed: 'NaN' } }, /invalid scene: spec\.seed: /],
    [
      '1e6 rooms',
      {
        s: { ...spec, dungeon: { ...spec.dungeon, rooms: { ...spec.dungeon.rooms, count: 1e6 } } },
      },
      /invalid scene: spec\.dungeon\.rooms\.count: /,
    ],
    [
      '5000 primitives',
      {
        s: {
          version: 1,
          seed: 1,
          primitives: Array.from({ length: 5000 }, () => ({ shape: 'box', size: [1, 1, 1] })),
        },
      },
      /invalid scene: spec\.primitives/,
    ],
    [
      'a 60,000-number matrix',
      { l: { r: { a: { matrix: new Array(60_000).fill(0) } }, o: [], i: 1 } },
      /invalid scene: layer\.records\.a\.matrix: expected 16 numbers/,
    ],
    [
      'a matrix of strings',
      { l: { r: { a: { matrix: new Array(16).fill('1e999') } }, o: [], i: 1 } },
      /layer\.records\.a\.matrix\.0: /,
    ],
    ['nextId 1e300', { l: { r: {}, o: [], i: 1e300 } }, /layer\.nextId: expected at most/],
    [
      'camera at 1e300',
      { c: [1e300, 0, 0, 0, 0, 0] },
      /invalid scene: camera: expected a position/,
    ],
    ['camera of 5 numbers', { c: [0, 0, 0, 0, 0] }, /camera: expected a position/],
    ['a 500-character name', { n: 'x'.repeat(500) }, /name: expected at most 120 characters/],
    ['a name that is a number', { n: 7 }, /name: expected text/],
    ['an unknown field', { x: 1 }, /contents: unexpected field "x"/],
    ['no spec', { s: undefined }, /spec: missing/],
    ['a layer that is an array', { l: [] }, /layer: expected an object/],
    [
      'a parent cycle',
      {
        l: {
          r: {
            'group:1': { source: { kind: 'group' }, parent: 'group:2' },
            'group:2': { source: { kind: 'group' }, parent: 'group:1' },
          },
          o: [],
          i: 3,
        },
      },
      /a cycle/,
    ],
    [
      'an imported model',
      {
        l: { r: { 'import:1': { source: { kind: 'asset', asset: 'f'.repeat(64) } } }, o: [], i: 2 },
      },
      /layer\.records\.import:1\.source: an imported model; links carry no models/,
    ],
  ])('absurd values: %s', (_label, over, expected) => {
    const error = shareError(() => decodeShare(wire(over)));
    expect(error.message).toMatch(expected);
    expect(error.issues.length).toBeGreaterThan(0);
  });

  it('a __proto__ key pollutes nothing', () => {
    const text = `{"s":${JSON.stringify(spec)},"l":{"r":{"__proto__":{"hidden":true},"a":{"hidden":true}},"o":[],"i":1},"__proto__":{"x":1}}`;
    expect(shareError(() => decodeShare(craft(text))).message).toMatch(
      /unexpected field "__proto__"/,
    );
    const noTop = text.replace(',"__proto__":{"x":1}', '');
    const back = decodeShare(craft(noTop));
    expect(Object.keys(back.layer.records)).toEqual(['a']);
    expect(({} as Record<string, unknown>).hidden).toBeUndefined();
  });

  it('keeps -0 in matrices and camera bit for bit', () => {
    const m = [...rotationY(0, [-0, 0, -0])];
    m[2] = -0;
    const back = decodeShare(
      encodeShare({
        spec: example('primitives'),
        layer: { records: { x: { matrix: m as Mat4 } }, order: [], nextId: 1 },
        camera: { position: [-0, 1, 2], target: [0, 0, -0] },
      }).fragment,
    );
    expect(Object.is(back.layer.records.x!.matrix![2], -0)).toBe(true);
    expect(Object.is(back.layer.records.x!.matrix![12], -0)).toBe(true);
    expect(Object.is(back.layer.records.x!.matrix![13], 0)).toBe(true);
    expect(Object.is(back.camera!.position[0], -0)).toBe(true);
    expect(Object.is(back.camera!.target[2], -0)).toBe(true);
  });

  it('deep nesting is refused before validation', () => {
    const deep = `${'['.repeat(50_000)}${']'.repeat(50_000)}`;
    const error = shareError(() => decodeShare(craft(`{"s":${deep},"l":{"r":{},"o":[],"i":1}}`)));
    expect(error.message).toMatch(/nested deeper than 32 levels/);
  });
});
