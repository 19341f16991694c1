// `npx tsx eval/shape-gallery.ts [--out docs/screenshots]`: the pictures that show what the shipped
// shape model makes, for people to look at (the figures are `npm run eval:shape`'s).
//
// Builds and serves the production studio, then feeds it, through window.studio.shape.fromImage
// exactly as a script would: held-out shaded renders (item i of the held-out split is family
// i mod F with seed 900000 + i, as in eval/shape-eval.ts) and hand-drawn-style sketches (wobbly
// closed outlines drawn in the page with a canvas, nothing like the training sketches' clean
// lines). The shapes are laid out in a row and framed, and two PNGs are written:
// image-to-3d-heldout.png (the studio) and image-to-3d-inputs.png (the pictures, in the same order).
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { SHAPE_FAMILIES, makeShape } from '../src/core/shape/families';
import { renderShape } from '../src/core/shape/render-view';
import { encodePng } from '../bench/lib/png';
import { withStudio } from '../bench/lib/studio-driver';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const TEST_SEED = 900000;
const HELD_OUT = ['vase', 'chair', 'mushroom', 'table', 'car', 'lamp', 'mug', 'house'];
const SIZE = 128;

function option(name: string, fallback: string): string {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? (process.argv[at + 1] ?? fallback) : fallback;
}

interface Picture {
  name: string;
  rgba: Uint8ClampedArray;
}

function heldOut(): Picture[] {
  const families = SHAPE_FAMILIES.map((f) => f.id);
  return HELD_OUT.map((family) => {
    const i = families.indexOf(family);
    if (i < 0) throw new Error(`no family '${family}'`);
    const shaded = renderShape(makeShape(family, TEST_SEED + i), SIZE).shaded;
    return { name: `held-out ${family}`, rgba: new Uint8ClampedArray(shaded.data) };
  });
}

/** A row of pictures on white, 8 px apart, as one RGBA image. */
function strip(pictures: Picture[]): { width: number; height: number; data: Uint8ClampedArray } {
  const gap = 8;
  const width = pictures.length * (SIZE + gap) + gap;
  const height = SIZE + 2 * gap;
  const data = new Uint8ClampedArray(width * height * 4).fill(255);
  pictures.forEach((p, k) => {
    for (let y = 0; y < SIZE; y++) {
      for (let x = 0; x < SIZE; x++) {
        const s = (y * SIZE + x) * 4;
        const d = ((y + gap) * width + gap + k * (SIZE + gap) + x) * 4;
        const a = p.rgba[s + 3]! / 255;
        for (let c = 0; c < 3; c++) data[d + c] = p.rgba[s + c]! * a + 255 * (1 - a);
      }
    }
  });
  return { width, height, data };
}

async function main(): Promise<void> {
  const out = path.resolve(root, option('out', 'docs/screenshots'));
  mkdirSync(out, { recursive: true });
  const pictures = heldOut();
  await withStudio(async ({ page }) => {
    await page.evaluate('window.__name = (f) => f');
    // Hand-drawn-style sketches: closed outlines with a wobbling pen, on white, drawn in the page.
    const sketches = (await page.evaluate(async (size: number) => {
      const outlines: Record<string, [number, number][][]> = {
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
      };
      const result: { name: string; rgba: number[]; png: string }[] = [];
      let k = 1;
      const wobble = () => {
        k = (k * 16807) % 2147483647;
        return (k / 2147483647 - 0.5) * 0.012;
      };
      for (const [name, loops] of Object.entries(outlines)) {
        const canvas = new OffscreenCanvas(size, size);
        const ctx = canvas.getContext('2d')!;
        ctx.fillStyle = '#fff';
        ctx.fillRect(0, 0, size, size);
        ctx.strokeStyle = '#222';
        ctx.lineWidth = 2.2;
        ctx.lineCap = 'round';
        ctx.lineJoin = 'round';
        for (const loop of loops) {
          ctx.beginPath();
          // Each edge is drawn in small wobbling steps, and the pen overshoots the start a little.
          const pts = [...loop, loop[0]!, loop[1]!];
          for (let e = 0; e < loop.length; e++) {
            const [x0, y0] = pts[e]!;
            const [x1, y1] = pts[e + 1]!;
            const last = e === loop.length - 1 ? 0.85 : 1;
            for (let s = 0; s <= 8; s++) {
              const f = (s / 8) * last;
              const x = (x0 + (x1 - x0) * f + wobble()) * size;
              const y = (y0 + (y1 - y0) * f + wobble()) * size;
              if (e === 0 && s === 0) ctx.moveTo(x, y);
              else ctx.lineTo(x, y);
            }
          }
          ctx.stroke();
        }
        const rgba = Array.from(ctx.getImageData(0, 0, size, size).data);
        const blob = await canvas.convertToBlob({ type: 'image/png' });
        const bytes = new Uint8Array(await blob.arrayBuffer());
        let png = '';
        for (const b of bytes) png += String.fromCharCode(b);
        result.push({ name: `sketch ${name}`, rgba, png: btoa(png) });
      }
      return result;
    }, SIZE)) as { name: string; rgba: number[]; png: string }[];

    const inputs: { name: string; png: string }[] = pictures.map((p) => ({
      name: p.name,
      png: Buffer.from(encodePng({ width: SIZE, height: SIZE, data: p.rgba })).toString('base64'),
    }));
    for (const s of sketches) {
      inputs.push({ name: s.name, png: s.png });
      pictures.push({ name: s.name, rgba: new Uint8ClampedArray(s.rgba) });
    }
    writeFileSync(path.join(out, 'image-to-3d-inputs.png'), encodePng(strip(pictures)));

    const results = (await page.evaluate(async (list: { name: string; png: string }[]) => {
      const studio = window.studio!;
      const made: { name: string; triangles: number; watertight: boolean; ms: number }[] = [];
      for (const [k, item] of list.entries()) {
        const bytes = Uint8Array.from(atob(item.png), (c) => c.charCodeAt(0));
        const r = await studio.shape.fromImage(bytes, { name: item.name });
        // Two rows along x, 1.1 m apart, centred: the held-out renders behind, the sketches in front.
        const columns = 6;
        const col = k % columns;
        const row = Math.floor(k / columns);
        studio.translate([r.id], [(col - (columns - 1) / 2) * 1.1, 0, (row - 0.5) * 1.4]);
        made.push({ name: item.name, triangles: r.triangles, watertight: r.watertight, ms: r.ms });
      }
      studio.select([]);
      return made;
    }, inputs)) as { name: string; triangles: number; watertight: boolean; ms: number }[];
    for (const r of results) {
      console.log(
        `[gallery] ${r.name}: ${r.triangles} triangles, ${r.watertight ? 'watertight' : 'NOT watertight'}, ${Math.round(r.ms)} ms`,
      );
    }
    // Zoom towards the middle of the rows with the mouse wheel, as a user would.
    const box = (await page.locator('canvas').first().boundingBox())!;
    const centre = await page.evaluate(() => window.studio!.debug.screenPoint([0, 0, 0]));
    if (!centre) throw new Error('the origin is not on screen');
    await page.mouse.move(box.x + centre.x, box.y + centre.y);
    for (let i = 0; i < Number(option('zoom', '6')); i++) {
      await page.mouse.wheel(0, -100);
      await page.waitForTimeout(150);
    }
    await page.waitForTimeout(1500);
    await page.screenshot({ path: path.join(out, 'image-to-3d-heldout.png') });
  });
  console.log(`[gallery] wrote ${out}/image-to-3d-heldout.png and image-to-3d-inputs.png`);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
