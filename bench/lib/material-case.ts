// The materials benchmark's case: 100 shipped presets spread evenly over the library (every family
// is in it), each baked at 512x512 with the full set of maps and mip chains.
import type { MaterialBakeRequest } from '../../src/core/materials/bake-request';
import { SHIPPED_PRESETS } from '../../src/core/materials/library';

export const MATERIAL_CASE = { presets: 100, size: 512 } as const;

export function materialCaseRequests(): { id: string; request: MaterialBakeRequest }[] {
  const step = SHIPPED_PRESETS.length / MATERIAL_CASE.presets;
  return Array.from({ length: MATERIAL_CASE.presets }, (_, k) => {
    const preset = SHIPPED_PRESETS[Math.floor(k * step)]!;
    return { id: preset.id, request: { params: preset.params, size: MATERIAL_CASE.size } };
  });
}

/** Seed 000's claim and PERFORMANCE.md's goals for a real GPU, milliseconds. */
export const MATERIAL_ANCHORS = {
  seedPerMaterialMs: 5,
  seedBatchMs: 1000,
  goalPerMaterialMs: 2,
  goalBatchMs: 300,
} as const;

export interface MaterialBenchRow {
  name: string;
  where: 'node' | 'chromium';
  /** Presets baked (the batch). */
  count: number;
  perMaterialMedianMs: number;
  perMaterialMinMs: number;
  perMaterialMaxMs: number;
  batchMs: number;
  note?: string;
}
