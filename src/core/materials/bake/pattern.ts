// The pattern pass on the CPU: the reference of shaders/material-pattern.wgsl, pattern for pattern,
// with the same maths in the same order (the browser test compares them texel by texel). Fills the
// FIELD layout of shaders/material-common.wgsl: per texel [height, cell, mask, detail], row-major,
// row 0 at the top. The per-pattern meaning of each param is documented in the WGSL.
import type { MaterialUniformValues } from '../uniforms';
import {
  mnCell,
  mnFbm,
  mnFbmValue,
  mnGradient,
  mnHash,
  mnPcg,
  mnRidged,
  mnTurbulence,
  mnUnit,
  mnValue,
  mnWarp,
  mnWorley,
  mnWrap,
  newWorley,
} from './material-noise';

const SALT_WARP = 1;
const SALT_BASE = 2;
const SALT_SLOW = 3;
const SALT_DETAIL = 4;
const SALT_CELL = 5;
const SALT_ROW = 6;
const SALT_EXTRA = 7;
const SALT_EXTRA2 = 8;
const SALT_JAG = 9;

const f32 = Math.fround;

/** Round half up, as the kernel's pat_round (floor(x + 0.5)). */
function round(x: number): number {
  return Math.floor(x + 0.5);
}

function count(x: number): number {
  return Math.max(1, round(x));
}

function smooth(a: number, b: number, x: number): number {
  const t = Math.min(Math.max((x - a) / (b - a), 0), 1);
  return t * t * (3 - 2 * t);
}

function groove(e: number, g: number): number {
  if (g <= 0) return 1;
  const half = 0.5 * g;
  return smooth(half * 0.5, half * 1.5 + 0.004, e);
}

function bevel(e: number, g: number, w: number): number {
  const half = 0.5 * g;
  return smooth(half, half + w, e);
}

function wave(t: number): number {
  const x = Math.abs(2 * (t - Math.floor(t)) - 1);
  return x * x * (3 - 2 * x);
}

function mix(a: number, b: number, t: number): number {
  return a * (1 - t) + b * t;
}

function clamp01(x: number): number {
  return Math.min(Math.max(x, 0), 1);
}

/** What every pattern function sees: the uniforms, per-salt seeds and scratch space. */
interface Ctx {
  u: MaterialUniformValues;
  seeds: number[];
  /** Counts per axis, as pat_periods (x then y). */
  px: number;
  py: number;
  warp: [number, number];
  v1: ReturnType<typeof newWorley>;
  v2: ReturnType<typeof newWorley>;
  out: Float64Array;
}

function periods(ctx: Ctx, n: number, stretch: number): void {
  const s = f32(Math.sqrt(stretch));
  ctx.px = count(f32(n / s));
  ctx.py = count(f32(n * s));
}

function detail(ctx: Ctx, ux: number, uy: number, px: number, py: number): number {
  const n = mnFbm(ux * px, uy * py, px, py, 3, 0.5, ctx.seeds[SALT_DETAIL]!);
  return clamp01(0.5 + 0.55 * n);
}

function slow(ctx: Ctx, ux: number, uy: number, px: number, py: number): number {
  return clamp01(0.5 + 0.7 * mnFbm(ux * px, uy * py, px, py, 3, 0.5, ctx.seeds[SALT_SLOW]!));
}

/** pat_warp: writes the warped point to ctx.warp. */
function warp(ctx: Ctx, x: number, y: number, px: number, py: number, strength: number): void {
  if (strength <= 0) {
    ctx.warp[0] = x;
    ctx.warp[1] = y;
    return;
  }
  mnWarp(x, y, px, py, strength, ctx.seeds[SALT_WARP]!, ctx.warp);
}

function defaultDetail(ctx: Ctx, ux: number, uy: number, s: number): number {
  periods(ctx, s * 8, ctx.u.stretch);
  return detail(ctx, ux, uy, ctx.px, ctx.py);
}

function put(ctx: Ctx, h: number, cell: number, mask: number, w: number): void {
  const o = ctx.out;
  o[0] = h;
  o[1] = cell;
  o[2] = mask;
  o[3] = w;
}

// ---- 0 noise -------------------------------------------------------------------------------------
function patNoise(ctx: Ctx, ux: number, uy: number, s: number): void {
  const u = ctx.u;
  periods(ctx, f32(s * f32(1 + f32(3 * u.density))), u.stretch);
  const px = ctx.px;
  const py = ctx.py;
  warp(ctx, ux * px, uy * py, px, py, u.warp * 0.75);
  const gain = 0.35 + 0.35 * u.jitter;
  const n = clamp01(
    0.5 + 0.6 * mnFbm(ctx.warp[0], ctx.warp[1], px, py, 5, gain, ctx.seeds[SALT_BASE]!),
  );
  let mask = 1;
  if (u.groove > 0) {
    const g = u.groove * 0.8;
    mask = smooth(g, g + 0.06, n);
  }
  const h = n * (0.5 + 0.5 * mask);
  const cell = slow(ctx, ux, uy, px, py);
  put(ctx, h, cell, mask, defaultDetail(ctx, ux, uy, s));
}

// ---- 1 grain -------------------------------------------------------------------------------------
function patGrain(ctx: Ctx, ux: number, uy: number, s: number): void {
  const u = ctx.u;
  const rings = count(f32(s * f32(4 + f32(20 * u.density))));
  periods(ctx, s * 2, u.stretch);
  const px = ctx.px;
  const py = ctx.py;
  const amp = rings * (0.02 + 0.12 * u.warp);
  let r = uy * rings + amp * mnFbm(ux * px, uy * py, px, py, 2, 0.5, ctx.seeds[SALT_BASE]!);
  r += u.jitter * 0.35 * mnGradient(ux * px, uy * rings, px, rings, ctx.seeds[SALT_EXTRA]!);
  const t = r - Math.floor(r);
  const late = smooth(0.55, 0.97, t);
  const line = Math.min(t, 1 - t) * 4;
  const mask = groove(line, u.groove);
  const fx = count(f32(f32(s * 2) / u.stretch));
  const fy = count(s * 96);
  const fibre = mnValue(ux * fx, uy * fy, fx, fy, ctx.seeds[SALT_EXTRA2]!);
  const h = (0.45 + 0.3 * late + 0.15 * fibre) * (0.4 + 0.6 * mask);
  const ring = mnUnit(mnHash(mnWrap(Math.floor(r), rings), ctx.seeds[SALT_CELL]!));
  const cell = 0.5 * ring + 0.5 * slow(ctx, ux, uy, px, py);
  const w = detail(ctx, ux, uy, count(s * 4), count(s * 48));
  put(ctx, h, cell, mask, w);
}

// ---- 2 planks ------------------------------------------------------------------------------------
function patPlanks(ctx: Ctx, ux: number, uy: number, s: number): void {
  const u = ctx.u;
  const rows = 2 * count(f32(s * f32(1 + f32(3 * u.density))));
  const boards = count(f32(rows / f32(6 * u.stretch)));
  const y = uy * rows;
  const row = Math.floor(y);
  const ly = y - row;
  const rw = mnWrap(row, rows);
  const rowRand = mnUnit(mnHash(rw, ctx.seeds[SALT_ROW]!));
  const shift = f32(0.5 * (rw & 1) + u.jitter * rowRand);
  const offset = shift - Math.floor(shift);
  const x = f32(ux * boards + offset);
  const col = Math.floor(x);
  const lx = x - col;
  const id = mnCell(col, row, boards, rows, ctx.seeds[SALT_CELL]!);
  const board = mnUnit(id);
  const ey = Math.min(ly, 1 - ly);
  const ex = (Math.min(lx, 1 - lx) * rows) / boards;
  const e = Math.min(ex, ey);
  const mask = groove(e, u.groove);
  const bev = bevel(e, u.groove, 0.12);
  const px = count(s * 2);
  const py = rows * 2;
  const gseed = mnHash(id, ctx.seeds[SALT_BASE]!);
  const r =
    y * 4 + board * 7 + (0.6 + 2.4 * u.warp) * mnFbm(ux * px, uy * py, px, py, 3, 0.5, gseed);
  const t = r - Math.floor(r);
  const late = smooth(0.55, 0.97, t);
  const surface = 0.55 + 0.2 * bev + 0.12 * late + 0.12 * u.jitter * (board - 0.5);
  const h = mix(0.05, surface, mask);
  const w = detail(ctx, ux, uy, count(s * 4), rows * 12);
  put(ctx, h, board, mask, w);
}

// ---- 3 brick -------------------------------------------------------------------------------------
function patBrick(ctx: Ctx, ux: number, uy: number, s: number): void {
  const u = ctx.u;
  const rows = 2 * count(f32(s * f32(0.5 + u.density)));
  const cols = count(f32(rows / f32(2 * u.stretch)));
  warp(ctx, ux * cols, uy * rows, cols, rows, u.warp * 0.15);
  const qx = ctx.warp[0];
  const qy = ctx.warp[1];
  const row = Math.floor(qy);
  const ly = qy - row;
  const rw = mnWrap(row, rows);
  const rowRand = mnUnit(mnHash(rw, ctx.seeds[SALT_ROW]!));
  const x = f32(qx + 0.5 * (rw & 1) + u.jitter * 0.2 * (rowRand - 0.5));
  const col = Math.floor(x);
  const lx = x - col;
  const id = mnCell(col, row, cols, rows, ctx.seeds[SALT_CELL]!);
  const brick = mnUnit(id);
  const inset = u.jitter * 0.06 * mnUnit(mnPcg(id));
  const ey = Math.min(ly, 1 - ly);
  const ex = (Math.min(lx, 1 - lx) * rows) / cols;
  const e = Math.min(ex, ey) - inset;
  const mask = groove(e, u.groove);
  const bev = bevel(e, u.groove, 0.15);
  const w = defaultDetail(ctx, ux, uy, s);
  const chips = mnFbm(qx * 2, qy * 2, cols * 2, rows * 2, 2, 0.5, ctx.seeds[SALT_BASE]!);
  const surface = 0.62 + 0.2 * bev + 0.1 * u.jitter * (brick - 0.5) + 0.08 * chips;
  const mortar = 0.1 + 0.15 * w;
  put(ctx, mix(mortar, surface, mask), brick, mask, w);
}

// ---- 4 tiles -------------------------------------------------------------------------------------
function patTiles(ctx: Ctx, ux: number, uy: number, s: number): void {
  const u = ctx.u;
  periods(ctx, f32(s * f32(1 + f32(3 * u.density))), u.stretch);
  const px = ctx.px;
  const py = ctx.py;
  warp(ctx, ux * px, uy * py, px, py, u.warp * 0.1);
  const qx = ctx.warp[0];
  const qy = ctx.warp[1];
  const cx = Math.floor(qx);
  const cy = Math.floor(qy);
  const lx = qx - cx;
  const ly = qy - cy;
  const id = mnCell(cx, cy, px, py, ctx.seeds[SALT_CELL]!);
  const tile = mnUnit(id);
  const a = mnPcg(id);
  const b = mnPcg(a);
  const inset = u.jitter * 0.05 * mnUnit(b);
  const big = Math.max(px, py);
  const ex = Math.min(lx, 1 - lx) / px;
  const ey = Math.min(ly, 1 - ly) / py;
  const e = Math.min(ex, ey) * big - inset;
  const mask = groove(e, u.groove);
  const bev = bevel(e, u.groove, 0.08);
  const tilt = (mnUnit(a) - 0.5) * (lx - 0.5) + (mnUnit(b) - 0.5) * (ly - 0.5);
  const surface = 0.72 + 0.18 * bev + u.jitter * (0.2 * tilt + 0.08 * (tile - 0.5));
  const w = defaultDetail(ctx, ux, uy, s);
  put(ctx, mix(0.08 + 0.12 * w, surface, mask), tile, mask, w);
}

// ---- 5 hex ---------------------------------------------------------------------------------------
const HEX_K = 0.8660254;

function patHex(ctx: Ctx, ux: number, uy: number, s: number): void {
  const u = ctx.u;
  const cols = count(f32(s * f32(1 + f32(3 * u.density))));
  const rows = 2 * count(f32(f32(cols * 0.57735027) * u.stretch));
  warp(ctx, ux * cols, uy * rows, cols, rows, u.warp * 0.1);
  const qx = ctx.warp[0];
  const qy = ctx.warp[1];
  const row0 = Math.floor(qy);
  let best = 1e9;
  let bcx = 0;
  let bcy = 0;
  let bpx = 0;
  let bpy = 0;
  for (let dr = -1; dr <= 1; dr++) {
    const r = row0 + dr;
    const shift = 0.5 * (r & 1);
    const c0 = Math.floor(qx - shift);
    for (let dc = -1; dc <= 1; dc++) {
      const c = c0 + dc;
      const dx = c + 0.5 + shift - qx;
      const dy = r + 0.5 - qy;
      const dd = dx * dx + 0.75 * (dy * dy);
      if (dd < best) {
        best = dd;
        bcx = c;
        bcy = r;
        bpx = dx;
        bpy = dy * HEX_K;
      }
    }
  }
  let e = 1e9;
  for (let dr = -1; dr <= 1; dr++) {
    const r = bcy + dr;
    const shift = 0.5 * (r & 1);
    const c0 = Math.floor(bcx + 0.5 + 0.5 * (bcy & 1) - shift);
    for (let dc = -1; dc <= 1; dc++) {
      const c = c0 + dc;
      if (c === bcx && r === bcy) continue;
      const dx = c + 0.5 + shift - qx;
      const dy = (r + 0.5 - qy) * HEX_K;
      const ex = dx - bpx;
      const ey = dy - bpy;
      const len = Math.sqrt(ex * ex + ey * ey);
      e = Math.min(e, (0.5 * (dx + bpx) * ex + 0.5 * (dy + bpy) * ey) / len);
    }
  }
  const id = mnCell(bcx, bcy, cols, rows, ctx.seeds[SALT_CELL]!);
  const tile = mnUnit(id);
  const a = mnPcg(id);
  const mask = groove(e, u.groove);
  const bev = bevel(e, u.groove, 0.08);
  const tilt = (mnUnit(a) - 0.5) * bpx + (mnUnit(mnPcg(a)) - 0.5) * bpy;
  const surface = 0.72 + 0.18 * bev + u.jitter * (0.2 * tilt + 0.08 * (tile - 0.5));
  const w = defaultDetail(ctx, ux, uy, s);
  put(ctx, mix(0.08 + 0.12 * w, surface, mask), tile, mask, w);
}

// ---- 6 voronoi -----------------------------------------------------------------------------------
function patVoronoi(ctx: Ctx, ux: number, uy: number, s: number): void {
  const u = ctx.u;
  periods(ctx, f32(s * f32(2 + f32(6 * u.density))), u.stretch);
  const px = ctx.px;
  const py = ctx.py;
  warp(ctx, ux * px, uy * py, px, py, u.warp * 0.35);
  const v = mnWorley(ctx.warp[0], ctx.warp[1], px, py, u.jitter, ctx.seeds[SALT_CELL]!, ctx.v1);
  const mask = groove(v.edge, u.groove);
  const t = clamp01((v.edge - 0.5 * u.groove) / 0.35);
  const dome = 1 - (1 - t) * (1 - t);
  const w = defaultDetail(ctx, ux, uy, s);
  const surface = 0.45 + 0.4 * dome + 0.15 * (v.rand - 0.5);
  put(ctx, mix(0.06 + 0.12 * w, surface, mask), v.rand, mask, w);
}

// ---- 7 cracks ------------------------------------------------------------------------------------
function patCracks(ctx: Ctx, ux: number, uy: number, s: number): void {
  const u = ctx.u;
  periods(ctx, f32(s * f32(1 + f32(4 * u.density))), u.stretch);
  const px = ctx.px;
  const py = ctx.py;
  warp(ctx, ux * px, uy * py, px, py, 0.1 + 0.4 * u.warp);
  mnWarp(
    ctx.warp[0] * 4,
    ctx.warp[1] * 4,
    px * 4,
    py * 4,
    0.2 + 0.2 * u.warp,
    ctx.seeds[SALT_JAG]!,
    ctx.warp,
  );
  const qx = ctx.warp[0] * 0.25;
  const qy = ctx.warp[1] * 0.25;
  const v = mnWorley(qx, qy, px, py, 0.9, ctx.seeds[SALT_CELL]!, ctx.v1);
  const width = 0.01 + 0.5 * u.groove;
  const major = groove(v.edge, width);
  const v2 = mnWorley(qx * 2, qy * 2, px * 2, py * 2, 0.9, ctx.seeds[SALT_EXTRA]!, ctx.v2);
  const gate = smooth(
    0.45,
    0.55,
    mnValue(qx * 2, qy * 2, px * 2, py * 2, ctx.seeds[SALT_EXTRA2]!) + 0.5 - u.jitter,
  );
  const fine = Math.max(groove(v2.edge, width * 0.5), gate);
  const mask = Math.min(major, fine);
  const e = Math.min(v.edge, v2.edge * 0.5 + gate);
  const curl = 1 - smooth(0.5 * width, 0.5 * width + 0.12, e);
  const w = defaultDetail(ctx, ux, uy, s);
  const plate = 0.6 + 0.22 * curl + 0.12 * (v.rand - 0.5) + 0.06 * (w - 0.5);
  put(ctx, mix(0.04 + 0.08 * w, plate, mask), v.rand, mask, w);
}

// ---- 8 weave -------------------------------------------------------------------------------------
function patWeave(ctx: Ctx, ux: number, uy: number, s: number): void {
  const u = ctx.u;
  periods(ctx, f32(s * f32(1 + f32(3 * u.density))), u.stretch);
  const px = ctx.px * 2;
  const py = ctx.py * 2;
  warp(ctx, ux * px, uy * py, px, py, u.warp * 0.3);
  const qx = ctx.warp[0];
  const qy = ctx.warp[1];
  const cx = Math.floor(qx);
  const cy = Math.floor(qy);
  const lx = qx - cx;
  const ly = qy - cy;
  const rowId = mnHash(mnWrap(cy, py), ctx.seeds[SALT_ROW]!);
  const colId = mnHash(mnWrap(cx, px), ctx.seeds[SALT_CELL]!);
  const half = 0.5 * (1 - u.groove);
  const oy = u.jitter * 0.12 * (mnUnit(rowId) - 0.5);
  const ox = u.jitter * 0.12 * (mnUnit(colId) - 0.5);
  const tw = half * (1 - u.jitter * 0.3 * mnUnit(mnPcg(rowId)));
  const tv = half * (1 - u.jitter * 0.3 * mnUnit(mnPcg(colId)));
  const ay = (ly - 0.5 - oy) / tw;
  const ax = (lx - 0.5 - ox) / tv;
  const pw = Math.sqrt(Math.max(0, 1 - ay * ay));
  const pv = Math.sqrt(Math.max(0, 1 - ax * ax));
  const over = ((cx + cy) & 1) === 0 ? 1 : -1;
  const archX = 4 * lx * (1 - lx);
  const archY = 4 * ly * (1 - ly);
  const hw = pw * (0.55 + 0.3 * over * archX);
  const hv = pv * (0.55 - 0.3 * over * archY);
  const h = Math.max(hw, hv);
  const mask = smooth(0, 0.25, Math.max(pw, pv));
  const cell = hw >= hv ? 0.5 * mnUnit(rowId) : 0.5 + 0.5 * mnUnit(colId);
  const w = hw < hv ? detail(ctx, ux, uy, px * 4, py) : detail(ctx, ux, uy, px, py * 4);
  put(ctx, h, cell, mask, w);
}

// ---- 9 scales ------------------------------------------------------------------------------------
function patScales(ctx: Ctx, ux: number, uy: number, s: number): void {
  const u = ctx.u;
  const cols = count(f32(s * f32(2 + f32(6 * u.density))));
  const rows = 2 * count(f32(cols * u.stretch));
  warp(ctx, ux * cols, uy * rows, cols, rows, u.warp * 0.2);
  const qx = ctx.warp[0];
  const qy = ctx.warp[1];
  const row0 = Math.floor(qy);
  let found = false;
  let id = 0;
  let dist = 0;
  let radius = 0.62;
  let below = 0;
  for (let dr = -1; dr <= 2 && !found; dr++) {
    const r = row0 + dr;
    const shift = 0.5 * (r & 1);
    const c0 = Math.floor(qx - shift);
    for (let dc = -1; dc <= 1 && !found; dc++) {
      const c = c0 + dc;
      const h = mnCell(c, r, cols, rows, ctx.seeds[SALT_CELL]!);
      const rad = 0.62 * (1 - u.jitter * 0.12 * mnUnit(mnPcg(h)));
      const dx = qx - (c + 0.5 + shift);
      const dy = (qy - r) * 0.5;
      const len = Math.sqrt(dx * dx + dy * dy);
      if (len < rad) {
        found = true;
        id = h;
        dist = len;
        radius = rad;
        below = dy;
      }
    }
  }
  const rand = mnUnit(id);
  const e = (radius - dist) / (2 * radius);
  const mask = groove(e, u.groove);
  const rim = bevel(e, u.groove, 0.06);
  const slope = clamp01(below / radius);
  const surface = (0.3 + 0.55 * slope) * (0.75 + 0.25 * rim) + 0.1 * u.jitter * (rand - 0.5);
  const w = defaultDetail(ctx, ux, uy, s);
  put(ctx, mix(0.05, surface + 0.1, mask), rand, mask, w);
}

// ---- 10 ripples ----------------------------------------------------------------------------------
function patRipples(ctx: Ctx, ux: number, uy: number, s: number): void {
  const u = ctx.u;
  const bands = count(f32(s * f32(2 + f32(14 * u.density))));
  periods(ctx, s * 2, u.stretch);
  const px = ctx.px;
  const py = ctx.py;
  const amp = 0.15 + 1.5 * u.warp;
  const r = uy * bands + amp * mnFbm(ux * px, uy * py, px, py, 3, 0.5, ctx.seeds[SALT_BASE]!);
  const wave1 = wave(r);
  const b2 = count(f32(bands * 0.7));
  const r2 =
    (ux + uy) * b2 +
    amp * mnFbm(ux * px * 2, uy * py * 2, px * 2, py * 2, 2, 0.5, ctx.seeds[SALT_EXTRA]!);
  const wave2 = wave(r2);
  const n = mix(wave1, 0.6 * wave1 + 0.4 * wave2, u.jitter);
  let mask = 1;
  if (u.groove > 0) mask = smooth(u.groove, u.groove + 0.1, n);
  const w = defaultDetail(ctx, ux, uy, s);
  put(ctx, 0.1 + 0.8 * n, slow(ctx, ux, uy, px, py), mask, w);
}

// ---- 11 marble -----------------------------------------------------------------------------------
function patMarble(ctx: Ctx, ux: number, uy: number, s: number): void {
  const u = ctx.u;
  const k = count(f32(s * f32(1 + f32(2 * u.density))));
  periods(ctx, s * 2, u.stretch);
  const px = ctx.px;
  const py = ctx.py;
  const bend = mnFbm(ux * px, uy * py, px, py, 3, 0.5, ctx.seeds[SALT_BASE]!);
  const turb = mnTurbulence(
    ux * px * 2,
    uy * py * 2,
    px * 2,
    py * 2,
    4,
    0.5,
    ctx.seeds[SALT_EXTRA]!,
  );
  const r = (ux + uy) * k + (0.5 + 2.5 * u.warp) * bend + (0.2 + 0.4 * u.warp) * turb;
  const width = 0.06 + 0.4 * u.groove;
  const fade = smooth(
    0.25,
    0.65,
    mnFbmValue(ux * px, uy * py, px, py, 2, 0.5, ctx.seeds[SALT_EXTRA2]!),
  );
  const vein = smooth(1 - width, 1, wave(r)) * (0.35 + 0.65 * fade);
  const r2 = (ux - uy) * (k * 2) + 2 * bend + 1.5 * turb;
  const vein2 = u.jitter * smooth(1 - width * 0.4, 1, wave(r2)) * (1 - fade);
  const v = Math.max(vein, vein2 * 0.8);
  const w = defaultDetail(ctx, ux, uy, s);
  put(ctx, 0.85 - 0.15 * v, slow(ctx, ux, uy, px, py), 1 - v, w);
}

// ---- 12 brushed ----------------------------------------------------------------------------------
function patBrushed(ctx: Ctx, ux: number, uy: number, s: number): void {
  const u = ctx.u;
  const ny = count(f32(s * f32(32 + f32(96 * u.density))));
  const nx = count(f32(ny / f32(24 * u.stretch)));
  const qx = ux * nx;
  let qy = uy * ny;
  if (u.warp > 0) {
    qy += u.warp * ny * 0.03 * mnGradient(ux * 2, uy * 2, 2, 2, ctx.seeds[SALT_WARP]!);
  }
  const s1 = mnValue(qx, qy, nx, ny, ctx.seeds[SALT_BASE]!);
  const s2 = mnValue(qx * 2, qy * 2, nx * 2, ny * 2, ctx.seeds[SALT_EXTRA]!);
  const s3 = mnValue(qx * 4, qy * 4, nx * 4, ny * 4, ctx.seeds[SALT_EXTRA2]!);
  const streak = (s1 + 0.6 * s2 + 0.35 * s3) / 1.95;
  const sx = Math.max(1, Math.trunc(nx / 2));
  const sy = ny * 2;
  const sc = u.jitter * smooth(0.82, 0.95, mnValue(ux * sx, uy * sy, sx, sy, ctx.seeds[SALT_ROW]!));
  const mask = 1 - sc * clamp01(u.groove * 4);
  const h = 0.5 + 0.35 * (streak - 0.5) - 0.3 * sc;
  const w = detail(ctx, ux, uy, Math.max(1, nx * 2), ny * 4);
  const sc1 = count(s);
  put(ctx, h, slow(ctx, ux, uy, sc1, sc1), mask, w);
}

// ---- 13 circuit ----------------------------------------------------------------------------------
function link(ctx: Ctx, cx: number, cy: number, px: number, py: number, salt: number): boolean {
  return mnUnit(mnCell(cx, cy, px, py, ctx.seeds[salt]!)) < 0.75 - 0.45 * ctx.u.jitter;
}

function segment(lx: number, ly: number, tx: number, ty: number): number {
  const ax = lx - 0.5;
  const ay = ly - 0.5;
  const t = clamp01((ax * tx + ay * ty) / (tx * tx + ty * ty));
  const dx = ax - tx * t;
  const dy = ay - ty * t;
  return Math.sqrt(dx * dx + dy * dy);
}

function patCircuit(ctx: Ctx, ux: number, uy: number, s: number): void {
  const u = ctx.u;
  periods(ctx, f32(s * f32(3 + f32(9 * u.density))), u.stretch);
  const px = ctx.px;
  const py = ctx.py;
  warp(ctx, ux * px, uy * py, px, py, u.warp * 0.2);
  const qx = ctx.warp[0];
  const qy = ctx.warp[1];
  const cx = Math.floor(qx);
  const cy = Math.floor(qy);
  const lx = qx - cx;
  const ly = qy - cy;
  const right = link(ctx, cx, cy, px, py, SALT_BASE);
  const left = link(ctx, cx - 1, cy, px, py, SALT_BASE);
  const down = link(ctx, cx, cy, px, py, SALT_EXTRA);
  const up = link(ctx, cx, cy - 1, px, py, SALT_EXTRA);
  let d = 1e9;
  if (right) d = Math.min(d, segment(lx, ly, 0.5, 0));
  if (left) d = Math.min(d, segment(lx, ly, -0.5, 0));
  if (down) d = Math.min(d, segment(lx, ly, 0, 0.5));
  if (up) d = Math.min(d, segment(lx, ly, 0, -0.5));
  const links = +right + +left + +down + +up;
  const id = mnCell(cx, cy, px, py, ctx.seeds[SALT_CELL]!);
  const rand = mnUnit(id);
  const hasPad = links === 1 || (links === 0 && rand < 0.35);
  const half = 0.5 * (0.05 + 0.25 * u.groove);
  const trace = 1 - smooth(half, half + 0.03, d);
  let pad = 0;
  let via = 0;
  if (hasPad) {
    const rp = 0.2 + 0.1 * mnUnit(mnPcg(id));
    const ax = lx - 0.5;
    const ay = ly - 0.5;
    const dp = Math.sqrt(ax * ax + ay * ay);
    pad = 1 - smooth(rp, rp + 0.03, dp);
    via = 1 - smooth(rp * 0.4, rp * 0.4 + 0.03, dp);
  }
  const metal = Math.max(trace, pad);
  const mask = metal * (1 - via);
  const w = defaultDetail(ctx, ux, uy, s);
  const h = 0.3 + 0.05 * w + 0.45 * trace + 0.55 * (pad - trace * pad) - 0.3 * via;
  put(ctx, clamp01(h), rand, mask, w);
}

// ---- 14 dots -------------------------------------------------------------------------------------
function patDots(ctx: Ctx, ux: number, uy: number, s: number): void {
  const u = ctx.u;
  periods(ctx, s * 4, u.stretch);
  const px = ctx.px;
  const py = ctx.py;
  warp(ctx, ux * px, uy * py, px, py, u.warp * 0.2);
  const qx = ctx.warp[0];
  const qy = ctx.warp[1];
  const cx = Math.floor(qx);
  const cy = Math.floor(qy);
  const id = mnCell(cx, cy, px, py, ctx.seeds[SALT_CELL]!);
  const a = mnPcg(id);
  const b = mnPcg(a);
  const radius = (0.12 + 0.3 * u.density) * (1 - 0.3 * u.jitter * mnUnit(id));
  const room = Math.max(0, 0.5 - radius);
  const offx = u.jitter * room * (mnUnit(a) - 0.5) * 2;
  const offy = u.jitter * room * (mnUnit(b) - 0.5) * 2;
  const lx = qx - cx - 0.5 - offx;
  const ly = qy - cy - 0.5 - offy;
  const big = Math.max(px, py);
  const dx = (lx / px) * big;
  const dy = (ly / py) * big;
  const dist = Math.sqrt(dx * dx + dy * dy);
  const inside = 1 - smooth(radius - 0.02, radius + 0.02, dist);
  const t = clamp01(dist / radius);
  const dome = Math.sqrt(1 - t * t);
  const amp = 0.5 - 2 * u.groove;
  const w = defaultDetail(ctx, ux, uy, s);
  const h = 0.5 + inside * amp * mix(1, dome, 0.6);
  const mask = 1 - inside * smooth(0, 0.3, -amp);
  put(ctx, h, mnUnit(id), mask, w);
}

// ---- 15 herringbone ------------------------------------------------------------------------------
function patHerringbone(ctx: Ctx, ux: number, uy: number, s: number): void {
  const u = ctx.u;
  const k = Math.min(Math.max(round(f32(2 * u.stretch)), 2), 16);
  const m = count(f32(s * f32(0.5 + u.density)));
  const side = 2 * k * m;
  warp(ctx, ux * side, uy * side, side, side, u.warp * 0.3);
  const x = ctx.warp[0];
  const y = ctx.warp[1];
  const b0 = Math.floor((x - y) / (2 * k));
  let vertical = false;
  let found = false;
  let ox = 0;
  let oy = 0;
  let along = 0.5;
  let across = 0.5;
  for (let db = -1; db <= 1; db++) {
    const b = b0 + db;
    const ah = Math.floor(y) + b * k;
    const hox = ah + b * k;
    const hoy = ah - b * k;
    const hx = x - hox;
    const hy = y - hoy;
    if (!found && hx >= 0 && hx < k) {
      found = true;
      ox = hox;
      oy = hoy;
      along = hx / k;
      across = hy;
    }
    const av = Math.floor(x) - b * k;
    const vox = av + b * k;
    const voy = av - b * k;
    const vx = x - vox;
    const vy = y - voy;
    if (!found && vy >= 1 && vy < k + 1) {
      found = true;
      vertical = true;
      ox = vox;
      oy = voy;
      along = (vy - 1) / k;
      across = vx;
    }
  }
  const cx = vertical ? ox * 2 + 1 : ox * 2 + k;
  const cy = vertical ? oy * 2 + 2 + k : oy * 2 + 1;
  const id = mnCell(
    cx,
    cy,
    side * 2,
    side * 2,
    (ctx.seeds[SALT_CELL]! ^ (vertical ? 0x68e31da4 : 0)) >>> 0,
  );
  const board = mnUnit(id);
  const e = Math.min(Math.min(across, 1 - across), Math.min(along, 1 - along) * k);
  const mask = groove(e, u.groove);
  const bev = bevel(e, u.groove, 0.12);
  const fx = vertical ? side * 6 : m * k;
  const fy = vertical ? m * k : side * 6;
  const fibre = mnValue(ux * fx, uy * fy, fx, fy, (ctx.seeds[SALT_BASE]! ^ id) >>> 0);
  const surface = 0.6 + 0.18 * bev + 0.12 * fibre + 0.14 * u.jitter * (board - 0.5);
  const w = defaultDetail(ctx, ux, uy, s);
  put(ctx, mix(0.06 + 0.1 * w, surface, mask), board, mask, w);
}

// ---- 16 speckle ----------------------------------------------------------------------------------
function patSpeckle(ctx: Ctx, ux: number, uy: number, s: number): void {
  const u = ctx.u;
  periods(ctx, f32(s * f32(6 + f32(18 * u.density))), u.stretch);
  const px = ctx.px;
  const py = ctx.py;
  warp(ctx, ux * px, uy * py, px, py, u.warp * 0.3);
  const qx = ctx.warp[0];
  const qy = ctx.warp[1];
  const jit = 0.5 + 0.5 * u.jitter;
  const v1 = mnWorley(qx, qy, px, py, jit, ctx.seeds[SALT_CELL]!, ctx.v1);
  const r1 = 0.22 + 0.25 * mnUnit(mnPcg(v1.id));
  const on1 = mnUnit(mnPcg(mnPcg(v1.id))) < 0.4 ? 1 : 0;
  const chip1 = on1 * (1 - smooth(r1 - 0.04, r1 + 0.04, v1.f1));
  const v2 = mnWorley(qx * 3, qy * 3, px * 3, py * 3, jit, ctx.seeds[SALT_EXTRA]!, ctx.v2);
  const r2 = 0.2 + 0.2 * mnUnit(mnPcg(v2.id));
  const on2 = mnUnit(mnPcg(mnPcg(v2.id))) < 0.4 ? 1 : 0;
  const chip2 = on2 * (1 - smooth(r2 - 0.05, r2 + 0.05, v2.f1));
  periods(ctx, s * 2, u.stretch);
  const sl = slow(ctx, ux, uy, ctx.px, ctx.py);
  let cell = sl;
  let id = 0;
  let chip = 0;
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
  const pit = chip > 0 && mnUnit(mnHash(id, ctx.seeds[SALT_ROW]!)) < u.groove ? chip : 0;
  const w = defaultDetail(ctx, ux, uy, s);
  const h = 0.6 + 0.1 * (sl - 0.5) + 0.08 * Math.max(chip1, chip2) - 0.45 * pit;
  put(ctx, h, cell, 1 - pit, w);
}

// ---- 17 bark -------------------------------------------------------------------------------------
function patBark(ctx: Ctx, ux: number, uy: number, s: number): void {
  const u = ctx.u;
  const nx = count(f32(s * f32(3 + f32(9 * u.density))));
  const ny = count(f32(f32(nx * u.stretch) * 0.2));
  warp(ctx, ux * nx, uy * ny, nx, ny, 0.15 + 0.6 * u.warp);
  const v = mnWorley(
    ctx.warp[0],
    ctx.warp[1],
    nx,
    ny,
    0.5 + 0.5 * u.jitter,
    ctx.seeds[SALT_CELL]!,
    ctx.v1,
  );
  const ridge = mnRidged(ux * nx * 3, uy * ny, nx * 3, ny, 4, 0.5, ctx.seeds[SALT_BASE]!);
  const width = 0.05 + 0.6 * u.groove;
  const furrow = 1 - smooth(0, width, v.edge);
  const mask = groove(v.edge, u.groove);
  const plate = 0.45 + 0.3 * ridge + 0.25 * smooth(0, 0.45, v.edge);
  const h = (1 - furrow) * plate + furrow * 0.15 * ridge;
  const w = detail(ctx, ux, uy, nx * 4, Math.max(1, ny * 4));
  put(ctx, h, v.rand, mask, w);
}

// ---- 18 hammered ---------------------------------------------------------------------------------
function patHammered(ctx: Ctx, ux: number, uy: number, s: number): void {
  const u = ctx.u;
  periods(ctx, f32(s * f32(3 + f32(9 * u.density))), u.stretch);
  const px = ctx.px;
  const py = ctx.py;
  warp(ctx, ux * px, uy * py, px, py, u.warp * 0.3);
  const qx = ctx.warp[0];
  const qy = ctx.warp[1];
  const jit = 0.6 + 0.4 * u.jitter;
  const v1 = mnWorley(qx, qy, px, py, jit, ctx.seeds[SALT_CELL]!, ctx.v1);
  const v2 = mnWorley(qx * 2, qy * 2, px * 2, py * 2, jit, ctx.seeds[SALT_EXTRA]!, ctx.v2);
  const d1 = Math.min(v1.f1 * v1.f1 * 1.6, 1);
  const d2 = Math.min(v2.f1 * v2.f1 * 1.6, 1);
  const depth = 0.35 + 1.3 * u.groove;
  const dent = 0.75 * d1 + 0.25 * d2;
  const w = defaultDetail(ctx, ux, uy, s);
  put(ctx, clamp01(1 - depth * (1 - dent)), v1.rand, 1, w);
}

// ---- 19 stripes ----------------------------------------------------------------------------------
function boundary(ctx: Ctx, i: number, bands: number, bseed: number): number {
  return i + ctx.u.jitter * 0.4 * (mnUnit(mnHash(mnWrap(i, bands), bseed)) - 0.5);
}

function patStripes(ctx: Ctx, ux: number, uy: number, s: number): void {
  const u = ctx.u;
  const bands = 2 * count(f32(s * f32(0.5 + f32(1.5 * u.density))));
  const vertical = u.stretch < 1;
  let t = vertical ? ux : uy;
  if (u.warp > 0) {
    t += ((u.warp * 0.5) / bands) * mnGradient(ux * 2, uy * 2, 2, 2, ctx.seeds[SALT_WARP]!);
  }
  const x = t * bands;
  let band = Math.floor(x);
  const bseed = ctx.seeds[SALT_ROW]!;
  let lo = boundary(ctx, band, bands, bseed);
  let hi = boundary(ctx, band + 1, bands, bseed);
  if (x < lo) {
    hi = lo;
    band -= 1;
    lo = boundary(ctx, band, bands, bseed);
  } else if (x >= hi) {
    lo = hi;
    band += 1;
    hi = boundary(ctx, band + 1, bands, bseed);
  }
  const local = (x - lo) / (hi - lo);
  const bw = mnWrap(band, bands);
  const rand = mnUnit(mnHash(bw, ctx.seeds[SALT_CELL]!));
  const cell = clamp01(0.25 + 0.5 * (bw & 1) + 0.3 * u.jitter * (rand - 0.5));
  const e = Math.min(local, 1 - local);
  const mask = groove(e, u.groove);
  const bev = bevel(e, u.groove, 0.1);
  const w = defaultDetail(ctx, ux, uy, s);
  put(ctx, mix(0.1 + 0.1 * w, 0.7 + 0.2 * bev, mask), cell, mask, w);
}

type PatternFn = (ctx: Ctx, ux: number, uy: number, s: number) => void;

/** In MATERIAL_PATTERNS order: the index is the kernel's pattern code. */
const PATTERNS: readonly PatternFn[] = [
  patNoise,
  patGrain,
  patPlanks,
  patBrick,
  patTiles,
  patHex,
  patVoronoi,
  patCracks,
  patWeave,
  patScales,
  patRipples,
  patMarble,
  patBrushed,
  patCircuit,
  patDots,
  patHerringbone,
  patSpeckle,
  patBark,
  patHammered,
  patStripes,
];

/** The number of pattern kinds the kernel implements (MATERIAL_PATTERNS.length). */
export const PATTERN_COUNT = PATTERNS.length;

export interface PatternFieldOptions {
  /**
   * Shift of the sampled window in whole texels (default [0, 0]): texel (i, j) samples the tile at
   * ((i + x + 0.5) / size, (j + y + 0.5) / size). The kernel always samples [0, 0]; tests use a
   * shift of one tile to check that the pattern continues across the tile's edge as it wraps.
   */
  origin?: readonly [number, number];
}

/** The pattern field of a size x size tile: [height, cell, mask, detail] per texel, row-major. */
export function patternFieldCpu(
  u: MaterialUniformValues,
  options: PatternFieldOptions = {},
): Float32Array<ArrayBuffer> {
  const size = u.size;
  const [ox, oy] = options.origin ?? [0, 0];
  const seeds: number[] = [];
  // pat_seed: the (effective) pattern code is part of every seed.
  const code = u.pattern < PATTERNS.length ? u.pattern : 0;
  for (let salt = 0; salt <= SALT_JAG; salt++) {
    seeds.push(mnHash((salt + (code << 8)) >>> 0, u.seed >>> 0));
  }
  const ctx: Ctx = {
    u,
    seeds,
    px: 1,
    py: 1,
    warp: [0, 0],
    v1: newWorley(),
    v2: newWorley(),
    out: new Float64Array(4),
  };
  const fn = PATTERNS[u.pattern] ?? patNoise;
  const s = u.scale;
  const field = new Float32Array(size * size * 4);
  const o = ctx.out;
  for (let j = 0; j < size; j++) {
    const uy = (j + oy + 0.5) / size;
    for (let i = 0; i < size; i++) {
      const ux = (i + ox + 0.5) / size;
      fn(ctx, ux, uy, s);
      const k = (j * size + i) * 4;
      field[k] = clamp01(o[0]! + u.detail * 0.3 * (o[3]! - 0.5));
      field[k + 1] = clamp01(o[1]!);
      field[k + 2] = clamp01(o[2]!);
      field[k + 3] = clamp01(o[3]!);
    }
  }
  return field;
}
