// material-noise.wgsl: periodic (tileable) noise for the material kernels, prepended to each kernel
// that needs it (before material-common.wgsl). Every function takes an integer period per axis
// (vec2i, each >= 1): the result at p + period equals the result at p, so a tile of `period` lattice
// cells wraps seamlessly. src/core/materials/bake/material-noise.ts mirrors every function here;
// change both together (test/browser/material-pattern-kernel.test.ts compares them).
//
// API (stable: other material kernels call these):
//   mn_pcg(v: u32) -> u32                          PCG-style integer hash of one u32
//   mn_hash(a: u32, seed: u32) -> u32              hash of an integer and a seed
//   mn_hash2(c: vec2i, seed: u32) -> u32           hash of a lattice point (no wrapping)
//   mn_unit(h: u32) -> f32                         top 24 bits of a hash as [0, 1), exact in f32
//   mn_wrap(c: vec2i, period: vec2i) -> vec2i      positive modulo per axis, into [0, period)
//   mn_cell(c: vec2i, period: vec2i, seed: u32) -> u32   hash of a lattice point wrapped to period
//   mn_fade(t: f32) -> f32                         quintic 6t^5 - 15t^4 + 10t^3
//   mn_value(p: vec2f, period: vec2i, seed: u32) -> f32      value noise, [0, 1]
//   mn_gradient(p: vec2f, period: vec2i, seed: u32) -> f32   gradient (Perlin) noise, about [-1, 1]
//   mn_worley(p: vec2f, period: vec2i, jitter: f32, seed: u32) -> MnWorley
//       cellular noise: F1, F2, the distance to the nearest Voronoi border, and the nearest cell's
//       id (wrapped, so equal on both sides of the tile edge), random value and feature offset.
//       jitter 0 puts every feature point at its cell centre (a square grid), 1 anywhere in the cell.
//   mn_octave_seed(seed: u32, k: u32) -> u32       seed of octave k
//   mn_fbm(p: vec2f, period: vec2i, octaves: u32, gain: f32, seed: u32) -> f32
//       gradient FBM, about [-1, 1] (normalised by the amplitude sum); octave k samples p * 2^k with
//       period * 2^k, so every octave tiles.
//   mn_fbm_value(p, period, octaves, gain, seed) -> f32       value-noise FBM, [0, 1]
//   mn_ridged(p, period, octaves, gain, seed) -> f32           ridged FBM 1 - |gradient|, [0, 1]
//   mn_turbulence(p, period, octaves, gain, seed) -> f32       FBM of |gradient|, [0, 1]
//   mn_warp(p: vec2f, period: vec2i, strength: f32, seed: u32) -> vec2f
//       p displaced by two gradient noises times strength (lattice units): still periodic.
//
// All randomness is u32 arithmetic, so the CPU mirror reproduces hashes bit for bit; the floats
// differ only by f32 rounding.

fn mn_pcg(v: u32) -> u32 {
  let state = v * 747796405u + 2891336453u;
  let word = ((state >> ((state >> 28u) + 4u)) ^ state) * 277803737u;
  return (word >> 22u) ^ word;
}

fn mn_hash(a: u32, seed: u32) -> u32 {
  return mn_pcg(a ^ mn_pcg(seed ^ 0x9e3779b9u));
}

fn mn_hash2(c: vec2i, seed: u32) -> u32 {
  return mn_pcg(bitcast<u32>(c.x) ^ mn_pcg(bitcast<u32>(c.y) + mn_pcg(seed ^ 0x85ebca6bu)));
}

fn mn_unit(h: u32) -> f32 {
  return f32(h >> 8u) * (1.0 / 16777216.0);
}

fn mn_wrap(c: vec2i, period: vec2i) -> vec2i {
  let p = max(period, vec2i(1, 1));
  return ((c % p) + p) % p;
}

fn mn_cell(c: vec2i, period: vec2i, seed: u32) -> u32 {
  return mn_hash2(mn_wrap(c, period), seed);
}

fn mn_fade(t: f32) -> f32 {
  return t * t * t * (t * (t * 6.0 - 15.0) + 10.0);
}

// ---- value noise -------------------------------------------------------------------------------

fn mn_value(p: vec2f, period: vec2i, seed: u32) -> f32 {
  let i = floor(p);
  let f = p - i;
  let c = vec2i(i);
  let a = mn_unit(mn_cell(c, period, seed));
  let b = mn_unit(mn_cell(c + vec2i(1, 0), period, seed));
  let d = mn_unit(mn_cell(c + vec2i(0, 1), period, seed));
  let e = mn_unit(mn_cell(c + vec2i(1, 1), period, seed));
  let ux = mn_fade(f.x);
  let uy = mn_fade(f.y);
  let top = a + (b - a) * ux;
  let bottom = d + (e - d) * ux;
  return top + (bottom - top) * uy;
}

// ---- gradient noise ----------------------------------------------------------------------------

// One of 8 unit directions (4 axes, 4 diagonals) chosen by the hash, dotted with the offset d.
fn mn_grad(h: u32, d: vec2f) -> f32 {
  let k = (h >> 13u) & 7u;
  let s = select(1.0, -1.0, (k & 1u) == 1u);
  if (k < 2u) {
    return s * d.x;
  }
  if (k < 4u) {
    return s * d.y;
  }
  let t = select(1.0, -1.0, (k & 2u) == 2u);
  return 0.70710678 * (s * d.x + t * d.y);
}

fn mn_gradient(p: vec2f, period: vec2i, seed: u32) -> f32 {
  let i = floor(p);
  let f = p - i;
  let c = vec2i(i);
  let n00 = mn_grad(mn_cell(c, period, seed), f);
  let n10 = mn_grad(mn_cell(c + vec2i(1, 0), period, seed), f - vec2f(1.0, 0.0));
  let n01 = mn_grad(mn_cell(c + vec2i(0, 1), period, seed), f - vec2f(0.0, 1.0));
  let n11 = mn_grad(mn_cell(c + vec2i(1, 1), period, seed), f - vec2f(1.0, 1.0));
  let ux = mn_fade(f.x);
  let uy = mn_fade(f.y);
  let top = n00 + (n10 - n00) * ux;
  let bottom = n01 + (n11 - n01) * ux;
  return 1.41421356 * (top + (bottom - top) * uy);
}

// ---- cellular (Worley) noise -------------------------------------------------------------------

struct MnWorley {
  // Distances to the nearest and second-nearest feature points (lattice units).
  f1: f32,
  f2: f32,
  // Distance to the nearest Voronoi border (0 on the border, larger inside the cell).
  edge: f32,
  // Hash of the nearest feature's wrapped cell: constant over a cell, the same across the tile edge.
  id: u32,
  // mn_unit(id): the cell's random value in [0, 1).
  rand: f32,
  // Vector from p to the nearest feature point.
  offset: vec2f,
}

// The feature point of lattice cell c (wrapped for hashing), relative to cell c's corner.
fn mn_feature(h: u32, jitter: f32) -> vec2f {
  let a = mn_pcg(h);
  let b = mn_pcg(a);
  return vec2f(0.5 + jitter * (mn_unit(a) - 0.5), 0.5 + jitter * (mn_unit(b) - 0.5));
}

fn mn_worley(p: vec2f, period: vec2i, jitter: f32, seed: u32) -> MnWorley {
  let i = floor(p);
  let f = p - i;
  let c = vec2i(i);
  var d1 = 64.0;
  var d2 = 64.0;
  var best = vec2i(0, 0);
  var bestId = 0u;
  var bestOffset = vec2f(0.0, 0.0);
  for (var y = -1; y <= 1; y++) {
    for (var x = -1; x <= 1; x++) {
      let o = vec2i(x, y);
      let h = mn_cell(c + o, period, seed);
      let r = vec2f(o) + mn_feature(h, jitter) - f;
      let d = sqrt(dot(r, r));
      if (d < d1) {
        d2 = d1;
        d1 = d;
        best = o;
        bestId = h;
        bestOffset = r;
      } else if (d < d2) {
        d2 = d;
      }
    }
  }
  // Second pass around the nearest cell: distance to the bisector with each other feature point.
  var edge = 64.0;
  for (var y = -1; y <= 1; y++) {
    for (var x = -1; x <= 1; x++) {
      let o = best + vec2i(x, y);
      if (x == 0 && y == 0) {
        continue;
      }
      let h = mn_cell(c + o, period, seed);
      let r = vec2f(o) + mn_feature(h, jitter) - f;
      let delta = r - bestOffset;
      let len = sqrt(dot(delta, delta));
      if (len > 1e-6) {
        let mid = 0.5 * (r + bestOffset);
        edge = min(edge, dot(mid, delta) / len);
      }
    }
  }
  return MnWorley(d1, d2, max(edge, 0.0), bestId, mn_unit(bestId), bestOffset);
}

// ---- fractals ----------------------------------------------------------------------------------

fn mn_octave_seed(seed: u32, k: u32) -> u32 {
  return seed + k * 1013904223u;
}

fn mn_fbm(p: vec2f, period: vec2i, octaves: u32, gain: f32, seed: u32) -> f32 {
  var sum = 0.0;
  var amp = 1.0;
  var norm = 0.0;
  var q = p;
  var per = period;
  for (var k = 0u; k < octaves; k++) {
    sum += amp * mn_gradient(q, per, mn_octave_seed(seed, k));
    norm += amp;
    amp *= gain;
    q *= 2.0;
    per *= 2;
  }
  return sum / max(norm, 1e-6);
}

fn mn_fbm_value(p: vec2f, period: vec2i, octaves: u32, gain: f32, seed: u32) -> f32 {
  var sum = 0.0;
  var amp = 1.0;
  var norm = 0.0;
  var q = p;
  var per = period;
  for (var k = 0u; k < octaves; k++) {
    sum += amp * mn_value(q, per, mn_octave_seed(seed, k));
    norm += amp;
    amp *= gain;
    q *= 2.0;
    per *= 2;
  }
  return sum / max(norm, 1e-6);
}

fn mn_ridged(p: vec2f, period: vec2i, octaves: u32, gain: f32, seed: u32) -> f32 {
  var sum = 0.0;
  var amp = 1.0;
  var norm = 0.0;
  var q = p;
  var per = period;
  for (var k = 0u; k < octaves; k++) {
    let n = 1.0 - min(abs(mn_gradient(q, per, mn_octave_seed(seed, k))), 1.0);
    sum += amp * n * n;
    norm += amp;
    amp *= gain;
    q *= 2.0;
    per *= 2;
  }
  return sum / max(norm, 1e-6);
}

fn mn_turbulence(p: vec2f, period: vec2i, octaves: u32, gain: f32, seed: u32) -> f32 {
  var sum = 0.0;
  var amp = 1.0;
  var norm = 0.0;
  var q = p;
  var per = period;
  for (var k = 0u; k < octaves; k++) {
    sum += amp * min(abs(mn_gradient(q, per, mn_octave_seed(seed, k))), 1.0);
    norm += amp;
    amp *= gain;
    q *= 2.0;
    per *= 2;
  }
  return sum / max(norm, 1e-6);
}

fn mn_warp(p: vec2f, period: vec2i, strength: f32, seed: u32) -> vec2f {
  let wx = mn_gradient(p, period, seed ^ 0x1b873593u);
  let wy = mn_gradient(p, period, seed ^ 0xcc9e2d51u);
  return p + strength * vec2f(wx, wy);
}
