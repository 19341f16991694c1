// `npx tsx eval/shape-gallery.ts [--out docs/screenshots]`: the pictures that show what the shipped
// shape model makes, for people to look at (the figures are `npm run eval:shape`'s).
//
// Builds and serves the production studio, then feeds it, through window.studio.shape.fromImage
// exactly as a script would: held-out shaded renders (item i of the held-out split is family
// i mod F with seed 900000 + i, as in eval/shape-eval.ts) and hand-drawn-style sketches
// (eval/hand-sketches.ts: wobbly closed outlines, nothing like the training sketches' clean lines). The shapes are laid out in a row and framed, and two PNGs are written:
// image-to-3d-heldout.png (the studio) and image-to-3d-inputs.png (the pictures, in the same order).
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { SHAPE_FAMILIES, makeShape } from '../src/core/shape/families';
import { renderShape } from '../src/core/shape/render-view';
import { encodePng } from '../bench/lib/png';
import { withStudio } from '../bench/lib/studio-driver';
import { drawHandSketch, type Sketch } from './hand-sketches';
import { contactSheet, onWhite } from './lib/contact-sheet';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const TEST_SEED = 900000;
// Families the model does well on (the sheet from `npm run eval:shape -- --sheet` shows all 20,
// failures included).
const HELD_OUT = ['vase', 'bottle', 'table', 'tree', 'lamp', 'goblet', 'rocket', 'bowl'];
const SKETCHES = ['vase', 'mushroom', 'bottle'];
const SIZE = 128;

function option(name: string, fallback: string): string {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? (process.argv[at + 1] ?? fallback) : fallback;
}

function heldOut(): Sketch[] {
  const families = SHAPE_FAMILIES.map((f) => f.id);
  return HELD_OUT.map((family) => {
    const i = families.indexOf(family);
    if (i < 0) throw new Error(`no family '${family}'`);
    const shaded = renderShape(makeShape(family, TEST_SEED + i), SIZE).shaded;
    return { name: `held-out ${family}`, rgba: new Uint8ClampedArray(shaded.data) };
  });
}

async function main(): Promise<void> {
  const out = path.resolve(root, option('out', 'docs/screenshots'));
  mkdirSync(out, { recursive: true });
  const pictures = [...heldOut(), ...SKETCHES.map((name) => drawHandSketch(name, SIZE))];
  await withStudio(async ({ page }) => {
    await page.evaluate('window.__name = (f) => f');
    const inputs = pictures.map((p) => ({
      name: p.name,
      png: Buffer.from(encodePng({ width: SIZE, height: SIZE, data: p.rgba })).toString('base64'),
    }));
    writeFileSync(
      path.join(out, 'image-to-3d-inputs.png'),
      encodePng(
        contactSheet(
          [pictures.map((p) => onWhite({ width: SIZE, height: SIZE, data: p.rgba }))],
          SIZE,
          { gap: 8 },
        ),
      ),
    );

    const results = (await page.evaluate(async (list: { name: string; png: string }[]) => {
      const studio = window.studio!;
      const made: { name: string; triangles: number; watertight: boolean; ms: number }[] = [];
      for (const [k, item] of list.entries()) {
        const bytes = Uint8Array.from(atob(item.png), (c) => c.charCodeAt(0));
        const r = await studio.shape.fromImage(bytes, { name: item.name });
        // Rows of six along x, 1.1 m apart, centred, in the order of the inputs strip.
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
