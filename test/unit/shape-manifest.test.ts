// The shape pack's manifest: a valid one parses; each broken field is refused naming it; graphs
// whose sessions differ from the manifest are refused naming the difference (fake metadata and
// real onnxruntime sessions); the pack loader's size caps and checksums, over an injected fetch
// and over user files.
import { describe, expect, it } from 'vitest';
import {
  checkSessionMetadata,
  ModelPackError,
  parseShapeManifest,
  parseShapeManifestText,
  SHAPE_PACK_LIMITS,
  type SessionMetadata,
} from '../../src/core/shape/model-manifest';
import { sha256Hex } from '../../src/import/content-hash';
import { loadShapePack, type PackFile } from '../../src/inference/model-pack';
import { ortNode } from '../../src/inference/ort-node';
import { tinyPack, type Json } from '../support/shape-fakes';

const { manifest: base, graphs, manifestText } = await tinyPack();
const clone = () => structuredClone(base) as Json;

function refusal(run: () => unknown): ModelPackError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(ModelPackError);
    return error as ModelPackError;
  }
  throw new Error('expected a ModelPackError');
}

async function refusalOf(promise: Promise<unknown>): Promise<ModelPackError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(ModelPackError);
    return error as ModelPackError;
  }
  throw new Error('expected a ModelPackError');
}

describe('parseShapeManifest', () => {
  it('accepts a valid manifest and keeps its values', () => {
    const m = parseShapeManifest(clone());
    expect(m.id).toBe('tiny-test');
    expect(m.latent).toEqual({ tokens: 8, channels: 4, scale: 1 });
    expect(m.graphs.denoiser.inputs[0]!.shape).toEqual(['batch', 8, 4]);
    expect(m.files.decoder.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(parseShapeManifestText(manifestText)).toEqual(m);
  });

  const broken: [string, (m: Json) => void, RegExp][] = [
    ['format', (m) => (m.format = 'other'), /format: expected "canvas3d-shape-pack", got "other"/],
    [
      'formatVersion',
      (m) => (m.formatVersion = 2),
      /formatVersion: this studio reads version 1, got 2/,
    ],
    ['id', (m) => (m.id = 'Bad Id'), /id: expected lower-case letters, digits and -/],
    ['name', (m) => (m.name = ''), /name: expected some text/],
    ['version', (m) => (m.version = 'one'), /version: expected a version like 1.0.0, got "one"/],
    ['license', (m) => delete m.license, /manifest\.json: license: missing/],
    [
      'quantization',
      (m) => (m.quantization = 'int4'),
      /quantization: expected one of none, int8-weights-qdq/,
    ],
    [
      'files.encoder.path',
      (m) => (m.files.encoder.path = '../up.onnx'),
      /files\.encoder\.path: expected a plain file name/,
    ],
    [
      'files.decoder.path',
      (m) => (m.files.decoder.path = 'decoder.bin'),
      /files\.decoder\.path: expected a name ending in \.onnx/,
    ],
    [
      'files.denoiser.bytes',
      (m) => (m.files.denoiser.bytes = SHAPE_PACK_LIMITS.onnxBytes + 1),
      /files\.denoiser\.bytes: expected 1\.\.67108864, got 67108865/,
    ],
    [
      'files.decoder.sha256',
      (m) => (m.files.decoder.sha256 = 'abc'),
      /files\.decoder\.sha256: expected 64 lower-case hex digits/,
    ],
    [
      'files (same path twice)',
      (m) => (m.files.decoder.path = 'encoder.onnx'),
      /files\.decoder\.path: "encoder\.onnx" is used by two graphs/,
    ],
    ['latent.tokens', (m) => (m.latent.tokens = 0), /latent\.tokens: expected 1\.\.1024, got 0/],
    [
      'latent.scale',
      (m) => (m.latent.scale = -1),
      /latent\.scale: expected 0\.000001\.\.1000000, got -1/,
    ],
    [
      'sampler.kind',
      (m) => (m.sampler.kind = 'ddim'),
      /sampler\.kind: expected one of flow-euler, got "ddim"/,
    ],
    [
      'sampler.maxSteps',
      (m) => (m.sampler.maxSteps = 1000),
      /sampler\.maxSteps: expected 1\.\.256, got 1000/,
    ],
    [
      'sampler.defaultSteps',
      (m) => (m.sampler.defaultSteps = 40),
      /sampler\.defaultSteps: expected at most maxSteps \(32\), got 40/,
    ],
    [
      'sampler.timeTo',
      (m) => (m.sampler.timeTo = 0),
      /sampler\.timeTo: expected more than timeFrom \(0\), got 0/,
    ],
    [
      'sampler.defaultGuidance',
      (m) => (m.sampler.defaultGuidance = 'strong'),
      /sampler\.defaultGuidance: expected a number 0\.\.20, got "strong"/,
    ],
    ['image.size', (m) => (m.image.size = 4), /image\.size: expected 8\.\.512, got 4/],
    [
      'image.channels',
      (m) => (m.image.channels = ['luminance', 'mask']),
      /image\.channels\[0\]|image\.channels: expected \["mask", "luminance"\]/,
    ],
    [
      'image.view.elevationDeg',
      (m) => (m.image.view.elevationDeg = 120),
      /image\.view\.elevationDeg: expected -90\.\.90, got 120/,
    ],
    ['grid.coarse', (m) => (m.grid.coarse = 1.5), /grid\.coarse: expected an integer/],
    [
      'grid.fine',
      (m) => (m.grid.fine = 12),
      /grid\.fine: expected a multiple of grid\.coarse \(8\), got 12/,
    ],
    ['grid.chunk', (m) => (m.grid.chunk = 0), /grid\.chunk: expected 64\.\.1048576, got 0/],
    ['an unknown field', (m) => (m.sampler.shift = 3), /sampler\.shift: unknown field/],
    [
      'golden.path',
      (m) => (m.golden = { path: 'a/b.json' }),
      /golden\.path: expected a plain file name/,
    ],
    [
      'a tensor dtype',
      (m) => (m.graphs.encoder.inputs[0].dtype = 'float16'),
      /graphs\.encoder\.inputs\[0\]\.dtype: expected one of float32, got "float16"/,
    ],
    [
      'a fixed batch',
      (m) => (m.graphs.denoiser.inputs[0].shape[0] = 2),
      /graphs\.denoiser\.inputs\.latent\.shape\[0\]: expected a symbolic dimension/,
    ],
    [
      'a missing input',
      (m) => m.graphs.decoder.inputs.pop(),
      /graphs\.decoder\.inputs\.points: missing/,
    ],
    [
      'an unknown input',
      (m) => (m.graphs.decoder.inputs[1].name = 'queries'),
      /graphs\.decoder\.inputs\.queries: the studio does not know this tensor \(expected latent, points\)/,
    ],
    [
      'an image size the encoder does not take',
      (m) => (m.graphs.encoder.inputs[0].shape = [1, 2, 32, 32]),
      /graphs\.encoder\.inputs\.image\.shape\[2\]: expected 8, got 32/,
    ],
    [
      "a condition width unlike the encoder's",
      (m) => (m.graphs.denoiser.inputs[2].shape[2] = 5),
      /graphs\.denoiser\.inputs\.cond\.shape\[2\]: expected 3, got 5/,
    ],
    [
      'a latent unlike latent.tokens',
      (m) => (m.latent.tokens = 16),
      /graphs\.denoiser\.inputs\.latent\.shape\[1\]: expected 16, got 8/,
    ],
    [
      'a symbolic condition size',
      (m) => (m.graphs.encoder.outputs[0].shape[1] = 'tokens'),
      /graphs\.encoder\.outputs\.cond\.shape\[1\]: expected a fixed token count/,
    ],
    [
      'a rank',
      (m) => (m.graphs.decoder.outputs[0].shape = ['points']),
      /graphs\.decoder\.outputs\.logits\.shape: expected 2 dimensions, got 1/,
    ],
  ];
  for (const [field, breakIt, message] of broken) {
    it(`refuses a broken ${field}, naming it`, () => {
      const m = clone();
      breakIt(m);
      const error = refusal(() => parseShapeManifest(m));
      expect(error.code).toBe('manifest-invalid');
      expect(error.message).toMatch(message);
    });
  }

  it('lists every problem at once', () => {
    const m = clone();
    m.id = 'X';
    m.latent.channels = 0;
    m.grid.iso = 'zero';
    const error = refusal(() => parseShapeManifest(m));
    expect(error.issues).toHaveLength(3);
    expect(error.issues.join('\n')).toMatch(/id:.*\n.*latent\.channels:.*\n.*grid\.iso:/);
  });

  it('refuses what is not an object, text over the cap and text that is not JSON', () => {
    expect(refusal(() => parseShapeManifest([])).message).toMatch(
      /manifest\.json: expected a JSON object/,
    );
    const big = JSON.stringify({ ...clone(), pad: 'x'.repeat(SHAPE_PACK_LIMITS.manifestBytes) });
    const tooBig = refusal(() => parseShapeManifestText(big));
    expect(tooBig.code).toBe('manifest-too-large');
    expect(tooBig.message).toMatch(/manifest\.json: \d+ bytes is over the 65536-byte limit/);
    expect(refusal(() => parseShapeManifestText('{"format":')).message).toMatch(
      /manifest\.json: not valid JSON/,
    );
  });
});

describe('checkSessionMetadata', () => {
  const manifest = parseShapeManifest(clone());
  const decoderSession = (): SessionMetadata => ({
    inputNames: ['latent', 'points'],
    outputNames: ['logits'],
    inputMetadata: [
      { name: 'latent', isTensor: true, type: 'float32', shape: [1, 8, 4] },
      { name: 'points', isTensor: true, type: 'float32', shape: [1, 'n', 3] },
    ],
    outputMetadata: [{ name: 'logits', isTensor: true, type: 'float32', shape: [1, 'n'] }],
  });

  it('accepts a matching session, and a symbolic size where the manifest fixes one', () => {
    expect(() => checkSessionMetadata('decoder', manifest, decoderSession())).not.toThrow();
    const s = decoderSession();
    s.inputMetadata![0]!.shape = ['b', 8, 4];
    expect(() => checkSessionMetadata('decoder', manifest, s)).not.toThrow();
  });

  const mismatches: [
    string,
    (s: SessionMetadata & { inputMetadata: Json[]; outputMetadata: Json[] }) => void,
    RegExp,
  ][] = [
    [
      'a renamed input',
      (s) => {
        s.inputNames = ['latent', 'xyz'];
        s.inputMetadata[1].name = 'xyz';
      },
      /decoder\.onnx: inputs: the graph has "xyz", which the manifest does not list[\s\S]*decoder\.onnx: inputs\.points: the graph has no such tensor \(it has "latent", "xyz"\)/,
    ],
    [
      'an extra output',
      (s) => (s.outputNames = ['logits', 'features']),
      /decoder\.onnx: outputs: the graph has "features", which the manifest does not list/,
    ],
    [
      'another dtype',
      (s) => (s.outputMetadata[0].type = 'float16'),
      /decoder\.onnx: outputs\.logits: expected dtype float32, the graph has float16/,
    ],
    [
      'another rank',
      (s) => (s.inputMetadata[0].shape = [8, 4]),
      /decoder\.onnx: inputs\.latent: expected rank 3 \[1, 8, 4\], the graph has rank 2 \[8, 4\]/,
    ],
    [
      'another fixed size',
      (s) => (s.inputMetadata[0].shape = [1, 16, 4]),
      /decoder\.onnx: inputs\.latent\.shape\[1\]: the manifest says 8, the graph has 16/,
    ],
    [
      'a fixed size where the manifest varies',
      (s) => (s.inputMetadata[1].shape = [1, 4096, 3]),
      /decoder\.onnx: inputs\.points\.shape\[1\]: the manifest says "points" \(varies per run\), the graph fixes it at 4096/,
    ],
    [
      'a value that is not a tensor',
      (s) => (s.outputMetadata[0] = { name: 'logits', isTensor: false }),
      /outputs\.logits: the graph's value is not a tensor/,
    ],
  ];
  for (const [what, change, message] of mismatches) {
    it(`refuses ${what}, naming it`, () => {
      const s = decoderSession() as SessionMetadata & {
        inputMetadata: Json[];
        outputMetadata: Json[];
      };
      change(s);
      const error = refusal(() => checkSessionMetadata('decoder', manifest, s));
      expect(error.code).toBe('session-mismatch');
      expect(error.message).toMatch(message);
    });
  }

  it('accepts real onnxruntime sessions of the graphs and refuses mismatched ones', async () => {
    const ort = await ortNode();
    for (const graph of ['encoder', 'denoiser', 'decoder'] as const) {
      const session = await ort.InferenceSession.create(graphs[graph], {
        executionProviders: ['wasm'],
      });
      expect(() => checkSessionMetadata(graph, manifest, session)).not.toThrow();
      await session.release();
    }
    const renamed = (await tinyPack({ encoderInput: 'pixels' })).graphs;
    const s1 = await ort.InferenceSession.create(renamed.encoder, { executionProviders: ['wasm'] });
    expect(refusal(() => checkSessionMetadata('encoder', manifest, s1)).message).toMatch(
      /encoder\.onnx: inputs: the graph has "pixels"[\s\S]*inputs\.image: the graph has no such tensor/,
    );
    await s1.release();
    const fixed = (await tinyPack({ fixedBatch: 2 })).graphs;
    const s2 = await ort.InferenceSession.create(fixed.denoiser, { executionProviders: ['wasm'] });
    expect(refusal(() => checkSessionMetadata('denoiser', manifest, s2)).message).toMatch(
      /denoiser\.onnx: inputs\.latent\.shape\[0\]: the manifest says "batch" \(varies per run\), the graph fixes it at 2/,
    );
    await s2.release();
  });
});

/** A fetch over an in-memory folder; counts requests and bytes read. */
function folderFetch(
  files: Record<string, Uint8Array>,
  headers: Record<string, Record<string, string>> = {},
) {
  const log = { requests: [] as string[], bytesRead: 0 };
  const fetcher = async (url: string) => {
    log.requests.push(url);
    const name = new URL(url).pathname.split('/').pop()!;
    const bytes = files[name];
    if (!bytes) return new Response('not found', { status: 404, statusText: 'Not Found' });
    let at = 0;
    const body = new ReadableStream<Uint8Array>(
      {
        pull(controller) {
          if (at >= bytes.length) return controller.close();
          const chunk = bytes.subarray(at, at + 1024);
          at += chunk.length;
          log.bytesRead += chunk.length;
          controller.enqueue(chunk);
        },
      },
      { highWaterMark: 0 },
    );
    return new Response(body, { status: 200, headers: headers[name] ?? {} });
  };
  return { fetcher, log };
}

const URL_BASE = 'https://studio.test/models/tiny/';
const folder = (overrides: Record<string, Uint8Array> = {}) => ({
  'manifest.json': new TextEncoder().encode(manifestText),
  'encoder.onnx': graphs.encoder,
  'denoiser.onnx': graphs.denoiser,
  'decoder.onnx': graphs.decoder,
  ...overrides,
});

describe('loadShapePack from a URL', () => {
  it('loads a pack: files relative to the manifest, checked, with progress and a pack hash', async () => {
    const { fetcher, log } = folderFetch(folder());
    const progress: number[] = [];
    const pack = await loadShapePack(
      { url: `${URL_BASE}manifest.json` },
      { fetch: fetcher, onProgress: (loaded, total) => progress.push(loaded / total) },
    );
    expect(log.requests).toEqual([
      `${URL_BASE}manifest.json`,
      `${URL_BASE}encoder.onnx`,
      `${URL_BASE}denoiser.onnx`,
      `${URL_BASE}decoder.onnx`,
    ]);
    expect(Array.from(pack.files.decoder)).toEqual(Array.from(graphs.decoder));
    expect(pack.packHash).toBe(await sha256Hex(new TextEncoder().encode(manifestText)));
    expect(progress[0]).toBe(0);
    expect(progress.at(-1)).toBe(1);
  });

  it('refuses a graph whose SHA-256 differs, naming the file', async () => {
    const damaged = graphs.denoiser.slice();
    damaged[damaged.length - 1]! ^= 0xff;
    const { fetcher } = folderFetch(folder({ 'denoiser.onnx': damaged }));
    const error = await refusalOf(
      loadShapePack({ url: `${URL_BASE}manifest.json` }, { fetch: fetcher }),
    );
    expect(error.code).toBe('checksum');
    expect(error.message).toMatch(
      /denoiser\.onnx: its SHA-256 is [0-9a-f]{64}, but manifest\.json says [0-9a-f]{64}/,
    );
  });

  it('stops a download that runs past the declared size', async () => {
    const longer = new Uint8Array(graphs.encoder.length + 5000);
    longer.set(graphs.encoder);
    const { fetcher, log } = folderFetch(folder({ 'encoder.onnx': longer }));
    const error = await refusalOf(
      loadShapePack({ url: `${URL_BASE}manifest.json` }, { fetch: fetcher }),
    );
    expect(error.code).toBe('file-size');
    expect(error.message).toMatch(/encoder\.onnx: more than \d+ bytes is over the \d+-byte limit/);
    // Not read to the end: at most one chunk past the limit.
    expect(log.bytesRead).toBeLessThan(manifestText.length + graphs.encoder.length + 2048);
  });

  it('refuses a graph over the cap before downloading any graph', async () => {
    const { fetcher, log } = folderFetch(folder());
    const error = await refusalOf(
      loadShapePack({ url: `${URL_BASE}manifest.json` }, { fetch: fetcher, maxGraphBytes: 100 }),
    );
    expect(error.code).toBe('file-too-large');
    expect(error.message).toMatch(/encoder\.onnx: \d+ bytes is over the 100-byte limit per graph/);
    expect(log.requests).toEqual([`${URL_BASE}manifest.json`]);
  });

  it('refuses a manifest over 64 KB by its Content-Length before reading it', async () => {
    const { fetcher, log } = folderFetch(folder(), {
      'manifest.json': { 'content-length': String(SHAPE_PACK_LIMITS.manifestBytes + 1) },
    });
    const error = await refusalOf(
      loadShapePack({ url: `${URL_BASE}manifest.json` }, { fetch: fetcher }),
    );
    expect(error.code).toBe('manifest-too-large');
    expect(error.message).toMatch(/manifest\.json: 65537 bytes is over the 65536-byte limit/);
    expect(log.bytesRead).toBe(0);
  });

  it('refuses a manifest body over 64 KB while reading it', async () => {
    const big = new TextEncoder().encode(
      ' '.repeat(SHAPE_PACK_LIMITS.manifestBytes + 10) + manifestText,
    );
    const { fetcher } = folderFetch(folder({ 'manifest.json': big }));
    const error = await refusalOf(
      loadShapePack({ url: `${URL_BASE}manifest.json` }, { fetch: fetcher }),
    );
    expect(error.code).toBe('manifest-too-large');
  });

  it('names a missing graph and an unreachable server', async () => {
    const files = folder();
    delete (files as Record<string, Uint8Array>)['decoder.onnx'];
    const { fetcher } = folderFetch(files);
    const missing = await refusalOf(
      loadShapePack({ url: `${URL_BASE}manifest.json` }, { fetch: fetcher }),
    );
    expect(missing.code).toBe('file-missing');
    expect(missing.message).toMatch(
      /decoder\.onnx: https:\/\/studio\.test\/models\/tiny\/decoder\.onnx answered 404/,
    );
    const offline = await refusalOf(
      loadShapePack(
        { url: `${URL_BASE}manifest.json` },
        { fetch: () => Promise.reject(new TypeError('Failed to fetch')) },
      ),
    );
    expect(offline.code).toBe('fetch-failed');
    expect(offline.message).toMatch(
      /manifest\.json: could not be downloaded from .* \(Failed to fetch\)/,
    );
  });
});

describe('loadShapePack from files', () => {
  const asFiles = (overrides: Record<string, Uint8Array> = {}): PackFile[] =>
    Object.entries(folder(overrides)).map(
      ([name, bytes]) => new File([bytes as Uint8Array<ArrayBuffer>], name),
    );

  it('loads File objects and { name, bytes } alike', async () => {
    const fromFiles = await loadShapePack({ files: asFiles() });
    const fromBytes = await loadShapePack({
      files: Object.entries(folder()).map(([name, bytes]) => ({ name: `pack/${name}`, bytes })),
    });
    expect(fromFiles.packHash).toBe(fromBytes.packHash);
    expect(Array.from(fromFiles.files.encoder)).toEqual(Array.from(graphs.encoder));
    expect(fromFiles.origin).toBe('your files');
  });

  it('refuses a damaged graph naming it', async () => {
    const damaged = graphs.encoder.slice();
    damaged[100]! ^= 1;
    const error = await refusalOf(loadShapePack({ files: asFiles({ 'encoder.onnx': damaged }) }));
    expect(error.code).toBe('checksum');
    expect(error.message).toMatch(/encoder\.onnx: its SHA-256 is/);
  });

  it('refuses a file of the wrong size before reading it, and names missing files', async () => {
    let read = false;
    const files = asFiles().map((f) =>
      (f as File).name === 'decoder.onnx'
        ? Object.assign(new File([new Uint8Array(7)], 'decoder.onnx'), {
            arrayBuffer: () => {
              read = true;
              return Promise.resolve(new ArrayBuffer(7));
            },
          })
        : f,
    );
    const wrongSize = await refusalOf(loadShapePack({ files }));
    expect(wrongSize.code).toBe('file-size');
    expect(wrongSize.message).toMatch(/decoder\.onnx: 7 bytes, but manifest\.json says \d+/);
    expect(read).toBe(false);
    const missing = await refusalOf(
      loadShapePack({ files: asFiles().filter((f) => (f as File).name !== 'denoiser.onnx') }),
    );
    expect(missing.code).toBe('file-missing');
    expect(missing.message).toMatch(
      /denoiser\.onnx: not among the files given \(manifest\.json lists it as the denoiser\)/,
    );
    const noManifest = await refusalOf(
      loadShapePack({ files: asFiles().filter((f) => (f as File).name !== 'manifest.json') }),
    );
    expect(noManifest.message).toMatch(/manifest\.json: not among the files given/);
  });

  it('refuses a manifest file over the cap without reading it', async () => {
    const big = new File([new Uint8Array(SHAPE_PACK_LIMITS.manifestBytes + 1)], 'manifest.json');
    const error = await refusalOf(loadShapePack({ files: [big] }));
    expect(error.code).toBe('manifest-too-large');
  });
});
