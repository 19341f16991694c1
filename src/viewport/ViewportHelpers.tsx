// Grid and axes in the viewport, shown as the view settings say, sized from the scene's bounds
// (grid-layout.ts). The camera is told to see the helpers' layer while they are mounted.
import { useEffect, useMemo } from 'react';
import { useThree } from '@react-three/fiber';
import type { Bounds } from './viewport-handle';
import { gridLayout } from './grid-layout';
import { HELPER_LAYER, createAxes, createGrid, disposeHelper } from './viewport-helpers';

export interface ViewportHelpersProps {
  grid: boolean;
  axes: boolean;
  /** The shown scene's bounds; none: the default 20 m grid at the origin. */
  bounds?: Bounds | undefined;
}

export function ViewportHelpers({ grid, axes, bounds }: ViewportHelpersProps) {
  const camera = useThree((s) => s.camera);
  const layout = useMemo(() => gridLayout(bounds), [bounds]);
  const gridObject = useMemo(() => (grid ? createGrid(layout) : null), [grid, layout]);
  const axesObject = useMemo(() => (axes ? createAxes(layout) : null), [axes, layout]);

  useEffect(() => {
    camera.layers.enable(HELPER_LAYER);
  }, [camera]);
  useEffect(() => () => void (gridObject && disposeHelper(gridObject)), [gridObject]);
  useEffect(() => () => void (axesObject && disposeHelper(axesObject)), [axesObject]);

  return (
    <>
      {gridObject && <primitive object={gridObject} />}
      {axesObject && <primitive object={axesObject} />}
    </>
  );
}
