// A baked material's maps (plain typed arrays with their whole mip chain, core/materials/maps.ts) as
// three DataTextures. The baked chain is uploaded as it is (texture.mipmaps; nothing is generated on
// the GPU), every map repeats, filters trilinearly with anisotropy, and only the colour maps (albedo,
// emissive) are sRGB: the GPU decodes them to linear when sampling (rgba8unorm-srgb), normal/orm/height
// are data.
import {
  DataTexture,
  FloatType,
  LinearFilter,
  LinearMipmapLinearFilter,
  NoColorSpace,
  RedFormat,
  RepeatWrapping,
  RGBAFormat,
  SRGBColorSpace,
  UnsignedByteType,
  type ColorSpace,
} from 'three/webgpu';
import {
  levelSize,
  type MaterialMaps,
  type R32fMap,
  type Rgba8Map,
} from '../../core/materials/maps';

/** Anisotropic filtering samples (WebGPU allows up to 16); grazing floors and walls need it. */
export const DEFAULT_ANISOTROPY = 8;

export interface MaterialTextures {
  /** Texels per side of level 0. */
  readonly size: number;
  readonly albedo: DataTexture;
  readonly normal: DataTexture;
  readonly orm: DataTexture;
  readonly height: DataTexture;
  /** Present only when the material glows. */
  readonly emissive: DataTexture | null;
  /** Frees the GPU copies (the maps' arrays stay with their owner, e.g. the bake cache). */
  dispose(): void;
}

export interface TextureSetOptions {
  anisotropy?: number;
  /** Prefix of the textures' names (debugging, GPU labels). */
  label?: string;
}

function mapTexture(
  map: Rgba8Map | R32fMap,
  size: number,
  colorSpace: ColorSpace,
  name: string,
  anisotropy: number,
): DataTexture {
  const rgba = map.format === 'rgba8';
  const levels = map.levels.map((data, level) => {
    const side = levelSize(size, level);
    const expected = side * side * (rgba ? 4 : 1);
    if (data.length !== expected) {
      throw new RangeError(
        `${name}: level ${level} holds ${data.length} values, expected ${expected}`,
      );
    }
    return { data, width: side, height: side };
  });
  const base = levels[0];
  if (!base) throw new RangeError(`${name}: no levels`);
  const texture = new DataTexture(
    base.data,
    size,
    size,
    rgba ? RGBAFormat : RedFormat,
    rgba ? UnsignedByteType : FloatType,
  );
  texture.name = name;
  // The whole chain as baked (level 0 first); three uploads each level and generates none.
  texture.mipmaps = levels;
  texture.generateMipmaps = false;
  texture.wrapS = RepeatWrapping;
  texture.wrapT = RepeatWrapping;
  texture.magFilter = LinearFilter;
  texture.minFilter = levels.length > 1 ? LinearMipmapLinearFilter : LinearFilter;
  texture.anisotropy = anisotropy;
  texture.colorSpace = colorSpace;
  // Rows are stored top row first, as sampled: v = 0 at the first row, no flip.
  texture.flipY = false;
  texture.needsUpdate = true;
  return texture;
}

export function createMaterialTextures(
  maps: MaterialMaps,
  options: TextureSetOptions = {},
): MaterialTextures {
  const anisotropy = options.anisotropy ?? DEFAULT_ANISOTROPY;
  const label = options.label ?? 'material';
  const make = (map: Rgba8Map | R32fMap, space: ColorSpace, name: string) =>
    mapTexture(map, maps.size, space, `${label}.${name}`, anisotropy);
  const albedo = make(maps.albedo, SRGBColorSpace, 'albedo');
  const normal = make(maps.normal, NoColorSpace, 'normal');
  const orm = make(maps.orm, NoColorSpace, 'orm');
  const height = make(maps.height, NoColorSpace, 'height');
  const emissive = maps.emissive ? make(maps.emissive, SRGBColorSpace, 'emissive') : null;
  return {
    size: maps.size,
    albedo,
    normal,
    orm,
    height,
    emissive,
    dispose() {
      albedo.dispose();
      normal.dispose();
      orm.dispose();
      height.dispose();
      emissive?.dispose();
    },
  };
}
