// The one browser import of onnxruntime-web. The build with the WebGPU execution provider in 1.30
// is the `onnxruntime-web/webgpu` bundle: its glue is inlined and it loads one WebAssembly binary,
// ort-wasm-simd-threaded.asyncify.wasm, which carries both the WebGPU EP (native, on Dawn's
// emscripten bindings) and the CPU (WASM) EP. That binary is served by the app itself: the `?url`
// import makes Vite emit it once into the build's assets (the bundle's own `new URL(...)` reference
// resolves to the same hashed file) and serve it in dev, and the service worker caches `*.wasm`
// as a large file, so it works offline. One thread and no proxy worker: the page is not
// cross-origin isolated everywhere, and the CSP allows no blob: workers.
import * as ort from 'onnxruntime-web/webgpu';
import wasmUrl from 'onnxruntime-web/ort-wasm-simd-threaded.asyncify.wasm?url';
import type { OrtRuntime } from './ort-types';

/** The wasm binary's URL as this build serves it. */
export const ORT_WASM_URL: string = wasmUrl;

let configured = false;

export function ortWeb(): OrtRuntime {
  if (!configured) {
    const base = (globalThis as { location?: { href: string } }).location?.href;
    ort.env.wasm.wasmPaths = { wasm: base ? new URL(wasmUrl, base).href : wasmUrl };
    ort.env.wasm.numThreads = 1;
    ort.env.wasm.proxy = false;
    ort.env.logLevel = 'error';
    configured = true;
  }
  return ort;
}
