import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ResolvedConfig } from 'vite';
import { largeFiles, listLargeFiles } from '../../build/large-files-plugin';
import {
  LARGE_FILE_GLOBS,
  isLargeFile,
  largeFileUrlPattern,
} from '../../src/pwa/large-file-patterns';
import { revisionOf } from '../../src/pwa/warm-large-files';

const LARGE = [
  'models/depth-anything/model.onnx',
  'models/depth-anything/config.json',
  'models/sam/decoder/weights.bin',
  'luts/film.cube',
  'assets/ort-wasm-simd-threaded.asyncify-Ab12.wasm',
  'ort-wasm-simd-threaded.wasm',
  'anywhere/else/model.onnx',
];
const SMALL = [
  'index.html',
  'assets/index-B56y7lQ8.js',
  'assets/index-B56y7lQ8.css',
  'examples/forest.json',
  'large-files.json',
  'icons/icon-512.png',
  'sw.js',
  'assets/models-panel.js', // a file named like the folder is not in it
  'assets/wasm-loader.js',
  'models', // the folder itself
  'models/',
  'notes.wasm.txt',
];

describe('large-file patterns', () => {
  it('take the model packs, LUTs, wasm and ONNX files and nothing of the app shell', () => {
    for (const p of LARGE) expect(isLargeFile(p), p).toBe(true);
    for (const p of SMALL) expect(isLargeFile(p), p).toBe(false);
    expect(isLargeFile('./models/a/b.bin')).toBe(true);
    expect(isLargeFile('models\\a\\b.bin')).toBe(true);
  });

  it("the service worker's URL pattern agrees with the build's rule, for any base", () => {
    for (const base of ['/', '/studio/']) {
      const pattern = largeFileUrlPattern(base);
      for (const p of [...LARGE, ...SMALL.filter((s) => !s.endsWith('/') && s !== 'models')]) {
        const url = `https://studio.example${base}${p}`;
        expect(pattern.test(url), url).toBe(isLargeFile(p));
        expect(pattern.test(`${url}?v=2#x`), url).toBe(isLargeFile(p));
      }
    }
    // Under another base, the folders do not count (a wasm file still does).
    const studio = largeFileUrlPattern('/studio/');
    expect(studio.test('https://studio.example/models/a/model.bin')).toBe(false);
    expect(studio.test('https://studio.example/studio/models/a/model.bin')).toBe(true);
  });

  it("the precache's ignore globs name the same folders and extensions", () => {
    expect(LARGE_FILE_GLOBS).toEqual(['models/**', 'luts/**', '**/*.wasm', '**/*.onnx']);
  });
});

describe('the large-files list plugin', () => {
  let dir: string | undefined;
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
    dir = undefined;
  });

  function makeOutput(): string {
    dir = mkdtempSync(path.join(tmpdir(), 'c3d-large-'));
    const files: Record<string, string> = {
      'index.html': '<!doctype html>',
      'assets/index-abc.js': 'console.log(1)',
      'assets/ort-abc.wasm': 'wasm bytes',
      'models/depth/model.onnx': 'onnx bytes, a bit longer',
      'models/depth/config.json': '{"size":518}',
      'luts/film.cube': 'LUT_3D_SIZE 2',
      'examples/forest.json': '{}',
    };
    for (const [p, text] of Object.entries(files)) {
      mkdirSync(path.dirname(path.join(dir, p)), { recursive: true });
      writeFileSync(path.join(dir, p), text);
    }
    return dir;
  }

  it('lists every large file with its size and a content revision, sorted', () => {
    const out = makeOutput();
    const list = listLargeFiles(out);
    expect(list.version).toBe(1);
    expect(list.files.map((f) => f.path)).toEqual([
      'assets/ort-abc.wasm',
      'luts/film.cube',
      'models/depth/config.json',
      'models/depth/model.onnx',
    ]);
    const onnx = list.files.find((f) => f.path.endsWith('.onnx'))!;
    expect(onnx.size).toBe('onnx bytes, a bit longer'.length);
    expect(onnx.revision).toBe(
      createHash('sha256').update('onnx bytes, a bit longer').digest('hex').slice(0, 16),
    );
    expect(new Set(list.files.map((f) => f.revision)).size).toBe(4);
  });

  it("computes the same revision as the page's warmer", async () => {
    const out = makeOutput();
    const list = listLargeFiles(out);
    for (const f of list.files) {
      const bytes = readFileSync(path.join(out, f.path));
      const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
      expect(await revisionOf(buffer as ArrayBuffer)).toBe(f.revision);
    }
  });

  it('writes large-files.json into the build output after the bundle is written', () => {
    const out = makeOutput();
    const plugin = largeFiles();
    const logged: string[] = [];
    const config = {
      root: out,
      build: { outDir: '.' },
      logger: { info: (m: string) => logged.push(m) },
    } as unknown as ResolvedConfig;
    (plugin.configResolved as (c: ResolvedConfig) => void)(config);
    (plugin.writeBundle as () => void)();
    const written = JSON.parse(readFileSync(path.join(out, 'large-files.json'), 'utf8'));
    expect(written).toEqual(listLargeFiles(out));
    expect(written.files).toHaveLength(4);
    expect(logged[0]).toMatch(/^large files: 4 /);
    expect(plugin.apply).toBe('build');
  });
});
