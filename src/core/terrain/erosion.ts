// Thermal erosion on a Q16 integer heightfield: the CPU reference of shaders/erosion-thermal.wgsl,
// step for step. Where two 4-neighbours differ by more than the talus threshold, `rate` of the excess
// moves downhill per iteration; both cells compute the same integer flow, so the total height is
// conserved exactly and the result is the same in any evaluation order.
import { mulQ16U } from './fixed-point';

export interface ErosionQ16 {
  resolution: number;
  iterations: number;
  /** Largest stable difference between neighbours, Q16 noise units. */
  talus: number;
  /** Share of the excess moved per pair and iteration, Q16, at most ONE / 8. */
  rate: number;
}

function exchange(h: number, neighbour: number, talus: number, rate: number): number {
  const d = (h - neighbour) | 0;
  if (d > talus) return -(mulQ16U(d - talus, rate) | 0);
  if (-d > talus) return mulQ16U(-d - talus, rate) | 0;
  return 0;
}

/** One iteration from src into dst. */
export function thermalStepQ16(
  src: Int32Array,
  dst: Int32Array,
  n: number,
  talus: number,
  rate: number,
): void {
  for (let j = 0; j < n; j++) {
    for (let i = 0; i < n; i++) {
      const c = j * n + i;
      const h = src[c]!;
      let delta = 0;
      if (i > 0) delta += exchange(h, src[c - 1]!, talus, rate);
      if (i + 1 < n) delta += exchange(h, src[c + 1]!, talus, rate);
      if (j > 0) delta += exchange(h, src[c - n]!, talus, rate);
      if (j + 1 < n) delta += exchange(h, src[c + n]!, talus, rate);
      dst[c] = (h + delta) | 0;
    }
  }
}

/** Runs every iteration; returns a new array and leaves `heights` as it was. */
export function erodeThermalQ16(heights: Int32Array, p: ErosionQ16): Int32Array<ArrayBuffer> {
  let a = new Int32Array(heights);
  let b = new Int32Array(heights.length);
  for (let k = 0; k < p.iterations; k++) {
    thermalStepQ16(a, b, p.resolution, p.talus, p.rate);
    [a, b] = [b, a];
  }
  return a;
}
