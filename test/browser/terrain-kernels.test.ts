// The terrain kernels (fixed-point heightfield, thermal erosion) against their CPU references, in
// real Chromium WebGPU. Both are integer arithmetic, so the comparison is exact: every sample equal.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Prng } from '../../src/core/prng';
import { parseSceneSpec, type TerrainSpec } from '../../src/core/spec';
import { erodeThermalQ16 } from '../../src/core/terrain/erosion';
import { heightfieldQ16 } from '../../src/core/terrain/fixed-noise';
import { erosionParams, heightfieldParams } from '../../src/core/terrain/terrain-params';
import { erodeGpu, heightfieldGpu } from '../../src/gpu/terrain-passes';
import { createGpuHarness, inErrorScopes, type GpuHarness } from '../support/gpu-harness';

let h: GpuHarness;
beforeAll(async () => {
  h = await createGpuHarness();
});
afterAll(() => h.context.dispose());

function terrain(overrides: Record<string, unknown>): TerrainSpec {
  const spec = parseSceneSpec({
    version: 1,
    seed: 99,
    terrain: { resolution: 97, extent: 200, height: 40, ...overrides },
  });
  return spec.terrain!;
}

/** Index and values of the first sample that differs, or null when the arrays are equal. */
function firstDifference(a: Int32Array, b: Int32Array): string | null {
  if (a.length !== b.length) return `lengths ${a.length} vs ${b.length}`;
  for (let k = 0; k < a.length; k++) {
    if (a[k] !== b[k]) return `sample ${k}: gpu ${a[k]} vs cpu ${b[k]}`;
  }
  return null;
}

const cases: [string, Record<string, unknown>][] = [
  ['perlin single octave', { noise: { kind: 'perlin', fractal: 'none', frequency: 5 } }],
  ['value single octave', { noise: { kind: 'value', fractal: 'none', frequency: 7 } }],
  ['perlin FBM 6 octaves', { noise: { kind: 'perlin', fractal: 'fbm', octaves: 6 } }],
  ['value FBM, lacunarity 2.7', { noise: { kind: 'value', octaves: 5, lacunarity: 2.7 } }],
  ['perlin ridged 8 octaves', { noise: { kind: 'perlin', fractal: 'ridged', octaves: 8 } }],
  ['ridged with domain warp', { noise: { fractal: 'ridged', octaves: 5, warp: 1.5 } }],
  ['FBM with strong warp', { noise: { octaves: 4, warp: 6, frequency: 2 } }],
  ['odd resolution 33', { resolution: 33, noise: { octaves: 7, warp: 0.5 } }],
];

describe('terrain heightfield kernel vs CPU reference (exact)', () => {
  it('runs on a real WebGPU adapter', async () => {
    const { info } = await h.context.device();
    expect(info.adapter.length).toBeGreaterThan(0);
  });

  for (const [name, overrides] of cases) {
    it(name, async () => {
      const params = heightfieldParams(terrain(overrides), new Prng(7).fork('terrain'));
      const gpu = await inErrorScopes(h, () => heightfieldGpu(h.runner, params));
      const cpu = heightfieldQ16(params);
      expect(firstDifference(gpu, cpu)).toBeNull();
      // Not a flat field: the comparison would pass trivially.
      expect(Math.max(...cpu) - Math.min(...cpu)).toBeGreaterThan(1000);
    });
  }

  it('gives the same field when dispatched in many small row chunks', async () => {
    const params = heightfieldParams(terrain({ noise: { octaves: 5 } }), new Prng(3));
    const dispatches = h.runner.dispatchCount;
    const gpu = await inErrorScopes(h, () =>
      heightfieldGpu(h.runner, params, { maxChunkBytes: 97 * 4 * 8 }),
    );
    expect(h.runner.dispatchCount - dispatches).toBeGreaterThan(10);
    expect(firstDifference(gpu, heightfieldQ16(params))).toBeNull();
  });
});

describe('thermal erosion kernel vs CPU reference (exact)', () => {
  for (const iterations of [1, 2, 25]) {
    it(`${iterations} iteration(s): equal fields, material conserved`, async () => {
      const spec = terrain({
        noise: { fractal: 'ridged', octaves: 6 },
        erosion: { iterations, talus: 0.3, strength: 1 },
      });
      const heights = heightfieldQ16(heightfieldParams(spec, new Prng(11)));
      const p = erosionParams(spec)!;
      const gpu = await inErrorScopes(h, () => erodeGpu(h.runner, heights, p));
      const cpu = erodeThermalQ16(heights, p);
      expect(firstDifference(gpu, cpu)).toBeNull();
      const sum = (a: Int32Array) => a.reduce((s, v) => s + v, 0);
      expect(sum(gpu)).toBe(sum(heights));
      // Erosion changed the field (otherwise equality proves nothing).
      expect(firstDifference(gpu, heights)).not.toBeNull();
    });
  }
});
