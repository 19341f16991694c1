// A tiny shape "model" with known answers, twice: as plain TypeScript (a ShapeModel) and as three
// real ONNX graphs with the same maths, plus a manifest that describes them. The denoiser's field
// v = (s·P − x) / (1 − t), with s the condition's mean and P a fixed pattern, takes Euler from any
// noise exactly to s·P (the last step lands on it); with guidance g the result is g·s·P. The decoder
// is a sphere SDF whose radius is the latent's mean: logits = 10·(r − |p|).
import type { ShapeImage, ShapeModel } from '../../src/core/shape/shape-types';
import { sha256Hex } from '../../src/import/content-hash';
import { attrInt, attrInts, writeOnnx } from './onnx-writer';

/** Parsed JSON that tests break field by field (untyped on purpose). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Json = any;

export const TINY = { size: 8, tokens: 4, width: 3, latentTokens: 8, channels: 4 } as const;
const IMAGE_VALUES = 2 * TINY.size * TINY.size;
const COND_VALUES = TINY.tokens * TINY.width;
const LATENT_VALUES = TINY.latentTokens * TINY.channels;

/** Encoder weights [2·S·S, T·D]: positive, so a brighter image gives a larger condition. */
export const TINY_W = Array.from(
  { length: IMAGE_VALUES * COND_VALUES },
  (_, k) => (1 + ((Math.floor(k / COND_VALUES) + (k % COND_VALUES)) % 5)) / (IMAGE_VALUES * 10),
);
/** The denoiser's target pattern [L, C]. */
export const TINY_P = Array.from({ length: LATENT_VALUES }, (_, k) => 1 + 0.5 * Math.sin(k + 1));
export const meanOf = (a: ArrayLike<number>) => Array.from(a).reduce((s, x) => s + x, 0) / a.length;

export function tinyImage(value: number): ShapeImage {
  return { size: TINY.size, data: new Float32Array(IMAGE_VALUES).fill(value) };
}

export interface FakeModelLog {
  encode: number;
  denoise: { batch: number; t: number[]; condZeroHalf: boolean }[];
  decode: number;
  decodedPoints: number;
}

/** The analytic model in TypeScript (the ONNX graphs below compute the same in float32). */
export function analyticModel(options: { delayMs?: number } = {}): ShapeModel & {
  log: FakeModelLog;
} {
  const log: FakeModelLog = { encode: 0, denoise: [], decode: 0, decodedPoints: 0 };
  const wait = () =>
    options.delayMs ? new Promise((r) => setTimeout(r, options.delayMs)) : Promise.resolve();
  return {
    log,
    async encode(image) {
      log.encode++;
      await wait();
      const cond = new Float32Array(COND_VALUES);
      for (let j = 0; j < COND_VALUES; j++) {
        let s = 0;
        for (let i = 0; i < IMAGE_VALUES; i++) s += image.data[i]! * TINY_W[i * COND_VALUES + j]!;
        cond[j] = s;
      }
      return cond;
    },
    async denoise(latents, t, cond, batch) {
      const half = cond.subarray(COND_VALUES);
      log.denoise.push({
        batch,
        t: Array.from(t),
        condZeroHalf: batch === 2 && half.every((x) => x === 0),
      });
      await wait();
      const v = new Float32Array(latents.length);
      for (let b = 0; b < batch; b++) {
        const s = meanOf(cond.subarray(b * COND_VALUES, (b + 1) * COND_VALUES));
        for (let k = 0; k < LATENT_VALUES; k++) {
          const i = b * LATENT_VALUES + k;
          v[i] = (s * TINY_P[k]! - latents[i]!) / (1 - t[b]!);
        }
      }
      return v;
    },
    async decode(latent, points) {
      log.decode++;
      log.decodedPoints += points.length / 3;
      await wait();
      const r = meanOf(latent);
      const out = new Float32Array(points.length / 3);
      for (let i = 0; i < out.length; i++) {
        const x = points[i * 3]!;
        const y = points[i * 3 + 1]!;
        const z = points[i * 3 + 2]!;
        out[i] = 10 * (r - Math.hypot(x, y, z));
      }
      return out;
    },
  };
}

export interface TinyGraphOptions {
  /** Rename the encoder's input (a graph that does not match its manifest). */
  encoderInput?: string;
  /** Fix the denoiser's batch at this size instead of the symbolic "batch". */
  fixedBatch?: number;
}

export function tinyGraphs(
  options: TinyGraphOptions = {},
): Record<'encoder' | 'denoiser' | 'decoder', Uint8Array> {
  const { size, tokens, width, latentTokens, channels } = TINY;
  const image = options.encoderInput ?? 'image';
  const batch = options.fixedBatch ?? 'batch';
  const encoder = writeOnnx({
    nodes: [
      { op: 'Flatten', inputs: [image], outputs: ['flat'], attributes: [attrInt('axis', 1)] },
      { op: 'MatMul', inputs: ['flat', 'W'], outputs: ['mm'] },
      { op: 'Reshape', inputs: ['mm', 'shape'], outputs: ['cond'] },
    ],
    inputs: [[image, [1, 2, size, size]]],
    outputs: [['cond', [1, tokens, width]]],
    floats: { W: [[IMAGE_VALUES, COND_VALUES], TINY_W] },
    ints: { shape: [[3], [1, tokens, width]] },
  });
  const denoiser = writeOnnx({
    nodes: [
      {
        op: 'ReduceMean',
        inputs: ['cond'],
        outputs: ['s'],
        attributes: [attrInts('axes', [1, 2]), attrInt('keepdims', 1)],
      },
      { op: 'Mul', inputs: ['s', 'P'], outputs: ['target'] },
      { op: 'Sub', inputs: ['target', 'latent'], outputs: ['diff'] },
      { op: 'Unsqueeze', inputs: ['t', 'axes12'], outputs: ['t3'] },
      { op: 'Sub', inputs: ['one', 't3'], outputs: ['rest'] },
      { op: 'Div', inputs: ['diff', 'rest'], outputs: ['velocity'] },
    ],
    inputs: [
      ['latent', [batch, latentTokens, channels]],
      ['t', [batch]],
      ['cond', [batch, tokens, width]],
    ],
    outputs: [['velocity', [batch, latentTokens, channels]]],
    floats: { P: [[latentTokens, channels], TINY_P], one: [[1], [1]] },
    ints: { axes12: [[2], [1, 2]] },
  });
  const decoder = writeOnnx({
    nodes: [
      {
        op: 'ReduceMean',
        inputs: ['latent'],
        outputs: ['r'],
        attributes: [attrInts('axes', [0, 1, 2]), attrInt('keepdims', 0)],
      },
      { op: 'Mul', inputs: ['points', 'points'], outputs: ['sq'] },
      {
        op: 'ReduceSum',
        inputs: ['sq', 'axis2'],
        outputs: ['ss'],
        attributes: [attrInt('keepdims', 0)],
      },
      { op: 'Sqrt', inputs: ['ss'], outputs: ['dist'] },
      { op: 'Sub', inputs: ['r', 'dist'], outputs: ['signed'] },
      { op: 'Mul', inputs: ['signed', 'ten'], outputs: ['logits'] },
    ],
    inputs: [
      ['latent', [1, latentTokens, channels]],
      ['points', [1, 'points', 3]],
    ],
    outputs: [['logits', [1, 'points']]],
    floats: { ten: [[1], [10]] },
    ints: { axis2: [[1], [2]] },
  });
  return { encoder, denoiser, decoder };
}

/** A manifest (plain JSON, as read from a file) describing tinyGraphs(). */
export function tinyManifestJson(
  files: Record<'encoder' | 'denoiser' | 'decoder', { bytes: number; sha256: string }>,
): Record<string, unknown> {
  const { size, tokens, width, latentTokens, channels } = TINY;
  const f32 = (name: string, shape: (number | string)[]) => ({ name, dtype: 'float32', shape });
  return {
    format: 'canvas3d-shape-pack',
    formatVersion: 1,
    id: 'tiny-test',
    name: 'Tiny analytic test model',
    version: '1.0.0',
    license: 'MIT',
    quantization: 'none',
    files: {
      encoder: { path: 'encoder.onnx', ...files.encoder },
      denoiser: { path: 'denoiser.onnx', ...files.denoiser },
      decoder: { path: 'decoder.onnx', ...files.decoder },
    },
    graphs: {
      encoder: {
        inputs: [f32('image', [1, 2, size, size])],
        outputs: [f32('cond', [1, tokens, width])],
      },
      denoiser: {
        inputs: [
          f32('latent', ['batch', latentTokens, channels]),
          f32('t', ['batch']),
          f32('cond', ['batch', tokens, width]),
        ],
        outputs: [f32('velocity', ['batch', latentTokens, channels])],
      },
      decoder: {
        inputs: [f32('latent', [1, latentTokens, channels]), f32('points', [1, 'points', 3])],
        outputs: [f32('logits', [1, 'points'])],
      },
    },
    latent: { tokens: latentTokens, channels, scale: 1 },
    sampler: {
      kind: 'flow-euler',
      defaultSteps: 4,
      maxSteps: 32,
      defaultGuidance: 2,
      timeFrom: 0,
      timeTo: 1,
    },
    image: { size, channels: ['mask', 'luminance'], view: { yawDeg: 30, elevationDeg: 20 } },
    grid: { bound: 0.55, coarse: 8, fine: 16, iso: 0, band: 2, chunk: 512 },
  };
}

/** The tiny graphs and a manifest with their real sizes and SHA-256s. */
export async function tinyPack(options: TinyGraphOptions = {}) {
  const graphs = tinyGraphs(options);
  const entry = async (bytes: Uint8Array) => ({
    bytes: bytes.length,
    sha256: await sha256Hex(bytes),
  });
  const manifest = tinyManifestJson({
    encoder: await entry(graphs.encoder),
    denoiser: await entry(graphs.denoiser),
    decoder: await entry(graphs.decoder),
  });
  return { graphs, manifest, manifestText: JSON.stringify(manifest, null, 2) };
}
