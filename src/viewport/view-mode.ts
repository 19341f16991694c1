// The viewport's shading modes as an override material on the scene: 'lit' draws every object with
// its own material under the scene's lights; 'solid' draws everything in one clay grey lit by a
// fixed key light in camera space (so it reads as shaded from every angle, whatever lights the scene
// has, or none); 'wireframe' draws every triangle's edges. WebGPURenderer applies
// scene.overrideMaterial per object (Renderer.renderObject), instanced meshes included; materials
// with allowOverride = false (the grid and axes) keep their own.
import { MeshBasicNodeMaterial, type Scene } from 'three/webgpu';
import { color, dot, float, max, normalView, vec3 } from 'three/tsl';
import type { ViewMode } from '../state/view-slice';

export interface ViewModeMaterials {
  solid: MeshBasicNodeMaterial;
  wireframe: MeshBasicNodeMaterial;
  dispose(): void;
}

const CLAY = '#b9b5ad';
const WIRE = '#c3cad4';

export function createViewModeMaterials(): ViewModeMaterials {
  // An unlit material that does its own lighting: one key light from above-left of the camera
  // plus a soft top-down fill, on the view-space normal. Basic materials ignore scene lights.
  const solid = new MeshBasicNodeMaterial();
  const key = vec3(-0.38, 0.62, 0.69).normalize();
  const diffuse = max(dot(normalView, key), 0);
  const sky = normalView.y.mul(0.5).add(0.5);
  solid.colorNode = color(CLAY).mul(float(0.16).add(diffuse.mul(0.7)).add(sky.mul(0.18)));
  solid.name = 'viewport:solid';

  const wireframe = new MeshBasicNodeMaterial({ color: WIRE, wireframe: true });
  wireframe.name = 'viewport:wireframe';

  return {
    solid,
    wireframe,
    dispose() {
      solid.dispose();
      wireframe.dispose();
    },
  };
}

/** Sets the scene's override material for a mode ('lit' clears it). */
export function applyViewMode(scene: Scene, mode: ViewMode, materials: ViewModeMaterials): void {
  scene.overrideMaterial =
    mode === 'solid' ? materials.solid : mode === 'wireframe' ? materials.wireframe : null;
}
