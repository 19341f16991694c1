// three materials for scene material ids, from the shared palette in core/scene/material-factors.ts
// (which the glTF export reads too, so the viewport and an exported file show the same colours).
import { Color, MeshStandardMaterial } from 'three/webgpu';
import { materialFactors } from '../core/scene/material-factors';

export function createSceneMaterial(id: string): MeshStandardMaterial {
  const f = materialFactors(id);
  // Color(hex) converts sRGB to linear, as linearRgb() does for the export.
  const mat = new MeshStandardMaterial({
    color: new Color(f.colour),
    roughness: f.roughness,
    metalness: f.metalness,
    ...(f.emissive
      ? { emissive: new Color(f.emissive), emissiveIntensity: f.emissiveIntensity ?? 1 }
      : {}),
  });
  mat.name = id;
  return mat;
}
