// What a baked material looks like, as a few numbers, and how far apart two materials look. Used to
// prove that the shipped presets are genuinely distinct (test/unit/material-distinctness.test.ts)
// and available to tools (nearest presets, "is this user preset a copy of one?").
//
// The descriptor ignores where features are — a different seed or a shifted tile is the same
// material — and keeps what a person sees:
// - colour: the mean albedo in CIELAB, averaged in linear light (as a viewer at a distance, or the
//   mip chain, sees it);
// - roughness and metalness: means of the orm map;
// - emissive: the mean emitted colour in CIELAB (stored units), black when nothing glows;
// - structure: how much the surface varies at each feature size, for two signals — albedo lightness
//   L* (printed pattern: grain, veins, speckle) and surface slope from the normal map (relief:
//   bricks, dents, weave) — as RMS amplitudes in octave bands of spatial frequency (1-2, 2-4, ...
//   cycles per tile) from the power spectrum, which a shift of the tile does not change; plus how
//   directional each signal is (coherence of the gradient structure tensor: 0 for isotropic noise,
//   1 for parallel streaks; rotation-blind on purpose), weighted by how visible the signal is;
// - optionally the render look, which the maps cannot show: transmission and ior (glass),
//   opacity (holograms), clearcoat, sheen and iridescence.
//
// Distance: each part is divided by a visibility step and the distance is the largest part, so two
// materials are near-duplicates (distance < 1) only if colour AND roughness AND metalness AND glow
// AND structure AND optics are all within one step. The steps (NEAR_DUPLICATE_SCALES) sit well above
// just-noticeable differences, so "distinct" means clearly different side by side:
// - colour ΔE*ab 6: about 2.6× the JND of 2.3; closer colours read as one material under batch or
//   lighting variation, further ones as two colours. Emissive colour likewise.
// - roughness 0.1: a step that visibly widens or narrows a highlight; metalness 0.25: metalness is
//   nearly binary in appearance, a quarter of the way from dielectric to metal is obvious.
// - structure: a band's amplitude step is 3 L* (or 0.05 of slope, about 3° of tilt) plus 30% of the
//   two amplitudes' mean. The Weber term follows contrast discrimination: telling two contrasts apart
//   takes a change proportional to the contrast itself (Legge & Foley 1980; 30% is about twice the
//   usual discrimination threshold), and it also absorbs the sampling noise of a band measured on one
//   small tile. Anisotropy step 0.4. The band and anisotropy terms pool by a Minkowski sum with
//   exponent 3 (probability summation across channels, as in Quick 1974 and later vision models):
//   one band a full step apart is visible, and so are several bands each most of a step apart.
// - optics: transmission 0.3, opacity 0.3, clearcoat 0.5, sheen 0.5, iridescence 0.5, and ior 0.15
//   between two transmissive materials.
// A re-bake with another seed moves the descriptor by well under one step (the test measures it), so
// seeds do not fool the measure, and a copy tinted by ΔE ≈ 2 stays under one step, so recolouring
// does not either.
import { EMISSIVE_RANGE, type MaterialMaps } from './maps';
import type { MaterialLook } from './preset';

export interface MaterialDescriptor {
  /** Mean albedo, CIELAB (D65). */
  lab: [number, number, number];
  roughness: number;
  metalness: number;
  /** Mean emissive as stored (colour × strength / EMISSIVE_RANGE), CIELAB; zeros without a map. */
  emissiveLab: [number, number, number];
  /** Mean emitted radiance (linear, colour × strength), for reports. */
  emissiveRadiance: number;
  /** RMS of albedo L* in each octave band of spatial frequency (cycles per tile: [1,2), [2,4), ...). */
  lightnessBands: number[];
  /** RMS of surface slope (normal x, y) in the same bands. */
  slopeBands: number[];
  /** Standard deviation of L* over the tile. */
  lightnessSpread: number;
  /** RMS of the normal's tilt (x, y). */
  slopeSpread: number;
  /** Directionality of the lightness pattern (0..1), weighted by its visibility. */
  lightnessAnisotropy: number;
  /** Directionality of the relief (0..1), weighted by its visibility. */
  slopeAnisotropy: number;
  transmission: number;
  ior: number;
  opacity: number;
  clearcoat: number;
  sheen: number;
  iridescence: number;
}

/** Visibility thresholds: a difference of one unit in every part is "visibly different". */
export const NEAR_DUPLICATE_SCALES = {
  colourDeltaE: 6,
  roughness: 0.1,
  metalness: 0.25,
  emissiveDeltaE: 6,
  /** Band amplitude step: an absolute floor plus a Weber fraction of the bands' mean amplitude. */
  lightnessBand: 3,
  slopeBand: 0.05,
  bandWeber: 0.3,
  anisotropy: 0.4,
  transmission: 0.3,
  ior: 0.15,
  opacity: 0.3,
  clearcoat: 0.5,
  sheen: 0.5,
  iridescence: 0.5,
} as const;

/** Minkowski exponent pooling the structure terms (probability summation across channels). */
export const STRUCTURE_POOLING = 3;

/** Two materials are near-duplicates when their distance is below this. */
export const NEAR_DUPLICATE_THRESHOLD = 1;

export interface DescriptorDistance {
  /** max of the parts: below NEAR_DUPLICATE_THRESHOLD means near-duplicate. */
  distance: number;
  parts: {
    colour: number;
    roughness: number;
    metalness: number;
    emissive: number;
    structure: number;
    optics: number;
  };
}

function srgbToLinear(c: number): number {
  return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
}

const LINEAR_OF_BYTE = Array.from({ length: 256 }, (_, i) => srgbToLinear(i / 255));

function labF(t: number): number {
  return t > 216 / 24389 ? Math.cbrt(t) : (t * 24389) / 27 / 116 + 16 / 116;
}

/** Linear sRGB (D65) → CIELAB. */
export function linearToLab(r: number, g: number, b: number): [number, number, number] {
  const x = (0.4124564 * r + 0.3575761 * g + 0.1804375 * b) / 0.95047;
  const y = 0.2126729 * r + 0.7151522 * g + 0.072175 * b;
  const z = (0.0193339 * r + 0.119192 * g + 0.9503041 * b) / 1.08883;
  const fx = labF(x);
  const fy = labF(y);
  const fz = labF(z);
  return [116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)];
}

/** L* of a linear luminance. */
function lightness(y: number): number {
  return 116 * labF(y) - 16;
}

export function deltaE(a: readonly number[], b: readonly number[]): number {
  return Math.hypot(a[0]! - b[0]!, a[1]! - b[1]!, a[2]! - b[2]!);
}

// ---- spectrum ------------------------------------------------------------------------------------

/** In-place radix-2 FFT of one line (re, im), length a power of two. */
function fft1(re: Float64Array, im: Float64Array): void {
  const n = re.length;
  for (let i = 1, j = 0; i < n; i++) {
    let bit = n >> 1;
    for (; j & bit; bit >>= 1) j ^= bit;
    j ^= bit;
    if (i < j) {
      [re[i], re[j]] = [re[j]!, re[i]!];
      [im[i], im[j]] = [im[j]!, im[i]!];
    }
  }
  for (let len = 2; len <= n; len <<= 1) {
    const ang = (-2 * Math.PI) / len;
    const wr = Math.cos(ang);
    const wi = Math.sin(ang);
    for (let i = 0; i < n; i += len) {
      let cr = 1;
      let ci = 0;
      for (let k = 0; k < len / 2; k++) {
        const a = i + k;
        const b = a + len / 2;
        const tr = re[b]! * cr - im[b]! * ci;
        const ti = re[b]! * ci + im[b]! * cr;
        re[b] = re[a]! - tr;
        im[b] = im[a]! - ti;
        re[a] = re[a]! + tr;
        im[a] = im[a]! + ti;
        const nr = cr * wr - ci * wi;
        ci = cr * wi + ci * wr;
        cr = nr;
      }
    }
  }
}

/** Power |F|² / n⁴ of a real n×n field (its mean square per frequency; Parseval). */
function powerSpectrum(field: Float64Array, n: number): Float64Array {
  const re = new Float64Array(field);
  const im = new Float64Array(n * n);
  const rr = new Float64Array(n);
  const ri = new Float64Array(n);
  for (let pass = 0; pass < 2; pass++) {
    for (let line = 0; line < n; line++) {
      for (let k = 0; k < n; k++) {
        const idx = pass === 0 ? line * n + k : k * n + line;
        rr[k] = re[idx]!;
        ri[k] = im[idx]!;
      }
      fft1(rr, ri);
      for (let k = 0; k < n; k++) {
        const idx = pass === 0 ? line * n + k : k * n + line;
        re[idx] = rr[k]!;
        im[idx] = ri[k]!;
      }
    }
  }
  const out = new Float64Array(n * n);
  const norm = 1 / (n * n * n * n);
  for (let i = 0; i < n * n; i++) out[i] = (re[i]! * re[i]! + im[i]! * im[i]!) * norm;
  return out;
}

/** Octave bands [1,2), [2,4), ... cycles per tile; the last band takes everything above. */
function bandCount(n: number): number {
  return Math.max(1, Math.log2(n) - 1);
}

/** RMS per octave band of the sum of the fields' power spectra (mean removed: DC is skipped). */
function bandRms(fields: Float64Array[], n: number): number[] {
  const bands = bandCount(n);
  const energy = new Array<number>(bands).fill(0);
  for (const f of fields) {
    const p = powerSpectrum(f, n);
    for (let v = 0; v < n; v++) {
      const fy = v <= n / 2 ? v : v - n;
      for (let u = 0; u < n; u++) {
        const fx = u <= n / 2 ? u : u - n;
        const r = Math.hypot(fx, fy);
        if (r < 1) continue;
        const b = Math.min(bands - 1, Math.floor(Math.log2(r)));
        energy[b]! += p[v * n + u]!;
      }
    }
  }
  return energy.map(Math.sqrt);
}

/** Coherence of the structure tensor of gradients (gx, gy per texel): 0 isotropic .. 1 parallel. */
function anisotropy(gx: Float64Array, gy: Float64Array): number {
  let xx = 0;
  let yy = 0;
  let xy = 0;
  for (let i = 0; i < gx.length; i++) {
    xx += gx[i]! * gx[i]!;
    yy += gy[i]! * gy[i]!;
    xy += gx[i]! * gy[i]!;
  }
  const trace = xx + yy;
  return trace > 1e-12 ? Math.sqrt((xx - yy) ** 2 + 4 * xy * xy) / trace : 0;
}

/** Wrap-around central differences of a scalar field. */
function gradients(f: Float64Array, n: number): [Float64Array, Float64Array] {
  const gx = new Float64Array(n * n);
  const gy = new Float64Array(n * n);
  for (let j = 0; j < n; j++) {
    for (let i = 0; i < n; i++) {
      gx[j * n + i] = (f[j * n + ((i + 1) % n)]! - f[j * n + ((i + n - 1) % n)]!) * 0.5;
      gy[j * n + i] = (f[((j + 1) % n) * n + i]! - f[((j + n - 1) % n) * n + i]!) * 0.5;
    }
  }
  return [gx, gy];
}

/** Difference of two band amplitudes in visibility steps: floor + Weber fraction of their mean. */
function bandStep(a: number, b: number, floor: number): number {
  return Math.abs(a - b) / (floor + NEAR_DUPLICATE_SCALES.bandWeber * 0.5 * (a + b));
}

/** Visibility weight of a structure: 0 when flat, 1 once its RMS reaches about one threshold. */
function visible(spread: number, scale: number): number {
  return Math.min(1, spread / scale);
}

// ---- descriptor ----------------------------------------------------------------------------------

/** The descriptor of level 0 of baked maps, plus the look's optics when given. */
export function materialDescriptor(maps: MaterialMaps, look?: MaterialLook): MaterialDescriptor {
  const n = maps.size;
  const count = n * n;
  const albedo = maps.albedo.levels[0]!;
  const normal = maps.normal.levels[0]!;
  const orm = maps.orm.levels[0]!;
  const L = new Float64Array(count);
  const nx = new Float64Array(count);
  const ny = new Float64Array(count);
  let r = 0;
  let g = 0;
  let b = 0;
  let rough = 0;
  let metal = 0;
  let meanL = 0;
  for (let i = 0; i < count; i++) {
    const o = i * 4;
    const lr = LINEAR_OF_BYTE[albedo[o]!]!;
    const lg = LINEAR_OF_BYTE[albedo[o + 1]!]!;
    const lb = LINEAR_OF_BYTE[albedo[o + 2]!]!;
    r += lr;
    g += lg;
    b += lb;
    const l = lightness(0.2126729 * lr + 0.7151522 * lg + 0.072175 * lb);
    L[i] = l;
    meanL += l;
    nx[i] = normal[o]! / 127.5 - 1;
    ny[i] = normal[o + 1]! / 127.5 - 1;
    rough += orm[o + 1]! / 255;
    metal += orm[o + 2]! / 255;
  }
  meanL /= count;
  let varL = 0;
  let meanNx = 0;
  let meanNy = 0;
  for (let i = 0; i < count; i++) {
    varL += (L[i]! - meanL) ** 2;
    meanNx += nx[i]!;
    meanNy += ny[i]!;
  }
  meanNx /= count;
  meanNy /= count;
  let slopeVar = 0;
  for (let i = 0; i < count; i++) slopeVar += (nx[i]! - meanNx) ** 2 + (ny[i]! - meanNy) ** 2;

  const lightnessSpread = Math.sqrt(varL / count);
  const slopeSpread = Math.sqrt(slopeVar / count);
  const [lgx, lgy] = gradients(L, n);
  const S = NEAR_DUPLICATE_SCALES;
  const lightnessAnisotropy = anisotropy(lgx, lgy) * visible(lightnessSpread, S.lightnessBand * 3);
  // The normal's x and y are the height's slopes: they are the gradient field of the relief.
  const slopeAnisotropy = anisotropy(nx, ny) * visible(slopeSpread, S.slopeBand * 3);

  let emissiveLab: [number, number, number] = [0, 0, 0];
  let emissiveRadiance = 0;
  const em = maps.emissive?.levels[0];
  if (em) {
    let er = 0;
    let eg = 0;
    let eb = 0;
    for (let i = 0; i < count; i++) {
      er += LINEAR_OF_BYTE[em[i * 4]!]!;
      eg += LINEAR_OF_BYTE[em[i * 4 + 1]!]!;
      eb += LINEAR_OF_BYTE[em[i * 4 + 2]!]!;
    }
    emissiveLab = linearToLab(er / count, eg / count, eb / count);
    emissiveRadiance = ((er + eg + eb) / (3 * count)) * EMISSIVE_RANGE;
  }

  return {
    lab: linearToLab(r / count, g / count, b / count),
    roughness: rough / count,
    metalness: metal / count,
    emissiveLab,
    emissiveRadiance,
    lightnessBands: bandRms([L], n),
    slopeBands: bandRms([nx, ny], n),
    lightnessSpread,
    slopeSpread,
    lightnessAnisotropy,
    slopeAnisotropy,
    transmission: look?.physical?.transmission ?? 0,
    ior: look?.physical?.ior ?? 1.5,
    opacity: look?.opacity ?? 1,
    clearcoat: look?.physical?.clearcoat ?? 0,
    sheen: look?.physical?.sheen ?? 0,
    iridescence: look?.physical?.iridescence ?? 0,
  };
}

function optics(a: MaterialDescriptor, b: MaterialDescriptor): number {
  const S = NEAR_DUPLICATE_SCALES;
  return Math.max(
    Math.abs(a.transmission - b.transmission) / S.transmission,
    // Refraction only shows through what both let light through.
    (Math.min(a.transmission, b.transmission) * Math.abs(a.ior - b.ior)) / S.ior,
    Math.abs(a.opacity - b.opacity) / S.opacity,
    Math.abs(a.clearcoat - b.clearcoat) / S.clearcoat,
    Math.abs(a.sheen - b.sheen) / S.sheen,
    Math.abs(a.iridescence - b.iridescence) / S.iridescence,
  );
}

function structure(a: MaterialDescriptor, b: MaterialDescriptor): number {
  const S = NEAR_DUPLICATE_SCALES;
  const beta = STRUCTURE_POOLING;
  let sum = 0;
  const bands = Math.min(a.lightnessBands.length, b.lightnessBands.length);
  for (let i = 0; i < bands; i++) {
    sum += bandStep(a.lightnessBands[i]!, b.lightnessBands[i]!, S.lightnessBand) ** beta;
    sum += bandStep(a.slopeBands[i]!, b.slopeBands[i]!, S.slopeBand) ** beta;
  }
  sum += (Math.abs(a.lightnessAnisotropy - b.lightnessAnisotropy) / S.anisotropy) ** beta;
  sum += (Math.abs(a.slopeAnisotropy - b.slopeAnisotropy) / S.anisotropy) ** beta;
  return sum ** (1 / beta);
}

/** How different two materials look, part by part; see the file header for the steps. */
export function descriptorDistance(
  a: MaterialDescriptor,
  b: MaterialDescriptor,
): DescriptorDistance {
  const S = NEAR_DUPLICATE_SCALES;
  const parts = {
    colour: deltaE(a.lab, b.lab) / S.colourDeltaE,
    roughness: Math.abs(a.roughness - b.roughness) / S.roughness,
    metalness: Math.abs(a.metalness - b.metalness) / S.metalness,
    emissive: deltaE(a.emissiveLab, b.emissiveLab) / S.emissiveDeltaE,
    structure: structure(a, b),
    optics: optics(a, b),
  };
  const distance = Math.max(
    parts.colour,
    parts.roughness,
    parts.metalness,
    parts.emissive,
    parts.structure,
    parts.optics,
  );
  return { distance, parts };
}

/** The distance alone, cheaper for all-pairs scans: stops as soon as one part reaches `stop`. */
export function descriptorDistanceValue(
  a: MaterialDescriptor,
  b: MaterialDescriptor,
  stop = Infinity,
): number {
  const S = NEAR_DUPLICATE_SCALES;
  let d = deltaE(a.lab, b.lab) / S.colourDeltaE;
  if (d >= stop) return d;
  d = Math.max(d, Math.abs(a.roughness - b.roughness) / S.roughness);
  if (d >= stop) return d;
  d = Math.max(d, Math.abs(a.metalness - b.metalness) / S.metalness);
  if (d >= stop) return d;
  d = Math.max(d, deltaE(a.emissiveLab, b.emissiveLab) / S.emissiveDeltaE);
  if (d >= stop) return d;
  d = Math.max(d, optics(a, b));
  if (d >= stop) return d;
  return Math.max(d, structure(a, b));
}
