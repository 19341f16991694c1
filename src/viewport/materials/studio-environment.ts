// Something for metals and glossy surfaces to reflect: three's RoomEnvironment (a grey room with soft
// area lights) pre-filtered once into a PMREM texture for scene.environment. Without it a polished
// metal, which has no diffuse colour, shows black under the viewport's hemisphere and sun lights.
import { PMREMGenerator, type Scene, type Texture, type WebGPURenderer } from 'three/webgpu';
import { RoomEnvironment } from 'three/addons/environments/RoomEnvironment.js';

/** How strongly the environment lights the scene on top of the viewport's own lights. */
export const STUDIO_ENVIRONMENT_INTENSITY = 0.45;

export interface StudioEnvironment {
  texture: Texture;
  dispose(): void;
}

/** Renders the room once (the renderer must be initialised) into a pre-filtered environment. */
export function createStudioEnvironment(renderer: WebGPURenderer): StudioEnvironment {
  const pmrem = new PMREMGenerator(renderer);
  const room = new RoomEnvironment();
  const target = pmrem.fromScene(room, 0.04);
  room.dispose();
  pmrem.dispose();
  return {
    texture: target.texture,
    dispose: () => target.dispose(),
  };
}

/** Sets the environment on a scene; the returned function restores what was there. */
export function installStudioEnvironment(scene: Scene, renderer: WebGPURenderer): () => void {
  const env = createStudioEnvironment(renderer);
  const before = { environment: scene.environment, intensity: scene.environmentIntensity };
  scene.environment = env.texture;
  scene.environmentIntensity = STUDIO_ENVIRONMENT_INTENSITY;
  return () => {
    scene.environment = before.environment;
    scene.environmentIntensity = before.intensity;
    env.dispose();
  };
}
