// The material pattern pass: shaders/material-pattern.wgsl (after material-noise.wgsl and
// material-common.wgsl) filling the FIELD buffer, one vec4f per texel. The full material bake binds
// patternKernelDefinition's pipeline itself (uniforms at binding 0, field at binding 1);
// bakePatternGpu runs the pass on its own and reads the field back, for tests and previews. The CPU
// reference is patternFieldCpu (src/core/materials/bake/pattern.ts).
import materialCommon from '../../../shaders/material-common.wgsl';
import materialNoise from '../../../shaders/material-noise.wgsl';
import materialPattern from '../../../shaders/material-pattern.wgsl';
import type { MaterialUniformValues } from '../../core/materials/uniforms';
import { GpuKernelError, type KernelDefinition, type KernelRunner } from '../kernel-runner';
import type { UniformValue } from '../wgsl-layout';

export const PATTERN_WORKGROUP = [8, 8] as const;

export const patternKernelDefinition: KernelDefinition = {
  label: 'MaterialPattern',
  code: `${materialNoise}\n${materialCommon}\n${materialPattern}`,
  entryPoint: 'main',
  constants: { WG_X: PATTERN_WORKGROUP[0], WG_Y: PATTERN_WORKGROUP[1] },
};

/** Bytes of a size x size field (one vec4f per texel). */
export function fieldBytes(size: number): number {
  return size * size * 16;
}

/** Records the pattern pass into an open compute pass (the caller owns the bind group). */
export function dispatchPattern(pass: GPUComputePassEncoder, size: number): void {
  pass.dispatchWorkgroups(
    Math.ceil(size / PATTERN_WORKGROUP[0]),
    Math.ceil(size / PATTERN_WORKGROUP[1]),
  );
}

/** Runs the pattern pass alone and returns the field: [height, cell, mask, detail] per texel. */
export function bakePatternGpu(
  runner: KernelRunner,
  u: MaterialUniformValues,
): Promise<Float32Array<ArrayBuffer>> {
  const def = patternKernelDefinition;
  const block = runner.layout(def, 'params');
  const uniformBytes = block.encode(u as unknown as Record<string, UniformValue>);
  return runner.withDevice(async (device) => {
    const bytes = fieldBytes(u.size);
    device.pushErrorScope('out-of-memory');
    device.pushErrorScope('validation');
    const pipeline = runner.pipeline(device, def);
    const uniform = device.createBuffer({
      label: `${def.label}.uniforms`,
      size: Math.ceil(block.size / 16) * 16,
      usage: GPUBufferUsage.UNIFORM | GPUBufferUsage.COPY_DST,
    });
    const field = device.createBuffer({
      label: `${def.label}.field`,
      size: bytes,
      usage: GPUBufferUsage.STORAGE | GPUBufferUsage.COPY_SRC,
    });
    const readback = device.createBuffer({
      label: `${def.label}.readback`,
      size: bytes,
      usage: GPUBufferUsage.MAP_READ | GPUBufferUsage.COPY_DST,
    });
    const buffers = [uniform, field, readback];
    try {
      let recorded: unknown = null;
      try {
        device.queue.writeBuffer(uniform, 0, uniformBytes);
        const bindGroup = device.createBindGroup({
          label: `${def.label}.bindGroup`,
          layout: pipeline.getBindGroupLayout(0),
          entries: [
            { binding: 0, resource: { buffer: uniform } },
            { binding: 1, resource: { buffer: field } },
          ],
        });
        const encoder = device.createCommandEncoder({ label: `${def.label}.encoder` });
        const pass = encoder.beginComputePass({ label: `${def.label}.pass` });
        pass.setPipeline(pipeline);
        pass.setBindGroup(0, bindGroup);
        dispatchPattern(pass, u.size);
        pass.end();
        encoder.copyBufferToBuffer(field, 0, readback, 0, bytes);
        device.queue.submit([encoder.finish()]);
        runner.countDispatches(1);
      } catch (e) {
        recorded = e;
      }
      // Pop both scopes whatever happened, so none is left open on the device.
      const validation = await device.popErrorScope();
      const oom = await device.popErrorScope();
      if (recorded) throw recorded;
      if (validation || oom) throw new GpuKernelError(def.label, (validation ?? oom)!.message);
      await readback.mapAsync(GPUMapMode.READ);
      const out = new Float32Array(readback.getMappedRange().slice(0));
      readback.unmap();
      return out;
    } finally {
      buffers.forEach((b) => b.destroy());
    }
  });
}
