import { describe, expect, it } from 'vitest';
import { makeShape } from '../../src/core/shape/families';
import {
  PREPROCESS_LIMITS,
  ShapeImageError,
  fillMask,
  foregroundMask,
  preprocessImage,
} from '../../src/core/shape/preprocess';
import { renderShape } from '../../src/core/shape/render-view';
import { SHAPE_IMAGE_SIZE, type RgbaImage } from '../../src/core/shape/shape-types';

type Rgba = [number, number, number, number];

/** A w x h image of `bg` with the pixels where `inside(x, y)` painted `fg`. */
function picture(
  w: number,
  h: number,
  bg: Rgba,
  fg: Rgba,
  inside: (x: number, y: number) => boolean,
): RgbaImage {
  const data = new Uint8ClampedArray(w * h * 4);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) data.set(inside(x, y) ? fg : bg, (y * w + x) * 4);
  }
  return { width: w, height: h, data };
}

const WHITE: Rgba = [255, 255, 255, 255];
const CLEAR: Rgba = [0, 0, 0, 0];

function maskOf(result: ReturnType<typeof preprocessImage>): Float32Array {
  const n = result.image.size * result.image.size;
  return result.image.data.subarray(0, n);
}

function iou(a: Float32Array, b: Float32Array): number {
  let inter = 0;
  let uni = 0;
  for (let i = 0; i < a.length; i++) {
    inter += Math.min(a[i]!, b[i]!);
    uni += Math.max(a[i]!, b[i]!);
  }
  return inter / uni;
}

function errorOf(fn: () => unknown): ShapeImageError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(ShapeImageError);
    return error as ShapeImageError;
  }
  throw new Error('expected a ShapeImageError');
}

describe('preprocessImage', () => {
  it('fills a sketch outline into the silhouette mask (IoU > 0.97) for several families', () => {
    for (const [id, seed] of [
      ['chair', 4],
      ['mug', 9],
      ['tree', 2],
      ['lamp', 6],
      ['house', 1],
    ] as const) {
      const render = renderShape(makeShape(id, seed), 128, { lineWidth: 2 });
      const sketch = preprocessImage(render.sketch);
      const silhouette = preprocessImage(render.silhouette);
      expect(sketch.method).toBe('background');
      expect(iou(maskOf(sketch), maskOf(silhouette)), `${id}#${seed}`).toBeGreaterThan(0.97);
      // The sketch keeps its lines in the luminance channel; the silhouette is black inside.
      let dark = 0;
      const plane = SHAPE_IMAGE_SIZE * SHAPE_IMAGE_SIZE;
      for (let i = 0; i < plane; i++) if (sketch.image.data[plane + i]! < 0.5) dark++;
      expect(dark).toBeGreaterThan(20);
    }
  });

  it('fills a closed ring drawn with 1 px diagonal steps (4-connected flood)', () => {
    const img = picture(64, 64, WHITE, [0, 0, 0, 255], (x, y) => {
      const r = Math.hypot(x - 31.5, y - 31.5);
      return Math.abs(r - 20) < 0.75;
    });
    const mask = foregroundMask(img, 'background');
    fillMask(mask, 64, 64);
    let filled = 0;
    for (const v of mask) filled += v;
    expect(Math.abs(filled - Math.PI * 20.5 * 20.5) / (Math.PI * 400)).toBeLessThan(0.06);
    expect(mask[32 * 64 + 32]).toBe(1);
    expect(mask[0]).toBe(0);
  });

  it('uses alpha when the image has transparency and the border colour otherwise', () => {
    const rect = (x: number, y: number): boolean => x >= 20 && x < 60 && y >= 30 && y < 50;
    const alpha = preprocessImage(picture(100, 80, CLEAR, [200, 40, 40, 255], rect));
    expect(alpha.method).toBe('alpha');
    const onBlue = preprocessImage(picture(100, 80, [30, 60, 200, 255], [200, 40, 40, 255], rect));
    expect(onBlue.method).toBe('background');
    expect(iou(maskOf(alpha), maskOf(onBlue))).toBeGreaterThan(0.999);
    expect(alpha.foregroundFraction).toBeCloseTo((40 * 20) / (100 * 80), 6);
    // Luminance: the object's inside, 1 (white) outside the mask.
    const plane = SHAPE_IMAGE_SIZE * SHAPE_IMAGE_SIZE;
    const centre = 32 * SHAPE_IMAGE_SIZE + 32;
    const expectedLum = (0.2126 * 200 + 0.7152 * 40 + 0.0722 * 40) / 255;
    expect(alpha.image.data[plane + centre]).toBeCloseTo(expectedLum, 5);
    expect(alpha.image.data[plane]).toBe(1);
    expect(alpha.image.data[0]).toBe(0);
    expect(alpha.preview.width).toBe(SHAPE_IMAGE_SIZE);
    expect(alpha.preview.data.length).toBe(plane * 4);
  });

  it('crops to the object, pads to a square with a 6% margin and keeps the aspect', () => {
    // A 40 x 20 rectangle off-centre in a 200 x 120 image.
    const result = preprocessImage(
      picture(200, 120, WHITE, [0, 0, 0, 255], (x, y) => x >= 120 && x < 160 && y >= 10 && y < 30),
    );
    const side = 40 / (1 - 2 * 0.06);
    expect(result.crop.width).toBeCloseTo(side, 6);
    expect(result.crop.height).toBeCloseTo(side, 6);
    expect(result.crop.x + result.crop.width / 2).toBeCloseTo(140, 6);
    expect(result.crop.y + result.crop.height / 2).toBeCloseTo(20, 6);
    const mask = maskOf(result);
    let area = 0;
    let x0 = 64;
    let x1 = -1;
    let y0 = 64;
    let y1 = -1;
    for (let y = 0; y < 64; y++) {
      for (let x = 0; x < 64; x++) {
        const m = mask[y * 64 + x]!;
        area += m;
        if (m > 0.5) {
          x0 = Math.min(x0, x);
          x1 = Math.max(x1, x);
          y0 = Math.min(y0, y);
          y1 = Math.max(y1, y);
        }
      }
    }
    // Area averaging preserves coverage: 40 x 20 source pixels at 64 / side output px per source px.
    expect(area).toBeCloseTo(40 * 20 * (64 / side) ** 2, 3);
    expect(x1 - x0 + 1).toBeGreaterThanOrEqual(55);
    expect(x1 - x0 + 1).toBeLessThanOrEqual(57);
    expect(y1 - y0 + 1).toBeGreaterThanOrEqual(27);
    expect(y1 - y0 + 1).toBeLessThanOrEqual(29);
    expect((x0 + x1 + 1) / 2).toBeCloseTo(32, 0);
    expect((y0 + y1 + 1) / 2).toBeCloseTo(32, 0);
  });

  it('lets the threshold option find a faint object', () => {
    const faint = picture(
      64,
      64,
      [200, 200, 200, 255],
      [180, 180, 180, 255],
      (x, y) => Math.hypot(x - 32, y - 32) < 15,
    );
    const err = errorOf(() => preprocessImage(faint));
    expect(err.code).toBe('empty');
    const found = preprocessImage(faint, { threshold: 20 });
    expect(found.foregroundFraction).toBeGreaterThan(0.15);
  });

  it('names too-large images with their size', () => {
    const wide = errorOf(() =>
      preprocessImage({ width: 5000, height: 20, data: new Uint8Array(0) }),
    );
    expect(wide.code).toBe('too-large');
    expect(wide.message).toContain('5000x20');
    expect(wide.message).toContain('4096');
    const many = errorOf(() =>
      preprocessImage({ width: 4096, height: 4000, data: new Uint8Array(0) }),
    );
    expect(many.code).toBe('too-large');
    expect(many.message).toContain('16.4 MP');
    expect(PREPROCESS_LIMITS.maxPixels).toBe(16_000_000);
  });

  it('names too-small images with their size', () => {
    const err = errorOf(() => preprocessImage(picture(15, 40, WHITE, WHITE, () => false)));
    expect(err.code).toBe('too-small');
    expect(err.message).toContain('15x40');
    expect(err.message).toContain('16 pixels');
  });

  it('reports an empty image with the pixel count it found', () => {
    const err = errorOf(() =>
      preprocessImage(picture(100, 100, WHITE, [0, 0, 0, 255], (x, y) => x === 5 && y < 5)),
    );
    expect(err.code).toBe('empty');
    expect(err.message).toContain('only 5 of 10000 pixels');
    expect(err.message).toContain('0.1%');
  });

  it('reports an image with no background', () => {
    // Opaque everywhere except one half-transparent pixel in the middle: alpha path, all foreground.
    const err = errorOf(() =>
      preprocessImage(
        picture(40, 40, [90, 90, 90, 255], [90, 90, 90, 200], (x, y) => x === 20 && y === 20),
      ),
    );
    expect(err.code).toBe('no-background');
    expect(err.message).toContain('100.0%');
    expect(err.message).toContain('40x40');
  });

  it('rejects data of the wrong length', () => {
    const err = errorOf(() =>
      preprocessImage({ width: 20, height: 20, data: new Uint8Array(100) }),
    );
    expect(err.code).toBe('bad-data');
    expect(err.message).toContain('1600');
  });

  it('is deterministic on renders', () => {
    const render = renderShape(makeShape('goblet', 3), 96);
    const a = preprocessImage(render.shaded);
    const b = preprocessImage(render.shaded);
    expect(new Uint8Array(a.image.data.buffer)).toEqual(new Uint8Array(b.image.data.buffer));
  });
});
