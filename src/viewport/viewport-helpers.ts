// The viewport's helper objects, the ground grid and the world axes, as three objects. They live
// on their own layer (so screenshots can leave them out and raycasts never hit them) and opt out of
// the view modes' override material (so they keep their colours in solid and wireframe).
import { AxesHelper, Color, GridHelper, type LineBasicMaterial, type Object3D } from 'three/webgpu';
import type { GridLayout } from './grid-layout';

/** The layer grid and axes are drawn on; the viewport's camera enables it. */
export const HELPER_LAYER = 1;

const GRID_CENTRE = new Color('#66707e');
const GRID_LINES = new Color('#3d434d');
const AXIS_X = new Color('#e5534b');
const AXIS_Y = new Color('#6cc24a');
const AXIS_Z = new Color('#4f8ff7');

function asHelper(object: Object3D, material: LineBasicMaterial, renderOrder: number): void {
  object.layers.set(HELPER_LAYER);
  object.renderOrder = renderOrder;
  material.allowOverride = false;
  // Drawn after the scene without writing depth: the grid never hides what stands on it.
  material.transparent = true;
  material.depthWrite = false;
}

export function createGrid(layout: GridLayout): GridHelper {
  const grid = new GridHelper(layout.size, layout.divisions, GRID_CENTRE, GRID_LINES);
  grid.name = 'viewport:grid';
  grid.position.set(layout.centre[0], layout.y, layout.centre[1]);
  const material = grid.material as LineBasicMaterial;
  material.opacity = 0.75;
  asHelper(grid, material, 0);
  return grid;
}

/** Positive X, Y and Z from the origin, half the grid's size long, in the grid's plane. */
export function createAxes(layout: GridLayout): AxesHelper {
  const axes = new AxesHelper(layout.size / 2);
  axes.name = 'viewport:axes';
  axes.setColors(AXIS_X, AXIS_Y, AXIS_Z);
  axes.position.y = layout.y;
  // After the grid, so an axis wins over the grid line it lies on.
  asHelper(axes, axes.material as LineBasicMaterial, 1);
  return axes;
}

export function disposeHelper(object: GridHelper | AxesHelper): void {
  object.geometry.dispose();
  (object.material as LineBasicMaterial).dispose();
}
