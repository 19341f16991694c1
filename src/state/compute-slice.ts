// The compute engine behind the worker (WGSL on WebGPU, or the CPU references) and its bake record.
import type { StateCreator } from 'zustand';
import type { ComputeInfo } from '../gpu/compute-api';

export interface ComputeState {
  status: 'idle' | 'ready' | 'failed';
  info?: ComputeInfo;
  error?: string;
  bakes: number;
  lastBakeMs?: number;
}

export interface ComputeSlice {
  compute: ComputeState;
  computeReady(info: ComputeInfo): void;
  computeFailed(error: string): void;
  bakeFinished(ms: number): void;
}

export const createComputeSlice: StateCreator<ComputeSlice, [], [], ComputeSlice> = (set) => ({
  compute: { status: 'idle', bakes: 0 },
  computeReady: (info) => set((s) => ({ compute: { ...s.compute, status: 'ready', info } })),
  computeFailed: (error) => set((s) => ({ compute: { ...s.compute, status: 'failed', error } })),
  bakeFinished: (ms) =>
    set((s) => ({ compute: { ...s.compute, bakes: s.compute.bakes + 1, lastBakeMs: ms } })),
});
