// A baked material as a small shaded picture for the material browser and the editor's preview: a lit
// sphere (or a lit flat tile) whose surface reads the maps the way the viewport does, so a thumbnail
// shows relief and shine, not just flat colour. Pure and deterministic: albedo × (key light Lambert
// over the normal-mapped surface + a sky/ground ambient) × AO, a GGX highlight and a studio-gradient
// reflection weighted by roughness and metalness, plus emissive; then a filmic tone curve to sRGB.
//
// The sphere wraps the tile twice around (u) and once pole to pole (v), so its visible half shows
// one tile about square, the way a preview sphere does in other tools.
import { EMISSIVE_RANGE, levelSize, type MaterialMaps, type Rgba8Map } from './maps';

export type ThumbnailShape = 'sphere' | 'tile';

export interface ThumbnailOptions {
  /** Output side in pixels (8..1024). */
  size: number;
  shape?: ThumbnailShape;
  /** RGBA 0..255 behind the sphere; transparent by default. */
  background?: readonly [number, number, number, number];
}

/** RGBA8, sRGB, straight alpha: ready for ImageData. */
export interface ThumbnailImage {
  width: number;
  height: number;
  data: Uint8ClampedArray<ArrayBuffer>;
}

type Vec3 = [number, number, number];

const normalize = (v: Vec3): Vec3 => {
  const l = Math.hypot(v[0], v[1], v[2]) || 1;
  return [v[0] / l, v[1] / l, v[2] / l];
};
const dot = (a: Vec3, b: Vec3) => a[0] * b[0] + a[1] * b[1] + a[2] * b[2];

/** View space: x right, y up, z towards the viewer. The key light comes from the upper left. */
const KEY: Vec3 = normalize([-0.55, 0.65, 0.55]);
const KEY_INTENSITY = 2.6;
const RIM: Vec3 = normalize([0.8, 0.15, -0.35]);
const RIM_INTENSITY = 0.5;
const VIEW: Vec3 = [0, 0, 1];
const SKY: Vec3 = [0.42, 0.45, 0.5];
const GROUND: Vec3 = [0.1, 0.09, 0.085];
/** The reflected environment: zenith, horizon and floor. */
const ZENITH: Vec3 = [0.78, 0.84, 0.95];
const HORIZON: Vec3 = [0.5, 0.5, 0.52];
const FLOOR: Vec3 = [0.06, 0.055, 0.05];

/** sRGB byte → linear, the exact transfer function. */
const SRGB_TO_LINEAR = new Float32Array(256);
for (let i = 0; i < 256; i++) {
  const c = i / 255;
  SRGB_TO_LINEAR[i] = c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
}

function linearToSrgbByte(c: number): number {
  const x = Math.min(1, Math.max(0, c));
  const s = x <= 0.0031308 ? x * 12.92 : 1.055 * x ** (1 / 2.4) - 0.055;
  return Math.round(s * 255);
}

/** A gentle filmic shoulder (Reinhard on a scaled curve) so highlights roll off instead of clipping. */
function tone(c: number): number {
  const x = c * 1.1;
  return x / (1 + x * 0.35);
}

/** Reads an RGBA8 map with bilinear filtering between texels and linear blending between mip
 * levels (trilinear), wrapping at the edges (the maps tile). */
class Sampler {
  private readonly levels: { n: number; texels: Uint8Array }[];
  private readonly a = new Float32Array(4);
  private readonly b = new Float32Array(4);
  constructor(map: Rgba8Map, size: number) {
    this.levels = map.levels.map((texels, l) => ({ n: levelSize(size, l), texels }));
  }

  /** Channels 0..3 at tile coordinates (u, v) and mip level `lod` (fractional) into `out`:
   * 0..255, or linear 0..1 when `linear` (sRGB-encoded maps). */
  sample(u: number, v: number, lod: number, out: Float32Array, linear = false): void {
    const top = this.levels.length - 1;
    const l = Math.min(top, Math.max(0, lod));
    const l0 = Math.floor(l);
    const f = l - l0;
    this.bilinear(l0, u, v, f > 0 && l0 < top ? this.a : out, linear);
    if (f > 0 && l0 < top) {
      this.bilinear(l0 + 1, u, v, this.b, linear);
      for (let k = 0; k < 4; k++) out[k] = this.a[k]! + (this.b[k]! - this.a[k]!) * f;
    }
  }

  private bilinear(level: number, u: number, v: number, out: Float32Array, linear: boolean): void {
    const { n, texels: t } = this.levels[level]!;
    const x = u * n - 0.5;
    const y = v * n - 0.5;
    const x0 = Math.floor(x);
    const y0 = Math.floor(y);
    const fx = x - x0;
    const fy = y - y0;
    const i0 = ((x0 % n) + n) % n;
    const j0 = ((y0 % n) + n) % n;
    const i1 = (i0 + 1) % n;
    const j1 = (j0 + 1) % n;
    const a = (j0 * n + i0) * 4;
    const b = (j0 * n + i1) * 4;
    const c = (j1 * n + i0) * 4;
    const d = (j1 * n + i1) * 4;
    const w00 = (1 - fx) * (1 - fy);
    const w10 = fx * (1 - fy);
    const w01 = (1 - fx) * fy;
    const w11 = fx * fy;
    for (let k = 0; k < 4; k++) {
      if (linear) {
        out[k] =
          SRGB_TO_LINEAR[t[a + k]!]! * w00 +
          SRGB_TO_LINEAR[t[b + k]!]! * w10 +
          SRGB_TO_LINEAR[t[c + k]!]! * w01 +
          SRGB_TO_LINEAR[t[d + k]!]! * w11;
      } else {
        out[k] = t[a + k]! * w00 + t[b + k]! * w10 + t[c + k]! * w01 + t[d + k]! * w11;
      }
    }
  }
}

/** GGX normal distribution. */
function ggx(nh: number, alpha: number): number {
  const a2 = alpha * alpha;
  const d = nh * nh * (a2 - 1) + 1;
  return a2 / (Math.PI * d * d);
}

/** Schlick Fresnel for one channel. */
const fresnel = (f0: number, cos: number) => f0 + (1 - f0) * (1 - cos) ** 5;

/** The studio's surroundings as a reflection sees them: a bright sky over a horizon and a dark floor,
 * the horizon blurred by roughness, plus a soft window up and to the left. */
function environment(r: Vec3, roughness: number, out: Vec3): void {
  const blur = 0.04 + roughness * 0.9;
  const t = Math.min(1, Math.max(0, (r[1] + blur) / (2 * blur)));
  const k = t * t * (3 - 2 * t);
  const up = Math.min(1, Math.max(0, r[1]));
  const window = Math.max(0, dot(r, KEY)) ** (4 + 80 * (1 - roughness)) * (1.6 - roughness);
  for (let c = 0; c < 3; c++) {
    const sky = HORIZON[c]! + (ZENITH[c]! - HORIZON[c]!) * up;
    out[c] = FLOOR[c]! + (sky - FLOOR[c]!) * k + window;
  }
}

/**
 * Shades `maps` into a `size`² RGBA8 image. The mip level is chosen so a texel covers about a pixel;
 * the result is the same for the same input, and the maps are only read.
 */
export function shadeThumbnail(maps: MaterialMaps, options: ThumbnailOptions): ThumbnailImage {
  const size = options.size;
  if (!Number.isInteger(size) || size < 8 || size > 1024) {
    throw new RangeError(`thumbnail size: expected an integer 8..1024, got ${size}`);
  }
  const shape = options.shape ?? 'sphere';
  const bg = options.background ?? [0, 0, 0, 0];
  const clear = bg[3] === 0;
  // The sphere shows about one tile across its diameter, the tile one tile across the image: one
  // level-`base` texel per pixel where the surface faces the viewer.
  const base = Math.log2(maps.size / size);
  const albedo = new Sampler(maps.albedo, maps.size);
  const normal = new Sampler(maps.normal, maps.size);
  const orm = new Sampler(maps.orm, maps.size);
  const emissive = maps.emissive ? new Sampler(maps.emissive, maps.size) : null;

  const data = new Uint8ClampedArray(size * size * 4);
  const colour = new Float32Array(4);
  const nrm = new Float32Array(4);
  const rma = new Float32Array(4);
  const glow = new Float32Array(4);
  const env: Vec3 = [0, 0, 0];
  const radius = size / 2 - 1;
  const centre = size / 2;

  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      const o = (py * size + px) * 4;
      let u: number;
      let v: number;
      let N: Vec3;
      let T: Vec3;
      let B: Vec3;
      let coverage = 1;
      let lod = base;
      if (shape === 'sphere') {
        const x = (px + 0.5 - centre) / radius;
        const y = (centre - (py + 0.5)) / radius;
        const r2 = x * x + y * y;
        const dist = Math.sqrt(r2) * radius;
        coverage = Math.min(1, Math.max(0, radius - dist + 0.5));
        if (coverage <= 0) {
          data[o] = bg[0];
          data[o + 1] = bg[1];
          data[o + 2] = bg[2];
          data[o + 3] = bg[3];
          continue;
        }
        const z = Math.sqrt(Math.max(0, 1 - Math.min(1, r2)));
        N = normalize([x, y, z]);
        // Towards the silhouette a pixel covers more of the surface: a coarser level, not sparkle.
        lod = base + Math.log2(1 / Math.max(0.08, z));
        const phi = Math.atan2(N[0], N[2]);
        u = 0.5 + phi / Math.PI; // twice around: one tile over the visible half
        v = Math.acos(Math.max(-1, Math.min(1, N[1]))) / Math.PI;
        // Tangent along +u (east), bitangent towards the north pole (texture +Y up).
        T = Math.abs(N[0]) + Math.abs(N[2]) < 1e-6 ? [1, 0, 0] : normalize([N[2], 0, -N[0]]);
        B = [N[1] * T[2] - N[2] * T[1], N[2] * T[0] - N[0] * T[2], N[0] * T[1] - N[1] * T[0]];
      } else {
        u = (px + 0.5) / size;
        v = (py + 0.5) / size;
        N = [0, 0, 1];
        T = [1, 0, 0];
        B = [0, 1, 0];
      }

      albedo.sample(u, v, lod, colour, true);
      normal.sample(u, v, lod, nrm);
      orm.sample(u, v, lod, rma);
      const tx = nrm[0]! / 127.5 - 1;
      const ty = nrm[1]! / 127.5 - 1;
      const tz = nrm[2]! / 127.5 - 1;
      const n = normalize([
        T[0] * tx + B[0] * ty + N[0] * tz,
        T[1] * tx + B[1] * ty + N[1] * tz,
        T[2] * tx + B[2] * ty + N[2] * tz,
      ]);
      const ao = rma[0]! / 255;
      const roughness = Math.max(0.04, rma[1]! / 255);
      const metal = rma[2]! / 255;
      const alpha = roughness * roughness;

      const nv = Math.max(1e-4, dot(n, VIEW));
      // Highlights fade out at the silhouette, where a perturbed normal would sparkle at random.
      const facing = Math.min(1, Math.max(0, dot(N, VIEW) / 0.2));
      const nl = Math.max(0, dot(n, KEY));
      // The geometric normal shadows the key too, so grooves facing away from it darken.
      const shadow = Math.min(1, Math.max(0, dot(N, KEY) * 4 + 0.6));
      const h = normalize([KEY[0] + VIEW[0], KEY[1] + VIEW[1], KEY[2] + VIEW[2]]);
      const nh = Math.max(0, dot(n, h));
      const vh = Math.max(0, dot(VIEW, h));
      const k = alpha / 2;
      const vis = 1 / ((nl * (1 - k) + k) * (nv * (1 - k) + k) * 4);
      const spec = ggx(nh, alpha) * vis * nl * KEY_INTENSITY * shadow;
      const rim = Math.max(0, dot(n, RIM)) * RIM_INTENSITY;
      const sky = n[1] * 0.5 + 0.5;
      const refl: Vec3 = [
        2 * nv * n[0] - VIEW[0],
        2 * nv * n[1] - VIEW[1],
        2 * nv * n[2] - VIEW[2],
      ];
      environment(refl, roughness, env);
      // Rough surfaces reflect less sharply; a cheap stand-in for the split-sum's scale.
      const envWeight = 1 - roughness * 0.55;

      if (emissive) emissive.sample(u, v, lod, glow, true);
      for (let c = 0; c < 3; c++) {
        const a = colour[c]!;
        const f0 = 0.04 + (a - 0.04) * metal;
        const ambient = (GROUND[c]! + (SKY[c]! - GROUND[c]!) * sky) * 0.9;
        const diffuse = a * (1 - metal) * (nl * KEY_INTENSITY * shadow + ambient + rim) * ao;
        const specular =
          (fresnel(f0, vh) * spec + fresnel(f0, nv) * env[c]! * envWeight * ao) * facing;
        let lit = diffuse + specular;
        if (emissive) lit += glow[c]! * EMISSIVE_RANGE;
        const value = linearToSrgbByte(tone(lit));
        // Straight alpha: over a transparent background the edge fades by alpha alone.
        data[o + c] = clear ? value : Math.round(bg[c]! + (value - bg[c]!) * coverage);
      }
      data[o + 3] = Math.round(bg[3] + (255 - bg[3]) * coverage);
    }
  }
  return { width: size, height: size, data };
}
