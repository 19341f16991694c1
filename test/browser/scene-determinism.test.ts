// Determinism across runtimes: the same spec gives byte-identical SceneData (same sceneHash) in
// Chromium and in Node. Terrain runs on WebGPU here and on the CPU reference in Node: the hashes
// must still agree.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commands } from 'vitest/browser';
import { generateScene } from '../../src/core/scene/generate-scene';
import { sceneHash } from '../../src/core/scene/scene-hash';
import { gpuTerrainEngine } from '../../src/gpu/terrain-engine-gpu';
import forest from '../../public/examples/forest.json';
import terrain from '../../public/examples/terrain.json';
import { createGpuHarness, type GpuHarness } from '../support/gpu-harness';
import dungeonLarge from '../../public/examples/dungeon-large.json';
import dungeonMedium from '../../public/examples/dungeon-medium.json';
import primitives from '../../public/examples/primitives.json';

const examples: Record<string, unknown> = {
  'dungeon-medium': dungeonMedium,
  'dungeon-large': dungeonLarge,
  primitives,
  terrain,
  forest,
};

let h: GpuHarness;
beforeAll(async () => {
  h = await createGpuHarness();
});
afterAll(() => h.context.dispose());

describe('scene determinism, Chromium vs Node', () => {
  for (const [name, spec] of Object.entries(examples)) {
    it(`${name}: same sceneHash in both`, async () => {
      const scene = await generateScene(spec, { terrain: gpuTerrainEngine(h.runner) });
      if (name === 'terrain' || name === 'forest')
        expect(scene.stats.engines).toEqual({ terrain: 'webgpu' });
      const browser = {
        hash: await sceneHash(scene),
        bytes: scene.stats.bytes,
        instances: scene.stats.instances,
      };
      const node = await commands.nodeSceneHash(name);
      expect(browser.instances).toBeGreaterThan(0);
      expect(browser).toEqual(node);
    });
  }
});
