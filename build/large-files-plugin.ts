// Vite plugin: after the build is written, lists the large files in the output (ORT's wasm, the
// shipped model packs, LUTs: see src/pwa/large-file-patterns.ts) with their sizes and content
// revisions in `large-files.json`, which the page reads to fetch them into the cache in the
// background after the first load. Runs before vite-plugin-pwa builds the service worker (its
// closeBundle), so the list is precached with the app shell. New files in public/models/<id>/ or a
// new *.wasm are covered without code changes.
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Plugin, ResolvedConfig } from 'vite';
import {
  LARGE_FILES_LIST,
  isLargeFile,
  type LargeFileEntry,
  type LargeFileList,
} from '../src/pwa/large-file-patterns.ts';

function walk(dir: string, rel = ''): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const full = path.join(dir, name);
    const r = rel ? `${rel}/${name}` : name;
    if (statSync(full).isDirectory()) out.push(...walk(full, r));
    else out.push(r);
  }
  return out;
}

/** The large files under `dir` (a build output), sorted by path. */
export function listLargeFiles(dir: string): LargeFileList {
  const files: LargeFileEntry[] = walk(dir)
    .filter(isLargeFile)
    .map((p) => {
      const bytes = readFileSync(path.join(dir, p));
      const revision = createHash('sha256').update(bytes).digest('hex').slice(0, 16);
      return { path: p, size: bytes.length, revision };
    });
  return { version: 1, files };
}

export function largeFiles(): Plugin {
  let config: ResolvedConfig;
  return {
    name: 'canvas3d:large-files',
    apply: 'build',
    configResolved(c) {
      config = c;
    },
    writeBundle() {
      const outDir = path.resolve(config.root, config.build.outDir);
      const list = listLargeFiles(outDir);
      writeFileSync(path.join(outDir, LARGE_FILES_LIST), `${JSON.stringify(list, null, 1)}\n`);
      const bytes = list.files.reduce((n, f) => n + f.size, 0);
      config.logger.info(
        `large files: ${list.files.length} (${(bytes / 1048576).toFixed(1)} MiB), cached in the background`,
      );
    },
  };
}
