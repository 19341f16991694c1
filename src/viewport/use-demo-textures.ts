// Bakes the demo scene's noise textures through the compute worker, once. The fields stay in CPU
// memory inside the textures, so a remounted renderer (after a device loss) uploads them again
// without re-baking.
import { useEffect, useState } from 'react';
import type { DataTexture } from 'three/webgpu';
import type { ComputeApi } from '../gpu/compute-api';
import { DEMO_TEXTURE_IDS, DEMO_TEXTURES, type DemoTextureId } from './demo-textures';
import { noiseFieldTexture } from './noise-texture';

export type DemoTextures = Record<DemoTextureId, DataTexture>;

export function useDemoTextures(
  compute: ComputeApi,
  onBaked: (ms: number) => void,
  onError: (message: string) => void,
): DemoTextures | null {
  const [textures, setTextures] = useState<DemoTextures | null>(null);
  useEffect(() => {
    let cancelled = false;
    Promise.all(
      DEMO_TEXTURE_IDS.map(async (id) => {
        const field = await compute.bakeNoise(DEMO_TEXTURES[id]);
        onBaked(field.ms);
        return [id, noiseFieldTexture(field, `demo.${id}`)] as const;
      }),
    ).then(
      (entries) => {
        if (!cancelled) setTextures(Object.fromEntries(entries) as DemoTextures);
      },
      (error: unknown) => onError(error instanceof Error ? error.message : String(error)),
    );
    return () => {
      cancelled = true;
    };
  }, [compute, onBaked, onError]);
  return textures;
}
