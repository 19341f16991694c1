// A scene with nothing generated in it: what the viewport edits when the user imports a model
// before generating anything.
import { assembleScene } from './assemble';
import type { SceneData } from './scene-data';

export const EMPTY_SCENE: SceneData = assembleScene({
  name: 'Empty scene',
  seed: 0,
  meshes: [],
  batches: [],
  lights: [],
  counts: {},
  phases: {},
});
