// What the compute worker offers, whichever engine is behind it (WGSL on WebGPU, or the CPU
// references where the browser has no WebGPU).
import type { MaterialBakeRequest } from '../core/materials/bake-request';
import type { MaterialMaps } from '../core/materials/maps';
import type { NoiseBakeParams, NoiseField } from '../core/noise';

export type ComputeBackend = 'webgpu' | 'cpu';

export interface ComputeInfo {
  backend: ComputeBackend;
  /** The adapter's description, or why the CPU is used. */
  adapter: string;
  /** Set when the CPU fallback is in use: the reason WebGPU could not be used. */
  fallbackReason?: string;
  deviceLosses: number;
}

export interface BakeTiming {
  /** Milliseconds from request to result inside the worker. */
  ms: number;
}

export type MaterialEnginePreference = 'auto' | 'webgpu' | 'cpu';

export interface MaterialBakeTiming extends BakeTiming {
  /** Where the bake ran. */
  engine: ComputeBackend;
}

export interface ComputeApi {
  info(): Promise<ComputeInfo>;
  bakeNoise(params: Partial<NoiseBakeParams>): Promise<NoiseField & BakeTiming>;
  /**
   * Bakes a material's texture maps (validated first: a bad request rejects naming each field).
   * `engine`: 'auto' (default) runs the WGSL kernels on a hardware adapter and the CPU reference on a
   * software one (SwiftShader emulates the GPU on the CPU, about 13x slower than the reference for
   * this pipeline); 'webgpu' forces the kernels; 'cpu' the reference. The maps agree within the
   * tolerances the browser tests hold (one byte step), so the choice changes speed only.
   */
  bakeMaterial(
    request: MaterialBakeRequest,
    engine?: MaterialEnginePreference,
  ): Promise<MaterialMaps & MaterialBakeTiming>;
}
