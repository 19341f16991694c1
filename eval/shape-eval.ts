// `npm run eval:shape [-- --count 100 --modalities shaded,sketch --packs int8,fp32]`: runs the
// shipped ONNX packs (onnxruntime-web's WASM backend in Node, the same graphs the studio runs, not
// PyTorch) on the held-out split and scores them against the extrusion baseline.
//
// Held-out split: item i is family i mod F with seed 900000 + i (training used seeds 1..4000). For
// each item and image kind, the image is rendered and preprocessed exactly as in training; the
// studio's pipeline samples a latent (default steps and guidance, seed = the item's), decodes a 32^3
// grid, then refines to 64^3 near the surface, and the CPU marching tetrahedra extract the surface.
// Scores: volumetric IoU on the centres of 64^3 cells, Chamfer distance between 4096 points on each
// surface (shape-box units; a shape's largest side is 0.9). Prints tables; writes JSON under
// bench/results/.
//
// `--sheet <file.png>` also writes a contact sheet to look at: for the first held-out item of every
// family and for hand-drawn-style sketches (eval/hand-sketches.ts), the picture, the baseline's
// shape, the model's shape (the first pack) and the true shape, each mesh drawn from the picture's
// view by the panel's software rasteriser.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Prng } from '../src/core/prng';
import { SHAPE_FAMILIES, makeShape } from '../src/core/shape/families';
import { renderShape, viewBasis } from '../src/core/shape/render-view';
import { preprocessImage } from '../src/core/shape/preprocess';
import { occupancyGrid64, sampleSurface } from '../src/core/shape/occupancy-sampling';
import { decodeGrid, gridFromFunction, refineGrid } from '../src/core/shape/hierarchical-grid';
import { extractSurfaceCpu } from '../src/core/shape/marching-tets';
import { isWatertight } from '../src/core/shape/mesh-checks';
import { runShapePipeline } from '../src/core/shape/shape-pipeline';
import { extrudeSilhouette } from '../src/core/shape/extrusion-baseline';
import {
  cellCentreOccupancy,
  chamferDistance,
  occupancyIou,
  sampleMeshSurface,
} from '../src/core/shape/shape-metrics';
import {
  SHAPE_VIEW,
  type OccupancyGrid,
  type RgbaImage,
  type ShapeImage,
  type ShapeMesh,
} from '../src/core/shape/shape-types';
import { loadShapePack, type ShapePack } from '../src/inference/model-pack';
import { createOrtShapeModel, type OrtShapeModel } from '../src/inference/ort-shape-model';
import { ortNode } from '../src/inference/ort-node';
import { machineInfo, textTable, writeResult } from '../bench/lib/report';
import { encodePng } from '../bench/lib/png';
import { rasterizeMesh } from '../src/ui/image-to-3d/mesh-raster';
import { HAND_SKETCHES, drawHandSketch } from './hand-sketches';
import { contactSheet, onWhite } from './lib/contact-sheet';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const PACKS: Record<string, string> = {
  int8: 'public/models/c3d-shape-mini',
  fp32: 'training/packs/c3d-shape-mini-fp32',
};
const MODALITIES = ['shaded', 'silhouette', 'sketch'] as const;
type Modality = (typeof MODALITIES)[number];
const TEST_SEED = 900000;
const CHAMFER_POINTS = 4096;

interface Score {
  iou: number;
  chamfer: number;
  watertight: boolean;
  ms: number;
}

function option(name: string, fallback: string): string {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? (process.argv[at + 1] ?? fallback) : fallback;
}

async function loadPack(dir: string): Promise<ShapePack> {
  const manifest = JSON.parse(readFileSync(path.join(root, dir, 'manifest.json'), 'utf8')) as {
    files: Record<string, { path: string }>;
  };
  const names = ['manifest.json', ...Object.values(manifest.files).map((f) => f.path)];
  const files = names.map((name) => ({
    name,
    bytes: new Uint8Array(readFileSync(path.join(root, dir, name))),
  }));
  return loadShapePack({ files });
}

/**
 * The studio's own pipeline (runShapePipeline, default sampler and grids), with the surface on the
 * CPU; the last grid it extracts a surface from is the fine one, which IoU needs.
 */
async function predict(
  model: OrtShapeModel,
  pack: ShapePack,
  image: ShapeImage,
  seed: number,
): Promise<{ grid: OccupancyGrid; mesh: ShapeMesh }> {
  const m = pack.manifest;
  let fine: OccupancyGrid | undefined;
  const result = await runShapePipeline({
    model,
    manifest: m,
    image,
    settings: {
      steps: m.sampler.defaultSteps,
      guidance: m.sampler.defaultGuidance,
      seed,
      coarse: m.grid.coarse,
      fine: m.grid.fine,
    },
    backend: 'wasm',
    decodeGrid,
    refineGrid,
    extractSurface: (grid) => {
      fine = grid;
      return Promise.resolve({ mesh: extractSurfaceCpu(grid), backend: 'cpu' });
    },
    isWatertight,
  });
  return { grid: fine!, mesh: result.mesh };
}

function score(
  grid: OccupancyGrid,
  mesh: ShapeMesh,
  truth: Uint8Array,
  surface: Float32Array,
  seed: number,
) {
  const points = sampleMeshSurface(mesh, CHAMFER_POINTS, new Prng(seed).fork('chamfer'));
  return {
    iou: occupancyIou(cellCentreOccupancy(grid), truth),
    chamfer: chamferDistance(points, surface),
    watertight: mesh.indices.length > 0 && isWatertight(mesh),
  };
}

const TILE = 128;

/** A mesh drawn from the model's input view, on white (an empty mesh is a blank tile). */
function meshTile(mesh: ShapeMesh): Uint8ClampedArray {
  return rasterizeMesh(mesh, {
    size: TILE,
    yawDeg: SHAPE_VIEW.yawDeg,
    elevationDeg: SHAPE_VIEW.elevationDeg,
    background: [255, 255, 255],
    colour: [200, 196, 186],
  });
}

function mean(xs: number[]): number {
  const finite = xs.filter(Number.isFinite);
  return finite.length ? finite.reduce((a, b) => a + b, 0) / finite.length : NaN;
}

async function main(): Promise<void> {
  const count = Number(option('count', '100'));
  const modalities = option('modalities', 'shaded,sketch').split(',') as Modality[];
  const packNames = option('packs', 'int8,fp32').split(',');
  for (const m of modalities) {
    if (!MODALITIES.includes(m))
      throw new Error(`unknown image kind '${m}' (${MODALITIES.join(', ')})`);
  }
  const ort = await ortNode();
  const models: Record<string, { pack: ShapePack; model: OrtShapeModel; bytes: number }> = {};
  for (const name of packNames) {
    const dir = PACKS[name];
    if (!dir) throw new Error(`unknown pack '${name}' (${Object.keys(PACKS).join(', ')})`);
    const pack = await loadPack(dir);
    const bytes = Object.values(pack.manifest.files).reduce((s, f) => s + f.bytes, 0);
    models[name] = {
      pack,
      model: await createOrtShapeModel(ort, pack.files, pack.manifest, { backend: 'wasm' }),
      bytes,
    };
  }
  const view = viewBasis();
  const families = SHAPE_FAMILIES.map((f) => f.id);
  // scores[method][modality] = per item
  const scores: Record<string, Record<string, (Score & { family: string })[]>> = {};
  const add = (method: string, modality: string, s: Score & { family: string }) => {
    ((scores[method] ??= {})[modality] ??= []).push(s);
  };
  const sheetFile = option('sheet', '');
  const sheetRows: (Uint8ClampedArray | undefined)[][] = [];
  const started = performance.now();
  for (let i = 0; i < count; i++) {
    const family = families[i % families.length]!;
    const seed = TEST_SEED + i;
    const shape = makeShape(family, seed);
    const truth = occupancyGrid64(shape);
    const surface = sampleSurface(shape, CHAMFER_POINTS, new Prng(seed).fork('eval-surface'));
    const render = renderShape(shape, 128);
    for (const modality of modalities) {
      const image = preprocessImage(render[modality]).image;
      let t0 = performance.now();
      const inside = extrudeSilhouette(image, view);
      const baseGrid = gridFromFunction(
        64,
        models[packNames[0]!]!.pack.manifest.grid.bound,
        (x, y, z) => (inside?.(x, y, z) ? 1 : -1),
      );
      add('baseline', modality, {
        family,
        ...score(baseGrid, extractSurfaceCpu(baseGrid), truth, surface, seed),
        ms: performance.now() - t0,
      });
      for (const name of packNames) {
        const { pack, model } = models[name]!;
        t0 = performance.now();
        const { grid, mesh } = await predict(model, pack, image, seed);
        const ms = performance.now() - t0;
        add(name, modality, { family, ...score(grid, mesh, truth, surface, seed), ms });
        if (
          sheetFile &&
          i < families.length &&
          modality === modalities[0] &&
          name === packNames[0]
        ) {
          const bound = pack.manifest.grid.bound;
          const truthMesh = extractSurfaceCpu(
            gridFromFunction(64, bound, (x, y, z) => -shape.sdf(x, y, z)),
          );
          sheetRows.push([
            onWhite(render[modality]),
            meshTile(extractSurfaceCpu(baseGrid)),
            meshTile(mesh),
            meshTile(truthMesh),
          ]);
        }
      }
    }
    if ((i + 1) % 10 === 0) {
      const s = ((performance.now() - started) / 1000).toFixed(0);
      console.log(`[eval:shape] ${i + 1}/${count} items (${s} s)`);
    }
  }

  if (sheetFile) {
    const { pack, model } = models[packNames[0]!]!;
    for (const name of HAND_SKETCHES) {
      const sketch = drawHandSketch(name, TILE);
      const picture: RgbaImage = { width: TILE, height: TILE, data: sketch.rgba };
      const image = preprocessImage(picture).image;
      const inside = extrudeSilhouette(image, view);
      const baseGrid = gridFromFunction(64, pack.manifest.grid.bound, (x, y, z) =>
        inside?.(x, y, z) ? 1 : -1,
      );
      const { mesh } = await predict(model, pack, image, TEST_SEED);
      sheetRows.push([
        onWhite(picture),
        meshTile(extractSurfaceCpu(baseGrid)),
        meshTile(mesh),
        undefined,
      ]);
    }
    writeFileSync(sheetFile, encodePng(contactSheet(sheetRows, TILE, { blocks: 2 })));
    console.log(
      `[eval:shape] sheet: ${sheetFile} (columns: picture, baseline, model ${packNames[0]}, truth)`,
    );
  }

  const methods = ['baseline', ...packNames];
  const rows: string[][] = [];
  const summary: Record<string, Record<string, Record<string, number>>> = {};
  for (const method of methods) {
    for (const modality of modalities) {
      const list = scores[method]![modality]!;
      const s = {
        iou: mean(list.map((x) => x.iou)),
        chamfer: mean(list.map((x) => x.chamfer)),
        watertight: list.filter((x) => x.watertight).length / list.length,
        ms: mean(list.map((x) => x.ms)),
      };
      (summary[method] ??= {})[modality] = s;
      rows.push([
        method === 'baseline' ? 'extrusion baseline' : `model ${method}`,
        modality,
        s.iou.toFixed(3),
        s.chamfer.toFixed(4),
        `${(s.watertight * 100).toFixed(0)}%`,
        s.ms.toFixed(0),
      ]);
    }
  }
  console.log(`\nHeld-out split: ${count} shapes (seeds ${TEST_SEED}..${TEST_SEED + count - 1})`);
  console.log(
    textTable(['method', 'image', 'IoU 64^3', 'Chamfer', 'watertight', 'ms/shape'], rows),
  );
  const perFamily: string[][] = families.map((family) => [
    family,
    ...methods.map((method) =>
      mean(
        modalities.flatMap((m) =>
          scores[method]![m]!.filter((x) => x.family === family).map((x) => x.iou),
        ),
      ).toFixed(3),
    ),
  ]);
  console.log(`\nIoU per family (mean over ${modalities.join(', ')}):`);
  console.log(textTable(['family', ...methods], perFamily));
  const ratios: string[][] = [];
  for (const name of packNames) {
    for (const modality of modalities) {
      const model = summary[name]![modality]!;
      const base = summary.baseline![modality]!;
      ratios.push([
        name,
        modality,
        `${(model.iou! / base.iou!).toFixed(2)}x`,
        `${(base.chamfer! / model.chamfer!).toFixed(2)}x`,
      ]);
    }
  }
  console.log('\nModel vs baseline (IoU ratio; Chamfer: baseline / model, higher is better):');
  console.log(textTable(['pack', 'image', 'IoU', 'Chamfer'], ratios));
  const sizes = packNames.map((n) => `${n} ${(models[n]!.bytes / 1e6).toFixed(2)} MB`).join(', ');
  console.log(`\nPack sizes: ${sizes}`);
  const file = writeResult('eval-shape', {
    machine: machineInfo(),
    count,
    modalities,
    packs: Object.fromEntries(
      packNames.map((n) => [n, { id: models[n]!.pack.manifest.id, bytes: models[n]!.bytes }]),
    ),
    summary,
    perFamily: Object.fromEntries(perFamily.map(([f, ...v]) => [f, v.map(Number)])),
  });
  console.log(`\nwrote ${file}`);
  for (const { model } of Object.values(models)) await model.release();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
