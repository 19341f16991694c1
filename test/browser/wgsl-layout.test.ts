// Uniform layouts derived from the WGSL source (webgpu-utils needs the WebGPU globals, so this runs
// in the browser project).
import { describe, expect, it } from 'vitest';
import { noiseBakeKernelDefinition } from '../../src/gpu/noise-bake-pass';
import { uniformBlock } from '../../src/gpu/wgsl-layout';

describe('uniform layouts derived from WGSL', () => {
  it('lays out BakeParams by WGSL alignment rules (vec3f aligned to 16, struct size rounded to 16)', () => {
    const block = uniformBlock(noiseBakeKernelDefinition.code, 'params');
    // 16 scalars take 64 bytes; origin (vec3f, align 16) follows at 64; scale (vec2f, align 8) at 80.
    expect(block.offsets.width).toBe(0);
    expect(block.offsets.outBias).toBe(60);
    expect(block.offsets.origin).toBe(64);
    expect(block.offsets.scale).toBe(80);
    expect(block.size).toBe(96);
  });

  it('encodes values at those offsets', () => {
    const block = uniformBlock(
      'struct P { a: u32, b: f32, c: vec3f, d: vec2f }\n@group(0) @binding(0) var<uniform> p: P;',
      'p',
    );
    const buf = block.encode({ a: 7, b: 1.5, c: [1, 2, 3], d: [4, 5] });
    const u = new Uint32Array(buf);
    const f = new Float32Array(buf);
    expect(u[0]).toBe(7);
    expect(f[1]).toBe(1.5);
    expect([f[4], f[5], f[6]]).toEqual([1, 2, 3]);
    expect([f[8], f[9]]).toEqual([4, 5]);
    expect(buf.byteLength).toBe(48);
  });

  it('refuses missing and unknown fields by name', () => {
    const block = uniformBlock(
      'struct P { a: u32, b: f32 }\n@group(0) @binding(0) var<uniform> p: P;',
      'p',
    );
    expect(() => block.encode({ a: 1, zz: 2 })).toThrow("uniform 'p': missing b; unknown zz");
    expect(() => uniformBlock('struct P { a: u32 }', 'q')).toThrow("no uniform variable named 'q'");
  });
});
