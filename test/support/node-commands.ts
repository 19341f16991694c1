// Vitest browser commands that run in Node (the test server), so a browser test can compare its
// result with Node's for the same input: the determinism check across runtimes.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { generateScene } from '../../src/core/scene/generate-scene';
import { sceneHash } from '../../src/core/scene/scene-hash';

const examples = path.resolve(import.meta.dirname ?? __dirname, '../../public/examples');

export async function nodeSceneHash(_context: unknown, example: string) {
  if (!/^[a-z0-9-]+$/.test(example)) throw new Error(`bad example name '${example}'`);
  const spec: unknown = JSON.parse(readFileSync(path.join(examples, `${example}.json`), 'utf8'));
  const scene = await generateScene(spec);
  return {
    hash: await sceneHash(scene),
    bytes: scene.stats.bytes,
    instances: scene.stats.instances,
  };
}

declare module 'vitest/browser' {
  interface BrowserCommands {
    nodeSceneHash: (example: string) => Promise<{ hash: string; bytes: number; instances: number }>;
  }
}
