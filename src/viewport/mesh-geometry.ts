// MeshData (plain typed arrays) as a three BufferGeometry. The arrays are used as they are, not
// copied: generated scenes and imported assets keep them for export and hashing anyway.
import { BufferAttribute, BufferGeometry } from 'three/webgpu';
import type { MeshData } from '../core/scene/scene-data';

export function meshGeometry(m: MeshData): BufferGeometry {
  const g = new BufferGeometry();
  g.setAttribute('position', new BufferAttribute(m.positions, 3));
  g.setAttribute('normal', new BufferAttribute(m.normals, 3));
  g.setAttribute('uv', new BufferAttribute(m.uvs, 2));
  g.setIndex(new BufferAttribute(m.indices, 1));
  g.name = m.id;
  return g;
}
