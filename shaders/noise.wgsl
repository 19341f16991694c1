// noise.wgsl: the studio's seeded noise library, included by kernels that need it.
// Value, gradient (Perlin) and simplex noise, cellular (Worley) noise, in 2D and 3D, and the
// fractals built on them (FBM, ridged multifractal, domain warp).
// src/core/noise/ mirrors every function here on the CPU; change both together (the browser test
// test/browser/noise-kernel.test.ts compares them).
//
// Ranges: value, perlin and simplex give about [-1, 1]; worley gives (F1, F2) distances >= 0.

// PCG-style integer hash (one round of a permuted congruential generator). All randomness is integer
// arithmetic so the CPU reference reproduces it bit for bit.
fn pcg(v: u32) -> u32 {
  let state = v * 747796405u + 2891336453u;
  let word = ((state >> ((state >> 28u) + 4u)) ^ state) * 277803737u;
  return (word >> 22u) ^ word;
}

fn hash2i(c: vec2i, seed: u32) -> u32 {
  return pcg(bitcast<u32>(c.x) + pcg(bitcast<u32>(c.y) + pcg(seed)));
}

fn hash3i(c: vec3i, seed: u32) -> u32 {
  return pcg(bitcast<u32>(c.x) + pcg(bitcast<u32>(c.y) + pcg(bitcast<u32>(c.z) + pcg(seed))));
}

// 24 high bits of a hash as a float in [0, 1): exact in f32.
fn unit01(h: u32) -> f32 {
  return f32(h >> 8u) * (1.0 / 16777216.0);
}

fn signed1(h: u32) -> f32 {
  return unit01(h) * 2.0 - 1.0;
}

fn fade1(t: f32) -> f32 {
  return t * t * t * (t * (t * 6.0 - 15.0) + 10.0);
}

fn lerp1(a: f32, b: f32, t: f32) -> f32 {
  return a + (b - a) * t;
}

// ---- value noise -------------------------------------------------------------------------------

fn value2(p: vec2f, seed: u32) -> f32 {
  let i = floor(p);
  let f = p - i;
  let c = vec2i(i);
  let a = signed1(hash2i(c, seed));
  let b = signed1(hash2i(c + vec2i(1, 0), seed));
  let d = signed1(hash2i(c + vec2i(0, 1), seed));
  let e = signed1(hash2i(c + vec2i(1, 1), seed));
  let ux = fade1(f.x);
  let uy = fade1(f.y);
  return lerp1(lerp1(a, b, ux), lerp1(d, e, ux), uy);
}

fn value3(p: vec3f, seed: u32) -> f32 {
  let i = floor(p);
  let f = p - i;
  let c = vec3i(i);
  let ux = fade1(f.x);
  let uy = fade1(f.y);
  let uz = fade1(f.z);
  let a0 = lerp1(signed1(hash3i(c, seed)), signed1(hash3i(c + vec3i(1, 0, 0), seed)), ux);
  let b0 = lerp1(signed1(hash3i(c + vec3i(0, 1, 0), seed)), signed1(hash3i(c + vec3i(1, 1, 0), seed)), ux);
  let a1 = lerp1(signed1(hash3i(c + vec3i(0, 0, 1), seed)), signed1(hash3i(c + vec3i(1, 0, 1), seed)), ux);
  let b1 = lerp1(signed1(hash3i(c + vec3i(0, 1, 1), seed)), signed1(hash3i(c + vec3i(1, 1, 1), seed)), ux);
  return lerp1(lerp1(a0, b0, uy), lerp1(a1, b1, uy), uz);
}

// ---- gradients ---------------------------------------------------------------------------------

// One of 8 unit directions (4 axes, 4 diagonals), dotted with the offset d.
fn grad2dot(h: u32, d: vec2f) -> f32 {
  let k = h & 7u;
  let sa = select(1.0, -1.0, (k & 1u) == 1u);
  let sb = select(0.70710678, -0.70710678, (k & 2u) == 2u);
  if (k < 2u) {
    return sa * d.x;
  }
  if (k < 4u) {
    return sa * d.y;
  }
  return sa * 0.70710678 * d.x + sb * d.y;
}

// One of the 12 cube-edge directions (four repeated to make 16), dotted with d.
fn grad3dot(h: u32, d: vec3f) -> f32 {
  let k = h & 15u;
  let u = select(d.y, d.x, k < 8u);
  let w = select(d.z, d.x, k == 12u || k == 14u);
  let v = select(w, d.y, k < 4u);
  let su = select(u, -u, (k & 1u) == 1u);
  let sv = select(v, -v, (k & 2u) == 2u);
  return su + sv;
}

// ---- gradient (Perlin) noise --------------------------------------------------------------------

fn perlin2(p: vec2f, seed: u32) -> f32 {
  let i = floor(p);
  let f = p - i;
  let c = vec2i(i);
  let n00 = grad2dot(hash2i(c, seed), f);
  let n10 = grad2dot(hash2i(c + vec2i(1, 0), seed), f - vec2f(1.0, 0.0));
  let n01 = grad2dot(hash2i(c + vec2i(0, 1), seed), f - vec2f(0.0, 1.0));
  let n11 = grad2dot(hash2i(c + vec2i(1, 1), seed), f - vec2f(1.0, 1.0));
  let ux = fade1(f.x);
  let uy = fade1(f.y);
  return 1.41421356 * lerp1(lerp1(n00, n10, ux), lerp1(n01, n11, ux), uy);
}

fn perlin3(p: vec3f, seed: u32) -> f32 {
  let i = floor(p);
  let f = p - i;
  let c = vec3i(i);
  let ux = fade1(f.x);
  let uy = fade1(f.y);
  let uz = fade1(f.z);
  let n000 = grad3dot(hash3i(c, seed), f);
  let n100 = grad3dot(hash3i(c + vec3i(1, 0, 0), seed), f - vec3f(1.0, 0.0, 0.0));
  let n010 = grad3dot(hash3i(c + vec3i(0, 1, 0), seed), f - vec3f(0.0, 1.0, 0.0));
  let n110 = grad3dot(hash3i(c + vec3i(1, 1, 0), seed), f - vec3f(1.0, 1.0, 0.0));
  let n001 = grad3dot(hash3i(c + vec3i(0, 0, 1), seed), f - vec3f(0.0, 0.0, 1.0));
  let n101 = grad3dot(hash3i(c + vec3i(1, 0, 1), seed), f - vec3f(1.0, 0.0, 1.0));
  let n011 = grad3dot(hash3i(c + vec3i(0, 1, 1), seed), f - vec3f(0.0, 1.0, 1.0));
  let n111 = grad3dot(hash3i(c + vec3i(1, 1, 1), seed), f - vec3f(1.0, 1.0, 1.0));
  let x0 = lerp1(lerp1(n000, n100, ux), lerp1(n010, n110, ux), uy);
  let x1 = lerp1(lerp1(n001, n101, ux), lerp1(n011, n111, ux), uy);
  return 0.9 * lerp1(x0, x1, uz);
}

// ---- simplex noise -----------------------------------------------------------------------------

fn simplex2_corner(d: vec2f, h: u32) -> f32 {
  let t = 0.5 - dot(d, d);
  if (t <= 0.0) {
    return 0.0;
  }
  let t2 = t * t;
  return t2 * t2 * grad2dot(h, d);
}

fn simplex2(p: vec2f, seed: u32) -> f32 {
  let F2 = 0.36602540378;
  let G2 = 0.21132486540;
  let s = (p.x + p.y) * F2;
  let i = floor(p + vec2f(s, s));
  let t = (i.x + i.y) * G2;
  let d0 = p - (i - vec2f(t, t));
  let o = select(vec2i(0, 1), vec2i(1, 0), d0.x > d0.y);
  let d1 = d0 - vec2f(o) + vec2f(G2, G2);
  let d2 = d0 - vec2f(1.0 - 2.0 * G2, 1.0 - 2.0 * G2);
  let c = vec2i(i);
  let n = simplex2_corner(d0, hash2i(c, seed)) + simplex2_corner(d1, hash2i(c + o, seed)) +
    simplex2_corner(d2, hash2i(c + vec2i(1, 1), seed));
  return 99.0 * n;
}

fn simplex3_corner(d: vec3f, h: u32) -> f32 {
  let t = 0.5 - dot(d, d);
  if (t <= 0.0) {
    return 0.0;
  }
  let t2 = t * t;
  return t2 * t2 * grad3dot(h, d);
}

fn simplex3(p: vec3f, seed: u32) -> f32 {
  let F3 = 1.0 / 3.0;
  let G3 = 1.0 / 6.0;
  let s = (p.x + p.y + p.z) * F3;
  let i = floor(p + vec3f(s, s, s));
  let t = (i.x + i.y + i.z) * G3;
  let d0 = p - (i - vec3f(t, t, t));
  // Rank the components of d0 to find which simplex of the cube holds p.
  let gxy = select(0, 1, d0.x >= d0.y);
  let gyz = select(0, 1, d0.y >= d0.z);
  let gxz = select(0, 1, d0.x >= d0.z);
  let o1 = vec3i(gxy & gxz, (1 - gxy) & gyz, (1 - gxz) & (1 - gyz));
  let o2 = vec3i(gxy | gxz, (1 - gxy) | gyz, (1 - gxz) | (1 - gyz));
  let d1 = d0 - vec3f(o1) + vec3f(G3, G3, G3);
  let d2 = d0 - vec3f(o2) + vec3f(2.0 * G3, 2.0 * G3, 2.0 * G3);
  let d3 = d0 - vec3f(1.0 - 3.0 * G3, 1.0 - 3.0 * G3, 1.0 - 3.0 * G3);
  let c = vec3i(i);
  let n = simplex3_corner(d0, hash3i(c, seed)) + simplex3_corner(d1, hash3i(c + o1, seed)) +
    simplex3_corner(d2, hash3i(c + o2, seed)) + simplex3_corner(d3, hash3i(c + vec3i(1, 1, 1), seed));
  return 76.0 * n;
}

// ---- cellular (Worley) noise -------------------------------------------------------------------

// Distances to the nearest (x) and second-nearest (y) feature point, one jittered point per cell,
// searched over the 3x3 neighbouring cells (F2 is therefore approximate near cell corners).
fn worley2(p: vec2f, seed: u32) -> vec2f {
  let i = floor(p);
  let f = p - i;
  let c = vec2i(i);
  var d1 = 8.0;
  var d2 = 8.0;
  for (var y = -1; y <= 1; y++) {
    for (var x = -1; x <= 1; x++) {
      let o = vec2i(x, y);
      let h = hash2i(c + o, seed);
      let pt = vec2f(o) + vec2f(unit01(h), unit01(pcg(h)));
      let d = length(pt - f);
      if (d < d1) {
        d2 = d1;
        d1 = d;
      } else if (d < d2) {
        d2 = d;
      }
    }
  }
  return vec2f(d1, d2);
}

fn worley3(p: vec3f, seed: u32) -> vec2f {
  let i = floor(p);
  let f = p - i;
  let c = vec3i(i);
  var d1 = 8.0;
  var d2 = 8.0;
  for (var z = -1; z <= 1; z++) {
    for (var y = -1; y <= 1; y++) {
      for (var x = -1; x <= 1; x++) {
        let o = vec3i(x, y, z);
        let h = hash3i(c + o, seed);
        let h2 = pcg(h);
        let pt = vec3f(o) + vec3f(unit01(h), unit01(h2), unit01(pcg(h2)));
        let d = length(pt - f);
        if (d < d1) {
          d2 = d1;
          d1 = d;
        } else if (d < d2) {
          d2 = d;
        }
      }
    }
  }
  return vec2f(d1, d2);
}

// ---- fractals ----------------------------------------------------------------------------------

const NOISE_VALUE: u32 = 0u;
const NOISE_PERLIN: u32 = 1u;
const NOISE_SIMPLEX: u32 = 2u;
const NOISE_WORLEY: u32 = 3u;

const FRACTAL_NONE: u32 = 0u;
const FRACTAL_FBM: u32 = 1u;
const FRACTAL_RIDGED: u32 = 2u;

struct NoiseSettings {
  kind: u32,
  dims: u32,
  fractal: u32,
  octaves: u32,
  seed: u32,
  lacunarity: f32,
  gain: f32,
  warp: f32,
}

// One octave of the chosen noise in about [-1, 1]. Worley maps min(F1, 1) to [-1, 1].
fn noise_base(kind: u32, dims: u32, p: vec3f, seed: u32) -> f32 {
  if (dims == 3u) {
    switch kind {
      case 0u: { return value3(p, seed); }
      case 1u: { return perlin3(p, seed); }
      case 2u: { return simplex3(p, seed); }
      default: { return min(worley3(p, seed).x, 1.0) * 2.0 - 1.0; }
    }
  }
  switch kind {
    case 0u: { return value2(p.xy, seed); }
    case 1u: { return perlin2(p.xy, seed); }
    case 2u: { return simplex2(p.xy, seed); }
    default: { return min(worley2(p.xy, seed).x, 1.0) * 2.0 - 1.0; }
  }
}

fn octave_seed(seed: u32, octave: u32) -> u32 {
  return seed + octave * 1013904223u;
}

// Fractal Brownian motion: octaves of rising frequency and falling amplitude, normalised.
fn fbm(kind: u32, dims: u32, p: vec3f, seed: u32, octaves: u32, lacunarity: f32, gain: f32) -> f32 {
  var sum = 0.0;
  var amp = 1.0;
  var norm = 0.0;
  var q = p;
  for (var o = 0u; o < octaves; o++) {
    sum += amp * noise_base(kind, dims, q, octave_seed(seed, o));
    norm += amp;
    amp *= gain;
    q *= lacunarity;
  }
  return sum / norm;
}

// Ridged multifractal: sharp creases where the noise crosses zero, each octave weighted by the
// previous one so ridges carry detail and valleys stay smooth. Result in about [-1, 1].
fn ridged(kind: u32, dims: u32, p: vec3f, seed: u32, octaves: u32, lacunarity: f32, gain: f32) -> f32 {
  var sum = 0.0;
  var amp = 1.0;
  var norm = 0.0;
  var weight = 1.0;
  var q = p;
  for (var o = 0u; o < octaves; o++) {
    var n = 1.0 - abs(noise_base(kind, dims, q, octave_seed(seed, o)));
    n = n * n * weight;
    weight = clamp(n * 2.0, 0.0, 1.0);
    sum += amp * n;
    norm += amp;
    amp *= gain;
    q *= lacunarity;
  }
  return 2.0 * sum / norm - 1.0;
}

fn fractal(s: NoiseSettings, p: vec3f, seed: u32) -> f32 {
  switch s.fractal {
    case 1u: { return fbm(s.kind, s.dims, p, seed, s.octaves, s.lacunarity, s.gain); }
    case 2u: { return ridged(s.kind, s.dims, p, seed, s.octaves, s.lacunarity, s.gain); }
    default: { return noise_base(s.kind, s.dims, p, seed); }
  }
}

// Domain warp: displace the sample point by an FBM vector field of the same noise before sampling.
fn domain_warp(s: NoiseSettings, p: vec3f) -> vec3f {
  if (s.warp == 0.0) {
    return p;
  }
  let oct = min(s.octaves, 4u);
  let wx = fbm(s.kind, s.dims, p, pcg(s.seed ^ 0x5bd1e995u), oct, s.lacunarity, s.gain);
  let wy = fbm(s.kind, s.dims, p, pcg(s.seed ^ 0x27d4eb2fu), oct, s.lacunarity, s.gain);
  var wz = 0.0;
  if (s.dims == 3u) {
    wz = fbm(s.kind, s.dims, p, pcg(s.seed ^ 0x165667b1u), oct, s.lacunarity, s.gain);
  }
  return p + s.warp * vec3f(wx, wy, wz);
}

// The full field: optional domain warp, then the fractal (or a single octave).
fn noise_field(s: NoiseSettings, p: vec3f) -> f32 {
  return fractal(s, domain_warp(s, p), s.seed);
}
