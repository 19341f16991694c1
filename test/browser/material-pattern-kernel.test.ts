// material-noise.wgsl and the pattern kernel (material-pattern.wgsl) against their CPU references,
// in real Chromium WebGPU. Any GPU validation or out-of-memory error fails a test.
//
// Tolerances: the GPU computes in f32, the references in f64 (hashes are exact u32 on both sides).
// Measured on SwiftShader ('google swiftshader'):
// - the noise functions (value, gradient, Worley F1/F2/edge/rand, FBMs, warp) at 2304 points for
//   three seeds/periods/jitters: max abs 4.8e-7. We allow 1e-5.
// - the pattern field, all 20 patterns x 3 param sets at 64x64 (16384 values each): max abs 2.7e-4
//   (speckle, strong set; rounding carried through a domain warp into a Worley distance), median of
//   the 60 maxima 5.8e-6; mean abs at most 8.7e-7; no value beyond 1e-3. Rounding can still move a
//   texel across a cell or band boundary (its cell value, mask and height jump), so we allow 1e-3
//   per value for all but 0.5% of the values, and a mean under 1e-5 over the rest (catches a
//   systematic offset). One tie did flip before the hex kernel compared squared distances exactly:
//   16 texels of 16384 at 0.25.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import materialCommon from '../../shaders/material-common.wgsl';
import materialNoise from '../../shaders/material-noise.wgsl';
import {
  mnFbm,
  mnFbmValue,
  mnGradient,
  mnRidged,
  mnTurbulence,
  mnValue,
  mnWarp,
  mnWorley,
} from '../../src/core/materials/bake/material-noise';
import { patternFieldCpu } from '../../src/core/materials/bake/pattern';
import { MATERIAL_PATTERNS } from '../../src/core/materials/preset';
import { bakePatternGpu, patternKernelDefinition } from '../../src/gpu/materials/pattern-pass';
import { PATTERN_PARAM_SETS, patternUniforms } from '../support/material-fixtures';
import {
  compareArrays,
  createGpuHarness,
  inErrorScopes,
  type GpuHarness,
} from '../support/gpu-harness';

const NOISE_TOL = 1e-5;
const TEXEL_TOL = 1e-3;
const FLIP_SHARE = 0.005;
const MEAN_TOL = 1e-5;

let h: GpuHarness;
beforeAll(async () => {
  h = await createGpuHarness();
});
afterAll(() => h.context.dispose());

// ---- the noise library, function by function ----------------------------------------------------

const PROBE_SIDE = 48;
const PROBE_OUTPUTS = 12;

const probeKernel = /* wgsl */ `
struct Probe { seed: u32, px: i32, py: i32, jitter: f32 }
@group(0) @binding(0) var<uniform> probe: Probe;
@group(0) @binding(1) var<storage, read_write> out: array<f32>;

@compute @workgroup_size(8, 8, 1)
fn main(@builtin(global_invocation_id) gid: vec3u) {
  if (gid.x >= ${PROBE_SIDE}u || gid.y >= ${PROBE_SIDE}u) {
    return;
  }
  // Dyadic coordinates: exact in f32 and f64, so both sides sample the same points.
  let p = (vec2f(gid.xy) + vec2f(0.3125, 0.6875)) * 0.15625 - vec2f(2.5, 1.25);
  let per = vec2i(probe.px, probe.py);
  let w = mn_worley(p, per, probe.jitter, probe.seed);
  let warped = mn_warp(p, per, 0.75, probe.seed);
  let o = (gid.y * ${PROBE_SIDE}u + gid.x) * ${PROBE_OUTPUTS}u;
  out[o + 0u] = mn_value(p, per, probe.seed);
  out[o + 1u] = mn_gradient(p, per, probe.seed);
  out[o + 2u] = w.f1;
  out[o + 3u] = w.f2;
  out[o + 4u] = w.edge;
  out[o + 5u] = w.rand;
  out[o + 6u] = mn_fbm(p, per, 5u, 0.5, probe.seed);
  out[o + 7u] = mn_fbm_value(p, per, 4u, 0.6, probe.seed);
  out[o + 8u] = mn_ridged(p, per, 4u, 0.5, probe.seed);
  out[o + 9u] = mn_turbulence(p, per, 4u, 0.5, probe.seed);
  out[o + 10u] = warped.x;
  out[o + 11u] = warped.y;
}
`;

async function probeGpu(seed: number, px: number, py: number, jitter: number) {
  const device = h.device;
  const module = device.createShaderModule({
    label: 'MaterialNoiseProbe.module',
    code: `${materialNoise}\n${materialCommon}\n${probeKernel}`,
  });
  const pipeline = device.createComputePipeline({
    label: 'MaterialNoiseProbe.pipeline',
    layout: 'auto',
    compute: { module, entryPoint: 'main' },
  });
  const bytes = PROBE_SIDE * PROBE_SIDE * PROBE_OUTPUTS * 4;
  const uniform = device.createBuffer({
    label: 'MaterialNoiseProbe.uniforms',
    size: 16,
    usage: GPUBufferUsage.UNIFORM | GPUBufferUsage.COPY_DST,
  });
  const data = new ArrayBuffer(16);
  new Uint32Array(data, 0, 1)[0] = seed >>> 0;
  new Int32Array(data, 4, 2).set([px, py]);
  new Float32Array(data, 12, 1)[0] = jitter;
  device.queue.writeBuffer(uniform, 0, data);
  const output = device.createBuffer({
    label: 'MaterialNoiseProbe.output',
    size: bytes,
    usage: GPUBufferUsage.STORAGE | GPUBufferUsage.COPY_SRC,
  });
  const readback = device.createBuffer({
    label: 'MaterialNoiseProbe.readback',
    size: bytes,
    usage: GPUBufferUsage.MAP_READ | GPUBufferUsage.COPY_DST,
  });
  const encoder = device.createCommandEncoder({ label: 'MaterialNoiseProbe.encoder' });
  const pass = encoder.beginComputePass({ label: 'MaterialNoiseProbe.pass' });
  pass.setPipeline(pipeline);
  pass.setBindGroup(
    0,
    device.createBindGroup({
      label: 'MaterialNoiseProbe.bindGroup',
      layout: pipeline.getBindGroupLayout(0),
      entries: [
        { binding: 0, resource: { buffer: uniform } },
        { binding: 1, resource: { buffer: output } },
      ],
    }),
  );
  pass.dispatchWorkgroups(PROBE_SIDE / 8, PROBE_SIDE / 8);
  pass.end();
  encoder.copyBufferToBuffer(output, 0, readback, 0, bytes);
  device.queue.submit([encoder.finish()]);
  await readback.mapAsync(GPUMapMode.READ);
  const result = new Float32Array(readback.getMappedRange().slice(0));
  readback.unmap();
  [uniform, output, readback].forEach((b) => b.destroy());
  return result;
}

function probeCpu(seed: number, px: number, py: number, jitter: number) {
  const out = new Float32Array(PROBE_SIDE * PROBE_SIDE * PROBE_OUTPUTS);
  for (let j = 0; j < PROBE_SIDE; j++) {
    for (let i = 0; i < PROBE_SIDE; i++) {
      const x = (i + 0.3125) * 0.15625 - 2.5;
      const y = (j + 0.6875) * 0.15625 - 1.25;
      const w = mnWorley(x, y, px, py, jitter, seed);
      const warped = mnWarp(x, y, px, py, 0.75, seed);
      out.set(
        [
          mnValue(x, y, px, py, seed),
          mnGradient(x, y, px, py, seed),
          w.f1,
          w.f2,
          w.edge,
          w.rand,
          mnFbm(x, y, px, py, 5, 0.5, seed),
          mnFbmValue(x, y, px, py, 4, 0.6, seed),
          mnRidged(x, y, px, py, 4, 0.5, seed),
          mnTurbulence(x, y, px, py, 4, 0.5, seed),
          warped[0],
          warped[1],
        ],
        (j * PROBE_SIDE + i) * PROBE_OUTPUTS,
      );
    }
  }
  return out;
}

const PROBE_NAMES = [
  'value',
  'gradient',
  'worley f1',
  'worley f2',
  'worley edge',
  'worley rand',
  'fbm',
  'fbm value',
  'ridged',
  'turbulence',
  'warp x',
  'warp y',
];

describe('material-noise.wgsl vs its CPU mirror', () => {
  it('runs on a real WebGPU adapter', async () => {
    const { info } = await h.context.device();
    expect(info.adapter.length).toBeGreaterThan(0);
  });

  for (const [seed, px, py, jitter] of [
    [7, 3, 3, 1],
    [0xdeadbeef, 4, 2, 0.6],
    [12345, 1, 5, 0],
  ] as const) {
    it(`seed ${seed}, period ${px}x${py}, jitter ${jitter}`, async () => {
      const gpu = await inErrorScopes(h, () => probeGpu(seed, px, py, jitter));
      const cpu = probeCpu(seed, px, py, jitter);
      for (let k = 0; k < PROBE_OUTPUTS; k++) {
        const g = gpu.filter((_, i) => i % PROBE_OUTPUTS === k);
        const c = cpu.filter((_, i) => i % PROBE_OUTPUTS === k);
        const diff = compareArrays(g, c);
        expect(diff.maxAbs, PROBE_NAMES[k]).toBeLessThanOrEqual(NOISE_TOL);
      }
    });
  }
});

// ---- the pattern kernel -------------------------------------------------------------------------

/** Max difference, texels beyond TEXEL_TOL (cell flips), and the mean difference of the rest. */
function fieldDiff(gpu: Float32Array, cpu: Float32Array) {
  expect(gpu.length).toBe(cpu.length);
  const { maxAbs, worstIndex } = compareArrays(gpu, cpu);
  let beyond = 0;
  let sum = 0;
  for (let i = 0; i < gpu.length; i++) {
    const d = Math.abs(gpu[i]! - cpu[i]!);
    if (d > TEXEL_TOL) beyond++;
    else sum += d;
  }
  return { maxAbs, worstIndex, beyond, meanWithin: sum / Math.max(1, gpu.length - beyond) };
}

describe('material-pattern.wgsl vs patternFieldCpu', () => {
  it('runs on a real WebGPU adapter', async () => {
    const { info } = await h.context.device();
    expect(info.adapter.length).toBeGreaterThan(0);
  });

  for (const [p, name] of MATERIAL_PATTERNS.entries()) {
    it(`${p} ${name}: every param set within ${TEXEL_TOL}, at most ${FLIP_SHARE * 100}% beyond`, async () => {
      for (const [setName, set] of PATTERN_PARAM_SETS) {
        const u = patternUniforms(p, set);
        const gpu = await inErrorScopes(h, () => bakePatternGpu(h.runner, u));
        const cpu = patternFieldCpu(u);
        expect(gpu.length).toBe(cpu.length);
        const d = fieldDiff(gpu, cpu);
        const where = `${setName}: max ${d.maxAbs} at ${d.worstIndex}, ${d.beyond} beyond`;
        expect(d.beyond / gpu.length, where).toBeLessThanOrEqual(FLIP_SHARE);
        expect(d.meanWithin, where).toBeLessThanOrEqual(MEAN_TOL);
        // The GPU field is a real pattern in range, not zeros that a loose comparison would pass.
        expect(gpu.every((v) => v >= 0 && v <= 1)).toBe(true);
        expect(Math.max(...gpu) - Math.min(...gpu)).toBeGreaterThan(0.2);
      }
    });
  }

  it('other sizes (16 and 512 texels) match too', async () => {
    for (const size of [16, 512]) {
      for (const p of size === 16 ? [3, 6, 15] : [6]) {
        const u = patternUniforms(p, { size });
        const gpu = await inErrorScopes(h, () => bakePatternGpu(h.runner, u));
        const d = fieldDiff(gpu, patternFieldCpu(u));
        expect(d.beyond / gpu.length, `size ${size}`).toBeLessThanOrEqual(FLIP_SHARE);
        expect(d.meanWithin, `size ${size}`).toBeLessThanOrEqual(MEAN_TOL);
      }
    }
  });

  it('uses the kernel definition the full bake binds (uniforms at 0, field at 1)', () => {
    expect(patternKernelDefinition.label).toBe('MaterialPattern');
    expect(patternKernelDefinition.constants).toEqual({ WG_X: 8, WG_Y: 8 });
    const layout = h.runner.layout(patternKernelDefinition, 'params');
    expect(Object.keys(layout.offsets)).toContain('pattern');
  });
});
