// One generation as the studio runs it: through the scene worker, with progress and the outcome
// recorded in the store. Cancelling (signal) ends it as 'cancelled', never as a failure.
import type { SceneStats } from '../core/scene/scene-data';
import type { StudioStore } from '../state/store';
import type { GenerationOptions } from './scene-api';
import type { SceneClient } from './scene-client';

export interface GenerationResult {
  hash: string;
  stats: SceneStats;
}

export async function runGeneration(
  store: StudioStore,
  client: SceneClient,
  spec: unknown,
  signal?: AbortSignal,
  options: GenerationOptions = {},
): Promise<GenerationResult> {
  const s = store.getState();
  s.generationStarted();
  try {
    const { scene, hash } = await client.generate(spec, {
      ...options,
      ...(signal ? { signal } : {}),
      onProgress: (p) => store.getState().generationProgress(p.phase, p.fraction),
    });
    store.getState().generationFinished(scene, hash, spec);
    return { hash, stats: scene.stats };
  } catch (error) {
    const e = error as Error;
    store
      .getState()
      .generationFailed(e.message, e.name === 'AbortError' || Boolean(signal?.aborted));
    throw error;
  }
}
