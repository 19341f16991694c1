// Scene material ids → glTF PBR metallic-roughness materials from the shared palette
// (core/scene/material-factors.ts): linear base colour, roughness, metalness, and for glowing
// materials an emissive colour, with KHR_materials_emissive_strength where the palette asks for
// more than glTF's emissive range of 0..1.
import type { Document, Material } from '@gltf-transform/core';
import { KHRMaterialsEmissiveStrength } from '@gltf-transform/extensions';
import { linearRgb, materialFactors } from '../core/scene/material-factors';

export function createMaterials(doc: Document, ids: readonly string[]): Map<string, Material> {
  let emissiveStrength: KHRMaterialsEmissiveStrength | undefined;
  const out = new Map<string, Material>();
  for (const id of ids) {
    const f = materialFactors(id);
    const material = doc
      .createMaterial(id)
      .setBaseColorFactor([...linearRgb(f.colour), 1])
      .setRoughnessFactor(f.roughness)
      .setMetallicFactor(f.metalness);
    if (f.emissive) {
      material.setEmissiveFactor(linearRgb(f.emissive));
      const strength = f.emissiveIntensity ?? 1;
      if (strength !== 1) {
        emissiveStrength ??= doc.createExtension(KHRMaterialsEmissiveStrength);
        material.setExtension(
          KHRMaterialsEmissiveStrength.EXTENSION_NAME,
          emissiveStrength.createEmissiveStrength().setEmissiveStrength(strength),
        );
      }
    }
    out.set(id, material);
  }
  return out;
}
