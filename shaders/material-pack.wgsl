// material-pack.wgsl: a float map → its stored texels at level 0 of a packed mip-chain buffer,
// prepended by material-common.wgsl. One u32 per texel: RGBA8 with R in the low byte (so the bytes
// read back in r, g, b, a order), or the f32 bits of the height. Bytes round as floor(x * 255 + 0.5).
// Modes:
//   0 colour: linear rgb * scale, clamped, exact sRGB encode (albedo: scale 1; emissive:
//     1 / EMISSIVE_RANGE), alpha 255
//   1 normal: xyz * 0.5 + 0.5, alpha 255
//   2 linear: rgb as is (orm: ao, roughness, metalness), alpha 255
//   3 height: x clamped to [0, 1], as f32 bits
// CPU reference: src/core/materials/bake/material-pack.ts.

struct PackUniforms {
  size: u32,
  mode: u32,
  scale: f32,
}

@group(0) @binding(0) var<uniform> pack: PackUniforms;
@group(0) @binding(1) var<storage, read> source: array<vec4f>;
@group(0) @binding(2) var<storage, read_write> packed: array<u32>;

override WG_X: u32 = 8u;
override WG_Y: u32 = 8u;

fn pk_srgb(x: f32) -> f32 {
  let c = clamp(x, 0.0, 1.0);
  if (c <= 0.0031308) {
    return c * 12.92;
  }
  return 1.055 * pow(c, 1.0 / 2.4) - 0.055;
}

fn pk_byte(x: f32) -> u32 {
  return u32(floor(clamp(x, 0.0, 1.0) * 255.0 + 0.5));
}

fn pk_rgba(c: vec3f) -> u32 {
  return pk_byte(c.x) | (pk_byte(c.y) << 8u) | (pk_byte(c.z) << 16u) | (255u << 24u);
}

@compute @workgroup_size(WG_X, WG_Y, 1)
fn main(@builtin(global_invocation_id) gid: vec3u) {
  let size = pack.size;
  if (gid.x >= size || gid.y >= size) {
    return;
  }
  let idx = gid.y * size + gid.x;
  let s = source[idx];
  var texel = 0u;
  switch (pack.mode) {
    case 0u: {
      let c = s.xyz * pack.scale;
      texel = pk_rgba(vec3f(pk_srgb(c.x), pk_srgb(c.y), pk_srgb(c.z)));
    }
    case 1u: {
      texel = pk_rgba(s.xyz * 0.5 + vec3f(0.5));
    }
    case 2u: {
      texel = pk_rgba(s.xyz);
    }
    default: {
      texel = bitcast<u32>(clamp(s.x, 0.0, 1.0));
    }
  }
  packed[idx] = texel;
}
