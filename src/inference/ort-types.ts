// The part of onnxruntime's API the studio uses, as structural types: the browser build
// (ort-web.ts), the Node build (ort-node.ts) and test fakes all fit it, and nothing else in the
// studio names onnxruntime's own types.
import type { SessionValueMetadata } from '../core/shape/model-manifest';

export interface OrtTensor {
  readonly type: string;
  readonly dims: readonly number[];
  readonly data: unknown;
  dispose?(): void;
}

export interface OrtSession {
  readonly inputNames: readonly string[];
  readonly outputNames: readonly string[];
  readonly inputMetadata?: readonly SessionValueMetadata[];
  readonly outputMetadata?: readonly SessionValueMetadata[];
  run(feeds: Record<string, OrtTensor>): Promise<Record<string, OrtTensor | undefined>>;
  release(): Promise<void>;
}

/** Session options the studio sets (a subset of onnxruntime's InferenceSession.SessionOptions). */
export interface OrtSessionOptions {
  executionProviders: ('webgpu' | 'wasm' | 'cpu')[];
  graphOptimizationLevel?: 'disabled' | 'basic' | 'extended' | 'all';
  /** 0 = verbose ... 4 = fatal; tests use 0 to read where each node was placed. */
  logSeverityLevel?: 0 | 1 | 2 | 3 | 4;
  logVerbosityLevel?: number;
  /** Session config entries, e.g. { session: { disable_quant_qdq: '1' } }. */
  extra?: Record<string, unknown>;
}

export interface OrtRuntime {
  InferenceSession: {
    create(model: Uint8Array, options?: OrtSessionOptions): Promise<OrtSession>;
  };
  Tensor: new (type: 'float32', data: Float32Array, dims: readonly number[]) => OrtTensor;
}
