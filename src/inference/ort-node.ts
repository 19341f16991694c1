// onnxruntime-web in Node (the evaluation script, unit tests): package exports resolve the plain
// specifier to the Node build, which runs the WASM EP from its own dist folder. Imported lazily so
// that nothing pulls it into a browser bundle.
import type { OrtRuntime } from './ort-types';

export async function ortNode(): Promise<OrtRuntime> {
  const ort = await import('onnxruntime-web');
  ort.env.wasm.numThreads = 1;
  ort.env.logLevel = 'error';
  return ort;
}
