// ShapeModel over three onnxruntime sessions (encoder, denoiser, decoder), on the WebGPU or the
// WASM execution provider. Each session is checked against the manifest as it loads (names,
// dtypes, ranks, fixed sizes), so a pack whose graphs do not match its manifest is refused before
// any run. Runs are queued one at a time: the three sessions share one WebAssembly instance.
import {
  checkSessionMetadata,
  conditionShape,
  ModelPackError,
  SHAPE_GRAPHS,
  type ShapeGraphName,
  type ShapeManifest,
} from '../core/shape/model-manifest';
import type { ShapeImage, ShapeModel } from '../core/shape/shape-types';
import type { OrtRuntime, OrtSession, OrtSessionOptions, OrtTensor } from './ort-types';

export type OrtBackend = 'webgpu' | 'wasm';

export interface OrtShapeModelOptions {
  backend: OrtBackend;
  /** Extra session options (tests set logSeverityLevel 0 to see node placement). */
  session?: Partial<Omit<OrtSessionOptions, 'executionProviders'>>;
}

export interface OrtShapeModel extends ShapeModel {
  readonly backend: OrtBackend;
  /** Runs so far and their milliseconds, per graph (session.run only). */
  readonly stats: Record<ShapeGraphName, { runs: number; ms: number }>;
  release(): Promise<void>;
}

function float32Output(
  graph: string,
  outputs: Record<string, OrtTensor | undefined>,
  name: string,
  length: number,
): Float32Array {
  const tensor = outputs[name];
  if (!tensor) throw new Error(`${graph}: the run gave no "${name}"`);
  const data = tensor.data;
  if (tensor.type !== 'float32' || !(data instanceof Float32Array)) {
    throw new Error(`${graph}: "${name}" is ${tensor.type}, expected float32`);
  }
  if (data.length !== length) {
    throw new Error(`${graph}: "${name}" has ${data.length} values, expected ${length}`);
  }
  // A result of its own (transferable, not a view into a runtime's heap).
  const out =
    data.byteOffset === 0 && data.byteLength === data.buffer.byteLength ? data : data.slice();
  tensor.dispose?.();
  return out;
}

export async function createOrtShapeModel(
  ort: OrtRuntime,
  files: Record<ShapeGraphName, Uint8Array>,
  manifest: ShapeManifest,
  options: OrtShapeModelOptions,
): Promise<OrtShapeModel> {
  const sessionOptions: OrtSessionOptions = {
    graphOptimizationLevel: 'all',
    // Fold a QDQ pack's int8 weights into float32 once, at load: left as DequantizeLinear nodes
    // they run on the CPU at every call (measured on the mini pack in Chromium: WASM denoiser
    // 12 → 3 ms per step, decoder 230 → 144 ms per 16k points; same outputs).
    extra: { session: { disable_quant_qdq: '1' } },
    // Errors only: the WebGPU EP's placement notices (shape ops on the CPU) are not the user's
    // concern, and the page reports console noise as errors.
    logSeverityLevel: 3,
    ...options.session,
    executionProviders: [options.backend],
  };
  const sessions: Partial<Record<ShapeGraphName, OrtSession>> = {};
  try {
    for (const graph of SHAPE_GRAPHS) {
      const file = manifest.files[graph].path;
      let session: OrtSession;
      try {
        session = await ort.InferenceSession.create(files[graph], sessionOptions);
      } catch (error) {
        throw new ModelPackError('session-failed', [
          `${file}: onnxruntime (${options.backend}) could not load it: ${(error as Error).message}`,
        ]);
      }
      sessions[graph] = session;
      checkSessionMetadata(graph, manifest, session);
    }
  } catch (error) {
    await Promise.all(Object.values(sessions).map((s) => s.release().catch(() => {})));
    throw error;
  }
  const { encoder, denoiser, decoder } = sessions as Record<ShapeGraphName, OrtSession>;
  const { tokens, channels } = manifest.latent;
  const latentSize = tokens * channels;
  const condition = conditionShape(manifest);
  const condSize = condition.tokens * condition.width;
  const { size, channels: imageChannels } = manifest.image;
  const stats = {
    encoder: { runs: 0, ms: 0 },
    denoiser: { runs: 0, ms: 0 },
    decoder: { runs: 0, ms: 0 },
  };

  let queue: Promise<unknown> = Promise.resolve();
  let released = false;
  const run = (
    graph: ShapeGraphName,
    session: OrtSession,
    feeds: Record<string, OrtTensor>,
  ): Promise<Record<string, OrtTensor | undefined>> => {
    const next = queue.then(async () => {
      if (released) throw new Error(`${graph}: the model was released`);
      const start = performance.now();
      const out = await session.run(feeds);
      stats[graph].runs++;
      stats[graph].ms += performance.now() - start;
      return out;
    });
    queue = next.catch(() => {});
    return next;
  };
  const tensor = (data: Float32Array, dims: number[]) => new ort.Tensor('float32', data, dims);

  return {
    backend: options.backend,
    stats,
    async encode(image: ShapeImage) {
      const want = imageChannels.length * size * size;
      if (image.size !== size || image.data.length !== want) {
        throw new RangeError(
          `image: this model takes ${imageChannels.length} x ${size} x ${size} floats, got size ${image.size} with ${image.data.length} floats`,
        );
      }
      const out = await run('encoder', encoder, {
        image: tensor(image.data, [1, imageChannels.length, size, size]),
      });
      return float32Output('encoder', out, 'cond', condSize);
    },
    async denoise(latents, t, cond, batch) {
      if (!Number.isInteger(batch) || batch < 1) {
        throw new RangeError(`denoiser: batch must be a positive integer, got ${batch}`);
      }
      if (latents.length !== batch * latentSize || t.length !== batch) {
        throw new RangeError(
          `denoiser: expected ${batch} x ${tokens} x ${channels} latents and ${batch} times, got ${latents.length} and ${t.length}`,
        );
      }
      if (cond.length !== batch * condSize) {
        throw new RangeError(
          `denoiser: expected ${batch} x ${condition.tokens} x ${condition.width} condition values, got ${cond.length}`,
        );
      }
      const out = await run('denoiser', denoiser, {
        latent: tensor(latents, [batch, tokens, channels]),
        t: tensor(t, [batch]),
        cond: tensor(cond, [batch, condition.tokens, condition.width]),
      });
      return float32Output('denoiser', out, 'velocity', batch * latentSize);
    },
    async decode(latent, points) {
      if (latent.length !== latentSize) {
        throw new RangeError(
          `decoder: expected a ${tokens} x ${channels} latent, got ${latent.length} values`,
        );
      }
      if (points.length % 3 !== 0 || points.length === 0) {
        throw new RangeError(`decoder: expected xyz points, got ${points.length} values`);
      }
      const n = points.length / 3;
      const out = await run('decoder', decoder, {
        latent: tensor(latent, [1, tokens, channels]),
        points: tensor(points, [1, n, 3]),
      });
      return float32Output('decoder', out, 'logits', n);
    },
    async release() {
      if (released) return;
      released = true;
      await queue;
      await Promise.all([encoder, denoiser, decoder].map((s) => s.release().catch(() => {})));
    },
  };
}
