// material-mip.wgsl: one mip level from the one above it, inside a packed chain buffer (levels one
// after another, level 0 first), prepended by material-common.wgsl. A 2x2 box per texel; sizes are
// powers of two, so every texel has exactly four parents. Modes (as material-pack.wgsl stores them):
//   0 sRGB colour: decoded to linear, averaged, encoded again (albedo, emissive)
//   1 normal: decoded, averaged, renormalised (straight up if the four cancel)
//   2 linear bytes: integer average rounded half up (orm; exact on both sides)
//   3 f32 height: averaged
// Alpha (always 255 here) is averaged like a linear byte. The bake dispatches this once per level
// and map in one compute pass; WebGPU orders the dispatches, so each level reads the finished one
// above. CPU reference: src/core/materials/bake/material-mip.ts.

struct MipUniforms {
  // Side of the level read; the level written is half that.
  srcSize: u32,
  // Offsets of the two levels in the buffer, in texels.
  srcOffset: u32,
  dstOffset: u32,
  mode: u32,
}

@group(0) @binding(0) var<uniform> mip: MipUniforms;
@group(0) @binding(1) var<storage, read_write> chain: array<u32>;

override WG_X: u32 = 8u;
override WG_Y: u32 = 8u;

fn mp_byte(x: f32) -> u32 {
  return u32(floor(clamp(x, 0.0, 1.0) * 255.0 + 0.5));
}

fn mp_channel(v: u32, k: u32) -> f32 {
  return f32((v >> (8u * k)) & 255u) / 255.0;
}

fn mp_decode(x: f32) -> f32 {
  if (x <= 0.04045) {
    return x / 12.92;
  }
  return pow((x + 0.055) / 1.055, 2.4);
}

fn mp_encode(x: f32) -> f32 {
  let c = clamp(x, 0.0, 1.0);
  if (c <= 0.0031308) {
    return c * 12.92;
  }
  return 1.055 * pow(c, 1.0 / 2.4) - 0.055;
}

fn mp_linear(v: vec4u, k: u32) -> u32 {
  var sum = 0u;
  for (var q = 0u; q < 4u; q++) {
    sum += (v[q] >> (8u * k)) & 255u;
  }
  return (sum + 2u) / 4u;
}

@compute @workgroup_size(WG_X, WG_Y, 1)
fn main(@builtin(global_invocation_id) gid: vec3u) {
  let dstSize = max(mip.srcSize / 2u, 1u);
  if (gid.x >= dstSize || gid.y >= dstSize) {
    return;
  }
  let s = mip.srcSize;
  let base = mip.srcOffset + (2u * gid.y) * s + 2u * gid.x;
  let v = vec4u(chain[base], chain[base + 1u], chain[base + s], chain[base + s + 1u]);
  let alpha = mp_linear(v, 3u);
  var texel = 0u;
  switch (mip.mode) {
    case 0u: {
      var rgb = vec3f(0.0);
      for (var q = 0u; q < 4u; q++) {
        rgb += vec3f(mp_decode(mp_channel(v[q], 0u)), mp_decode(mp_channel(v[q], 1u)), mp_decode(mp_channel(v[q], 2u)));
      }
      rgb *= 0.25;
      texel = mp_byte(mp_encode(rgb.x)) | (mp_byte(mp_encode(rgb.y)) << 8u) |
        (mp_byte(mp_encode(rgb.z)) << 16u) | (alpha << 24u);
    }
    case 1u: {
      var n = vec3f(0.0);
      for (var q = 0u; q < 4u; q++) {
        n += vec3f(mp_channel(v[q], 0u), mp_channel(v[q], 1u), mp_channel(v[q], 2u)) * 2.0 - vec3f(1.0);
      }
      let len = length(n);
      var unit = vec3f(0.0, 0.0, 1.0);
      if (len > 1e-6) {
        unit = n / len;
      }
      let e = unit * 0.5 + vec3f(0.5);
      texel = mp_byte(e.x) | (mp_byte(e.y) << 8u) | (mp_byte(e.z) << 16u) | (alpha << 24u);
    }
    case 2u: {
      texel = mp_linear(v, 0u) | (mp_linear(v, 1u) << 8u) | (mp_linear(v, 2u) << 16u) | (alpha << 24u);
    }
    default: {
      let h = (bitcast<f32>(v.x) + bitcast<f32>(v.y) + bitcast<f32>(v.z) + bitcast<f32>(v.w)) * 0.25;
      texel = bitcast<u32>(h);
    }
  }
  chain[mip.dstOffset + gid.y * dstSize + gid.x] = texel;
}
