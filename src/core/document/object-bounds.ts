// World-space bounds of objects, for framing the selection (F) and placing things: each object's
// geometry box (a part's lod0 meshes, an imported asset's box, a group's children) through its
// world matrix. Mesh boxes are computed once per mesh and cached.
import type { Mat4 } from '../math/mat4-ops';
import type { MeshData } from '../scene/scene-data';
import { childrenOf, getObject, type DocumentView } from './document-objects';

export type Box = [number, number, number, number, number, number];

const meshBoxes = new WeakMap<MeshData, Box>();

export function emptyBox(): Box {
  return [Infinity, Infinity, Infinity, -Infinity, -Infinity, -Infinity];
}

export function isEmptyBox(b: Box): boolean {
  return !(b[0] <= b[3]);
}

function meshBox(m: MeshData): Box {
  let box = meshBoxes.get(m);
  if (box) return box;
  box = emptyBox();
  const p = m.positions;
  for (let i = 0; i < p.length; i += 3) growPoint(box, p[i]!, p[i + 1]!, p[i + 2]!);
  meshBoxes.set(m, box);
  return box;
}

function growPoint(b: Box, x: number, y: number, z: number): void {
  if (x < b[0]) b[0] = x;
  if (y < b[1]) b[1] = y;
  if (z < b[2]) b[2] = z;
  if (x > b[3]) b[3] = x;
  if (y > b[4]) b[4] = y;
  if (z > b[5]) b[5] = z;
}

/** Grows `out` by `box` transformed by `m` (its 8 corners). */
export function growTransformed(out: Box, box: Box, m: Mat4): void {
  if (isEmptyBox(box)) return;
  for (let c = 0; c < 8; c++) {
    const x = c & 1 ? box[3] : box[0];
    const y = c & 2 ? box[4] : box[1];
    const z = c & 4 ? box[5] : box[2];
    growPoint(
      out,
      m[0]! * x + m[4]! * y + m[8]! * z + m[12]!,
      m[1]! * x + m[5]! * y + m[9]! * z + m[13]!,
      m[2]! * x + m[6]! * y + m[10]! * z + m[14]!,
    );
  }
}

/** Local geometry box of a part (its batches' full-detail meshes). */
export function partBox(doc: DocumentView, part: string): Box {
  const scene = doc.index.scene;
  const info = doc.index.partByKey.get(part);
  const box = emptyBox();
  if (!scene || !info) return box;
  for (const b of info.batches) {
    const id = scene.batches[b]!.lods[0]!;
    const mesh = scene.meshes.find((m) => m.id === id);
    if (mesh) growTransformed(box, meshBox(mesh), [1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1]);
  }
  return box;
}

/** World bounds of the objects; `assetBox` gives an imported asset's local box by hash. */
export function objectsBounds(
  doc: DocumentView,
  ids: readonly string[],
  assetBox: (hash: string) => Box | undefined,
): Box {
  const out = emptyBox();
  const partBoxes = new Map<string, Box>();
  const visit = (id: string, depth: number) => {
    const o = getObject(doc, id);
    if (!o || depth > 32) return;
    if (o.kind === 'group') {
      for (const child of childrenOf(doc, id)) visit(child, depth + 1);
      return;
    }
    let local: Box | undefined;
    if (o.kind === 'asset') local = assetBox(o.origin!);
    else {
      local = partBoxes.get(o.part!);
      if (!local) {
        local = partBox(doc, o.part!);
        partBoxes.set(o.part!, local);
      }
    }
    if (local) growTransformed(out, local, o.world);
  };
  for (const id of ids) visit(id, 0);
  return out;
}
