// Generates the image-to-3D training data from the procedural shape families.
//
//   npx tsx training/make-dataset.ts --split train --count 4000 --seed 1
//   npx tsx training/make-dataset.ts --split test --count 100 --seed 900000
//
// Item i is family i % F with seed (seed + i). Test seeds are >= 900000 and train seeds below it,
// so the splits never share a shape. Work is spread over worker threads (--workers, default the
// CPU count up to 2); each item is written at its own offset, so the files do not depend on which
// worker finished first. Output: training/data/<split>/ (meta.json, images.u8, surface.f32,
// queries.f32, occupancy.u8, family.u8); layout in meta.json.
import { closeSync, mkdirSync, openSync, writeFileSync, writeSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { Prng } from '../src/core/prng';
import { SHAPE_FAMILIES, makeShape } from '../src/core/shape/families';
import { sampleQueries, sampleSurface } from '../src/core/shape/occupancy-sampling';
import { preprocessImage } from '../src/core/shape/preprocess';
import { renderShape } from '../src/core/shape/render-view';
import { SHAPE_IMAGE_CHANNELS, SHAPE_IMAGE_SIZE } from '../src/core/shape/shape-types';

const MODALITIES = ['shaded', 'silhouette', 'sketch'] as const;
const SURFACE_POINTS = 2048;
const QUERY_POINTS = 4096;
const RENDER_SIZE = 128;
const TEST_SEED_MIN = 900000;
const WORKER_KIND = 'make-dataset';
const IMAGE_BYTES = MODALITIES.length * SHAPE_IMAGE_CHANNELS * SHAPE_IMAGE_SIZE * SHAPE_IMAGE_SIZE;

interface Args {
  split: string;
  count: number;
  seed: number;
  workers: number;
  out: string;
}

interface ItemResult {
  index: number;
  family: number;
  images: Uint8Array;
  surface: Float32Array;
  queries: Float32Array;
  occupancy: Uint8Array;
  ms: number;
}

function parseArgs(argv: string[]): Args {
  const get = (name: string): string | undefined => {
    const i = argv.indexOf(`--${name}`);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const split = get('split') ?? 'train';
  if (!/^[a-z0-9_-]+$/i.test(split)) throw new Error(`--split '${split}' must be a simple name`);
  const count = Number(get('count') ?? 100);
  const seed = Number(get('seed') ?? (split === 'test' ? TEST_SEED_MIN : 1));
  const workers = Number(get('workers') ?? Math.min(2, availableParallelism()));
  if (!Number.isInteger(count) || count < 1)
    throw new Error(`--count must be a positive integer, got ${get('count')}`);
  if (!Number.isInteger(seed) || seed < 0)
    throw new Error(`--seed must be a non-negative integer, got ${get('seed')}`);
  if (!Number.isInteger(workers) || workers < 1)
    throw new Error(`--workers must be >= 1, got ${get('workers')}`);
  if (split === 'test' && seed < TEST_SEED_MIN) {
    throw new Error(
      `test seeds must be >= ${TEST_SEED_MIN} (held out from training); got --seed ${seed}`,
    );
  }
  if (split !== 'test' && seed + count > TEST_SEED_MIN) {
    throw new Error(
      `${split} seeds ${seed}..${seed + count - 1} reach the held-out test range (>= ${TEST_SEED_MIN})`,
    );
  }
  const here = dirname(fileURLToPath(import.meta.url));
  const out = get('out') ?? join(here, 'data', split);
  return { split, count, seed, workers, out };
}

/** Everything stored for item `index` of a split starting at `baseSeed`. */
export function makeItem(index: number, baseSeed: number): ItemResult {
  const t0 = performance.now();
  const familyIndex = index % SHAPE_FAMILIES.length;
  const family = SHAPE_FAMILIES[familyIndex]!;
  const seed = baseSeed + index;
  const shape = makeShape(family.id, seed);
  const render = renderShape(shape, RENDER_SIZE);
  const images = new Uint8Array(IMAGE_BYTES);
  const plane = SHAPE_IMAGE_CHANNELS * SHAPE_IMAGE_SIZE * SHAPE_IMAGE_SIZE;
  MODALITIES.forEach((m, k) => {
    const { image } = preprocessImage(render[m]);
    for (let i = 0; i < plane; i++) images[k * plane + i] = Math.round(image.data[i]! * 255);
  });
  const prng = new Prng(seed).fork(`samples:${family.id}`);
  const surface = sampleSurface(shape, SURFACE_POINTS, prng);
  const { points, inside } = sampleQueries(shape, surface, QUERY_POINTS, prng);
  return {
    index,
    family: familyIndex,
    images,
    surface,
    queries: points,
    occupancy: inside,
    ms: performance.now() - t0,
  };
}

function runWorker(): void {
  const { start, stride, count, baseSeed } = workerData as {
    start: number;
    stride: number;
    count: number;
    baseSeed: number;
  };
  for (let i = start; i < count; i += stride) {
    const r = makeItem(i, baseSeed);
    const buffers = [r.images.buffer, r.surface.buffer, r.queries.buffer, r.occupancy.buffer];
    parentPort!.postMessage(r, buffers as ArrayBuffer[]);
  }
}

/** Workers do not inherit tsx's loader hooks: register them, then load this file. */
function workerBootstrap(): string {
  const api = import.meta.resolve('tsx/esm/api');
  return `import(${JSON.stringify(api)}).then((m) => { m.register(); return import(${JSON.stringify(import.meta.url)}); });`;
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  mkdirSync(args.out, { recursive: true });
  const files = {
    images: openSync(join(args.out, 'images.u8'), 'w'),
    surface: openSync(join(args.out, 'surface.f32'), 'w'),
    queries: openSync(join(args.out, 'queries.f32'), 'w'),
    occupancy: openSync(join(args.out, 'occupancy.u8'), 'w'),
  };
  const familyBytes = new Uint8Array(args.count);
  const write = (fd: number, view: ArrayBufferView, index: number): void => {
    const bytes = new Uint8Array(view.buffer, view.byteOffset, view.byteLength);
    writeSync(fd, bytes, 0, bytes.length, index * bytes.length);
  };
  const started = performance.now();
  let done = 0;
  let lastReport = started;
  let itemMs = 0;
  console.log(
    `${args.split}: ${args.count} items, seeds ${args.seed}..${args.seed + args.count - 1}, ` +
      `${SHAPE_FAMILIES.length} families, ${args.workers} workers → ${args.out}`,
  );
  const onItem = (r: ItemResult): void => {
    write(files.images, r.images, r.index);
    write(files.surface, r.surface, r.index);
    write(files.queries, r.queries, r.index);
    write(files.occupancy, r.occupancy, r.index);
    familyBytes[r.index] = r.family;
    done++;
    itemMs += r.ms;
    if (done % 100 === 0 || done === args.count || done === 10) {
      const now = performance.now();
      console.log(
        `${done}/${args.count}  ${((now - lastReport) / 1000).toFixed(1)} s since last report, ` +
          `${(itemMs / done).toFixed(0)} ms/item/worker, ${((now - started) / 1000).toFixed(0)} s total`,
      );
      lastReport = now;
    }
  };
  const workers = Math.min(args.workers, args.count);
  await Promise.all(
    Array.from({ length: workers }, (_, w) => {
      return new Promise<void>((resolve, reject) => {
        const worker = new Worker(workerBootstrap(), {
          eval: true,
          workerData: {
            kind: WORKER_KIND,
            start: w,
            stride: workers,
            count: args.count,
            baseSeed: args.seed,
          },
        });
        worker.on('message', onItem);
        worker.on('error', reject);
        worker.on('exit', (code) =>
          code === 0 ? resolve() : reject(new Error(`worker ${w} exited with ${code}`)),
        );
      });
    }),
  );
  for (const fd of Object.values(files)) closeSync(fd);
  writeFileSync(join(args.out, 'family.u8'), familyBytes);
  const meta = {
    count: args.count,
    families: SHAPE_FAMILIES.map((f) => f.id),
    imageSize: SHAPE_IMAGE_SIZE,
    modalities: MODALITIES,
    surfacePoints: SURFACE_POINTS,
    queryPoints: QUERY_POINTS,
    seed: args.seed,
    renderSize: RENDER_SIZE,
    layout: {
      'images.u8': 'count x modalities x 2 channels (mask, luminance) x size x size, round(v*255)',
      'surface.f32': 'count x surfacePoints x 3 float32 LE',
      'queries.f32': 'count x queryPoints x 3 float32 LE',
      'occupancy.u8': 'count x queryPoints (1 inside)',
      'family.u8': 'count (index into families)',
    },
    items: Array.from({ length: args.count }, (_, i) => ({
      family: SHAPE_FAMILIES[i % SHAPE_FAMILIES.length]!.id,
      seed: args.seed + i,
    })),
  };
  writeFileSync(join(args.out, 'meta.json'), JSON.stringify(meta, null, 1));
  console.log(
    `done: ${args.count} items in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
}

const isEntry =
  process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url);

if (isMainThread && isEntry) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
} else if (!isMainThread && (workerData as { kind?: string } | null)?.kind === WORKER_KIND) {
  runWorker();
}
