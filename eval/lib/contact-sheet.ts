// Contact sheets for looking at the shape model: pictures flattened onto white, and square tiles
// laid out in rows (split into side-by-side blocks when there are many), as one RGBA image.
import type { RgbaImage } from '../../src/core/shape/shape-types';

/** The picture composited over white, opaque. */
export function onWhite(image: RgbaImage): Uint8ClampedArray {
  const out = new Uint8ClampedArray(image.data.length);
  for (let i = 0; i < out.length; i += 4) {
    const a = image.data[i + 3]! / 255;
    for (let c = 0; c < 3; c++) out[i + c] = image.data[i + c]! * a + 255 * (1 - a);
    out[i + 3] = 255;
  }
  return out;
}

/**
 * Rows of `tile` x `tile` RGBA tiles (an undefined tile stays blank) on white, `gap` px apart; the
 * rows are split into `blocks` columns of rows, side by side.
 */
export function contactSheet(
  rows: (Uint8ClampedArray | undefined)[][],
  tile: number,
  options: { blocks?: number; gap?: number } = {},
): RgbaImage {
  const blocks = options.blocks ?? 1;
  const gap = options.gap ?? 4;
  const cols = Math.max(...rows.map((r) => r.length));
  const perBlock = Math.ceil(rows.length / blocks);
  const blockW = cols * (tile + gap) + 3 * gap;
  const width = blocks * blockW - 2 * gap;
  const height = perBlock * (tile + gap) + gap;
  const data = new Uint8ClampedArray(width * height * 4).fill(255);
  rows.forEach((row, r) => {
    const ox = Math.floor(r / perBlock) * blockW + gap;
    const oy = (r % perBlock) * (tile + gap) + gap;
    row.forEach((t, c) => {
      if (!t) return;
      for (let y = 0; y < tile; y++) {
        const d = ((oy + y) * width + ox + c * (tile + gap)) * 4;
        data.set(t.subarray(y * tile * 4, (y + 1) * tile * 4), d);
      }
    });
  });
  return { width, height, data };
}
