// Turns a baked noise field (plain typed array from the compute worker) into a three texture.
// Only the viewport knows three; the field itself stays plain data.
import {
  DataTexture,
  FloatType,
  LinearFilter,
  LinearMipmapLinearFilter,
  RedFormat,
  RepeatWrapping,
  RGBAFormat,
  UnsignedByteType,
} from 'three/webgpu';
import type { NoiseField } from '../core/noise';

export function noiseFieldTexture(field: NoiseField, label: string): DataTexture {
  const rgba = field.format === 'rgba8';
  const texture = new DataTexture(
    field.data,
    field.width,
    field.height,
    rgba ? RGBAFormat : RedFormat,
    rgba ? UnsignedByteType : FloatType,
  );
  texture.name = label;
  texture.wrapS = RepeatWrapping;
  texture.wrapT = RepeatWrapping;
  texture.magFilter = LinearFilter;
  texture.minFilter = rgba ? LinearMipmapLinearFilter : LinearFilter;
  texture.generateMipmaps = rgba;
  texture.needsUpdate = true;
  return texture;
}
