// Determinism across runtimes: the same spec gives byte-identical SceneData (same sceneHash) in
// Chromium and in Node.
import { describe, expect, it } from 'vitest';
import { commands } from 'vitest/browser';
import { generateScene } from '../../src/core/scene/generate-scene';
import { sceneHash } from '../../src/core/scene/scene-hash';
import dungeonLarge from '../../public/examples/dungeon-large.json';
import dungeonMedium from '../../public/examples/dungeon-medium.json';
import primitives from '../../public/examples/primitives.json';

const examples: Record<string, unknown> = {
  'dungeon-medium': dungeonMedium,
  'dungeon-large': dungeonLarge,
  primitives,
};

describe('scene determinism, Chromium vs Node', () => {
  for (const [name, spec] of Object.entries(examples)) {
    it(`${name}: same sceneHash in both`, async () => {
      const scene = await generateScene(spec);
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
