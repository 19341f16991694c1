// SceneData lights → KHR_lights_punctual lights, one node each.
//
// Units: SceneData intensities are three's physical units (the viewport hands them to PointLight
// with decay 2, where intensity is in candela), and those are KHR_lights_punctual's units too:
// point lights in candela, directional lights in lux. So the conversion is the identity and values
// are written unchanged; range is metres in both. A directional light's packed position is where it
// shines from towards the origin (three's DirectionalLight with its default target); its node is
// placed there and turned so that its -Z axis (the glTF light direction) points at the origin.
import type { Document, Node } from '@gltf-transform/core';
import { KHRLightsPunctual } from '@gltf-transform/extensions';
import { LIGHT_KINDS, LIGHT_STRIDE, type LightSet } from '../core/scene/scene-data';
import { NameCounter } from './node-names';
import { shortestFloat32 } from './transform-trs';

/** The rotation taking -Z to the unit direction d (shortest arc). */
function lookRotation(d: readonly [number, number, number]): [number, number, number, number] {
  const w = 1 - d[2]; // 1 + dot((0,0,-1), d)
  if (w < 1e-9) return [0, 1, 0, 0]; // d is +Z: half a turn about Y
  const x = d[1]; // cross((0,0,-1), d)
  const y = -d[0];
  const n = Math.hypot(x, y, w);
  return [x / n, y / n, 0, w / n];
}

function directionToOrigin(p: readonly [number, number, number]): [number, number, number] {
  const len = Math.hypot(p[0], p[1], p[2]);
  return len > 0 ? [-p[0] / len, -p[1] / len, -p[2] / len] : [0, -1, 0];
}

export function createLightNodes(doc: Document, lights: LightSet): Node[] {
  const count = lights.kinds.length;
  if (count === 0) return [];
  const ext = doc.createExtension(KHRLightsPunctual);
  const names = new NameCounter();
  const nodes: Node[] = [];
  for (let i = 0; i < count; i++) {
    const kind = LIGHT_KINDS[lights.kinds[i]!];
    if (!kind) throw new Error(`light ${i}: unknown kind index ${lights.kinds[i]}`);
    const d = lights.data.subarray(i * LIGHT_STRIDE, (i + 1) * LIGHT_STRIDE);
    const name = names.next(`${lights.sources[i] ?? kind} light`);
    const position: [number, number, number] = [
      shortestFloat32(d[0]!),
      shortestFloat32(d[1]!),
      shortestFloat32(d[2]!),
    ];
    const light = ext
      .createLight(name)
      .setType(kind)
      .setColor([d[3]!, d[4]!, d[5]!].map(shortestFloat32) as [number, number, number])
      .setIntensity(shortestFloat32(d[6]!));
    const node = doc.createNode(name).setTranslation(position);
    if (kind === 'point') {
      const range = d[7]!;
      // glTF requires range > 0 where given; none means unlimited.
      light.setRange(range > 0 && Number.isFinite(range) ? shortestFloat32(range) : null);
    } else {
      node.setRotation(lookRotation(directionToOrigin(position)));
    }
    node.setExtension(KHRLightsPunctual.EXTENSION_NAME, light);
    nodes.push(node);
  }
  return nodes;
}
