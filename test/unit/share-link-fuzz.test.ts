// Fuzzing the share-link decoder: thousands of hostile fragments from a seeded PRNG (random text,
// random bytes, mutated valid links, re-compressed mutated JSON, values swapped for absurd ones,
// decompression bombs). Every one must either decode to a payload that passes validation (and
// re-encodes to the same payload) or be refused with a ShareLinkError; any other exception is a
// crash, any single decode over 1 s a hang. Prints one `share-fuzz:` line with the counts.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { deflateSync, inflateSync, strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { EditLayer } from '../../src/core/document';
import { Prng } from '../../src/core/prng';
import { decodeBase64Url, encodeBase64Url } from '../../src/core/share/base64url';
import {
  decodeShare,
  encodeShare,
  SHARE_LIMITS,
  ShareLinkError,
  type SharePayload,
} from '../../src/core/share/share-link';

const SEED = 0x5eed_0006;
const HANG_MS = 1000;
const example = (name: string): unknown =>
  JSON.parse(readFileSync(path.resolve(__dirname, `../../public/examples/${name}.json`), 'utf8'));

function seedPayloads(rng: Prng): SharePayload[] {
  const out: SharePayload[] = [];
  for (const name of ['primitives', 'terrain', 'forest', 'dungeon-medium', 'dungeon-large']) {
    const records: Record<string, EditLayer['records'][string]> = {};
    for (let i = 0; i < 6; i++) {
      records[`prop:barrel#${i}`] = {
        matrix: Array.from({ length: 16 }, () => rng.range(-50, 50)) as never,
        ...(i === 2 ? { hidden: true as const } : {}),
        ...(i === 3
          ? { material: { preset: 'brick/red-brick', projection: 'triplanar' as const, scale: 2 } }
          : {}),
        ...(i < 2 ? { parent: 'group:1' } : {}),
      };
    }
    records['group:1'] = { source: { kind: 'group' }, name: 'Group 1' };
    out.push({
      name,
      spec: example(name),
      layer: { records, order: ['group:1'], nextId: 2 },
      camera: { position: [10, 5, -3.25], target: [0, 0, 0] },
    });
  }
  return out;
}

const URL_CHARS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const NOISE_CHARS = `${URL_CHARS}.#v1=+/%?& \u00e9\u0000\ud83d\ude00{}[]":,`;

function randomString(rng: Prng, chars: string, max: number): string {
  const n = rng.int(0, max);
  let s = '';
  for (let i = 0; i < n; i++) s += chars[rng.int(0, chars.length - 1)];
  return s;
}

function randomBytes(rng: Prng, n: number): Uint8Array {
  return Uint8Array.from({ length: n }, () => rng.int(0, 255));
}

const ABSURD: unknown[] = [
  1e300,
  -1e300,
  'NaN',
  'Infinity',
  null,
  true,
  -1,
  0,
  2 ** 53,
  0.5,
  '',
  'x'.repeat(500),
  [],
  {},
  { kind: 'asset', asset: 'a'.repeat(64) },
  new Array(20).fill(1e6),
  '__proto__',
];

/** A random node of a JSON value replaced by an absurd value. */
function mutateValue(rng: Prng, value: unknown): unknown {
  const copy = structuredClone(value);
  let node = copy as Record<string, unknown> | unknown[];
  for (let depth = 0; depth < 12; depth++) {
    const keys = Object.keys(node);
    if (keys.length === 0) break;
    const key = keys[rng.int(0, keys.length - 1)]!;
    const child = (node as Record<string, unknown>)[key];
    if (typeof child === 'object' && child !== null && rng.chance(0.7)) {
      node = child as Record<string, unknown>;
      continue;
    }
    const choice = rng.int(0, 3);
    if (choice === 0) delete (node as Record<string, unknown>)[key];
    else if (choice === 1) (node as Record<string, unknown>)[`${key}x`] = rng.pick(ABSURD);
    else if (choice === 2) {
      let deep: unknown = 1;
      for (let i = rng.int(1, 60); i > 0; i--) deep = [deep];
      (node as Record<string, unknown>)[key] = deep;
    } else (node as Record<string, unknown>)[key] = structuredClone(rng.pick(ABSURD));
    break;
  }
  return copy;
}

function mutateText(rng: Prng, text: string): string {
  const ops = rng.int(1, 4);
  let s = text;
  for (let i = 0; i < ops; i++) {
    const at = rng.int(0, Math.max(0, s.length - 1));
    switch (rng.int(0, 4)) {
      case 0:
        s = s.slice(0, at) + s.slice(at + rng.int(1, 20));
        break;
      case 1:
        s =
          s.slice(0, at) + rng.pick(['"', '{', '}', ']', ',', '9e999', '-', 'null']) + s.slice(at);
        break;
      case 2:
        s = s.slice(0, at) + s.slice(at, at + rng.int(1, 200)).repeat(rng.int(2, 50)) + s.slice(at);
        break;
      case 3:
        s = s.slice(0, at);
        break;
      default:
        s = s.replace(/\d+(\.\d+)?/, String(rng.pick([1e300, -0, 4294967296, 1e-320, 0.1])));
    }
  }
  return s;
}

function mutateLink(rng: Prng, link: string): string {
  const data = decodeBase64Url(link.slice(3))!;
  switch (rng.int(0, 5)) {
    case 0: {
      const bytes = data.slice();
      for (let i = rng.int(1, 8); i > 0; i--)
        bytes[rng.int(0, bytes.length - 1)]! ^= 1 << rng.int(0, 7);
      return `v1.${encodeBase64Url(bytes)}`;
    }
    case 1:
      return link.slice(0, rng.int(0, link.length - 1));
    case 2: {
      const at = rng.int(3, link.length);
      return link.slice(0, at) + randomString(rng, URL_CHARS, 12) + link.slice(at);
    }
    case 3: {
      const at = rng.int(3, link.length - 1);
      return link.slice(0, at) + link.slice(at + rng.int(1, 16));
    }
    case 4: {
      const at = rng.int(3, link.length - 1);
      return link.slice(0, at) + rng.pick([...NOISE_CHARS]) + link.slice(at + 1);
    }
    default:
      return `v1.${encodeBase64Url(randomBytes(rng, rng.int(0, 40)))}${link.slice(3)}`;
  }
}

const deflated = (text: string) =>
  `v1.${encodeBase64Url(deflateSync(strToU8(text), { level: 6 }))}`;

function bomb(rng: Prng): string {
  const size = rng.pick([200_000, 262_145, 1_000_000, 4_000_000, 12_000_000]);
  const fill = rng.pick([0, 0x20, 0x5b]);
  const bytes = new Uint8Array(size).fill(fill);
  if (rng.chance(0.5)) bytes.set(strToU8('{"s":'), 0);
  return `v1.${encodeBase64Url(deflateSync(bytes, { level: 9 }))}`;
}

describe('share-link fuzz', () => {
  it('0 crashes and 0 hangs over thousands of hostile fragments', () => {
    const rng = new Prng(SEED);
    const payloads = seedPayloads(rng.fork('payloads'));
    const links = payloads.map((p) => encodeShare(p).fragment);
    const wires = links.map(
      (l) =>
        JSON.parse(new TextDecoder().decode(inflateSync(decodeBase64Url(l.slice(3))!))) as unknown,
    );
    const counts = { total: 0, accepted: 0, refused: 0, crashes: 0, hangs: 0 };
    const crashes: string[] = [];
    const messages = new Map<string, number>();
    let maxMs = 0;
    let slowest = '';

    const attempt = (kind: string, fragment: string) => {
      counts.total++;
      const t0 = performance.now();
      let result: SharePayload | undefined;
      try {
        result = decodeShare(fragment);
      } catch (error) {
        if (error instanceof ShareLinkError) {
          counts.refused++;
          const key = error.message.replace(/\(.*$/, '').slice(0, 60);
          messages.set(key, (messages.get(key) ?? 0) + 1);
        } else {
          counts.crashes++;
          if (crashes.length < 5)
            crashes.push(`${kind}: ${String(error)} <- ${fragment.slice(0, 80)}`);
        }
      }
      const ms = performance.now() - t0;
      if (ms > maxMs) {
        maxMs = ms;
        slowest = kind;
      }
      if (ms > HANG_MS) counts.hangs++;
      if (result) {
        counts.accepted++;
        // What decodes is a valid payload: it encodes again (if it fits) and comes back equal.
        try {
          const again = encodeShare(result);
          expect(decodeShare(again.fragment)).toEqual(result);
        } catch (error) {
          if (!(error instanceof ShareLinkError) || !/too many edits/.test(error.message)) {
            counts.crashes++;
            crashes.push(`${kind} accepted but does not re-encode: ${String(error)}`);
          }
        }
      }
    };

    const plan: [string, number, () => string][] = [
      ['random text', 800, () => randomString(rng, NOISE_CHARS, 300)],
      ['v1 + random chars', 800, () => `v1.${randomString(rng, URL_CHARS, 400)}`],
      ['v1 + random bytes', 500, () => `v1.${encodeBase64Url(randomBytes(rng, rng.int(0, 600)))}`],
      ['mutated link', 2000, () => mutateLink(rng, rng.pick(links))],
      ['mutated JSON text', 1200, () => deflated(mutateText(rng, JSON.stringify(rng.pick(wires))))],
      [
        'mutated JSON value',
        1200,
        () => deflated(JSON.stringify(mutateValue(rng, rng.pick(wires)))),
      ],
      ['random deflate of JSON-ish', 300, () => deflated(randomString(rng, NOISE_CHARS, 2000))],
      ['bomb', 40, () => bomb(rng)],
      ['too long', 10, () => `v1.${'A'.repeat(SHARE_LIMITS.fragmentChars + rng.int(0, 1e5))}`],
    ];
    for (const [kind, n, make] of plan) for (let i = 0; i < n; i++) attempt(kind, make());
    // The unmutated links decode, so "accepted" is reachable.
    for (const link of links) attempt('valid', link);

    const top = [...messages.entries()].sort((a, b) => b[1] - a[1]).slice(0, 6);
    console.log(
      `share-fuzz: ${counts.total} fragments, ${counts.accepted} accepted (valid), ${counts.refused} refused ` +
        `with ShareLinkError, ${counts.crashes} crashes, ${counts.hangs} hangs (> ${HANG_MS} ms); ` +
        `slowest decode ${maxMs.toFixed(1)} ms (${slowest}); seed ${SEED}`,
    );
    console.log(`share-fuzz refusals: ${top.map(([m, n]) => `${n}× "${m.trim()}"`).join('; ')}`);
    expect(crashes).toEqual([]);
    expect(counts.crashes).toBe(0);
    expect(counts.hangs).toBe(0);
    expect(counts.total).toBeGreaterThanOrEqual(5000);
    expect(counts.accepted).toBeGreaterThanOrEqual(links.length);
    expect(counts.refused).toBeGreaterThan(counts.total * 0.8);
  }, 60_000);
});
