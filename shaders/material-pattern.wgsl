// material-pattern.wgsl: the pattern pass, the first pass of every material bake. Fills the FIELD
// buffer (see material-common.wgsl: x height, y cell value, z surface mask, w fine detail) from the
// material's pattern kind and its params. The kernel's code is material-noise.wgsl +
// material-common.wgsl + this file; the CPU reference is src/core/materials/bake/pattern.ts (same
// maths in the same order; change both together).
//
// One invocation per texel of a size x size tile. Texel (i, j) samples the tile at its centre
// uv = ((i + 0.5) / size, (j + 0.5) / size); every pattern is built on integer counts per tile
// (repeats, rows, cells, periods of the noise), so the tile wraps seamlessly in both directions.
//
// Params common to all patterns:
//   scale   repeats of the pattern per tile (multiplies every count below).
//   seed    every random choice (hashed with a per-use salt).
//   detail  mixes the fine detail noise (w) into the height: h += detail * 0.3 * (w - 0.5).
//   stretch anisotropy, kept tileable by rounding per-axis counts to integers: for noise-like
//           patterns a count n becomes (n / sqrt(stretch), n * sqrt(stretch)) so features grow
//           longer along x when stretch > 1; per pattern below where it means something else.
// Per-pattern meanings of density, groove, jitter and warp are documented at each pattern.

@group(0) @binding(0) var<uniform> params: MaterialUniforms;
@group(0) @binding(1) var<storage, read_write> field: array<vec4f>;

override WG_X: u32 = 8u;
override WG_Y: u32 = 8u;

// ---- helpers -------------------------------------------------------------------------------------

// Salts: one independent seed per use of randomness.
const SALT_WARP: u32 = 1u;
const SALT_BASE: u32 = 2u;
const SALT_SLOW: u32 = 3u;
const SALT_DETAIL: u32 = 4u;
const SALT_CELL: u32 = 5u;
const SALT_ROW: u32 = 6u;
const SALT_EXTRA: u32 = 7u;
const SALT_EXTRA2: u32 = 8u;
const SALT_JAG: u32 = 9u;

// Patterns beyond the list fall back to noise (the switch's default), seeds included.
const PATTERN_COUNT: u32 = 20u;

// The pattern code is part of every seed, so two patterns on the same grid do not share values.
fn pat_seed(salt: u32) -> u32 {
  let code = select(0u, params.pattern, params.pattern < PATTERN_COUNT);
  return mn_hash(salt + (code << 8u), params.seed);
}

// Round half up to an integer (WGSL's round() is half-to-even; this matches Math.floor(x + 0.5)).
fn pat_round(x: f32) -> i32 {
  return i32(floor(x + 0.5));
}

// A count of at least 1.
fn pat_count(x: f32) -> i32 {
  return max(1, pat_round(x));
}

// Counts per axis for n features per tile, stretched: longer along x when stretch > 1.
fn pat_periods(n: f32, stretch: f32) -> vec2i {
  let s = sqrt(stretch);
  return vec2i(pat_count(n / s), pat_count(n * s));
}

fn pat_wrap(c: i32, period: i32) -> i32 {
  let p = max(period, 1);
  return ((c % p) + p) % p;
}

fn pat_smooth(a: f32, b: f32, x: f32) -> f32 {
  let t = clamp((x - a) / (b - a), 0.0, 1.0);
  return t * t * (3.0 - 2.0 * t);
}

// Surface mask from the distance e to a cell's edge (in cell units) and the groove share g of a cell
// (the full groove is g wide, g / 2 on each side of the edge). g = 0: no groove.
fn pat_groove(e: f32, g: f32) -> f32 {
  if (g <= 0.0) {
    return 1.0;
  }
  let half = 0.5 * g;
  return pat_smooth(half * 0.5, half * 1.5 + 0.004, e);
}

// Bevel 0..1 rising over width w from the groove's edge into the surface.
fn pat_bevel(e: f32, g: f32, w: f32) -> f32 {
  let half = 0.5 * g;
  return pat_smooth(half, half + w, e);
}

// Smooth periodic wave with period 1: 1 at integers, 0 at half-integers (a smoothed triangle, so no
// transcendental functions and no f32/f64 drift between the GPU and the reference).
fn pat_wave(t: f32) -> f32 {
  let x = abs(2.0 * (t - floor(t)) - 1.0);
  return x * x * (3.0 - 2.0 * x);
}

// Fine detail noise in [0, 1] at `periods` cells per tile.
fn pat_detail(uv: vec2f, periods: vec2i) -> f32 {
  let n = mn_fbm(uv * vec2f(periods), periods, 3u, 0.5, pat_seed(SALT_DETAIL));
  return clamp(0.5 + 0.55 * n, 0.0, 1.0);
}

// Slow noise in [0, 1] for patterns without cells.
fn pat_slow(uv: vec2f, periods: vec2i) -> f32 {
  let n = mn_fbm(uv * vec2f(periods), periods, 3u, 0.5, pat_seed(SALT_SLOW));
  return clamp(0.5 + 0.7 * n, 0.0, 1.0);
}

// Domain warp of q (in cells, periods cells per tile) by strength cells.
fn pat_warp(q: vec2f, periods: vec2i, strength: f32) -> vec2f {
  if (strength <= 0.0) {
    return q;
  }
  return mn_warp(q, periods, strength, pat_seed(SALT_WARP));
}

fn pat_default_detail(uv: vec2f, s: f32) -> f32 {
  return pat_detail(uv, pat_periods(s * 8.0, params.stretch));
}

// ---- 0 noise: FBM clouds ---------------------------------------------------------------------------
// density: base features per tile (scale * (1 + 3 density)); jitter: roughness (FBM gain 0.35..0.7);
// warp: domain warp up to 0.75 features; groove: pits where the noise is lowest (mask 0 there).
fn pat_noise(uv: vec2f, s: f32) -> vec4f {
  let per = pat_periods(s * (1.0 + 3.0 * params.density), params.stretch);
  let q = pat_warp(uv * vec2f(per), per, params.warp * 0.75);
  let gain = 0.35 + 0.35 * params.jitter;
  let n = clamp(0.5 + 0.6 * mn_fbm(q, per, 5u, gain, pat_seed(SALT_BASE)), 0.0, 1.0);
  var mask = 1.0;
  if (params.groove > 0.0) {
    let g = params.groove * 0.8;
    mask = pat_smooth(g, g + 0.06, n);
  }
  let h = n * (0.5 + 0.5 * mask);
  let cell = pat_slow(uv, per);
  return vec4f(h, cell, mask, pat_default_detail(uv, s));
}

// ---- 1 grain: wood grain ---------------------------------------------------------------------------
// Growth rings as lines along x, warped. density: rings per tile (scale * (4 + 20 density));
// warp: ring waviness (0.02 + 0.12 warp of the ring count, in rings: high warp swirls into knots);
// jitter: irregular ring spacing; groove: the late-wood lines cut in as grooves (mask 0);
// stretch: elongation of the waves along x.
fn pat_grain(uv: vec2f, s: f32) -> vec4f {
  let rings = pat_count(s * (4.0 + 20.0 * params.density));
  let per = pat_periods(s * 2.0, params.stretch);
  let amp = f32(rings) * (0.02 + 0.12 * params.warp);
  var r = uv.y * f32(rings) + amp * mn_fbm(uv * vec2f(per), per, 2u, 0.5, pat_seed(SALT_BASE));
  let jper = vec2i(per.x, rings);
  r += params.jitter * 0.35 * mn_gradient(uv * vec2f(jper), jper, pat_seed(SALT_EXTRA));
  let t = r - floor(r);
  // Early wood rises slowly, late wood is the sharp line where the ring ends.
  let late = pat_smooth(0.55, 0.97, t);
  let line = min(t, 1.0 - t) * 4.0;
  let mask = pat_groove(line, params.groove);
  let fper = vec2i(pat_count(s * 2.0 / params.stretch), pat_count(s * 96.0));
  let fibre = mn_value(uv * vec2f(fper), fper, pat_seed(SALT_EXTRA2));
  let h = (0.45 + 0.3 * late + 0.15 * fibre) * (0.4 + 0.6 * mask);
  let ring = mn_unit(mn_hash(u32(pat_wrap(i32(floor(r)), rings)), pat_seed(SALT_CELL)));
  let cell = 0.5 * ring + 0.5 * pat_slow(uv, per);
  let w = pat_detail(uv, vec2i(pat_count(s * 4.0), pat_count(s * 48.0)));
  return vec4f(h, cell, mask, w);
}

// ---- 2 planks: boards with grain, staggered ends ---------------------------------------------------
// Rows of boards along x. density: boards across the tile (2 * round(scale * (1 + 3 density)));
// stretch: board length, about 6 * stretch board widths; jitter: random stagger of the ends (0: every
// other row offset by half a board) and per-board height; groove: the gap between boards;
// warp: waviness of the grain inside each board.
fn pat_planks(uv: vec2f, s: f32) -> vec4f {
  let rows = 2 * pat_count(s * (1.0 + 3.0 * params.density));
  let boards = pat_count(f32(rows) / (6.0 * params.stretch));
  let y = uv.y * f32(rows);
  let row = i32(floor(y));
  let ly = y - floor(y);
  let rw = pat_wrap(row, rows);
  let rowRand = mn_unit(mn_hash(u32(rw), pat_seed(SALT_ROW)));
  let shift = 0.5 * f32(rw & 1) + params.jitter * rowRand;
  let offset = shift - floor(shift);
  let x = uv.x * f32(boards) + offset;
  let col = i32(floor(x));
  let lx = x - floor(x);
  let id = mn_cell(vec2i(col, row), vec2i(boards, rows), pat_seed(SALT_CELL));
  let board = mn_unit(id);
  let ey = min(ly, 1.0 - ly);
  let ex = min(lx, 1.0 - lx) * f32(rows) / f32(boards);
  let e = min(ex, ey);
  let mask = pat_groove(e, params.groove);
  let bevel = pat_bevel(e, params.groove, 0.12);
  // Grain: about four lines per board width, warped, with a per-board seed and phase.
  let per = vec2i(pat_count(s * 2.0), rows * 2);
  let gseed = mn_hash(id, pat_seed(SALT_BASE));
  let r = y * 4.0 + board * 7.0 + (0.6 + 2.4 * params.warp) * mn_fbm(uv * vec2f(per), per, 3u, 0.5, gseed);
  let t = r - floor(r);
  let late = pat_smooth(0.55, 0.97, t);
  let surface = 0.55 + 0.2 * bevel + 0.12 * late + 0.12 * params.jitter * (board - 0.5);
  let h = mix(0.05, surface, mask);
  let w = pat_detail(uv, vec2i(pat_count(s * 4.0), rows * 12));
  return vec4f(h, board, mask, w);
}

// ---- 3 brick: running bond -------------------------------------------------------------------------
// density: rows per tile (2 * round(scale * (0.5 + density)), even for the bond); stretch: brick
// length (about 2 * stretch brick heights); groove: mortar width; jitter: random shift of each
// row's bond, per-brick size and height; warp: bent courses (up to 0.15 brick).
fn pat_brick(uv: vec2f, s: f32) -> vec4f {
  let rows = 2 * pat_count(s * (0.5 + params.density));
  let cols = pat_count(f32(rows) / (2.0 * params.stretch));
  let per = vec2i(cols, rows);
  let q = pat_warp(uv * vec2f(per), per, params.warp * 0.15);
  let row = i32(floor(q.y));
  let ly = q.y - floor(q.y);
  let rw = pat_wrap(row, rows);
  let rowRand = mn_unit(mn_hash(u32(rw), pat_seed(SALT_ROW)));
  let x = q.x + 0.5 * f32(rw & 1) + params.jitter * 0.2 * (rowRand - 0.5);
  let col = i32(floor(x));
  let lx = x - floor(x);
  let id = mn_cell(vec2i(col, row), per, pat_seed(SALT_CELL));
  let brick = mn_unit(id);
  let inset = params.jitter * 0.06 * mn_unit(mn_pcg(id));
  let ey = min(ly, 1.0 - ly);
  let ex = min(lx, 1.0 - lx) * f32(rows) / f32(cols);
  let e = min(ex, ey) - inset;
  let mask = pat_groove(e, params.groove);
  let bevel = pat_bevel(e, params.groove, 0.15);
  let w = pat_default_detail(uv, s);
  let chips = mn_fbm(q * 2.0, per * 2, 2u, 0.5, pat_seed(SALT_BASE));
  let surface = 0.62 + 0.2 * bevel + 0.1 * params.jitter * (brick - 0.5) + 0.08 * chips;
  let mortar = 0.1 + 0.15 * w;
  let h = mix(mortar, surface, mask);
  return vec4f(h, brick, mask, w);
}

// ---- 4 tiles: square tiles with grout --------------------------------------------------------------
// density: tiles per side (scale * (1 + 3 density)); stretch: tile aspect (rounded counts per axis);
// groove: grout width; jitter: per-tile tilt, height and size; warp: wobbly grout lines.
fn pat_tiles(uv: vec2f, s: f32) -> vec4f {
  let per = pat_periods(s * (1.0 + 3.0 * params.density), params.stretch);
  let q = pat_warp(uv * vec2f(per), per, params.warp * 0.1);
  let c = vec2i(floor(q));
  let l = q - floor(q);
  let id = mn_cell(c, per, pat_seed(SALT_CELL));
  let tile = mn_unit(id);
  let a = mn_pcg(id);
  let b = mn_pcg(a);
  let inset = params.jitter * 0.05 * mn_unit(b);
  let big = f32(max(per.x, per.y));
  let ex = min(l.x, 1.0 - l.x) / f32(per.x);
  let ey = min(l.y, 1.0 - l.y) / f32(per.y);
  let e = min(ex, ey) * big - inset;
  let mask = pat_groove(e, params.groove);
  let bevel = pat_bevel(e, params.groove, 0.08);
  let tilt = (mn_unit(a) - 0.5) * (l.x - 0.5) + (mn_unit(b) - 0.5) * (l.y - 0.5);
  let surface = 0.72 + 0.18 * bevel + params.jitter * (0.2 * tilt + 0.08 * (tile - 0.5));
  let w = pat_default_detail(uv, s);
  let h = mix(0.08 + 0.12 * w, surface, mask);
  return vec4f(h, tile, mask, w);
}

// ---- 5 hex: hexagonal tiles ------------------------------------------------------------------------
// Rows of hexagons, every other row offset by half. density: hexagons across (scale * (1 + 3
// density)); stretch: rows per tile relative to a regular hexagon (> 1 flattens them); groove: grout;
// jitter: per-tile height and tilt; warp: wobbly grout.
fn pat_hex(uv: vec2f, s: f32) -> vec4f {
  let cols = pat_count(s * (1.0 + 3.0 * params.density));
  let rows = 2 * pat_count(f32(cols) * 0.57735027 * params.stretch);
  let per = vec2i(cols, rows);
  let q = pat_warp(uv * vec2f(per), per, params.warp * 0.1);
  // Ideal hexagon space: column width 1, row height sqrt(3) / 2.
  let k = 0.8660254;
  let row0 = i32(floor(q.y));
  var best = 1e9;
  var bc = vec2i(0, 0);
  var bp = vec2f(0.0, 0.0);
  for (var dr = -1; dr <= 1; dr++) {
    let r = row0 + dr;
    let shift = 0.5 * f32(r & 1);
    let c0 = i32(floor(q.x - shift));
    for (var dc = -1; dc <= 1; dc++) {
      let c = c0 + dc;
      // Squared distance with k^2 = 0.75 applied last: exact for unwarped samples, so ties between
      // two centres resolve the same way here and in the f64 reference.
      let dx = f32(c) + 0.5 + shift - q.x;
      let dy = f32(r) + 0.5 - q.y;
      let dd = dx * dx + 0.75 * (dy * dy);
      if (dd < best) {
        best = dd;
        bc = vec2i(c, r);
        bp = vec2f(dx, dy * k);
      }
    }
  }
  var e = 1e9;
  for (var dr = -1; dr <= 1; dr++) {
    let r = bc.y + dr;
    let shift = 0.5 * f32(r & 1);
    let c0 = i32(floor(f32(bc.x) + 0.5 + 0.5 * f32(bc.y & 1) - shift));
    for (var dc = -1; dc <= 1; dc++) {
      let c = c0 + dc;
      if (c == bc.x && r == bc.y) {
        continue;
      }
      let d = vec2f(f32(c) + 0.5 + shift - q.x, (f32(r) + 0.5 - q.y) * k);
      let delta = d - bp;
      let len = sqrt(dot(delta, delta));
      e = min(e, dot(0.5 * (d + bp), delta) / len);
    }
  }
  let id = mn_cell(bc, per, pat_seed(SALT_CELL));
  let tile = mn_unit(id);
  let a = mn_pcg(id);
  let mask = pat_groove(e, params.groove);
  let bevel = pat_bevel(e, params.groove, 0.08);
  let tilt = (mn_unit(a) - 0.5) * bp.x + (mn_unit(mn_pcg(a)) - 0.5) * bp.y;
  let surface = 0.72 + 0.18 * bevel + params.jitter * (0.2 * tilt + 0.08 * (tile - 0.5));
  let w = pat_default_detail(uv, s);
  let h = mix(0.08 + 0.12 * w, surface, mask);
  return vec4f(h, tile, mask, w);
}

// ---- 6 voronoi: irregular cells (cobbles, flagstones) ---------------------------------------------
// density: cells per side (scale * (2 + 6 density)); jitter: cell irregularity (0: a square grid);
// groove: gap between cells; warp: wobbly borders.
fn pat_voronoi(uv: vec2f, s: f32) -> vec4f {
  let per = pat_periods(s * (2.0 + 6.0 * params.density), params.stretch);
  let q = pat_warp(uv * vec2f(per), per, params.warp * 0.35);
  let v = mn_worley(q, per, params.jitter, pat_seed(SALT_CELL));
  let mask = pat_groove(v.edge, params.groove);
  let t = clamp((v.edge - 0.5 * params.groove) / 0.35, 0.0, 1.0);
  let dome = 1.0 - (1.0 - t) * (1.0 - t);
  let w = pat_default_detail(uv, s);
  let surface = 0.45 + 0.4 * dome + 0.15 * (v.rand - 0.5);
  let h = mix(0.06 + 0.12 * w, surface, mask);
  return vec4f(h, v.rand, mask, w);
}

// ---- 7 cracks: dried mud, lava crust --------------------------------------------------------------
// Plates between cracks that follow warped cell borders, with finer cracks half as wide.
// density: plates per side (scale * (1 + 4 density)); groove: crack width (0.01 + 0.5 groove of a
// plate); jitter: how many fine cracks split the plates; warp: bend of the plates' sides (0.1 + 0.4
// warp) with a fixed small-scale jag.
fn pat_cracks(uv: vec2f, s: f32) -> vec4f {
  let per = pat_periods(s * (1.0 + 4.0 * params.density), params.stretch);
  let bent = pat_warp(uv * vec2f(per), per, 0.1 + 0.4 * params.warp);
  let per4 = per * 4;
  let q = mn_warp(bent * 4.0, per4, 0.2 + 0.2 * params.warp, pat_seed(SALT_JAG)) * 0.25;
  let v = mn_worley(q, per, 0.9, pat_seed(SALT_CELL));
  let width = 0.01 + 0.5 * params.groove;
  let major = pat_groove(v.edge, width);
  let v2 = mn_worley(q * 2.0, per * 2, 0.9, pat_seed(SALT_EXTRA));
  let gate = pat_smooth(0.45, 0.55, mn_value(q * 2.0, per * 2, pat_seed(SALT_EXTRA2)) + 0.5 - params.jitter);
  let fine = max(pat_groove(v2.edge, width * 0.5), gate);
  let mask = min(major, fine);
  let e = min(v.edge, v2.edge * 0.5 + gate);
  let curl = 1.0 - pat_smooth(0.5 * width, 0.5 * width + 0.12, e);
  let w = pat_default_detail(uv, s);
  let plate = 0.6 + 0.22 * curl + 0.12 * (v.rand - 0.5) + 0.06 * (w - 0.5);
  let h = mix(0.04 + 0.08 * w, plate, mask);
  return vec4f(h, v.rand, mask, w);
}

// ---- 8 weave: over-under threads ------------------------------------------------------------------
// Plain weave: weft threads along x, warp threads along y, crossing over and under each other.
// density: threads per side (2 * round(scale * (1 + 3 density)), even: the over-under repeat is 2);
// stretch: thread count ratio between the axes (rounded, even);
// groove: gap between threads; jitter: per-thread offset and thickness; warp: cloth distortion.
// The cell value is per thread: weft threads in [0, 0.5), warp threads in [0.5, 1).
fn pat_weave(uv: vec2f, s: f32) -> vec4f {
  let per = pat_periods(s * (1.0 + 3.0 * params.density), params.stretch) * 2;
  let q = pat_warp(uv * vec2f(per), per, params.warp * 0.3);
  let c = vec2i(floor(q));
  let l = q - floor(q);
  let rowId = mn_hash(u32(pat_wrap(c.y, per.y)), pat_seed(SALT_ROW));
  let colId = mn_hash(u32(pat_wrap(c.x, per.x)), pat_seed(SALT_CELL));
  let half = 0.5 * (1.0 - params.groove);
  let oy = params.jitter * 0.12 * (mn_unit(rowId) - 0.5);
  let ox = params.jitter * 0.12 * (mn_unit(colId) - 0.5);
  let tw = half * (1.0 - params.jitter * 0.3 * mn_unit(mn_pcg(rowId)));
  let tv = half * (1.0 - params.jitter * 0.3 * mn_unit(mn_pcg(colId)));
  let ay = (l.y - 0.5 - oy) / tw;
  let ax = (l.x - 0.5 - ox) / tv;
  let pw = sqrt(max(0.0, 1.0 - ay * ay));
  let pv = sqrt(max(0.0, 1.0 - ax * ax));
  let over = select(-1.0, 1.0, ((c.x + c.y) & 1) == 0);
  let archX = 4.0 * l.x * (1.0 - l.x);
  let archY = 4.0 * l.y * (1.0 - l.y);
  let hw = pw * (0.55 + 0.3 * over * archX);
  let hv = pv * (0.55 - 0.3 * over * archY);
  let h = max(hw, hv);
  let mask = pat_smooth(0.0, 0.25, max(pw, pv));
  let cell = select(0.5 + 0.5 * mn_unit(colId), 0.5 * mn_unit(rowId), hw >= hv);
  let along = select(vec2i(per.x, per.y * 4), vec2i(per.x * 4, per.y), hw < hv);
  let w = pat_detail(uv, along);
  return vec4f(h, cell, mask, w);
}

// ---- 9 scales: overlapping rounded scales ---------------------------------------------------------
// Rows of round scales, every other row offset by half; each row lies over the one below it, so
// only the lower rim of each scale shows. density: scales across (scale * (2 + 6 density));
// stretch: rows relative to columns; groove: the gap at each scale's rim; jitter: per-scale size
// and height; warp: distortion.
fn pat_scales(uv: vec2f, s: f32) -> vec4f {
  let cols = pat_count(s * (2.0 + 6.0 * params.density));
  let rows = 2 * pat_count(f32(cols) * params.stretch);
  let per = vec2i(cols, rows);
  let q = pat_warp(uv * vec2f(per), per, params.warp * 0.2);
  // Ideal space: column width 1, row height 0.5; a scale is a disc of radius 0.62 at its row's top.
  let row0 = i32(floor(q.y));
  var found = false;
  var id = 0u;
  var dist = 0.0;
  var radius = 0.62;
  var below = 0.0;
  for (var dr = -1; dr <= 2; dr++) {
    let r = row0 + dr;
    let shift = 0.5 * f32(r & 1);
    let c0 = i32(floor(q.x - shift));
    for (var dc = -1; dc <= 1; dc++) {
      if (found) {
        continue;
      }
      let c = c0 + dc;
      let h = mn_cell(vec2i(c, r), per, pat_seed(SALT_CELL));
      let rad = 0.62 * (1.0 - params.jitter * 0.12 * mn_unit(mn_pcg(h)));
      let d = vec2f(q.x - (f32(c) + 0.5 + shift), (q.y - f32(r)) * 0.5);
      let len = sqrt(dot(d, d));
      if (len < rad) {
        found = true;
        id = h;
        dist = len;
        radius = rad;
        below = d.y;
      }
    }
  }
  let rand = mn_unit(id);
  let e = (radius - dist) / (2.0 * radius);
  let mask = pat_groove(e, params.groove);
  let rim = pat_bevel(e, params.groove, 0.06);
  let slope = clamp(below / radius, 0.0, 1.0);
  let surface = (0.3 + 0.55 * slope) * (0.75 + 0.25 * rim) + 0.1 * params.jitter * (rand - 0.5);
  let w = pat_default_detail(uv, s);
  let h = mix(0.05, surface + 0.1, mask);
  return vec4f(h, rand, mask, w);
}

// ---- 10 ripples: water, sand dunes ----------------------------------------------------------------
// Warped bands along x. density: bands per tile (scale * (2 + 14 density)); warp: band waviness
// (0.15 + 1.5 warp bands); jitter: choppiness (a second, diagonal set of ripples mixed in);
// groove: troughs below groove become grooves (mask 0).
fn pat_ripples(uv: vec2f, s: f32) -> vec4f {
  let bands = pat_count(s * (2.0 + 14.0 * params.density));
  let per = pat_periods(s * 2.0, params.stretch);
  let amp = 0.15 + 1.5 * params.warp;
  let r = uv.y * f32(bands) + amp * mn_fbm(uv * vec2f(per), per, 3u, 0.5, pat_seed(SALT_BASE));
  let wave1 = pat_wave(r);
  let b2 = pat_count(f32(bands) * 0.7);
  let per2 = per * 2;
  let r2 = (uv.x + uv.y) * f32(b2) + amp * mn_fbm(uv * vec2f(per2), per2, 2u, 0.5, pat_seed(SALT_EXTRA));
  let wave2 = pat_wave(r2);
  let n = mix(wave1, 0.6 * wave1 + 0.4 * wave2, params.jitter);
  var mask = 1.0;
  if (params.groove > 0.0) {
    mask = pat_smooth(params.groove, params.groove + 0.1, n);
  }
  let w = pat_default_detail(uv, s);
  let h = 0.1 + 0.8 * n;
  return vec4f(h, pat_slow(uv, per), mask, w);
}

// ---- 11 marble: turbulent veins -------------------------------------------------------------------
// Diagonal veins bent by smooth noise and turbulence, fading in and out along their length.
// density: vein families per tile (scale * (1 + 2 density)); warp: bend (0.5 + 2.5 warp veins);
// groove: vein width (the veins are the mask's 0, so the groove colour paints them); jitter: amount
// of finer secondary veins across them.
fn pat_marble(uv: vec2f, s: f32) -> vec4f {
  let k = pat_count(s * (1.0 + 2.0 * params.density));
  let per = pat_periods(s * 2.0, params.stretch);
  let per2 = per * 2;
  let bend = mn_fbm(uv * vec2f(per), per, 3u, 0.5, pat_seed(SALT_BASE));
  let turb = mn_turbulence(uv * vec2f(per2), per2, 4u, 0.5, pat_seed(SALT_EXTRA));
  let r = (uv.x + uv.y) * f32(k) + (0.5 + 2.5 * params.warp) * bend + (0.2 + 0.4 * params.warp) * turb;
  let width = 0.06 + 0.4 * params.groove;
  let fade = pat_smooth(0.25, 0.65, mn_fbm_value(uv * vec2f(per), per, 2u, 0.5, pat_seed(SALT_EXTRA2)));
  let vein = pat_smooth(1.0 - width, 1.0, pat_wave(r)) * (0.35 + 0.65 * fade);
  let r2 = (uv.x - uv.y) * f32(k * 2) + 2.0 * bend + 1.5 * turb;
  let vein2 = params.jitter * pat_smooth(1.0 - width * 0.4, 1.0, pat_wave(r2)) * (1.0 - fade);
  let v = max(vein, vein2 * 0.8);
  let mask = 1.0 - v;
  let w = pat_default_detail(uv, s);
  let h = 0.85 - 0.15 * v;
  return vec4f(h, pat_slow(uv, per), mask, w);
}

// ---- 12 brushed: brushed metal ---------------------------------------------------------------------
// Fine streaks along x. density: streaks per tile (scale * (32 + 96 density)); stretch: streak
// length (about 24 * stretch streak widths); jitter: sparse long scratches; groove: the scratches
// cut in (mask 0); warp: streaks bend.
fn pat_brushed(uv: vec2f, s: f32) -> vec4f {
  let ny = pat_count(s * (32.0 + 96.0 * params.density));
  let nx = pat_count(f32(ny) / (24.0 * params.stretch));
  let per = vec2i(nx, ny);
  var q = uv * vec2f(per);
  if (params.warp > 0.0) {
    q.y += params.warp * f32(ny) * 0.03 * mn_gradient(uv * 2.0, vec2i(2, 2), pat_seed(SALT_WARP));
  }
  let s1 = mn_value(q, per, pat_seed(SALT_BASE));
  let s2 = mn_value(q * 2.0, per * 2, pat_seed(SALT_EXTRA));
  let s3 = mn_value(q * 4.0, per * 4, pat_seed(SALT_EXTRA2));
  let streak = (s1 + 0.6 * s2 + 0.35 * s3) / 1.95;
  let sper = vec2i(max(1, nx / 2), ny * 2);
  let sc = params.jitter * pat_smooth(0.82, 0.95, mn_value(uv * vec2f(sper), sper, pat_seed(SALT_ROW)));
  let mask = 1.0 - sc * clamp(params.groove * 4.0, 0.0, 1.0);
  let h = 0.5 + 0.35 * (streak - 0.5) - 0.3 * sc;
  let w = pat_detail(uv, vec2i(max(1, nx * 2), ny * 4));
  return vec4f(h, pat_slow(uv, vec2i(pat_count(s), pat_count(s))), mask, w);
}

// ---- 13 circuit: traces and pads -------------------------------------------------------------------
// A grid of cells; each cell links to its right and lower neighbours at random with traces; cells at
// the end of a trace (and some lone cells) carry a pad with a via hole. Traces and pads are the
// surface (mask 1), the board between them and the vias are grooves (mask 0).
// density: grid cells per side (scale * (3 + 9 density)); groove: trace width (0.05 + 0.25 groove
// of a cell, half on each side); jitter: fewer links (0.75 - 0.45 jitter chance each); warp: wobble.
fn pat_link(c: vec2i, per: vec2i, salt: u32) -> bool {
  return mn_unit(mn_cell(c, per, pat_seed(salt))) < 0.75 - 0.45 * params.jitter;
}

fn pat_segment(l: vec2f, toward: vec2f) -> f32 {
  // Distance from l to the segment from the cell centre (0.5, 0.5) to the centre + toward.
  let a = l - vec2f(0.5, 0.5);
  let t = clamp(dot(a, toward) / dot(toward, toward), 0.0, 1.0);
  let d = a - toward * t;
  return sqrt(dot(d, d));
}

fn pat_circuit(uv: vec2f, s: f32) -> vec4f {
  let per = pat_periods(s * (3.0 + 9.0 * params.density), params.stretch);
  let q = pat_warp(uv * vec2f(per), per, params.warp * 0.2);
  let c = vec2i(floor(q));
  let l = q - floor(q);
  let right = pat_link(c, per, SALT_BASE);
  let left = pat_link(c - vec2i(1, 0), per, SALT_BASE);
  let down = pat_link(c, per, SALT_EXTRA);
  let up = pat_link(c - vec2i(0, 1), per, SALT_EXTRA);
  var d = 1e9;
  if (right) {
    d = min(d, pat_segment(l, vec2f(0.5, 0.0)));
  }
  if (left) {
    d = min(d, pat_segment(l, vec2f(-0.5, 0.0)));
  }
  if (down) {
    d = min(d, pat_segment(l, vec2f(0.0, 0.5)));
  }
  if (up) {
    d = min(d, pat_segment(l, vec2f(0.0, -0.5)));
  }
  let links = i32(right) + i32(left) + i32(down) + i32(up);
  let id = mn_cell(c, per, pat_seed(SALT_CELL));
  let rand = mn_unit(id);
  let hasPad = links == 1 || (links == 0 && rand < 0.35);
  let half = 0.5 * (0.05 + 0.25 * params.groove);
  let trace = 1.0 - pat_smooth(half, half + 0.03, d);
  var pad = 0.0;
  var via = 0.0;
  if (hasPad) {
    let rp = 0.2 + 0.1 * mn_unit(mn_pcg(id));
    let a = l - vec2f(0.5, 0.5);
    let dp = sqrt(dot(a, a));
    pad = 1.0 - pat_smooth(rp, rp + 0.03, dp);
    via = 1.0 - pat_smooth(rp * 0.4, rp * 0.4 + 0.03, dp);
  }
  let metal = max(trace, pad);
  let mask = metal * (1.0 - via);
  let w = pat_default_detail(uv, s);
  let h = 0.3 + 0.05 * w + 0.45 * trace + 0.55 * (pad - trace * pad) - 0.3 * via;
  return vec4f(clamp(h, 0.0, 1.0), rand, mask, w);
}

// ---- 14 dots: studs or perforations ----------------------------------------------------------------
// Round dots on a grid (scale * 4 per side, stretched by rounded counts). density: dot radius
// (0.12 + 0.3 density of the spacing); groove: 0 raised studs, 0.25 flush discs, 0.5 holes (the dot
// is a groove, mask 0, once it sinks); jitter: random position and size; warp: distortion.
fn pat_dots(uv: vec2f, s: f32) -> vec4f {
  let per = pat_periods(s * 4.0, params.stretch);
  let q = pat_warp(uv * vec2f(per), per, params.warp * 0.2);
  let c = vec2i(floor(q));
  let id = mn_cell(c, per, pat_seed(SALT_CELL));
  let a = mn_pcg(id);
  let b = mn_pcg(a);
  let radius = (0.12 + 0.3 * params.density) * (1.0 - 0.3 * params.jitter * mn_unit(id));
  let room = max(0.0, 0.5 - radius);
  let off = params.jitter * room * vec2f(mn_unit(a) - 0.5, mn_unit(b) - 0.5) * 2.0;
  let l = q - floor(q) - vec2f(0.5, 0.5) - off;
  // Distances in units of the smaller spacing, so dots stay round in stretched grids.
  let big = f32(max(per.x, per.y));
  let dx = l.x / f32(per.x) * big;
  let dy = l.y / f32(per.y) * big;
  let dist = sqrt(dx * dx + dy * dy);
  let inside = 1.0 - pat_smooth(radius - 0.02, radius + 0.02, dist);
  let t = clamp(dist / radius, 0.0, 1.0);
  let dome = sqrt(1.0 - t * t);
  let amp = 0.5 - 2.0 * params.groove;
  let w = pat_default_detail(uv, s);
  let base = 0.5;
  let h = base + inside * amp * mix(1.0, dome, 0.6);
  let mask = 1.0 - inside * pat_smooth(0.0, 0.3, -amp);
  return vec4f(h, mn_unit(id), mask, w);
}

// ---- 15 herringbone: zig-zag boards ----------------------------------------------------------------
// Boards 1 wide and k long (k = max(2, round(2 * stretch))), alternately horizontal and vertical;
// the pattern's lattice is generated by (1, 1) and (k, -k) board widths, so a tile 2 k m widths
// across wraps. density: m = scale * (0.5 + density) rounded; groove: gap between boards; jitter:
// per-board height; warp: distortion.
fn pat_herringbone(uv: vec2f, s: f32) -> vec4f {
  let k = clamp(pat_round(2.0 * params.stretch), 2, 16);
  let m = pat_count(s * (0.5 + params.density));
  let side = 2 * k * m;
  let per = vec2i(side, side);
  let p = pat_warp(uv * f32(side), per, params.warp * 0.3);
  let b0 = i32(floor((p.x - p.y) / f32(2 * k)));
  var vertical = false;
  var found = false;
  var origin = vec2i(0, 0);
  var along = 0.5;
  var across = 0.5;
  for (var db = -1; db <= 1; db++) {
    let b = b0 + db;
    // Horizontal board: [0, k) x [0, 1) from its origin.
    let ah = i32(floor(p.y)) + b * k;
    let oh = vec2i(ah + b * k, ah - b * k);
    let hx = p.x - f32(oh.x);
    let hy = p.y - f32(oh.y);
    if (!found && hx >= 0.0 && hx < f32(k)) {
      found = true;
      origin = oh;
      along = hx / f32(k);
      across = hy;
    }
    // Vertical board: [0, 1) x [1, k + 1) from its origin.
    let av = i32(floor(p.x)) - b * k;
    let ov = vec2i(av + b * k, av - b * k);
    let vx = p.x - f32(ov.x);
    let vy = p.y - f32(ov.y);
    if (!found && vy >= 1.0 && vy < f32(k + 1)) {
      found = true;
      vertical = true;
      origin = ov;
      along = (vy - 1.0) / f32(k);
      across = vx;
    }
  }
  // Board id from its doubled centre, wrapped to the tile.
  var centre = vec2i(origin.x * 2 + k, origin.y * 2 + 1);
  if (vertical) {
    centre = vec2i(origin.x * 2 + 1, origin.y * 2 + 2 + k);
  }
  let id = mn_cell(centre, per * 2, pat_seed(SALT_CELL) ^ select(0u, 0x68e31da4u, vertical));
  let board = mn_unit(id);
  let e = min(min(across, 1.0 - across), min(along, 1.0 - along) * f32(k));
  let mask = pat_groove(e, params.groove);
  let bevel = pat_bevel(e, params.groove, 0.12);
  var fper = vec2i(m * k, side * 6);
  if (vertical) {
    fper = vec2i(side * 6, m * k);
  }
  let fibre = mn_value(uv * vec2f(fper), fper, pat_seed(SALT_BASE) ^ id);
  let surface = 0.6 + 0.18 * bevel + 0.12 * fibre + 0.14 * params.jitter * (board - 0.5);
  let w = pat_default_detail(uv, s);
  let h = mix(0.06 + 0.1 * w, surface, mask);
  return vec4f(h, board, mask, w);
}

// ---- 16 speckle: granite, terrazzo -----------------------------------------------------------------
// Two layers of chips (worley cells, about 40% of them filled) over a slow background. density:
// chips per side (scale * (6 + 18 density), the small layer three times finer); jitter: chip shape
// irregularity; groove: share of chips that are pits (mask 0); warp: distortion. The cell value is
// the chip's random value (the background's slow noise elsewhere).
fn pat_speckle(uv: vec2f, s: f32) -> vec4f {
  let per = pat_periods(s * (6.0 + 18.0 * params.density), params.stretch);
  let q = pat_warp(uv * vec2f(per), per, params.warp * 0.3);
  let jit = 0.5 + 0.5 * params.jitter;
  let v1 = mn_worley(q, per, jit, pat_seed(SALT_CELL));
  let r1 = 0.22 + 0.25 * mn_unit(mn_pcg(v1.id));
  let on1 = select(0.0, 1.0, mn_unit(mn_pcg(mn_pcg(v1.id))) < 0.4);
  let chip1 = on1 * (1.0 - pat_smooth(r1 - 0.04, r1 + 0.04, v1.f1));
  let per3 = per * 3;
  let v2 = mn_worley(q * 3.0, per3, jit, pat_seed(SALT_EXTRA));
  let r2 = 0.2 + 0.2 * mn_unit(mn_pcg(v2.id));
  let on2 = select(0.0, 1.0, mn_unit(mn_pcg(mn_pcg(v2.id))) < 0.4);
  let chip2 = on2 * (1.0 - pat_smooth(r2 - 0.05, r2 + 0.05, v2.f1));
  let slow = pat_slow(uv, pat_periods(s * 2.0, params.stretch));
  var cell = slow;
  var id = 0u;
  var chip = 0.0;
  if (chip2 > 0.5) {
    cell = v2.rand;
    id = v2.id;
    chip = chip2;
  }
  if (chip1 > 0.5) {
    cell = v1.rand;
    id = v1.id;
    chip = chip1;
  }
  let pit = select(0.0, chip, chip > 0.0 && mn_unit(mn_hash(id, pat_seed(SALT_ROW))) < params.groove);
  let mask = 1.0 - pit;
  let w = pat_default_detail(uv, s);
  let h = 0.6 + 0.1 * (slow - 0.5) + 0.08 * max(chip1, chip2) - 0.45 * pit;
  return vec4f(h, cell, mask, w);
}

// ---- 17 bark: vertical ridged furrows --------------------------------------------------------------
// Tall plates (worley cells 5 times taller than wide at stretch 1) with fibrous ridges, split by
// furrows. density: plates across (scale * (3 + 9 density)); stretch: plate height (rows = cols *
// stretch / 5, so > 5 gives wide plates); groove: furrow width and depth; jitter: plate
// irregularity; warp: furrow wander (0.15 + 0.6 warp plates).
fn pat_bark(uv: vec2f, s: f32) -> vec4f {
  let nx = pat_count(s * (3.0 + 9.0 * params.density));
  let ny = pat_count(f32(nx) * params.stretch * 0.2);
  let per = vec2i(nx, ny);
  let q = pat_warp(uv * vec2f(per), per, 0.15 + 0.6 * params.warp);
  let v = mn_worley(q, per, 0.5 + 0.5 * params.jitter, pat_seed(SALT_CELL));
  let rper = vec2i(nx * 3, ny);
  let ridge = mn_ridged(uv * vec2f(rper), rper, 4u, 0.5, pat_seed(SALT_BASE));
  let width = 0.05 + 0.6 * params.groove;
  let furrow = 1.0 - pat_smooth(0.0, width, v.edge);
  let mask = pat_groove(v.edge, params.groove);
  let plate = 0.45 + 0.3 * ridge + 0.25 * pat_smooth(0.0, 0.45, v.edge);
  let h = (1.0 - furrow) * plate + furrow * 0.15 * ridge;
  let w = pat_detail(uv, vec2i(nx * 4, max(1, ny * 4)));
  return vec4f(h, v.rand, mask, w);
}

// ---- 18 hammered: overlapping shallow dents --------------------------------------------------------
// Bowls around jittered points (F1 squared), with a layer of smaller dents. density: dents per side
// (scale * (3 + 9 density)); jitter: dent irregularity; groove: dent depth (0.35 + 1.3 groove);
// warp: distortion.
fn pat_hammered(uv: vec2f, s: f32) -> vec4f {
  let per = pat_periods(s * (3.0 + 9.0 * params.density), params.stretch);
  let q = pat_warp(uv * vec2f(per), per, params.warp * 0.3);
  let jit = 0.6 + 0.4 * params.jitter;
  let v1 = mn_worley(q, per, jit, pat_seed(SALT_CELL));
  let v2 = mn_worley(q * 2.0, per * 2, jit, pat_seed(SALT_EXTRA));
  let d1 = min(v1.f1 * v1.f1 * 1.6, 1.0);
  let d2 = min(v2.f1 * v2.f1 * 1.6, 1.0);
  let depth = 0.35 + 1.3 * params.groove;
  let dent = 0.75 * d1 + 0.25 * d2;
  let w = pat_default_detail(uv, s);
  let h = clamp(1.0 - depth * (1.0 - dent), 0.0, 1.0);
  return vec4f(h, v1.rand, 1.0, w);
}

// ---- 19 stripes: straight bands --------------------------------------------------------------------
// Bands along x (stretch >= 1) or along y (stretch < 1), alternating two cell values (about 0.25 and
// 0.75, so two colours alternate). density: bands per tile (2 * round(scale * (0.5 + 1.5 density)),
// even so the alternation wraps);
// jitter: irregular band widths and cell values; groove: seams between bands; warp: wobble.
fn pat_stripes(uv: vec2f, s: f32) -> vec4f {
  let bands = 2 * pat_count(s * (0.5 + 1.5 * params.density));
  let vertical = params.stretch < 1.0;
  var t = select(uv.y, uv.x, vertical);
  if (params.warp > 0.0) {
    t += params.warp * 0.5 / f32(bands) * mn_gradient(uv * 2.0, vec2i(2, 2), pat_seed(SALT_WARP));
  }
  let x = t * f32(bands);
  var band = i32(floor(x));
  let bseed = pat_seed(SALT_ROW);
  // Band boundary i sits at i + jitter * 0.4 * (rand(i) - 0.5).
  var lo = f32(band) + params.jitter * 0.4 * (mn_unit(mn_hash(u32(pat_wrap(band, bands)), bseed)) - 0.5);
  var hi = f32(band + 1) + params.jitter * 0.4 * (mn_unit(mn_hash(u32(pat_wrap(band + 1, bands)), bseed)) - 0.5);
  if (x < lo) {
    hi = lo;
    band -= 1;
    lo = f32(band) + params.jitter * 0.4 * (mn_unit(mn_hash(u32(pat_wrap(band, bands)), bseed)) - 0.5);
  } else if (x >= hi) {
    lo = hi;
    band += 1;
    hi = f32(band + 1) + params.jitter * 0.4 * (mn_unit(mn_hash(u32(pat_wrap(band + 1, bands)), bseed)) - 0.5);
  }
  let local = (x - lo) / (hi - lo);
  let bw = pat_wrap(band, bands);
  let rand = mn_unit(mn_hash(u32(bw), pat_seed(SALT_CELL)));
  let cell = clamp(0.25 + 0.5 * f32(bw & 1) + 0.3 * params.jitter * (rand - 0.5), 0.0, 1.0);
  let e = min(local, 1.0 - local);
  let mask = pat_groove(e, params.groove);
  let bevel = pat_bevel(e, params.groove, 0.1);
  let w = pat_default_detail(uv, s);
  let h = mix(0.1 + 0.1 * w, 0.7 + 0.2 * bevel, mask);
  return vec4f(h, cell, mask, w);
}

// ---- entry -----------------------------------------------------------------------------------------

@compute @workgroup_size(WG_X, WG_Y, 1)
fn main(@builtin(global_invocation_id) gid: vec3u) {
  let size = params.size;
  if (gid.x >= size || gid.y >= size) {
    return;
  }
  let uv = (vec2f(gid.xy) + vec2f(0.5, 0.5)) / f32(size);
  let s = f32(params.scale);
  var r: vec4f;
  switch params.pattern {
    case 1u: { r = pat_grain(uv, s); }
    case 2u: { r = pat_planks(uv, s); }
    case 3u: { r = pat_brick(uv, s); }
    case 4u: { r = pat_tiles(uv, s); }
    case 5u: { r = pat_hex(uv, s); }
    case 6u: { r = pat_voronoi(uv, s); }
    case 7u: { r = pat_cracks(uv, s); }
    case 8u: { r = pat_weave(uv, s); }
    case 9u: { r = pat_scales(uv, s); }
    case 10u: { r = pat_ripples(uv, s); }
    case 11u: { r = pat_marble(uv, s); }
    case 12u: { r = pat_brushed(uv, s); }
    case 13u: { r = pat_circuit(uv, s); }
    case 14u: { r = pat_dots(uv, s); }
    case 15u: { r = pat_herringbone(uv, s); }
    case 16u: { r = pat_speckle(uv, s); }
    case 17u: { r = pat_bark(uv, s); }
    case 18u: { r = pat_hammered(uv, s); }
    case 19u: { r = pat_stripes(uv, s); }
    default: { r = pat_noise(uv, s); }
  }
  let h = clamp(r.x + params.detail * 0.3 * (r.w - 0.5), 0.0, 1.0);
  field[gid.y * size + gid.x] = vec4f(h, clamp(r.y, 0.0, 1.0), clamp(r.z, 0.0, 1.0), clamp(r.w, 0.0, 1.0));
}
