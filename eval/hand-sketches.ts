// Hand-drawn-style sketches for looking at the shape model: closed outlines drawn with a wobbling,
// round pen that overshoots its start a little, black on white. Nothing like the training data's
// clean rendered lines: these stand in for what a user draws on the sketch pad.
import { Prng } from '../src/core/prng';

export interface Sketch {
  name: string;
  /** size x size RGBA, top row first. */
  rgba: Uint8ClampedArray;
}

/** Closed outlines in [0, 1]² (x right, y down), one list of corners per loop. */
const OUTLINES: Record<string, [number, number][][]> = {
  vase: [
    [
      [0.42, 0.1],
      [0.58, 0.1],
      [0.57, 0.2],
      [0.7, 0.38],
      [0.72, 0.6],
      [0.64, 0.82],
      [0.6, 0.9],
      [0.4, 0.9],
      [0.36, 0.82],
      [0.28, 0.6],
      [0.3, 0.38],
      [0.43, 0.2],
    ],
  ],
  mushroom: [
    [
      [0.16, 0.5],
      [0.22, 0.3],
      [0.36, 0.18],
      [0.5, 0.15],
      [0.64, 0.18],
      [0.78, 0.3],
      [0.84, 0.5],
      [0.58, 0.5],
      [0.6, 0.86],
      [0.4, 0.86],
      [0.42, 0.5],
    ],
  ],
  bottle: [
    [
      [0.45, 0.08],
      [0.55, 0.08],
      [0.55, 0.3],
      [0.65, 0.4],
      [0.65, 0.9],
      [0.35, 0.9],
      [0.35, 0.4],
      [0.45, 0.3],
    ],
  ],
  table: [
    [
      [0.12, 0.36],
      [0.88, 0.36],
      [0.88, 0.44],
      [0.8, 0.44],
      [0.8, 0.86],
      [0.74, 0.86],
      [0.74, 0.44],
      [0.26, 0.44],
      [0.26, 0.86],
      [0.2, 0.86],
      [0.2, 0.44],
      [0.12, 0.44],
    ],
  ],
};

export const HAND_SKETCHES = Object.keys(OUTLINES);

/** Draws the named outline at size x size with a pen `pen` pixels wide; the wobble is seeded. */
export function drawHandSketch(name: string, size: number, pen = 2.2, seed = 1): Sketch {
  const loops = OUTLINES[name];
  if (!loops) throw new Error(`no hand sketch '${name}' (${HAND_SKETCHES.join(', ')})`);
  const rgba = new Uint8ClampedArray(size * size * 4).fill(255);
  const prng = new Prng(seed).fork(`hand:${name}`);
  const wobble = () => prng.range(-0.006, 0.006);
  const r = pen / 2;
  const dab = (cx: number, cy: number) => {
    for (let y = Math.floor(cy - r - 1); y <= Math.ceil(cy + r + 1); y++) {
      for (let x = Math.floor(cx - r - 1); x <= Math.ceil(cx + r + 1); x++) {
        if (x < 0 || y < 0 || x >= size || y >= size) continue;
        // Coverage of the pixel by the round pen, antialiased over one pixel.
        const d = Math.hypot(x + 0.5 - cx, y + 0.5 - cy);
        const ink = Math.min(1, Math.max(0, r + 0.5 - d));
        const i = (y * size + x) * 4;
        const v = Math.min(rgba[i]!, Math.round(255 - ink * (255 - 34)));
        rgba[i] = rgba[i + 1] = rgba[i + 2] = v;
      }
    }
  };
  for (const loop of loops) {
    let prev: [number, number] | undefined;
    for (let e = 0; e < loop.length; e++) {
      const [x0, y0] = loop[e]!;
      const [x1, y1] = loop[(e + 1) % loop.length]!;
      // The last edge runs 15% past the start, as a quick hand closes a loop.
      const reach = e === loop.length - 1 ? 1.15 : 1;
      for (let s = 0; s <= 8; s++) {
        const f = (s / 8) * reach;
        const p: [number, number] = [
          (x0 + (x1 - x0) * f + wobble()) * size,
          (y0 + (y1 - y0) * f + wobble()) * size,
        ];
        if (prev) {
          const steps = Math.max(1, Math.ceil(Math.hypot(p[0] - prev[0], p[1] - prev[1]) * 2));
          for (let k = 1; k <= steps; k++) {
            dab(prev[0] + ((p[0] - prev[0]) * k) / steps, prev[1] + ((p[1] - prev[1]) * k) / steps);
          }
        } else {
          dab(p[0], p[1]);
        }
        prev = p;
      }
    }
  }
  return { name: `sketch ${name}`, rgba };
}
