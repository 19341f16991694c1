// Applies the view settings' shading mode (lit, solid, wireframe) to the R3F scene for as long as
// the viewport is mounted; see view-mode.ts for how each mode draws.
import { useEffect, useMemo } from 'react';
import { useThree } from '@react-three/fiber';
import type { Scene } from 'three/webgpu';
import type { ViewMode } from '../state/view-slice';
import { applyViewMode, createViewModeMaterials } from './view-mode';

export function ViewModeController({ mode }: { mode: ViewMode }) {
  const scene = useThree((s) => s.scene) as unknown as Scene;
  const invalidate = useThree((s) => s.invalidate);
  const materials = useMemo(() => createViewModeMaterials(), []);

  useEffect(() => () => materials.dispose(), [materials]);
  useEffect(() => {
    applyViewMode(scene, mode, materials);
    invalidate();
    return () => applyViewMode(scene, 'lit', materials);
  }, [scene, mode, materials, invalidate]);
  return null;
}
