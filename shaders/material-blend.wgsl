// material-blend.wgsl: mixes two materials' float maps through a mask, prepended by
// material-noise.wgsl and material-common.wgsl. Reads set A, reads and overwrites set B with the
// result (B's texel is read before it is written and A is never written, so the slope mask may read
// A's neighbours freely).
//
// The weight of B per texel, with w = softness / 2 + 0.01 the half-width of the transition:
// - noise (0): tileable gradient FBM at `scale` repeats per tile, seeded, made roughly uniform on
//   [0, 1] by a tanh; B where it exceeds a threshold that falls from 1 + w to -w as amount rises, so
//   the share of B tracks amount.
// - height (1): height-lerp: B where its height plus a bias beats A's; the bias runs from -1 - w
//   (amount 0: never) to 1 + w (amount 1: everywhere) as a cubic of 2 * amount - 1, so the middle
//   amounts, where height differences live, change the share gradually.
// - slope (2): B where A's surface is steep: the sine of A's slope (central differences, wrap-around,
//   A's relief depth) against the same falling threshold as noise.
// Heights are rescaled to the stronger relief first (reliefA, reliefB: each depth over the larger),
// and the normal pass uses that larger depth, so each side keeps its own bump strength.
// CPU reference: src/core/materials/bake/material-blend.ts.

struct BlendUniforms {
  size: u32,
  // Index into BLEND_MASKS.
  mask: u32,
  seed: u32,
  // Noise repeats per tile.
  scale: u32,
  amount: f32,
  softness: f32,
  reliefA: f32,
  reliefB: f32,
  // A's relief depth in tile units (slope mask).
  depthA: f32,
}

@group(0) @binding(0) var<uniform> blend: BlendUniforms;
@group(0) @binding(1) var<storage, read> fieldA: array<vec4f>;
@group(0) @binding(2) var<storage, read> albedoA: array<vec4f>;
@group(0) @binding(3) var<storage, read> ormA: array<vec4f>;
@group(0) @binding(4) var<storage, read> emissiveA: array<vec4f>;
@group(0) @binding(5) var<storage, read_write> fieldB: array<vec4f>;
@group(0) @binding(6) var<storage, read_write> albedoB: array<vec4f>;
@group(0) @binding(7) var<storage, read_write> ormB: array<vec4f>;
@group(0) @binding(8) var<storage, read_write> emissiveB: array<vec4f>;

override WG_X: u32 = 8u;
override WG_Y: u32 = 8u;

// Spreads the FBM (about [-1, 1], bunched near 0) to a roughly uniform [0, 1].
const BLEND_SPREAD: f32 = 3.4;

fn bl_height_a(i: i32, j: i32) -> f32 {
  let n = i32(blend.size);
  let x = ((i % n) + n) % n;
  let y = ((j % n) + n) % n;
  return fieldA[u32(y * n + x)].x;
}

@compute @workgroup_size(WG_X, WG_Y, 1)
fn main(@builtin(global_invocation_id) gid: vec3u) {
  let size = blend.size;
  if (gid.x >= size || gid.y >= size) {
    return;
  }
  let idx = gid.y * size + gid.x;
  let fa = fieldA[idx];
  let fb = fieldB[idx];
  let ha = fa.x * blend.reliefA;
  let hb = fb.x * blend.reliefB;
  let w = blend.softness * 0.5 + 0.01;
  let threshold = mix(1.0 + w, -w, blend.amount);

  var t = 0.0;
  switch (blend.mask) {
    case 1u: {
      let x = 2.0 * blend.amount - 1.0;
      let bias = x * x * x * (1.0 + w);
      t = smoothstep(-w, w, hb - ha + bias);
    }
    case 2u: {
      let i = i32(gid.x);
      let j = i32(gid.y);
      let r = max(1, i32(size) / 128);
      let k = f32(size) / f32(2 * r) * blend.depthA;
      let gx = (bl_height_a(i + r, j) - bl_height_a(i - r, j)) * k;
      let gy = (bl_height_a(i, j + r) - bl_height_a(i, j - r)) * k;
      let g2 = gx * gx + gy * gy;
      t = smoothstep(threshold - w, threshold + w, sqrt(g2 / (1.0 + g2)));
    }
    default: {
      let p = (vec2f(gid.xy) + vec2f(0.5)) / f32(size) * f32(blend.scale);
      let s = i32(blend.scale);
      let n = mn_fbm(p, vec2i(s, s), 5u, 0.5, blend.seed);
      t = smoothstep(threshold - w, threshold + w, 0.5 + 0.5 * tanh(n * BLEND_SPREAD));
    }
  }

  fieldB[idx] = vec4f(mix(ha, hb, t), mix(fa.yzw, fb.yzw, t));
  albedoB[idx] = mix(albedoA[idx], albedoB[idx], t);
  ormB[idx] = mix(ormA[idx], ormB[idx], t);
  if (arrayLength(&emissiveB) >= size * size) {
    emissiveB[idx] = mix(emissiveA[idx], emissiveB[idx], t);
  }
}
