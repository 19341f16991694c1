// Every material kernel after the pattern pass against its CPU reference, one kernel at a time, in
// real Chromium WebGPU inside validation/out-of-memory error scopes. Each kernel gets the same input
// on both sides (the CPU reference's own upstream output, from patternFieldCpu fields), so a
// difference is the kernel's alone: f32 on the GPU against f64 on the CPU.
//
// Tolerances, with the worst case measured on SwiftShader over every case below in brackets:
// - float maps, max abs: ao 5e-6 [5.4e-7]; surface 2e-5 [4.3e-6, the per-cell cos tint in f32];
//   modifier 1e-4 [1.7e-6: periodic noise, HSV, Worley cracks]; blend 5e-5 [2.5e-6, tanh of FBM];
//   normal 2e-6 [1.2e-7]. Modifier and blend also keep the mean abs under 1/20 and 1/10 of that.
// - pack: RGBA8 within one step with at most 1% of bytes off [1 step, linear bytes only, where a
//   value sits on a rounding boundary]; height bit-exact [exact].
// - mip: sRGB colour and normal levels within one step [0], linear bytes (orm) and f32 heights exact
//   [exact]: both sides use the same integer / f32 operations.
// That is 5-40x headroom over SwiftShader for other GPUs' f32 transcendental accuracy, while a wrong
// formula, a swapped binding or a missed wrap (differences of 1e-2 and up) fails.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aoCpu } from '../../src/core/materials/bake/material-ao';
import { blendCpu, blendUniforms } from '../../src/core/materials/bake/material-blend';
import {
  mipHeightCpu,
  mipRgba8Cpu,
  type MipMode,
} from '../../src/core/materials/bake/material-mip';
import { modifierCpu, modifierUniforms } from '../../src/core/materials/bake/material-modifier';
import { normalCpu } from '../../src/core/materials/bake/material-normal';
import {
  PACK_MODES,
  packHeightCpu,
  packRgba8Cpu,
} from '../../src/core/materials/bake/material-pack';
import { surfaceCpu } from '../../src/core/materials/bake/material-surface';
import { patternFieldCpu } from '../../src/core/materials/bake/pattern';
import { reliefDepth, type FloatSet } from '../../src/core/materials/bake/texels';
import {
  BLEND_MASKS,
  SEASONS,
  WEATHERS,
  type BlendSettings,
  type MaterialModifiers,
} from '../../src/core/materials/modifiers';
import { EMISSIVE_MASKS, type MaterialParams } from '../../src/core/materials/preset';
import { materialUniforms, type MaterialUniformValues } from '../../src/core/materials/uniforms';
import type { UniformValue } from '../../src/gpu/wgsl-layout';
import {
  MATERIAL_KERNELS,
  MaterialPassEncoder,
  chainLayout,
  type MaterialKernelName,
} from '../../src/gpu/materials/material-passes';
import {
  compareArrays,
  createGpuHarness,
  inErrorScopes,
  type GpuHarness,
} from '../support/gpu-harness';
import {
  BRICK,
  COPPER,
  GLOWING_METAL,
  IRON,
  MOSS,
  WOOD,
  blendSettings,
  modifiers,
  syntheticField,
} from '../support/material-fixtures';

const TOL = {
  ao: 5e-6,
  surface: 2e-5,
  modifier: 1e-4,
  blend: 5e-5,
  normal: 2e-6,
};

const SIZE = 64;

let h: GpuHarness;
beforeAll(async () => {
  h = await createGpuHarness();
});
afterAll(() => h.context.dispose());

type Input = Float32Array<ArrayBuffer> | Uint32Array<ArrayBuffer> | number;

/**
 * Runs one kernel over `width` x `width` texels. Storage bindings 1.. get the inputs (arrays are
 * uploaded, numbers are zero-filled byte sizes); returns every storage buffer's contents after.
 */
async function runKernel(
  name: MaterialKernelName,
  uniforms: Record<string, UniformValue>,
  inputs: Input[],
  width: number,
): Promise<ArrayBuffer[]> {
  const { kernel, uniform } = MATERIAL_KERNELS[name];
  const enc = new MaterialPassEncoder(h.device, h.runner, `Test.${name}`);
  try {
    const buffers = inputs.map((input, k) =>
      typeof input === 'number'
        ? enc.buffer(`in${k}`, input)
        : enc.buffer(`in${k}`, input.byteLength, input),
    );
    const encoder = h.device.createCommandEncoder({ label: `Test.${name}.encoder` });
    const pass = encoder.beginComputePass({ label: `Test.${name}.pass` });
    enc.dispatch(pass, kernel, enc.uniform(kernel, uniform, uniforms), buffers, width);
    pass.end();
    const readbacks = buffers.map((buffer, k) => {
      const readback = enc.readback(`out${k}`, buffer.size);
      encoder.copyBufferToBuffer(buffer, 0, readback, 0, buffer.size);
      return readback;
    });
    h.device.queue.submit([encoder.finish()]);
    const out: ArrayBuffer[] = [];
    for (const readback of readbacks) {
      await readback.mapAsync(GPUMapMode.READ);
      out.push(readback.getMappedRange().slice(0));
      readback.unmap();
    }
    return out;
  } finally {
    enc.destroy();
  }
}

function f32(buffer: ArrayBuffer, length: number): Float32Array {
  return new Float32Array(buffer, 0, length);
}

/** Max abs difference, and the share of values differing by more than `step`. */
function diff(gpu: ArrayLike<number>, cpu: ArrayLike<number>, step = Infinity) {
  const c = compareArrays(gpu, cpu);
  let over = 0;
  for (let i = 0; i < cpu.length; i++) if (Math.abs(gpu[i]! - cpu[i]!) > step) over++;
  return { ...c, overShare: over / cpu.length };
}

function hasNonFinite(a: Float32Array): boolean {
  return a.some((x) => !Number.isFinite(x));
}

const figures: Record<string, number> = {};
function record(key: string, value: number) {
  figures[key] = Math.max(figures[key] ?? 0, value);
}
afterAll(() => console.log('material-kernels measured max abs:', JSON.stringify(figures)));

function uniformsOf(params: MaterialParams, size = SIZE): MaterialUniformValues {
  return materialUniforms(params, size as 64);
}

/** The CPU set up to the surface pass (the shared input of the later kernels). */
function surfaceSet(params: MaterialParams, withEmissive: boolean, size = SIZE): FloatSet {
  const u = uniformsOf(params, size);
  const field = patternFieldCpu(u);
  return surfaceCpu(u, field, aoCpu(u, field), withEmissive);
}

function cloneSet(s: FloatSet): FloatSet {
  return {
    size: s.size,
    field: s.field.slice(),
    albedo: s.albedo.slice(),
    orm: s.orm.slice(),
    ...(s.emissive ? { emissive: s.emissive.slice() } : {}),
  };
}

describe('material-ao.wgsl', () => {
  for (const [name, params, size] of [
    ['brick 64', BRICK, 64],
    ['brick 256 (rings of 2, 4, 8 texels)', BRICK, 256],
    ['wood 128', WOOD, 128],
    ['stone-like synthetic 64', BRICK, 0],
  ] as const) {
    it(`${name} within ${TOL.ao}`, async () => {
      const n = size || 64;
      const u = uniformsOf(params, n);
      const field = size ? patternFieldCpu(u) : syntheticField(n);
      const cpu = aoCpu(u, field);
      const [, aux] = await inErrorScopes(h, () =>
        runKernel('ao', { ...u }, [field, n * n * 16], n),
      );
      const gpu = f32(aux!, n * n * 4);
      const d = diff(gpu, cpu);
      record('ao', d.maxAbs);
      expect(d.maxAbs).toBeLessThanOrEqual(TOL.ao);
      // Not trivially open: grooves are occluded, ridges have positive curvature.
      const ao = cpu.filter((_, i) => i % 4 === 0);
      expect(Math.min(...ao)).toBeLessThan(0.7);
      expect(Math.max(...cpu.filter((_, i) => i % 4 === 1))).toBeGreaterThan(0.1);
    });
  }
});

describe('material-surface.wgsl', () => {
  const cases: [string, MaterialParams][] = [
    ['brick (no emissive: the stand-in buffer is never written)', BRICK],
    ['wood', WOOD],
    ...EMISSIVE_MASKS.filter((m) => m !== 'none').map(
      (mask) =>
        [
          `glowing metal, emissive ${mask}`,
          { ...GLOWING_METAL, emissive: { ...GLOWING_METAL.emissive!, mask } },
        ] as [string, MaterialParams],
    ),
  ];
  for (const [name, params] of cases) {
    it(`${name} within ${TOL.surface}`, async () => {
      const u = uniformsOf(params);
      const withEmissive = params.emissive !== undefined;
      const field = patternFieldCpu(u);
      const aux = aoCpu(u, field);
      const cpu = surfaceCpu(u, field, aux.slice(), withEmissive);
      const bytes = SIZE * SIZE * 16;
      const [, albedo, orm, emissive] = await inErrorScopes(h, () =>
        runKernel('surface', { ...u }, [field, bytes, aux, withEmissive ? bytes : 16], SIZE),
      );
      for (const [map, gpu, ref] of [
        ['albedo', albedo!, cpu.albedo],
        ['orm', orm!, cpu.orm],
        ...(withEmissive ? [['emissive', emissive!, cpu.emissive!] as const] : []),
      ] as const) {
        const g = f32(gpu, SIZE * SIZE * 4);
        const d = diff(g, ref);
        record('surface', d.maxAbs);
        expect(d.maxAbs, map).toBeLessThanOrEqual(TOL.surface);
        expect(hasNonFinite(g), map).toBe(false);
      }
      if (!withEmissive) expect(Array.from(new Float32Array(emissive!))).toEqual([0, 0, 0, 0]);
      else expect(Math.max(...cpu.emissive!)).toBeGreaterThan(0.5);
    });
  }
});

describe('material-modifier.wgsl', () => {
  const cases: [string, MaterialParams, Partial<MaterialModifiers>][] = [
    ...WEATHERS.map(
      (weather) =>
        [
          `weather ${weather}`,
          weather === 'corroded' ? IRON : WOOD,
          { weather, weatherAmount: 0.8, seed: 4 },
        ] as [string, MaterialParams, Partial<MaterialModifiers>],
    ),
    ['weather corroded on copper', COPPER, { weather: 'corroded', weatherAmount: 0.7, seed: 9 }],
    [
      'weather wet on glowing metal (emissive dims)',
      GLOWING_METAL,
      { weather: 'wet', weatherAmount: 1, seed: 1 },
    ],
    ...SEASONS.map(
      (season) =>
        [`season ${season}`, MOSS, { season, seed: 2 }] as [
          string,
          MaterialParams,
          Partial<MaterialModifiers>,
        ],
    ),
    ['variation hue/saturation/value', BRICK, { hue: 0.2, saturation: -0.4, value: 0.3 }],
    [
      'variation wear on painted metal',
      { ...GLOWING_METAL, metalness: [0, 0.9] as [number, number] },
      { wear: 1, seed: 5 },
    ],
    ['variation dirt', BRICK, { dirt: 0.9, seed: 6 }],
    [
      'everything at once',
      MOSS,
      { weather: 'dusty', season: 'autumn', hue: -0.1, wear: 0.5, dirt: 0.5, seed: 77 },
    ],
  ];
  for (const [name, params, mods] of cases) {
    it(`${name} within ${TOL.modifier}`, async () => {
      const withEmissive = params.emissive !== undefined;
      const before = surfaceSet(params, withEmissive);
      const u = uniformsOf(params);
      const m = modifierUniforms(modifiers(mods), u);
      const cpu = cloneSet(before);
      modifierCpu(m, cpu);
      const [field, albedo, orm, emissive] = await inErrorScopes(h, () =>
        runKernel(
          'modifier',
          { ...m },
          [before.field, before.albedo, before.orm, before.emissive ?? 16],
          SIZE,
        ),
      );
      let changed = 0;
      for (const [map, gpu, ref, old] of [
        ['field', field!, cpu.field, before.field],
        ['albedo', albedo!, cpu.albedo, before.albedo],
        ['orm', orm!, cpu.orm, before.orm],
        ...(withEmissive
          ? [['emissive', emissive!, cpu.emissive!, before.emissive!] as const]
          : []),
      ] as const) {
        const g = f32(gpu, SIZE * SIZE * 4);
        const d = diff(g, ref);
        record('modifier', d.maxAbs);
        expect(d.maxAbs, map).toBeLessThanOrEqual(TOL.modifier);
        expect(d.meanAbs, map).toBeLessThanOrEqual(TOL.modifier / 20);
        expect(hasNonFinite(g), map).toBe(false);
        changed = Math.max(changed, compareArrays(ref, old).maxAbs);
      }
      // The modifier did something.
      expect(changed).toBeGreaterThan(0.05);
    });
  }
});

describe('material-blend.wgsl', () => {
  for (const mask of BLEND_MASKS) {
    for (const amount of [0.3, 0.7]) {
      it(`${mask} mask, amount ${amount} within ${TOL.blend}`, async () => {
        const settings: BlendSettings = { mask, amount, softness: 0.3, scale: 4, seed: 12 };
        const a = surfaceSet(BRICK, true);
        const b = surfaceSet(GLOWING_METAL, true);
        const u = blendUniforms(settings, uniformsOf(BRICK), uniformsOf(GLOWING_METAL));
        const cpu = cloneSet(b);
        blendCpu(u, a, cpu);
        const out = await inErrorScopes(h, () =>
          runKernel(
            'blend',
            { ...u },
            [a.field, a.albedo, a.orm, a.emissive!, b.field, b.albedo, b.orm, b.emissive!],
            SIZE,
          ),
        );
        for (const [k, map] of ['field', 'albedo', 'orm', 'emissive'].entries()) {
          const g = f32(out[4 + k]!, SIZE * SIZE * 4);
          const ref = cpu[map as 'field']!;
          const d = diff(g, ref);
          record('blend', d.maxAbs);
          expect(d.maxAbs, map).toBeLessThanOrEqual(TOL.blend);
          expect(d.meanAbs, map).toBeLessThanOrEqual(TOL.blend / 10);
        }
        // Both materials show: the albedo is neither all A nor all B.
        expect(compareArrays(cpu.albedo, a.albedo).maxAbs).toBeGreaterThan(0.05);
        expect(compareArrays(cpu.albedo, b.albedo).maxAbs).toBeGreaterThan(0.05);
      });
    }
  }

  it('binds two absent emissive maps without a usage conflict', async () => {
    const a = surfaceSet(BRICK, false);
    const b = surfaceSet(WOOD, false);
    const u = blendUniforms(
      blendSettings({ mask: 'noise', amount: 0.5, softness: 0.2 }),
      uniformsOf(BRICK),
      uniformsOf(WOOD),
    );
    const cpu = cloneSet(b);
    blendCpu(u, a, cpu);
    const out = await inErrorScopes(h, () =>
      runKernel(
        'blend',
        { ...u },
        [a.field, a.albedo, a.orm, 16, b.field, b.albedo, b.orm, 16],
        SIZE,
      ),
    );
    expect(diff(f32(out[5]!, SIZE * SIZE * 4), cpu.albedo).maxAbs).toBeLessThanOrEqual(TOL.blend);
    expect(Array.from(new Float32Array(out[7]!))).toEqual([0, 0, 0, 0]);
  });
});

describe('material-normal.wgsl', () => {
  for (const [name, params, size] of [
    ['brick 64', BRICK, 64],
    ['stone 128', { ...WOOD, pattern: 'voronoi' as const, height: 1, scale: 2 }, 128],
  ] as const) {
    it(`${name} within ${TOL.normal}`, async () => {
      const u = uniformsOf(params, size);
      const field = patternFieldCpu(u);
      const depth = reliefDepth(u.height, u.scale);
      const cpu = normalCpu(size, depth, field);
      const [, normals] = await inErrorScopes(h, () =>
        runKernel('normal', { size, depth }, [field, size * size * 16], size),
      );
      const g = f32(normals!, size * size * 4);
      const d = diff(g, cpu);
      record('normal', d.maxAbs);
      expect(d.maxAbs).toBeLessThanOrEqual(TOL.normal);
      // Unit length, and tilted somewhere.
      for (let t = 0; t < size * size; t++) {
        const [x, y, z] = [g[t * 4]!, g[t * 4 + 1]!, g[t * 4 + 2]!];
        expect(Math.abs(Math.hypot(x, y, z) - 1)).toBeLessThan(1e-5);
      }
      expect(Math.min(...cpu.filter((_, i) => i % 4 === 2))).toBeLessThan(0.9);
    });
  }

  it('a bump: its side toward row 0 faces +Y, its left side faces -X', async () => {
    const n = 32;
    const field = new Float32Array(n * n * 4);
    for (let j = 0; j < n; j++) {
      for (let i = 0; i < n; i++) {
        const r2 = ((i - 16) ** 2 + (j - 16) ** 2) / 30;
        field[(j * n + i) * 4] = Math.exp(-r2);
      }
    }
    const [, normals] = await inErrorScopes(h, () =>
      runKernel('normal', { size: n, depth: 0.05 }, [field, n * n * 16], n),
    );
    const g = f32(normals!, n * n * 4);
    const at = (i: number, j: number) => [g[(j * n + i) * 4]!, g[(j * n + i) * 4 + 1]!];
    expect(at(16, 12)[1]).toBeGreaterThan(0.2); // above the peak in the image: +Y
    expect(at(16, 20)[1]).toBeLessThan(-0.2);
    expect(at(12, 16)[0]).toBeLessThan(-0.2); // left of the peak: -X
    expect(at(20, 16)[0]).toBeGreaterThan(0.2);
  });
});

describe('material-pack.wgsl', () => {
  // Values across and beyond [0, 1] (clamping), plus the sRGB knee.
  const n = 32;
  const source = new Float32Array(n * n * 4);
  for (let t = 0; t < source.length; t++) source[t] = ((t * 7919) % 1201) / 1000 - 0.1;
  source[0] = 0.0031308;
  source[1] = 0.5 / 255;

  for (const [mode, scale] of [
    ['colour', 1],
    ['colour', 1 / 8],
    ['normal', 1],
    ['linear', 1],
  ] as const) {
    it(`${mode} (scale ${scale}) within one step, at most 1% of bytes off`, async () => {
      const [, packed] = await inErrorScopes(h, () =>
        runKernel('pack', { size: n, mode: PACK_MODES[mode], scale }, [source, n * n * 4], n),
      );
      const gpu = new Uint8Array(packed!);
      const cpu = packRgba8Cpu(source, mode, scale);
      const d = diff(gpu, cpu, 0);
      record(`pack ${mode} (steps)`, d.maxAbs);
      expect(d.maxAbs).toBeLessThanOrEqual(1);
      expect(d.overShare).toBeLessThanOrEqual(0.01);
    });
  }

  it('height: the f32 bits, clamped, exactly', async () => {
    const [, packed] = await inErrorScopes(h, () =>
      runKernel('pack', { size: n, mode: PACK_MODES.height, scale: 1 }, [source, n * n * 4], n),
    );
    expect(Array.from(new Float32Array(packed!))).toEqual(Array.from(packHeightCpu(source)));
  });
});

describe('material-mip.wgsl', () => {
  const size = 64;
  const chain = chainLayout(size);
  const level0 = new Uint8Array(size * size * 4);
  for (let t = 0; t < level0.length; t++) level0[t] = t % 4 === 3 ? 255 : (t * 2654435761) >>> 24;
  // Normals: decode-able unit vectors.
  const normal0 = packRgba8Cpu(
    normalCpu(size, 0.2, patternFieldCpu(uniformsOf(BRICK, size))),
    'normal',
  );
  const height0 = packHeightCpu(patternFieldCpu(uniformsOf(BRICK, size)));

  for (const [mode, code, data] of [
    ['colour', 0, level0],
    ['normal', 1, normal0],
    ['linear', 2, level0],
  ] as const) {
    it(`${mode}: every level to 1x1, within one step (linear exact)`, async () => {
      const buffer = new Uint32Array(chain.texels);
      buffer.set(new Uint32Array(data.buffer), 0);
      const out = await inErrorScopes(h, () => runMips(buffer, code));
      let src: Uint8Array = data;
      for (let k = 1; k < chain.sizes.length; k++) {
        // Each level from the GPU's own level above, so differences do not compound.
        const gpuAbove = new Uint8Array(
          out,
          chain.offsets[k - 1]! * 4,
          chain.sizes[k - 1]! ** 2 * 4,
        );
        const cpu = mipRgba8Cpu(k === 1 ? src : gpuAbove, chain.sizes[k - 1]!, mode as MipMode);
        const gpu = new Uint8Array(out, chain.offsets[k]! * 4, chain.sizes[k]! ** 2 * 4);
        const d = diff(gpu, cpu, 0);
        record(`mip ${mode} (steps)`, d.maxAbs);
        expect(d.maxAbs, `level ${k}`).toBeLessThanOrEqual(mode === 'linear' ? 0 : 1);
        src = gpu;
      }
    });
  }

  it('height: every level to 1x1, bit-exact', async () => {
    const buffer = new Uint32Array(chain.texels);
    buffer.set(new Uint32Array(height0.buffer), 0);
    const out = await inErrorScopes(h, () => runMips(buffer, 3));
    let src: Float32Array = height0;
    for (let k = 1; k < chain.sizes.length; k++) {
      const cpu = mipHeightCpu(src, chain.sizes[k - 1]!);
      const gpu = new Float32Array(out, chain.offsets[k]! * 4, chain.sizes[k]! ** 2);
      expect(Array.from(gpu), `level ${k}`).toEqual(Array.from(cpu));
      src = cpu;
    }
  });

  /** All levels in one pass, as the bake records them. */
  async function runMips(data: Uint32Array<ArrayBuffer>, mode: number): Promise<ArrayBuffer> {
    const { kernel, uniform } = MATERIAL_KERNELS.mip;
    const enc = new MaterialPassEncoder(h.device, h.runner, 'Test.mip');
    try {
      const buffer = enc.buffer('chain', data.byteLength, data);
      const encoder = h.device.createCommandEncoder({ label: 'Test.mip.encoder' });
      const pass = encoder.beginComputePass({ label: 'Test.mip.pass' });
      for (let k = 0; k + 1 < chain.sizes.length; k++) {
        const values = {
          srcSize: chain.sizes[k]!,
          srcOffset: chain.offsets[k]!,
          dstOffset: chain.offsets[k + 1]!,
          mode,
        };
        enc.dispatch(
          pass,
          kernel,
          enc.uniform(kernel, uniform, values),
          [buffer],
          chain.sizes[k + 1]!,
        );
      }
      pass.end();
      const readback = enc.readback('chain', buffer.size);
      encoder.copyBufferToBuffer(buffer, 0, readback, 0, buffer.size);
      h.device.queue.submit([encoder.finish()]);
      await readback.mapAsync(GPUMapMode.READ);
      const out = readback.getMappedRange().slice(0);
      readback.unmap();
      return out;
    } finally {
      enc.destroy();
    }
  }
});
