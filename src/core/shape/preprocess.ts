// Turns any picture of one object (a photo on a plain background, a render with transparency, a
// line drawing) into the model's input: a filled foreground mask and its luminance, cropped to the
// object, padded square and resized to SHAPE_IMAGE_SIZE. The training data goes through this same
// function, so what the model sees at training and in the studio is made the same way.
import {
  SHAPE_IMAGE_CHANNELS,
  SHAPE_IMAGE_SIZE,
  type RgbaImage,
  type ShapeImage,
} from './shape-types';

export const PREPROCESS_LIMITS = {
  maxSide: 4096,
  /** 16 MP. */
  maxPixels: 16_000_000,
  minSide: 16,
  /** Foreground under this fraction of the pixels counts as empty. */
  minForeground: 0.001,
  /** Foreground over this fraction counts as "no background found". */
  maxForeground: 0.995,
} as const;

export interface PreprocessOptions {
  /** Colour distance (0..441, Euclidean RGB in 0..255) above which a pixel is foreground. */
  threshold?: number;
  /** Alpha above which a pixel is foreground when the image has transparency. */
  alphaThreshold?: number;
  /** Margin on each side of the square crop, as a fraction of its side. */
  margin?: number;
  /** Output side (default SHAPE_IMAGE_SIZE). */
  size?: number;
  /** Force the foreground method instead of detecting transparency. */
  method?: 'alpha' | 'background';
}

export const DEFAULT_PREPROCESS = { threshold: 48, alphaThreshold: 127, margin: 0.06 } as const;

export interface PreprocessResult {
  image: ShapeImage;
  /** 64x64 (output size) RGBA picture for the user: luminance, foreground tinted. */
  preview: RgbaImage;
  /** The square crop in source pixels (may extend past the image; outside counts as background). */
  crop: { x: number; y: number; width: number; height: number };
  method: 'alpha' | 'background';
  /** Fraction of the source pixels in the filled foreground mask. */
  foregroundFraction: number;
}

export type ShapeImageErrorCode =
  'bad-data' | 'too-large' | 'too-small' | 'empty' | 'no-background';

export class ShapeImageError extends Error {
  readonly code: ShapeImageErrorCode;
  constructor(code: ShapeImageErrorCode, message: string) {
    super(message);
    this.name = 'ShapeImageError';
    this.code = code;
  }
}

function check(img: RgbaImage): void {
  const { width, height } = img;
  if (!Number.isInteger(width) || !Number.isInteger(height) || width < 0 || height < 0) {
    throw new ShapeImageError(
      'bad-data',
      `The image size ${width}x${height} is not a whole number of pixels.`,
    );
  }
  if (width > PREPROCESS_LIMITS.maxSide || height > PREPROCESS_LIMITS.maxSide) {
    throw new ShapeImageError(
      'too-large',
      `The image is ${width}x${height} pixels; the largest side allowed is ${PREPROCESS_LIMITS.maxSide} pixels.`,
    );
  }
  if (width * height > PREPROCESS_LIMITS.maxPixels) {
    const mp = ((width * height) / 1e6).toFixed(1);
    throw new ShapeImageError(
      'too-large',
      `The image is ${width}x${height} pixels (${mp} MP); at most 16 MP (${PREPROCESS_LIMITS.maxPixels} pixels) is allowed.`,
    );
  }
  if (width < PREPROCESS_LIMITS.minSide || height < PREPROCESS_LIMITS.minSide) {
    throw new ShapeImageError(
      'too-small',
      `The image is ${width}x${height} pixels; each side must be at least ${PREPROCESS_LIMITS.minSide} pixels.`,
    );
  }
  if (img.data.length !== width * height * 4) {
    throw new ShapeImageError(
      'bad-data',
      `The image data has ${img.data.length} bytes; ${width}x${height} RGBA needs ${width * height * 4}.`,
    );
  }
}

/** True when some pixel is noticeably transparent. */
export function hasTransparency(img: RgbaImage): boolean {
  const d = img.data;
  for (let i = 3; i < d.length; i += 4) if (d[i]! < 250) return true;
  return false;
}

/** Median of each channel over the border pixels. */
export function borderColour(img: RgbaImage): [number, number, number] {
  const { width: w, height: h, data: d } = img;
  const hist = [new Uint32Array(256), new Uint32Array(256), new Uint32Array(256)];
  let count = 0;
  const add = (x: number, y: number): void => {
    const o = (y * w + x) * 4;
    hist[0]![d[o]!]!++;
    hist[1]![d[o + 1]!]!++;
    hist[2]![d[o + 2]!]!++;
    count++;
  };
  for (let x = 0; x < w; x++) {
    add(x, 0);
    add(x, h - 1);
  }
  for (let y = 1; y < h - 1; y++) {
    add(0, y);
    add(w - 1, y);
  }
  const median = (hh: Uint32Array): number => {
    let acc = 0;
    for (let v = 0; v < 256; v++) {
      acc += hh[v]!;
      if (acc * 2 >= count) return v;
    }
    return 255;
  };
  return [median(hist[0]!), median(hist[1]!), median(hist[2]!)];
}

/** Raw foreground (before filling) by alpha or by distance from the border colour. */
export function foregroundMask(
  img: RgbaImage,
  method: 'alpha' | 'background',
  options: PreprocessOptions = {},
): Uint8Array {
  const n = img.width * img.height;
  const d = img.data;
  const mask = new Uint8Array(n);
  if (method === 'alpha') {
    const a = options.alphaThreshold ?? DEFAULT_PREPROCESS.alphaThreshold;
    for (let i = 0; i < n; i++) mask[i] = d[i * 4 + 3]! > a ? 1 : 0;
    return mask;
  }
  const [br, bg, bb] = borderColour(img);
  const t = options.threshold ?? DEFAULT_PREPROCESS.threshold;
  const t2 = t * t;
  for (let i = 0; i < n; i++) {
    const dr = d[i * 4]! - br;
    const dg = d[i * 4 + 1]! - bg;
    const db = d[i * 4 + 2]! - bb;
    mask[i] = dr * dr + dg * dg + db * db > t2 ? 1 : 0;
  }
  return mask;
}

/**
 * Fills a mask: every pixel not reachable from the border through background pixels (4-connected)
 * becomes foreground, so a closed outline becomes a solid silhouette. Returns the count of
 * background pixels reached.
 */
export function fillMask(mask: Uint8Array, width: number, height: number): number {
  const n = width * height;
  const outside = new Uint8Array(n);
  const stack = new Int32Array(n);
  let top = 0;
  const seed = (i: number): void => {
    if (!mask[i] && !outside[i]) {
      outside[i] = 1;
      stack[top++] = i;
    }
  };
  for (let x = 0; x < width; x++) {
    seed(x);
    seed((height - 1) * width + x);
  }
  for (let y = 0; y < height; y++) {
    seed(y * width);
    seed(y * width + width - 1);
  }
  let reached = 0;
  while (top > 0) {
    const i = stack[--top]!;
    reached++;
    const x = i % width;
    if (x > 0) seed(i - 1);
    if (x < width - 1) seed(i + 1);
    if (i >= width) seed(i - width);
    if (i < n - width) seed(i + width);
  }
  for (let i = 0; i < n; i++) mask[i] = outside[i] ? 0 : 1;
  return reached;
}

/** Per destination index, the source pixels it covers and their weights (area averaging). */
function boxWeights(
  start: number,
  span: number,
  out: number,
  limit: number,
): Array<Array<[number, number]>> {
  const scale = span / out;
  const result: Array<Array<[number, number]>> = [];
  for (let o = 0; o < out; o++) {
    const a = start + o * scale;
    const b = a + scale;
    const taps: Array<[number, number]> = [];
    for (let s = Math.floor(a); s < b; s++) {
      const w = Math.min(b, s + 1) - Math.max(a, s);
      if (w <= 0) continue;
      // Source pixels outside the image are background: index -1.
      taps.push([s >= 0 && s < limit ? s : -1, w / scale]);
    }
    result.push(taps);
  }
  return result;
}

export function preprocessImage(img: RgbaImage, options: PreprocessOptions = {}): PreprocessResult {
  check(img);
  const { width: w, height: h, data: d } = img;
  const n = w * h;
  const method = options.method ?? (hasTransparency(img) ? 'alpha' : 'background');
  const mask = foregroundMask(img, method, options);
  let raw = 0;
  for (let i = 0; i < n; i++) raw += mask[i]!;
  if (raw < PREPROCESS_LIMITS.minForeground * n) {
    throw new ShapeImageError(
      'empty',
      `No object found: only ${raw} of ${n} pixels (${((100 * raw) / n).toFixed(3)}%) differ from the ` +
        `${method === 'alpha' ? 'transparent background' : 'background colour'}; at least 0.1% are needed. ` +
        (method === 'background' ? 'Try a lower threshold.' : ''),
    );
  }
  const reached = fillMask(mask, w, h);
  const filled = n - reached;
  if (reached === 0 || filled > PREPROCESS_LIMITS.maxForeground * n) {
    throw new ShapeImageError(
      'no-background',
      `No background found: the object covers ${((100 * filled) / n).toFixed(1)}% of the ${w}x${h} image ` +
        `(at most ${100 * PREPROCESS_LIMITS.maxForeground}%). Use a picture with space around the object` +
        (method === 'background' ? ' or a higher threshold.' : '.'),
    );
  }
  let x0 = w;
  let y0 = h;
  let x1 = -1;
  let y1 = -1;
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      if (!mask[y * w + x]) continue;
      if (x < x0) x0 = x;
      if (x > x1) x1 = x;
      if (y < y0) y0 = y;
      if (y > y1) y1 = y;
    }
  }
  const margin = options.margin ?? DEFAULT_PREPROCESS.margin;
  const side = Math.max(x1 - x0 + 1, y1 - y0 + 1) / (1 - 2 * margin);
  const cx = (x0 + x1 + 1) / 2;
  const cy = (y0 + y1 + 1) / 2;
  const crop = { x: cx - side / 2, y: cy - side / 2, width: side, height: side };
  const size = options.size ?? SHAPE_IMAGE_SIZE;
  const wx = boxWeights(crop.x, side, size, w);
  const wy = boxWeights(crop.y, side, size, h);
  const data = new Float32Array(SHAPE_IMAGE_CHANNELS * size * size);
  const plane = size * size;
  const transparent = method === 'alpha';
  for (let oy = 0; oy < size; oy++) {
    for (let ox = 0; ox < size; ox++) {
      let cover = 0;
      let lum = 0;
      for (const [sy, wyv] of wy[oy]!) {
        for (const [sx, wxv] of wx[ox]!) {
          const wgt = wyv * wxv;
          if (sx < 0 || sy < 0) {
            lum += wgt;
            continue;
          }
          const i = sy * w + sx;
          if (!mask[i]) {
            lum += wgt;
            continue;
          }
          cover += wgt;
          const o = i * 4;
          let l = (0.2126 * d[o]! + 0.7152 * d[o + 1]! + 0.0722 * d[o + 2]!) / 255;
          // Composite over white, so a half-transparent pixel reads lighter.
          if (transparent) {
            const a = d[o + 3]! / 255;
            l = l * a + (1 - a);
          }
          lum += wgt * l;
        }
      }
      const k = oy * size + ox;
      data[k] = Math.min(1, Math.max(0, cover));
      data[plane + k] = Math.min(1, Math.max(0, lum));
    }
  }
  const preview = new Uint8ClampedArray(plane * 4);
  for (let k = 0; k < plane; k++) {
    const m = data[k]!;
    const l = data[plane + k]! * 255;
    // Foreground tinted blue, background as is.
    preview[k * 4] = l * (1 - 0.45 * m);
    preview[k * 4 + 1] = l * (1 - 0.25 * m);
    preview[k * 4 + 2] = l * (1 - 0.25 * m) + 110 * m;
    preview[k * 4 + 3] = 255;
  }
  return {
    image: { data, size },
    preview: { width: size, height: size, data: preview },
    crop,
    method,
    foregroundFraction: filled / n,
  };
}
