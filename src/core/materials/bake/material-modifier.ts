// CPU reference of shaders/material-modifier.wgsl (weather, season, variation over one material's
// float maps, in place), and the builder of its ModifierUniforms values, shared with the GPU pass.
import { SEASONS, WEATHERS, type MaterialModifiers } from '../modifiers';
import type { MaterialUniformValues } from '../uniforms';
import { mnFbmValue, mnHash, mnValue, mnWorley, newWorley } from './material-noise';
import { clamp, mix, smoothstep, type FloatSet } from './texels';

/** The values of the kernel's ModifierUniforms struct (field for field). */
export interface ModifierUniformValues {
  size: number;
  weather: number;
  season: number;
  seed: number;
  weatherAmount: number;
  hue: number;
  saturation: number;
  value: number;
  wear: number;
  dirt: number;
  metalnessMax: number;
}

const f32 = Math.fround;

/** Modifiers (defaults filled by validateBakeRequest) for a material's uniforms. */
export function modifierUniforms(
  m: MaterialModifiers,
  u: MaterialUniformValues,
): ModifierUniformValues {
  return {
    size: u.size,
    weather: m.weather === undefined ? 0 : WEATHERS.indexOf(m.weather) + 1,
    season: m.season === undefined ? 0 : SEASONS.indexOf(m.season) + 1,
    seed: (m.seed ?? 0) >>> 0,
    weatherAmount: f32(m.weatherAmount ?? 0.6),
    hue: f32(m.hue ?? 0),
    saturation: f32(m.saturation ?? 0),
    value: f32(m.value ?? 0),
    wear: f32(m.wear ?? 0),
    dirt: f32(m.dirt ?? 0),
    metalnessMax: u.metalnessMax,
  };
}

const SALT_SEASON = 11;
const SALT_WEAR = 12;
const SALT_DIRT = 13;
const SALT_POOL = 14;
const SALT_FROST = 15;
const SALT_DUST = 16;
const SALT_RUST = 17;
const SALT_RUST_FINE = 18;
const SALT_CRACK = 19;
const SALT_CRACK_GAP = 20;

const fract = (x: number): number => x - Math.floor(x);

/** md_rgb2hsv: hue in turns [0, 1), saturation, value; written to out. */
export function rgbToHsv(r: number, g: number, b: number, out: number[]): number[] {
  const v = Math.max(r, g, b);
  const m = Math.min(r, g, b);
  const d = v - m;
  let h = 0;
  if (d > 0) {
    if (v === r) {
      h = (g - b) / d;
      if (h < 0) h += 6;
    } else if (v === g) {
      h = (b - r) / d + 2;
    } else {
      h = (r - g) / d + 4;
    }
    h = h / 6;
  }
  out[0] = h;
  out[1] = v > 0 ? d / v : 0;
  out[2] = v;
  return out;
}

/** md_hsv2rgb, written to out. */
export function hsvToRgb(h: number, s: number, v: number, out: number[]): number[] {
  const offsets = [0, 0.6666667, 0.33333334];
  for (let k = 0; k < 3; k++) {
    const c = Math.abs(fract(h + offsets[k]!) * 6 - 3) - 1;
    out[k] = v * mix(1, clamp(c, 0, 1), s);
  }
  return out;
}

function hueToward(h: number, goal: number, t: number): number {
  let d = goal - h;
  d = d - Math.floor(d + 0.5);
  return fract(h + d * t);
}

/** Applies the modifiers to the set in place (height included). */
export function modifierCpu(m: ModifierUniformValues, set: FloatSet): void {
  const n = m.size;
  const { field, albedo, orm, emissive } = set;
  const seed = (salt: number) => mnHash(salt, m.seed);
  const seeds = {
    season: seed(SALT_SEASON),
    wear: seed(SALT_WEAR),
    dirt: seed(SALT_DIRT),
    pool: seed(SALT_POOL),
    frost: seed(SALT_FROST),
    dust: seed(SALT_DUST),
    rust: seed(SALT_RUST),
    rustFine: seed(SALT_RUST_FINE),
    crack: seed(SALT_CRACK),
    crackGap: seed(SALT_CRACK_GAP),
  };
  const hsv = [0, 0, 0];
  const col = [0, 0, 0];
  const worley = newWorley();
  const poolLevel = (px: number, py: number, amount: number) =>
    amount * (0.2 + 0.5 * mnFbmValue(px * 3, py * 3, 3, 3, 3, 0.5, seeds.pool));
  const pool = (h: number, level: number) => 1 - smoothstep(level - 0.04, level + 0.01, h);
  const mixCol = (r: number, g: number, b: number, t: number) => {
    col[0] = mix(col[0]!, r, t);
    col[1] = mix(col[1]!, g, t);
    col[2] = mix(col[2]!, b, t);
  };
  const amount = m.weatherAmount;

  for (let j = 0; j < n; j++) {
    for (let i = 0; i < n; i++) {
      const o = (j * n + i) * 4;
      const px = (i + 0.5) / n;
      const py = (j + 0.5) / n;
      let h = field[o]!;
      const cell = field[o + 1]!;
      const mask = clamp(field[o + 2]!, 0, 1);
      col[0] = albedo[o]!;
      col[1] = albedo[o + 1]!;
      col[2] = albedo[o + 2]!;
      let slope = albedo[o + 3]!;
      let ao = orm[o]!;
      let rough = orm[o + 1]!;
      let metal = orm[o + 2]!;
      const curvature = orm[o + 3]!;
      let cover = 0;

      if (m.hue !== 0 || m.saturation !== 0 || m.value !== 0) {
        rgbToHsv(col[0]!, col[1]!, col[2]!, hsv);
        hsvToRgb(
          fract(hsv[0]! + m.hue),
          clamp(hsv[1]! * (1 + m.saturation), 0, 1),
          clamp(hsv[2]! * (1 + m.value), 0, 1),
          col,
        );
      }

      if (m.season !== 0) {
        rgbToHsv(col[0]!, col[1]!, col[2]!, hsv);
        const [hh, hs, hv] = hsv as [number, number, number];
        const foliage =
          smoothstep(0.1, 0.18, hh) * (1 - smoothstep(0.45, 0.55, hh)) * smoothstep(0.08, 0.25, hs);
        const nz = mnFbmValue(px * 6, py * 6, 6, 6, 3, 0.5, seeds.season);
        let goal: [number, number, number];
        if (m.season === 1) {
          goal = [0.24, Math.min(hs * 1.15 + 0.05, 1), Math.min(hv * 1.15, 1)];
        } else if (m.season === 2) {
          goal = [0.33, Math.min(hs * 1.2, 1), hv * 0.75];
        } else if (m.season === 3) {
          const r = clamp(cell * 0.6 + nz * 0.8 - 0.2, 0, 1);
          goal = [0.13 * r, Math.max(hs, 0.7), hv * mix(0.8, 1.1, r)];
        } else {
          goal = [0.08, hs * 0.35, hv * 0.7];
        }
        hsvToRgb(
          hueToward(hh, goal[0], foliage),
          mix(hs, goal[1], foliage),
          mix(hv, goal[2], foliage),
          col,
        );
        if (m.season === 4) {
          const snow = smoothstep(0.45, 0.7, h + (nz - 0.5) * 0.5) * (1 - 0.6 * slope);
          mixCol(0.85, 0.88, 0.92, snow);
          rough = mix(rough, 0.65, snow);
          metal = mix(metal, 0, snow);
          h = Math.max(h, mix(h, 0.7 + 0.2 * nz, snow));
          slope = slope * (1 - snow);
          cover = Math.max(cover, snow);
        }
      }

      if (m.wear > 0) {
        const nw = mnValue(px * 48, py * 48, 48, 48, seeds.wear);
        const w = m.wear * smoothstep(0.05, 0.3, curvature + (nw - 0.5) * 0.2) * mask;
        for (let k = 0; k < 3; k++) col[k] = mix(col[k]!, Math.min(col[k]! * 1.4 + 0.05, 1), w);
        rough = mix(rough, Math.min(rough + 0.25, 1), w);
        const bare = w * smoothstep(0.4, 0.7, m.metalnessMax);
        metal = mix(metal, m.metalnessMax, bare);
        mixCol(0.56, 0.57, 0.58, bare * 0.8);
      }

      if (m.dirt > 0) {
        const nd = mnFbmValue(px * 8, py * 8, 8, 8, 3, 0.5, seeds.dirt);
        const cavity = clamp(
          (1 - ao) * 2 + (1 - mask) * 0.4 + (nd - 0.5) * 0.6 - curvature * 0.5,
          0,
          1,
        );
        const d = m.dirt * smoothstep(0.05, 0.6, cavity);
        col[0] = mix(col[0]!, col[0]! * 0.35, d);
        col[1] = mix(col[1]!, col[1]! * 0.3, d);
        col[2] = mix(col[2]!, col[2]! * 0.25, d);
        rough = mix(rough, 0.95, d * 0.6);
        metal = metal * (1 - 0.7 * d);
      }

      switch (m.weather) {
        case 1: {
          const porous = 1 - metal;
          const dark = mix(1, 0.5, amount * (0.4 + 0.6 * porous));
          rough = rough * mix(1, 0.4, amount);
          const level = poolLevel(px, py, amount);
          const p = pool(h, level);
          const k = dark * mix(1, 0.85, p);
          for (let c = 0; c < 3; c++) col[c] = col[c]! * k;
          rough = mix(rough, 0.02, p);
          metal = mix(metal, 0, p);
          ao = mix(ao, 1, 0.5 * p);
          h = Math.max(h, mix(h, level, p));
          slope = slope * (1 - p);
          cover = Math.max(cover, 0.5 * p);
          break;
        }
        case 2: {
          const speck =
            amount * smoothstep(0.62, 0.78, mnValue(px * 96, py * 96, 96, 96, seeds.frost));
          mixCol(0.82, 0.88, 0.95, clamp(0.3 * amount + 0.7 * speck, 0, 1));
          rough = mix(rough, 0.8, speck);
          const level = poolLevel(px, py, amount * 0.8);
          const ice = pool(h, level);
          mixCol(0.3, 0.5, 0.7, 0.75 * ice);
          rough = mix(rough, 0.05, ice);
          metal = mix(metal, 0, Math.max(ice, speck));
          ao = mix(ao, 1, 0.5 * ice);
          h = Math.max(h, mix(h, level, ice)) + 0.02 * speck;
          slope = slope * (1 - ice);
          cover = Math.max(cover, ice, speck);
          break;
        }
        case 3: {
          const nd = mnFbmValue(px * 5, py * 5, 5, 5, 4, 0.5, seeds.dust);
          const base = clamp(
            0.25 + 0.6 * (1 - ao) + 0.35 * (1 - slope) + 0.3 * (h - 0.5) + 0.6 * (nd - 0.5),
            0,
            1,
          );
          const dust = amount * smoothstep(0.15, 0.75, base);
          mixCol(0.52, 0.43, 0.3, 0.85 * dust);
          rough = mix(rough, 0.95, dust);
          metal = metal * (1 - dust);
          h = h + 0.04 * dust * (1 - h);
          cover = Math.max(cover, dust);
          break;
        }
        case 4: {
          rgbToHsv(col[0]!, col[1]!, col[2]!, hsv);
          let dh = hsv[0]! - 0.07;
          dh = Math.abs(dh - Math.floor(dh + 0.5));
          const copper = smoothstep(0.2, 0.4, hsv[1]!) * (1 - smoothstep(0.08, 0.13, dh));
          const metalLike = smoothstep(0.1, 0.5, metal);
          const nc = mnFbmValue(px * 6, py * 6, 6, 6, 4, 0.5, seeds.rust);
          const fine = mnValue(px * 40, py * 40, 40, 40, seeds.rustFine);
          const c =
            amount *
            smoothstep(
              0.25,
              0.65,
              nc * 0.9 + (1 - ao) * 0.5 + (1 - mask) * 0.3 + (amount - 0.5) * 0.4,
            ) *
            mix(0.35, 1, metalLike);
          const rust = [mix(0.16, 0.45, fine), mix(0.05, 0.16, fine), mix(0.02, 0.04, fine)];
          const patina = [mix(0.1, 0.3, fine), mix(0.33, 0.55, fine), mix(0.26, 0.45, fine)];
          mixCol(
            mix(rust[0]!, patina[0]!, copper),
            mix(rust[1]!, patina[1]!, copper),
            mix(rust[2]!, patina[2]!, copper),
            c,
          );
          rough = mix(rough, mix(0.9, 0.7, copper), c);
          metal = metal * (1 - c);
          h = h + 0.05 * c * (fine - 0.3);
          cover = Math.max(cover, c);
          break;
        }
        case 5: {
          const luma = 0.2126 * col[0]! + 0.7152 * col[1]! + 0.0722 * col[2]!;
          mixCol(luma, luma, luma, 0.6 * amount);
          for (let k = 0; k < 3; k++) {
            col[k] = mix(col[k]!, Math.min(col[k]! * 1.25 + 0.06, 1), 0.6 * amount);
          }
          rough = Math.min(rough + 0.2 * amount, 1);
          mnWorley(px * 10, py * 10, 10, 10, 1, seeds.crack, worley);
          const gaps = smoothstep(0.35, 0.6, mnValue(px * 20, py * 20, 20, 20, seeds.crackGap));
          const crack = amount * (1 - smoothstep(0, 0.035, worley.edge)) * gaps;
          for (let k = 0; k < 3; k++) col[k] = col[k]! * (1 - 0.55 * crack);
          rough = mix(rough, 1, 0.5 * crack);
          h = h - 0.25 * crack;
          break;
        }
        default:
          break;
      }

      field[o] = clamp(h, 0, 1);
      albedo[o] = clamp(col[0]!, 0, 1);
      albedo[o + 1] = clamp(col[1]!, 0, 1);
      albedo[o + 2] = clamp(col[2]!, 0, 1);
      albedo[o + 3] = slope;
      orm[o] = clamp(ao, 0, 1);
      orm[o + 1] = clamp(rough, 0, 1);
      orm[o + 2] = clamp(metal, 0, 1);
      if (emissive) {
        const k = 1 - 0.8 * cover;
        emissive[o] = emissive[o]! * k;
        emissive[o + 1] = emissive[o + 1]! * k;
        emissive[o + 2] = emissive[o + 2]! * k;
      }
    }
  }
}
