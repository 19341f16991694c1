import { describe, expect, it } from 'vitest';
import { SHIPPED_PRESETS } from '../../src/core/materials/library';
import {
  exportLibraryFile,
  LIBRARY_FORMAT,
  LIBRARY_MAX_BYTES,
  LIBRARY_MAX_PRESETS,
  LibraryFileError,
  parseLibraryFile,
  userPresetId,
} from '../../src/core/materials/library/library-file';
import type { MaterialPreset } from '../../src/core/materials/preset';
import { Prng } from '../../src/core/prng';

const shippedIds = SHIPPED_PRESETS.map((p) => p.id);

function userPreset(id: string, name = id): MaterialPreset {
  const base = SHIPPED_PRESETS.find((p) => p.id === 'wood/oak-planks')!;
  return JSON.parse(JSON.stringify({ ...base, id, name })) as MaterialPreset;
}

function file(presets: unknown[], extra: Record<string, unknown> = {}): string {
  return JSON.stringify({ format: LIBRARY_FORMAT, version: 1, presets, ...extra });
}

function errorOf(f: () => unknown): LibraryFileError {
  try {
    f();
  } catch (e) {
    if (e instanceof LibraryFileError) return e;
    throw e;
  }
  throw new Error('expected a LibraryFileError');
}

describe('material library file', () => {
  it('round-trips user presets through export and import', () => {
    const presets = [userPreset('user/my-oak'), userPreset('user/other', 'Other')];
    const text = exportLibraryFile(presets);
    expect(JSON.parse(text).format).toBe(LIBRARY_FORMAT);
    const r = parseLibraryFile(text, { reservedIds: shippedIds });
    expect(r.presets).toEqual(presets);
    expect(r.renamed).toEqual([]);
  });

  it('exports shipped presets and imports them back as user presets, re-prefixed', () => {
    const two = SHIPPED_PRESETS.slice(0, 2);
    const r = parseLibraryFile(exportLibraryFile(two), { reservedIds: shippedIds });
    expect(r.presets.map((p) => p.id)).toEqual(two.map((p) => userPresetId(p.id)));
    expect(r.presets[0]!.id).toBe(`user/${two[0]!.id.replace('/', '-')}`);
    expect(r.renamed).toEqual(
      two.map((p, index) => ({ index, from: p.id, to: userPresetId(p.id) })),
    );
    expect({ ...r.presets[1]!, id: two[1]!.id }).toEqual(two[1]);
  });

  it('names each bad preset by index, id and field path, all at once', () => {
    const bad = userPreset('user/bad');
    (bad.params as { scale: number }).scale = 0;
    (bad.params as { colors: string[] }).colors[1] = 'red';
    const e = errorOf(() => parseLibraryFile(file([userPreset('user/ok'), bad, { id: 3 }])));
    expect(e.message).toContain('presets[1] ("user/bad").params.scale: expected 1..64, got 0');
    expect(e.message).toContain(`presets[1] ("user/bad").params.colors.1: expected a colour`);
    expect(e.issues.some((i) => i.startsWith('presets[2].id:'))).toBe(true);
    expect(e.issues.length).toBeGreaterThanOrEqual(3);
  });

  it('rejects unknown fields in a preset and in the envelope', () => {
    const extra = { ...userPreset('user/x'), colour: '#ffffff' };
    expect(errorOf(() => parseLibraryFile(file([extra]))).message).toContain(
      'presets[0] ("user/x").colour: unknown field',
    );
    expect(errorOf(() => parseLibraryFile(file([], { author: 'me' }))).message).toContain(
      'author: unknown field',
    );
  });

  it('rejects files that are not a library, or of another version', () => {
    expect(errorOf(() => parseLibraryFile('{"presets": [')).message).toMatch(/not valid JSON/);
    expect(errorOf(() => parseLibraryFile('[1, 2]')).message).toMatch(/expected a JSON object/);
    expect(errorOf(() => parseLibraryFile('{"format": "scene", "version": 1}')).message).toBe(
      `Not a material library: format: expected '${LIBRARY_FORMAT}', got "scene"`,
    );
    expect(errorOf(() => parseLibraryFile(file([], { version: 2 }))).message).toMatch(
      /expected 1, got 2 \(the file is from a newer studio\)/,
    );
    expect(errorOf(() => parseLibraryFile(file([], { presets: {} }))).message).toMatch(
      /presets: expected an array, got an object/,
    );
  });

  it('caps the size before parsing and the number of presets', () => {
    const big = ' '.repeat(LIBRARY_MAX_BYTES + 1);
    expect(errorOf(() => parseLibraryFile(big)).message).toMatch(/too large: 5\.0 MB/);
    // Multi-byte text counts in UTF-8 bytes, not characters.
    const wide = `"${'é'.repeat(Math.ceil(LIBRARY_MAX_BYTES / 2) + 1)}"`;
    expect(errorOf(() => parseLibraryFile(wide)).message).toMatch(/too large/);
    const many = Array.from({ length: LIBRARY_MAX_PRESETS + 1 }, () => ({}));
    expect(errorOf(() => parseLibraryFile(file(many))).message).toMatch(
      new RegExp(`at most ${LIBRARY_MAX_PRESETS} presets, got ${LIBRARY_MAX_PRESETS + 1}`),
    );
  });

  it('rejects duplicate ids, also when re-prefixing makes them collide', () => {
    expect(
      errorOf(() => parseLibraryFile(file([userPreset('user/a'), userPreset('user/a')]))).message,
    ).toContain('presets[1].id: "user/a" repeats presets[0]');
    const e = errorOf(() =>
      parseLibraryFile(file([userPreset('wood/a'), userPreset('user/wood-a')])),
    );
    expect(e.message).toContain('presets[1].id: "user/wood-a" repeats presets[0]');
    const e2 = errorOf(() =>
      parseLibraryFile(file([userPreset('user/wood-a'), userPreset('wood/a')])),
    );
    expect(e2.message).toContain('(after re-prefixing "wood/a") repeats presets[0]');
  });

  it('never lets an import take a reserved id, and rejects ids too long to re-prefix', () => {
    const e = errorOf(() =>
      parseLibraryFile(file([userPreset('user/taken')]), { reservedIds: ['user/taken'] }),
    );
    expect(e.message).toContain('"user/taken" is taken by a shipped preset');
    const long = `${'a'.repeat(40)}/${'b'.repeat(40)}`;
    expect(errorOf(() => parseLibraryFile(file([userPreset(long, 'Long')]))).message).toMatch(
      /too long to become a user preset id/,
    );
    for (const p of SHIPPED_PRESETS) expect(p.id.startsWith('user/')).toBe(false);
  });

  it('never changes what it is given', () => {
    const presets = [userPreset('wood/a')];
    const before = JSON.stringify(presets);
    const r = parseLibraryFile(exportLibraryFile(presets));
    expect(JSON.stringify(presets)).toBe(before);
    r.presets[0]!.tags.push('changed');
    expect(JSON.stringify(presets)).toBe(before);
  });

  it('refuses to export invalid or duplicate presets', () => {
    const bad = userPreset('user/bad');
    (bad as { family: string }).family = 'cheese';
    expect(errorOf(() => exportLibraryFile([bad])).message).toMatch(
      /presets\[0\]\.family: expected one of metal/,
    );
    expect(
      errorOf(() => exportLibraryFile([userPreset('user/a'), userPreset('user/a')])).message,
    ).toContain('repeats presets[0]');
  });

  it('answers any damaged file with a result or a LibraryFileError, never another error', () => {
    const valid = exportLibraryFile([
      userPreset('user/a'),
      SHIPPED_PRESETS.find((p) => p.look?.physical)!,
      SHIPPED_PRESETS.find((p) => p.params.emissive)!,
    ]);
    const rng = new Prng(20240605);
    const alphabet = '{}[]",:0123456789.-eE truefalsnul#abc\\/\u00e9\u0000';
    let ok = 0;
    let rejected = 0;
    for (let n = 0; n < 1500; n++) {
      let text = valid;
      const edits = 1 + rng.int(0, 3);
      for (let k = 0; k < edits; k++) {
        const at = rng.int(0, text.length);
        const kind = rng.int(0, 3);
        if (kind === 0) text = text.slice(0, at);
        else if (kind === 1) text = text.slice(0, at) + text.slice(at + 1 + rng.int(0, 20));
        else if (kind === 2)
          text = text.slice(0, at) + alphabet[rng.int(0, alphabet.length - 1)] + text.slice(at + 1);
        else text = text.slice(0, at) + text.slice(rng.int(0, text.length));
      }
      try {
        parseLibraryFile(text, { reservedIds: shippedIds });
        ok++;
      } catch (e) {
        if (!(e instanceof LibraryFileError))
          throw new Error(`unexpected ${String(e)} for ${text}`, { cause: e });
        expect(e.message.length).toBeGreaterThan(0);
        rejected++;
      }
    }
    expect(ok + rejected).toBe(1500);
    expect(rejected).toBeGreaterThan(100);
  });
});
