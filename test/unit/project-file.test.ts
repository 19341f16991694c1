// Project files: a project with assets, thumbnails and versions survives write/read exactly, the
// bytes are deterministic, and hostile files (not zips, truncated, bombs, lying sizes, path
// traversal, wrong hashes, bad or newer project.json) are refused with a ProjectFileError naming
// the file; a seeded fuzz of mutated and hostile zips counts crashes and hangs (`project-file-fuzz:`).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { deflateSync, strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { Prng } from '../../src/core/prng';
import {
  PROJECT_FILE_LIMITS,
  ProjectFileError,
  readProjectFile,
  writeProjectFile,
  type ProjectFileContents,
} from '../../src/core/project/project-file';
import type { ProjectState } from '../../src/core/project/project-state';
import { crc32 } from '../../src/core/project/zip-reader';
import type { Mat4 } from '../../src/core/math/mat4-ops';

const FILE = 'scene.c3d.zip';
const spec = JSON.parse(
  readFileSync(path.resolve(__dirname, '../../public/examples/dungeon-medium.json'), 'utf8'),
) as Record<string, unknown>;

async function sha256(bytes: Uint8Array): Promise<string> {
  const d = await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>);
  return Array.from(new Uint8Array(d), (b) => b.toString(16).padStart(2, '0')).join('');
}

function png(seed: number, size = 200): Uint8Array {
  const rng = new Prng(seed);
  const b = Uint8Array.from({ length: size }, () => rng.int(0, 255));
  b.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return b;
}

const matrix = (x: number): Mat4 =>
  [1, 0, -0, 0, 0, 1, 0, 0, 0, 0, 1, 0, x, 0.1 + 0.2, -1 / 3, 1] as unknown as Mat4;

function state(
  assets: { hash: string; name: string; bytes: number }[],
  moved: number,
): ProjectState {
  const records: Record<string, object> = {
    'prop:barrel#0': { matrix: matrix(moved), hidden: true },
  };
  assets.forEach((a, i) => {
    records[`import:${i + 1}`] = {
      source: { kind: 'asset', asset: a.hash },
      name: a.name,
      matrix: matrix(i),
    };
  });
  return {
    version: 1,
    draft: { ...spec, seed: 99 },
    generated: spec,
    layer: { records, order: assets.map((_, i) => `import:${i + 1}`), nextId: assets.length + 1 },
    assets,
    camera: { position: [4, 5, 6.25], target: [0, 1, 0] },
  } as ProjectState;
}

let contents: ProjectFileContents;
let valid: Uint8Array;

beforeAll(async () => {
  const chair = Uint8Array.from({ length: 5000 }, (_, i) => (i * 7) & 255);
  const lamp = strToU8('solid lamp\nendsolid lamp\n'.repeat(40));
  const a = { hash: await sha256(chair), name: 'chair.glb', bytes: chair };
  const b = { hash: await sha256(lamp), name: 'lamp.stl', bytes: lamp };
  const ref = (x: typeof a) => ({ hash: x.hash, name: x.name, bytes: x.bytes.length });
  contents = {
    name: 'Medium dungeon',
    created: 1_763_700_000_000,
    state: state([ref(a)], 2.5),
    assets: [a, b],
    thumbnail: png(1),
    versions: [
      {
        id: '0b8f3c1e-6a52-4c0e-9d3e-1f2a3b4c5d6e',
        message: 'Before the lamp',
        time: 1_763_700_100_000,
        auto: false,
        revision: 3,
        state: state([ref(a), ref(b)], -1),
        thumbnail: png(2),
      },
      {
        id: 'v2',
        message: 'Generated',
        time: 1_763_700_200_000,
        auto: true,
        revision: 5,
        state: state([], 0),
      },
    ],
  };
  valid = writeProjectFile(contents);
});

async function refusal(bytes: Uint8Array): Promise<ProjectFileError> {
  try {
    await readProjectFile(bytes, FILE);
  } catch (error) {
    expect(error).toBeInstanceOf(ProjectFileError);
    expect((error as Error).message.startsWith(`${FILE}: `)).toBe(true);
    return error as ProjectFileError;
  }
  throw new Error('expected a ProjectFileError, the file was accepted');
}

/** A zip of these entries (strings as UTF-8), deflated. */
function zipOf(files: Record<string, Uint8Array | string>): Uint8Array {
  const z: Zippable = {};
  for (const [name, data] of Object.entries(files)) {
    z[name] = typeof data === 'string' ? strToU8(data) : data;
  }
  return zipSync(z);
}

function projectJson(bytes = valid): Record<string, unknown> {
  return JSON.parse(new TextDecoder().decode(unzipSync(bytes)['project.json'])) as Record<
    string,
    unknown
  >;
}

/** The valid file's entries with project.json (and others) replaced. */
function rezip(over: Record<string, Uint8Array | string | null>): Uint8Array {
  const files: Record<string, Uint8Array | string> = { ...unzipSync(valid) };
  for (const [name, data] of Object.entries(over)) {
    if (data === null) delete files[name];
    else files[name] = data;
  }
  return zipOf(files);
}

/** Offsets of each central-directory record, by entry name. */
function centralRecords(zip: Uint8Array): Map<string, number> {
  const out = new Map<string, number>();
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  for (let at = 0; at + 46 <= zip.length; at++) {
    if (view.getUint32(at, true) !== 0x02014b50) continue;
    const n = view.getUint16(at + 28, true);
    out.set(new TextDecoder().decode(zip.subarray(at + 46, at + 46 + n)), at);
  }
  return out;
}

/** A copy with a field of `name`'s central record set (offsets from the record's start). */
function patch(zip: Uint8Array, name: string, field: number, value: number, bytes: 2 | 4 = 4) {
  const out = zip.slice();
  const at = centralRecords(out).get(name);
  if (at === undefined) throw new Error(`no entry ${name}`);
  const view = new DataView(out.buffer);
  if (bytes === 4) view.setUint32(at + field, value >>> 0, true);
  else view.setUint16(at + field, value, true);
  return out;
}
const SIZE = 24;
const FLAGS = 8;
const METHOD = 10;

describe('project files: write and read', () => {
  it('round-trips a project with assets, thumbnails and versions exactly', async () => {
    const back = await readProjectFile(valid, FILE);
    expect(back).toEqual(contents);
    expect(Object.is(back.state.layer.records['prop:barrel#0']!.matrix![2], -0)).toBe(true);
    expect(back.versions![0]!.thumbnail).toEqual(contents.versions![0]!.thumbnail);
    // Own buffers, not views of the file (IndexedDB would clone the whole file with each).
    for (const bytes of [back.thumbnail!, ...back.assets.map((a) => a.bytes)]) {
      expect(bytes.byteLength).toBe(bytes.buffer.byteLength);
    }
  });

  it('has the documented layout', () => {
    const names = Object.keys(unzipSync(valid));
    expect(names).toEqual([
      'project.json',
      `assets/${contents.assets[0]!.hash}`,
      `assets/${contents.assets[1]!.hash}`,
      'thumbnails/head.png',
      `thumbnails/${contents.versions![0]!.id}.png`,
    ]);
    const json = projectJson();
    expect(json.format).toBe('canvas3d-project');
    expect(json.version).toBe(1);
    expect(json.assets).toEqual(
      contents.assets.map((a) => ({ hash: a.hash, name: a.name, size: a.bytes.length })),
    );
  });

  it('is deterministic, whatever the time zone', () => {
    const tz = process.env.TZ;
    try {
      process.env.TZ = 'America/Los_Angeles';
      const a = writeProjectFile(contents);
      process.env.TZ = 'Asia/Kolkata';
      const b = writeProjectFile(structuredClone(contents));
      expect(b).toEqual(a);
      expect(a).toEqual(valid);
    } finally {
      if (tz === undefined) delete process.env.TZ;
      else process.env.TZ = tz;
    }
  });

  it('refuses to write what it could not read back', () => {
    const noAsset = { ...contents, assets: contents.assets.slice(1) };
    expect(() => writeProjectFile(noAsset)).toThrow(
      /cannot write: .*state\.assets\[0\]: chair\.glb .* is not in the file/,
    );
    const badId = { ...contents, versions: [{ ...contents.versions![1]!, id: '../x' }] };
    expect(() => writeProjectFile(badId)).toThrow(/versions\.0\.id: expected a version id/);
    expect(() => writeProjectFile({ ...contents, thumbnail: strToU8('GIF89a') })).toThrow(
      /not a PNG/,
    );
  });

  it('reads a project without versions or thumbnails', async () => {
    const bare: ProjectFileContents = { name: 'P', created: 0, state: state([], 0), assets: [] };
    expect(await readProjectFile(writeProjectFile(bare), 'p.zip')).toEqual(bare);
  });
});

describe('project files: hostile input', () => {
  it('a file over the size cap is refused before anything is read', async () => {
    const huge = { length: PROJECT_FILE_LIMITS.fileBytes + 1 } as Uint8Array;
    expect((await refusal(huge)).message).toBe(
      `${FILE}: the file is 512.0 MB, over the 512.0 MB limit`,
    );
  });

  it('not a zip; truncated; no project.json', async () => {
    const rng = new Prng(3);
    const random = Uint8Array.from({ length: 4000 }, () => rng.int(0, 255));
    expect((await refusal(random)).message).toBe(
      `${FILE}: not a Canvas3D project file (it is not a zip file)`,
    );
    expect((await refusal(valid.subarray(0, valid.length - 30))).message).toMatch(
      /damaged or cut short \(its directory is missing\)/,
    );
    expect((await refusal(new Uint8Array(0))).message).toMatch(/not a zip file/);
    expect((await refusal(zipOf({ 'notes.txt': 'hi' }))).message).toBe(
      `${FILE}: unexpected entry "notes.txt" (not part of a Canvas3D project)`,
    );
    expect((await refusal(zipOf({ 'thumbnails/head.png': png(1) }))).message).toBe(
      `${FILE}: not a Canvas3D project file (no project.json inside)`,
    );
  });

  it.each(['../evil.js', 'assets/../../etc/passwd', '/etc/passwd', 'C:/x', 'assets\\..\\x'])(
    'path traversal: %s',
    async (name) => {
      expect((await refusal(rezip({ [name]: 'x' }))).message).toMatch(
        /has a path outside the project \(refused\)/,
      );
    },
  );

  it('entry count, declared sizes and their total are checked before inflating', async () => {
    const many: Record<string, string> = { 'project.json': '{}' };
    for (let i = 0; i < PROJECT_FILE_LIMITS.entries; i++) many[`thumbnails/v${i}.png`] = '';
    expect((await refusal(zipOf(many))).message).toBe(
      `${FILE}: 5001 entries is over the limit of 5000`,
    );
    const assetName = `assets/${contents.assets[0]!.hash}`;
    expect((await refusal(patch(valid, assetName, SIZE, 300 * 1024 * 1024))).message).toMatch(
      /entry "assets\/[0-9a-f]{64}" is 314572800 bytes, over the 268435456-byte limit/,
    );
    const five = zipOf(
      Object.fromEntries([1, 2, 3, 4, 5].map((i) => [`thumbnails/v${i}.png`, 'x'.repeat(100)])),
    );
    let big = five;
    for (const name of centralRecords(five).keys()) big = patch(big, name, SIZE, 250 * 1024 * 1024);
    expect((await refusal(big)).message).toMatch(
      /entries add up to more than the 1073741824-byte limit/,
    );
    const json70 = patch(valid, 'project.json', SIZE, 70 * 1024 * 1024);
    expect((await refusal(json70)).message).toBe(
      `${FILE}: project.json is 70.0 MB, over the 64.0 MB limit`,
    );
  });

  it('an entry that inflates past its declared size is stopped (sizes lie)', async () => {
    const bomb = zipOf({ 'project.json': new Uint8Array(8_000_000).fill(0x20) });
    const lying = patch(bomb, 'project.json', SIZE, 1000);
    expect((await refusal(lying)).message).toBe(
      `${FILE}: entry "project.json" inflates to more than the 1000 bytes it declares`,
    );
    // Honest about its size, but 8 MB of spaces is no project.
    expect((await refusal(bomb)).message).toMatch(/project\.json is damaged \(not valid JSON\)/);
  });

  it('damaged entries: CRC, method, encryption, zip64', async () => {
    const thumb = valid.slice();
    const at = indexOf(thumb, png(1).subarray(100, 120));
    thumb[at]! ^= 0x10;
    expect((await refusal(thumb)).message).toBe(
      `${FILE}: entry "thumbnails/head.png" is damaged (CRC mismatch)`,
    );
    expect((await refusal(patch(valid, 'project.json', METHOD, 12, 2))).message).toMatch(
      /uses compression method 12 \(only deflate\)/,
    );
    expect((await refusal(patch(valid, 'project.json', FLAGS, 1, 2))).message).toMatch(
      /is encrypted/,
    );
    expect((await refusal(patch(valid, 'project.json', SIZE, 0xffffffff))).message).toMatch(
      /zip64/,
    );
  });

  it('an asset whose bytes do not match its hash is named', async () => {
    const a = contents.assets[0]!;
    const swapped = a.bytes.slice();
    swapped[0]! ^= 1;
    expect((await refusal(rezip({ [`assets/${a.hash}`]: swapped }))).message).toMatch(
      /^scene\.c3d\.zip: asset chair\.glb is damaged \(its SHA-256 is [0-9a-f]{12}…, expected [0-9a-f]{12}…\)$/,
    );
    expect((await refusal(rezip({ [`assets/${a.hash}`]: null }))).message).toMatch(
      /asset chair\.glb \([0-9a-f]{12}…\) is missing from the file/,
    );
    expect((await refusal(rezip({ [`assets/${'e'.repeat(64)}`]: 'x' }))).message).toMatch(
      /unexpected entry "assets\/e{64}" \(an asset project\.json does not list\)/,
    );
    expect((await refusal(rezip({ 'thumbnails/nope.png': png(3) }))).message).toMatch(
      /unexpected entry "thumbnails\/nope\.png" \(a thumbnail of no version\)/,
    );
    expect((await refusal(rezip({ 'thumbnails/head.png': 'GIF89a' }))).message).toMatch(
      /thumbnails\/head\.png is not a PNG image/,
    );
  });

  const withJson = (edit: (j: Record<string, unknown>) => unknown) => {
    const j = projectJson();
    const out = edit(j) ?? j;
    return rezip({ 'project.json': typeof out === 'string' ? out : JSON.stringify(out) });
  };

  it.each([
    ['not JSON', () => '{"format":', /project\.json is damaged \(not valid JSON\)/],
    ['an array', () => '[]', /project\.json is not a project/],
    [
      'another format',
      (j: Record<string, unknown>) => ({ ...j, format: 'zip' }),
      /not a Canvas3D project file \(project\.json has format "zip"\)/,
    ],
    [
      'a newer version',
      (j: Record<string, unknown>) => ({ ...j, version: 7 }),
      /made by a newer version of the studio \(project file version 7; this studio reads version 1\)/,
    ],
    [
      'version "1"',
      (j: Record<string, unknown>) => ({ ...j, version: '1' }),
      /unknown project file version "1"/,
    ],
    [
      'no name',
      (j: Record<string, unknown>) => ({ ...j, name: undefined }),
      /project\.json is invalid: name: /,
    ],
    [
      'created NaN',
      (j: Record<string, unknown>) => ({ ...j, created: 'NaN' }),
      /invalid: created: /,
    ],
    ['an unknown field', (j: Record<string, unknown>) => ({ ...j, extra: 1 }), /invalid: extra: /],
    [
      'a bad layer',
      (j: Record<string, unknown>) => {
        (j.state as ProjectState).layer = {
          records: { a: { matrix: [1] } },
          order: [],
          nextId: 1,
        } as never;
      },
      /invalid: state\.layer\.records\.a\.matrix: expected 16 numbers/,
    ],
    [
      'a bad spec in a version',
      (j: Record<string, unknown>) => {
        (
          (j.versions as { state: ProjectState }[])[1]!.state.generated as Record<string, unknown>
        ).seed = 1e300;
      },
      /invalid: versions\[1\]\.state\.generated: seed/,
    ],
    [
      'an asset the list does not have',
      (j: Record<string, unknown>) => ({ ...j, assets: (j.assets as unknown[]).slice(1) }),
      /state\.assets\[0\]: chair\.glb \([0-9a-f]{12}…\) is not in the file/,
    ],
    [
      'a size that disagrees with the state',
      (j: Record<string, unknown>) => {
        (j.assets as { size: number }[])[0]!.size = 4999;
      },
      /chair\.glb is 4999 bytes in the file, 5000 in the state/,
    ],
    [
      'duplicate version ids',
      (j: Record<string, unknown>) => {
        const v = j.versions as { id: string }[];
        v[1]!.id = v[0]!.id;
      },
      /versions\[1\]\.id: .* is used twice/,
    ],
    [
      'deep nesting',
      () => `{"format":"canvas3d-project","x":${'['.repeat(100_000)}${']'.repeat(100_000)}}`,
      /nested deeper than 64 levels/,
    ],
  ])('project.json: %s', async (_label, edit, expected) => {
    const error = await refusal(withJson(edit as (j: Record<string, unknown>) => unknown));
    expect(error.message).toMatch(expected);
  });
});

function indexOf(hay: Uint8Array, needle: Uint8Array): number {
  outer: for (let i = 0; i + needle.length <= hay.length; i++) {
    for (let j = 0; j < needle.length; j++) if (hay[i + j] !== needle[j]) continue outer;
    return i;
  }
  throw new Error('not found');
}

// ---- fuzz -------------------------------------------------------------------------------------

const FUZZ_SEED = 0xf11e_0006;
const HANG_MS = 1000;

describe('project-file fuzz', () => {
  it('0 crashes and 0 hangs over 1000+ mutated and hostile zips', async () => {
    const rng = new Prng(FUZZ_SEED);
    const json = projectJson();
    const names = [...centralRecords(valid).keys()];
    const counts = { total: 0, accepted: 0, refused: 0, crashes: 0, hangs: 0 };
    const crashes: string[] = [];
    let maxMs = 0;
    let slowest = '';

    const attempt = async (kind: string, bytes: Uint8Array) => {
      counts.total++;
      const t0 = performance.now();
      let result: ProjectFileContents | undefined;
      try {
        result = await readProjectFile(bytes, FILE);
      } catch (error) {
        if (error instanceof ProjectFileError && error.message.startsWith(`${FILE}: `))
          counts.refused++;
        else {
          counts.crashes++;
          if (crashes.length < 5) crashes.push(`${kind}: ${String(error)}`);
        }
      }
      const ms = performance.now() - t0;
      if (ms > maxMs) [maxMs, slowest] = [ms, kind];
      if (ms > HANG_MS) counts.hangs++;
      if (result) {
        counts.accepted++;
        // What is accepted is a valid project: it writes again and reads back equal.
        try {
          expect(await readProjectFile(writeProjectFile(result), FILE)).toEqual(result);
        } catch (error) {
          counts.crashes++;
          crashes.push(`${kind} accepted but does not round-trip: ${String(error)}`);
        }
      }
    };

    const randomBytes = (n: number) => Uint8Array.from({ length: n }, () => rng.int(0, 255));
    const mutateJson = (): unknown => {
      const copy = structuredClone(json);
      let node: Record<string, unknown> = copy;
      for (let d = 0; d < 10; d++) {
        const keys = Object.keys(node);
        if (!keys.length) break;
        const key = rng.pick(keys);
        const child = node[key];
        if (typeof child === 'object' && child !== null && rng.chance(0.75)) {
          node = child as Record<string, unknown>;
          continue;
        }
        node[key] = rng.pick<unknown>([
          null,
          -1,
          1e300,
          'x',
          '../x',
          [],
          {},
          true,
          'a'.repeat(300),
          2 ** 40,
        ]);
        break;
      }
      return copy;
    };
    const plan: [string, number, () => Uint8Array][] = [
      ['random bytes', 100, () => randomBytes(rng.int(0, 3000))],
      [
        'random bytes with a zip end record',
        50,
        () => {
          const b = randomBytes(rng.int(22, 2000));
          b.set([0x50, 0x4b, 0x05, 0x06], b.length - 22);
          b[b.length - 2] = 0;
          b[b.length - 1] = 0;
          return b;
        },
      ],
      ['truncated', 150, () => valid.subarray(0, rng.int(0, valid.length - 1))],
      [
        'bit flips',
        300,
        () => {
          const b = valid.slice();
          for (let i = rng.int(1, 6); i > 0; i--)
            b[rng.int(0, b.length - 1)]! ^= 1 << rng.int(0, 7);
          return b;
        },
      ],
      [
        'lying central fields',
        200,
        () => {
          const field = rng.pick([8, 10, 16, 20, 24, 28, 30, 32, 42]);
          const wide = field === 8 || field === 10 || (field >= 28 && field <= 32) ? 2 : 4;
          const value = rng.pick([0, 1, 0xffff, 0x7fffffff, 0xffffffff, rng.int(0, 100000)]);
          return patch(
            valid,
            rng.pick(names),
            field,
            wide === 2 ? value & 0xffff : value,
            wide as 2 | 4,
          );
        },
      ],
      ['mutated project.json', 200, () => rezip({ 'project.json': JSON.stringify(mutateJson()) })],
      [
        'project.json text damage',
        60,
        () => {
          const t = JSON.stringify(json);
          const at = rng.int(0, t.length - 1);
          return rezip({
            'project.json':
              t.slice(0, at) +
              rng.pick(['"', '}', '', '\u0000', 'NaN']) +
              t.slice(at + rng.int(0, 30)),
          });
        },
      ],
      [
        'wrong asset bytes',
        40,
        () => {
          const a = rng.pick(contents.assets);
          return rezip({ [`assets/${a.hash}`]: randomBytes(a.bytes.length) });
        },
      ],
      [
        'odd entry names',
        60,
        () =>
          rezip({
            [rng.pick([
              '../a',
              '/abs',
              'a/../../b',
              'C:\\x',
              'assets/',
              'assets/zz',
              'thumbnails/x/../y.png',
              'project.json/',
              '\u0000',
              'thumbnails/head.png.exe',
            ])]: randomBytes(10),
          }),
      ],
      [
        'entry bombs',
        12,
        () => {
          const size = rng.pick([1_000_000, 8_000_000, 20_000_000]);
          const z = zipOf({ 'project.json': new Uint8Array(size).fill(rng.pick([0, 0x20, 0x5b])) });
          return rng.chance(0.5) ? patch(z, 'project.json', SIZE, rng.int(0, 5000)) : z;
        },
      ],
      [
        'stored bomb',
        8,
        () => {
          const raw = deflateSync(new Uint8Array(4_000_000));
          const z = zipOf({ 'project.json': '{}' });
          const out = new Uint8Array(z.length + raw.length);
          out.set(z);
          out.set(raw, z.length);
          return out;
        },
      ],
    ];
    for (const [kind, n, make] of plan) for (let i = 0; i < n; i++) await attempt(kind, make());
    await attempt('valid', valid);

    console.log(
      `project-file-fuzz: ${counts.total} files, ${counts.accepted} accepted (valid), ${counts.refused} refused ` +
        `with ProjectFileError, ${counts.crashes} crashes, ${counts.hangs} hangs (> ${HANG_MS} ms); ` +
        `slowest read ${maxMs.toFixed(1)} ms (${slowest}); seed ${FUZZ_SEED}`,
    );
    expect(crashes).toEqual([]);
    expect(counts.crashes).toBe(0);
    expect(counts.hangs).toBe(0);
    expect(counts.total).toBeGreaterThanOrEqual(1000);
    expect(counts.accepted).toBeGreaterThanOrEqual(1);
    expect(crc32(strToU8('123456789'))).toBe(0xcbf43926);
  }, 60_000);
});
