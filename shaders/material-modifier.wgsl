// material-modifier.wgsl: weather, season and variation over one baked material's float maps, in
// place, prepended by material-noise.wgsl and material-common.wgsl. Pointwise: every neighbourhood
// measure it needs (ao, curvature, slope) was stashed by the ao and surface passes, so reading and
// writing the same texel is race-free. It changes the height too (puddles and ice flatten, cracks
// cut, snow and dust fill), so the normal pass, which runs later, follows.
//
// Order: variation (hue/saturation/value) → season → wear → dirt → weather. All randomness is
// material-noise at fixed periods per tile, seeded by hashes of `seed`, so the same modifiers give
// the same texels and another seed moves every patch. The bake skips this pass when
// isIdentityModifiers() holds. CPU reference: src/core/materials/bake/material-modifier.ts.

struct ModifierUniforms {
  size: u32,
  // 0 none, else 1 + index into WEATHERS (wet, frozen, dusty, corroded, weathered).
  weather: u32,
  // 0 none, else 1 + index into SEASONS (spring, summer, autumn, winter).
  season: u32,
  seed: u32,
  weatherAmount: f32,
  // Hue shift in turns; saturation and value as multiplier offsets (x * (1 + offset)).
  hue: f32,
  saturation: f32,
  value: f32,
  wear: f32,
  dirt: f32,
  // The material's metalnessMax: where it is a metal under paint, worn edges show bare metal.
  metalnessMax: f32,
}

@group(0) @binding(0) var<uniform> mods: ModifierUniforms;
@group(0) @binding(1) var<storage, read_write> field: array<vec4f>;
@group(0) @binding(2) var<storage, read_write> albedo: array<vec4f>;
@group(0) @binding(3) var<storage, read_write> orm: array<vec4f>;
@group(0) @binding(4) var<storage, read_write> emissive: array<vec4f>;

override WG_X: u32 = 8u;
override WG_Y: u32 = 8u;

// Salts for the independent noise streams (hashed with the seed).
const SALT_SEASON: u32 = 11u;
const SALT_WEAR: u32 = 12u;
const SALT_DIRT: u32 = 13u;
const SALT_POOL: u32 = 14u;
const SALT_FROST: u32 = 15u;
const SALT_DUST: u32 = 16u;
const SALT_RUST: u32 = 17u;
const SALT_RUST_FINE: u32 = 18u;
const SALT_CRACK: u32 = 19u;
const SALT_CRACK_GAP: u32 = 20u;

// Hue in turns [0, 1), saturation, value.
fn md_rgb2hsv(c: vec3f) -> vec3f {
  let v = max(c.x, max(c.y, c.z));
  let m = min(c.x, min(c.y, c.z));
  let d = v - m;
  var h = 0.0;
  if (d > 0.0) {
    if (v == c.x) {
      h = (c.y - c.z) / d;
      if (h < 0.0) {
        h += 6.0;
      }
    } else if (v == c.y) {
      h = (c.z - c.x) / d + 2.0;
    } else {
      h = (c.x - c.y) / d + 4.0;
    }
    h = h / 6.0;
  }
  let s = select(0.0, d / v, v > 0.0);
  return vec3f(h, s, v);
}

fn md_hsv2rgb(c: vec3f) -> vec3f {
  let k = abs(fract(vec3f(c.x) + vec3f(0.0, 0.6666667, 0.33333334)) * 6.0 - vec3f(3.0)) - vec3f(1.0);
  return c.z * mix(vec3f(1.0), clamp(k, vec3f(0.0), vec3f(1.0)), c.y);
}

// Hue moved toward `goal` along the shorter way round, by t.
fn md_hue_toward(h: f32, goal: f32, t: f32) -> f32 {
  var d = goal - h;
  d = d - floor(d + 0.5);
  return fract(h + d * t);
}

fn md_luma(c: vec3f) -> f32 {
  return dot(c, vec3f(0.2126, 0.7152, 0.0722));
}

fn md_seed(salt: u32) -> u32 {
  return mn_hash(salt, mods.seed);
}

// Water (or ice) level for pools in low areas: higher with the amount and in pool-prone patches.
fn md_pool_level(p: vec2f, amount: f32) -> f32 {
  let n = mn_fbm_value(p * 3.0, vec2i(3, 3), 3u, 0.5, md_seed(SALT_POOL));
  return amount * (0.2 + 0.5 * n);
}

fn md_pool(h: f32, level: f32) -> f32 {
  return 1.0 - smoothstep(level - 0.04, level + 0.01, h);
}

@compute @workgroup_size(WG_X, WG_Y, 1)
fn main(@builtin(global_invocation_id) gid: vec3u) {
  let size = mods.size;
  if (gid.x >= size || gid.y >= size) {
    return;
  }
  let idx = gid.y * size + gid.x;
  let p = (vec2f(gid.xy) + vec2f(0.5)) / f32(size);
  let f = field[idx];
  let a = albedo[idx];
  let o = orm[idx];
  var h = f.x;
  let cell = f.y;
  let mask = clamp(f.z, 0.0, 1.0);
  var col = a.xyz;
  var slope = a.w;
  var ao = o.x;
  var rough = o.y;
  var metal = o.z;
  let curvature = o.w;
  // How much of the surface a layer (water, ice, snow, dust, rust) covers: dims the glow.
  var cover = 0.0;

  // Variation.
  if (mods.hue != 0.0 || mods.saturation != 0.0 || mods.value != 0.0) {
    var hsv = md_rgb2hsv(col);
    hsv.x = fract(hsv.x + mods.hue);
    hsv.y = clamp(hsv.y * (1.0 + mods.saturation), 0.0, 1.0);
    hsv.z = clamp(hsv.z * (1.0 + mods.value), 0.0, 1.0);
    col = md_hsv2rgb(hsv);
  }

  // Season: foliage-like hues (yellow-green to green, saturated) move; others barely do.
  if (mods.season != 0u) {
    let hsv = md_rgb2hsv(col);
    let foliage = smoothstep(0.1, 0.18, hsv.x) * (1.0 - smoothstep(0.45, 0.55, hsv.x)) *
      smoothstep(0.08, 0.25, hsv.y);
    let n = mn_fbm_value(p * 6.0, vec2i(6, 6), 3u, 0.5, md_seed(SALT_SEASON));
    var goal = hsv;
    switch (mods.season) {
      case 1u: {
        goal = vec3f(0.24, min(hsv.y * 1.15 + 0.05, 1.0), min(hsv.z * 1.15, 1.0));
      }
      case 2u: {
        goal = vec3f(0.33, min(hsv.y * 1.2, 1.0), hsv.z * 0.75);
      }
      case 3u: {
        // Per cell (and per noise patch): red, orange or yellow.
        let r = clamp(cell * 0.6 + n * 0.8 - 0.2, 0.0, 1.0);
        goal = vec3f(0.13 * r, max(hsv.y, 0.7), hsv.z * mix(0.8, 1.1, r));
      }
      default: {
        goal = vec3f(0.08, hsv.y * 0.35, hsv.z * 0.7);
      }
    }
    col = md_hsv2rgb(vec3f(
      md_hue_toward(hsv.x, goal.x, foliage),
      mix(hsv.y, goal.y, foliage),
      mix(hsv.z, goal.z, foliage),
    ));
    if (mods.season == 4u) {
      // Snow on high, flat areas of any material: near-white, raised to a smooth cover.
      let snow = smoothstep(0.45, 0.7, h + (n - 0.5) * 0.5) * (1.0 - 0.6 * slope);
      col = mix(col, vec3f(0.85, 0.88, 0.92), snow);
      rough = mix(rough, 0.65, snow);
      metal = mix(metal, 0.0, snow);
      h = max(h, mix(h, 0.7 + 0.2 * n, snow));
      slope = slope * (1.0 - snow);
      cover = max(cover, snow);
    }
  }

  // Wear: raised edges (positive curvature) lighter and rougher; paint over metal shows the metal.
  if (mods.wear > 0.0) {
    let nw = mn_value(p * 48.0, vec2i(48, 48), md_seed(SALT_WEAR));
    let w = mods.wear * smoothstep(0.05, 0.3, curvature + (nw - 0.5) * 0.2) * mask;
    col = mix(col, min(col * 1.4 + vec3f(0.05), vec3f(1.0)), w);
    rough = mix(rough, min(rough + 0.25, 1.0), w);
    let bare = w * smoothstep(0.4, 0.7, mods.metalnessMax);
    metal = mix(metal, mods.metalnessMax, bare);
    col = mix(col, vec3f(0.56, 0.57, 0.58), bare * 0.8);
  }

  // Dirt: darkens cavities (low ao, grooves), less on raised edges.
  if (mods.dirt > 0.0) {
    let nd = mn_fbm_value(p * 8.0, vec2i(8, 8), 3u, 0.5, md_seed(SALT_DIRT));
    let cavity = clamp((1.0 - ao) * 2.0 + (1.0 - mask) * 0.4 + (nd - 0.5) * 0.6 - curvature * 0.5, 0.0, 1.0);
    let d = mods.dirt * smoothstep(0.05, 0.6, cavity);
    col = mix(col, col * vec3f(0.35, 0.3, 0.25), d);
    rough = mix(rough, 0.95, d * 0.6);
    metal = metal * (1.0 - 0.7 * d);
  }

  let amount = mods.weatherAmount;
  switch (mods.weather) {
    case 1u: {
      // Wet: darker (porous surfaces more than metal), smoother; pools flatten low areas.
      let porous = 1.0 - metal;
      col = col * mix(1.0, 0.5, amount * (0.4 + 0.6 * porous));
      rough = rough * mix(1.0, 0.4, amount);
      let level = md_pool_level(p, amount);
      let pool = md_pool(h, level);
      col = col * mix(1.0, 0.85, pool);
      rough = mix(rough, 0.02, pool);
      metal = mix(metal, 0.0, pool);
      ao = mix(ao, 1.0, 0.5 * pool);
      h = max(h, mix(h, level, pool));
      slope = slope * (1.0 - pool);
      cover = max(cover, 0.5 * pool);
    }
    case 2u: {
      // Frozen: a frost film with speckles, bluish smooth ice in low areas.
      let speck = amount * smoothstep(0.62, 0.78, mn_value(p * 96.0, vec2i(96, 96), md_seed(SALT_FROST)));
      col = mix(col, vec3f(0.82, 0.88, 0.95), clamp(0.3 * amount + 0.7 * speck, 0.0, 1.0));
      rough = mix(rough, 0.8, speck);
      let level = md_pool_level(p, amount * 0.8);
      let ice = md_pool(h, level);
      col = mix(col, vec3f(0.3, 0.5, 0.7), 0.75 * ice);
      rough = mix(rough, 0.05, ice);
      metal = mix(metal, 0.0, max(ice, speck));
      ao = mix(ao, 1.0, 0.5 * ice);
      h = max(h, mix(h, level, ice)) + 0.02 * speck;
      slope = slope * (1.0 - ice);
      cover = max(cover, max(ice, speck));
    }
    case 3u: {
      // Dusty: beige, more in cavities, on flat tops and high areas; rougher, fills a little.
      let nd = mn_fbm_value(p * 5.0, vec2i(5, 5), 4u, 0.5, md_seed(SALT_DUST));
      let base = clamp(0.25 + 0.6 * (1.0 - ao) + 0.35 * (1.0 - slope) + 0.3 * (h - 0.5) + 0.6 * (nd - 0.5), 0.0, 1.0);
      let dust = amount * smoothstep(0.15, 0.75, base);
      col = mix(col, vec3f(0.52, 0.43, 0.3), 0.85 * dust);
      rough = mix(rough, 0.95, dust);
      metal = metal * (1.0 - dust);
      h = h + 0.04 * dust * (1.0 - h);
      cover = max(cover, dust);
    }
    case 4u: {
      // Corroded: rust on iron-like colours, green patina on copper-like (saturated red-orange to
      // yellow) ones; mostly on metal, in cavities and patches; metalness drops where it grows.
      let hsv = md_rgb2hsv(col);
      var dh = hsv.x - 0.07;
      dh = abs(dh - floor(dh + 0.5));
      let copper = smoothstep(0.2, 0.4, hsv.y) * (1.0 - smoothstep(0.08, 0.13, dh));
      let metalLike = smoothstep(0.1, 0.5, metal);
      let nc = mn_fbm_value(p * 6.0, vec2i(6, 6), 4u, 0.5, md_seed(SALT_RUST));
      let fine = mn_value(p * 40.0, vec2i(40, 40), md_seed(SALT_RUST_FINE));
      let c = amount * smoothstep(0.25, 0.65, nc * 0.9 + (1.0 - ao) * 0.5 + (1.0 - mask) * 0.3 + (amount - 0.5) * 0.4) *
        mix(0.35, 1.0, metalLike);
      let rust = mix(vec3f(0.16, 0.05, 0.02), vec3f(0.45, 0.16, 0.04), fine);
      let patina = mix(vec3f(0.1, 0.33, 0.26), vec3f(0.3, 0.55, 0.45), fine);
      col = mix(col, mix(rust, patina, copper), c);
      rough = mix(rough, mix(0.9, 0.7, copper), c);
      metal = metal * (1.0 - c);
      h = h + 0.05 * c * (fine - 0.3);
      cover = max(cover, c);
    }
    case 5u: {
      // Weathered: bleached and desaturated, rougher, with fine cracks that cut into the height.
      col = mix(col, vec3f(md_luma(col)), 0.6 * amount);
      col = mix(col, min(col * 1.25 + vec3f(0.06), vec3f(1.0)), 0.6 * amount);
      rough = min(rough + 0.2 * amount, 1.0);
      let cells = mn_worley(p * 10.0, vec2i(10, 10), 1.0, md_seed(SALT_CRACK));
      let gaps = smoothstep(0.35, 0.6, mn_value(p * 20.0, vec2i(20, 20), md_seed(SALT_CRACK_GAP)));
      let crack = amount * (1.0 - smoothstep(0.0, 0.035, cells.edge)) * gaps;
      col = col * (1.0 - 0.55 * crack);
      rough = mix(rough, 1.0, 0.5 * crack);
      h = h - 0.25 * crack;
    }
    default: {}
  }

  h = clamp(h, 0.0, 1.0);
  field[idx] = vec4f(h, f.y, f.z, f.w);
  albedo[idx] = vec4f(clamp(col, vec3f(0.0), vec3f(1.0)), slope);
  orm[idx] = vec4f(clamp(ao, 0.0, 1.0), clamp(rough, 0.0, 1.0), clamp(metal, 0.0, 1.0), curvature);
  if (arrayLength(&emissive) >= size * size) {
    let e = emissive[idx];
    emissive[idx] = vec4f(e.xyz * (1.0 - 0.8 * cover), e.w);
  }
}
