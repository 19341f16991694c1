// The share-link benchmark: for each example spec, the link's size with no edits and with a typical
// edit set (5 moves, 2 materials, 1 hide, made through the real commands on the generated scene),
// the JSON it carries, the compression ratio, and the time to encode and decode it (median of many
// runs, with min and max), against the PERFORMANCE.md target (any generated scene under 2 KB,
// encode + decode under 5 ms). The peer is the platform's own raw DEFLATE (CompressionStream /
// DecompressionStream 'deflate-raw', Node 20 and browsers), run on the same JSON in the same run:
// its size and time beside fflate's. Also: how many moved objects fit in a 2 KB and an 8,000-char
// link.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'fflate';
import {
  applyCommand,
  buildObjectIndex,
  EMPTY_LAYER,
  listObjects,
  type Command,
  type DocumentView,
  type EditLayer,
} from '../src/core/document';
import type { Mat4 } from '../src/core/math/mat4-ops';
import { Prng } from '../src/core/prng';
import { generateScene } from '../src/core/scene/generate-scene';
import { decodeBase64Url } from '../src/core/share/base64url';
import { inflateRawCapped } from '../src/core/share/inflate-capped';
import {
  decodeShare,
  encodeShare,
  SHARE_LIMITS,
  ShareLinkError,
  type SharePayload,
} from '../src/core/share/share-link';
import { machineInfo, textTable, writeResult } from './lib/report';
import { median } from './lib/stats';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const TARGET_CHARS = 2048;
const TARGET_MS = 5;
const RUNS = 300;
const PEER_RUNS = 100;

interface Spread {
  medianMs: number;
  minMs: number;
  maxMs: number;
  runs: number;
}

async function timeIt(runs: number, fn: () => unknown): Promise<Spread> {
  for (let i = 0; i < 10; i++) await fn(); // warm-up
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
  }
  const sorted = times.sort((a, b) => a - b);
  return { medianMs: median(sorted), minMs: sorted[0]!, maxMs: sorted.at(-1)!, runs };
}

async function streamBytes(
  stream: CompressionStream | DecompressionStream,
  data: Uint8Array,
): Promise<Uint8Array> {
  const out = new Response(
    new Blob([data as Uint8Array<ArrayBuffer>]).stream().pipeThrough(stream),
  );
  return new Uint8Array(await out.arrayBuffer());
}
const peerDeflate = (d: Uint8Array) => streamBytes(new CompressionStream('deflate-raw'), d);
const peerInflate = (d: Uint8Array) => streamBytes(new DecompressionStream('deflate-raw'), d);

/** 5 moves, 2 materials and 1 hide through the real commands. */
function typicalEdits(doc: DocumentView, rng: Prng): EditLayer {
  const ids = listObjects(doc)
    .filter((o) => o.kind === 'generated')
    .map((o) => o.id);
  const pick = (i: number) => ids[Math.floor((i * ids.length) / 8) % ids.length]!;
  const commands: Command[] = [];
  for (let i = 0; i < 5; i++) {
    commands.push({
      type: 'translate',
      ids: [pick(i)],
      delta: [rng.range(-3, 3), rng.range(0, 1), rng.range(-3, 3)],
    });
  }
  commands.push(
    {
      type: 'setMaterial',
      ids: [pick(0)],
      material: { preset: 'brick/red-brick', projection: 'triplanar', scale: 1.5 },
    },
    { type: 'setMaterial', ids: [pick(5)], material: { preset: 'wood/oak-planks' } },
    { type: 'setHidden', ids: [pick(6)], hidden: true },
  );
  let layer = doc.layer;
  for (const command of commands) layer = applyCommand({ ...doc, layer }, command).layer;
  return layer;
}

/** The most objects with moved (arbitrary float) matrices whose link fits in `chars`. */
function movesThatFit(spec: unknown, chars: number): number {
  const rng = new Prng(7);
  const matrices = Array.from({ length: 4000 }, () => {
    const m = Array.from({ length: 16 }, () => 0);
    m[0] = m[5] = m[10] = m[15] = 1;
    m[12] = rng.range(-50, 50);
    m[13] = rng.range(0, 5);
    m[14] = rng.range(-50, 50);
    return m as unknown as Mat4;
  });
  const fits = (n: number) => {
    const records: Record<string, { matrix: Mat4 }> = {};
    for (let i = 0; i < n; i++) records[`prop:barrel#${i}`] = { matrix: matrices[i]! };
    try {
      return encodeShare({ spec, layer: { records, order: [], nextId: 1 } }).chars <= chars;
    } catch (error) {
      if (error instanceof ShareLinkError) return false;
      throw error;
    }
  };
  let lo = 0;
  let hi = matrices.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (fits(mid)) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

const ms = (v: number) => (v < 0.1 ? v.toFixed(3) : v.toFixed(2));

export async function share(): Promise<void> {
  console.log(
    `== share: link size and encode/decode time per example (target: under ${TARGET_CHARS} chars, ` +
      `encode + decode under ${TARGET_MS} ms); peer: CompressionStream('deflate-raw')\n`,
  );
  const dir = path.join(root, 'public', 'examples');
  const names = readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .map((f) => f.replace(/\.json$/, ''))
    .sort();
  const rows: Record<string, unknown>[] = [];
  for (const name of names) {
    const spec = JSON.parse(readFileSync(path.join(dir, `${name}.json`), 'utf8')) as {
      name?: string;
    };
    const scene = await generateScene(spec);
    const doc: DocumentView = { index: buildObjectIndex(scene), layer: EMPTY_LAYER };
    const payload: SharePayload = {
      ...(spec.name ? { name: spec.name } : {}),
      spec,
      layer: typicalEdits(doc, new Prng(1)),
      camera: { position: [24.3, 18.75, -30.125], target: [0, 1.5, 0] },
    };
    const bare = encodeShare({ spec, layer: EMPTY_LAYER });
    const link = encodeShare(payload);
    const deflated = decodeBase64Url(link.fragment.slice(3))!;
    const json = inflateRawCapped(deflated, SHARE_LIMITS.inflatedBytes);
    const peerBytes = await peerDeflate(json);
    // The peer's output must inflate to the same JSON (a fair comparison).
    const peerBack = await peerInflate(peerBytes);
    if (new TextDecoder().decode(peerBack) !== new TextDecoder().decode(json)) {
      throw new Error(`${name}: the peer's deflate does not round-trip`);
    }
    const encode = await timeIt(RUNS, () => encodeShare(payload));
    const decode = await timeIt(RUNS, () => decodeShare(link.fragment));
    const ours = await timeIt(RUNS, () => deflateSync(json, { level: 9 }));
    const oursInflate = await timeIt(RUNS, () =>
      inflateRawCapped(deflated, SHARE_LIMITS.inflatedBytes),
    );
    const peer = await timeIt(PEER_RUNS, () => peerDeflate(json));
    const peerIn = await timeIt(PEER_RUNS, () => peerInflate(peerBytes));
    rows.push({
      example: name,
      edits: Object.keys(payload.layer.records).length,
      charsBare: bare.chars,
      chars: link.chars,
      jsonBytes: link.jsonBytes,
      deflatedBytes: deflated.length,
      compressionRatio: link.jsonBytes / deflated.length,
      ofTarget: link.chars / TARGET_CHARS,
      encode,
      decode,
      deflate: ours,
      inflate: oursInflate,
      peer: { deflatedBytes: peerBytes.length, deflate: peer, inflate: peerIn },
    });
  }

  const table = textTable(
    [
      'example',
      'chars bare',
      'chars edited',
      'JSON B',
      'deflate B',
      'ratio',
      'of 2048',
      'encode ms med (min-max)',
      'decode ms med (min-max)',
      'enc+dec',
    ],
    rows.map((r) => {
      const e = r.encode as Spread;
      const d = r.decode as Spread;
      return [
        String(r.example),
        String(r.charsBare),
        String(r.chars),
        String(r.jsonBytes),
        String(r.deflatedBytes),
        `${(r.compressionRatio as number).toFixed(2)}:1`,
        `${(r.ofTarget as number).toFixed(2)}x`,
        `${ms(e.medianMs)} (${ms(e.minMs)}-${ms(e.maxMs)})`,
        `${ms(d.medianMs)} (${ms(d.minMs)}-${ms(d.maxMs)})`,
        ms(e.medianMs + d.medianMs),
      ];
    }),
  );
  console.log(table);
  console.log(
    '\nencode: validate + JSON + deflate (level 9) + base64url; decode: base64url + capped inflate + ' +
      'JSON + full validation (spec, layer). Edited: 5 moves, 2 materials, 1 hide (records as listed).\n',
  );
  const peerTable = textTable(
    [
      'example',
      'fflate B',
      'peer B',
      'size fflate/peer',
      'deflate ms fflate',
      'deflate ms peer',
      'peer/fflate',
      'inflate ms fflate',
      'inflate ms peer',
      'peer/fflate',
    ],
    rows.map((r) => {
      const peer = r.peer as { deflatedBytes: number; deflate: Spread; inflate: Spread };
      const d = r.deflate as Spread;
      const i = r.inflate as Spread;
      return [
        String(r.example),
        String(r.deflatedBytes),
        String(peer.deflatedBytes),
        `${((r.deflatedBytes as number) / peer.deflatedBytes).toFixed(3)}`,
        ms(d.medianMs),
        ms(peer.deflate.medianMs),
        `${(peer.deflate.medianMs / d.medianMs).toFixed(1)}x`,
        ms(i.medianMs),
        ms(peer.inflate.medianMs),
        `${(peer.inflate.medianMs / i.medianMs).toFixed(1)}x`,
      ];
    }),
  );
  console.log(peerTable);
  console.log(
    '\npeer: CompressionStream/DecompressionStream("deflate-raw") on the same JSON, same run (async ' +
      'streams: their time includes the stream machinery, which is the cost a caller pays). ' +
      'peer/fflate > 1: fflate is faster.\n',
  );
  const primitives = JSON.parse(readFileSync(path.join(dir, 'primitives.json'), 'utf8')) as unknown;
  const fit2k = movesThatFit(primitives, TARGET_CHARS);
  const fitMax = movesThatFit(primitives, SHARE_LIMITS.linkChars);
  console.log(
    `capacity (primitives spec + objects moved to arbitrary positions): ${fit2k} moves fit in ` +
      `${TARGET_CHARS} chars, ${fitMax} in ${SHARE_LIMITS.linkChars} (the most a link holds; beyond ` +
      `that encodeShare refuses and the studio offers a project file).`,
  );
  const machine = machineInfo();
  const file = writeResult('share', {
    target: { chars: TARGET_CHARS, encodeDecodeMs: TARGET_MS },
    limits: SHARE_LIMITS,
    machine,
    examples: rows,
    capacity: { movesIn2048: fit2k, movesInLinkLimit: fitMax },
  });
  console.log(`\nmachine: ${machine.cpu}, ${machine.cores} cores; results: ${file}\n`);
}
