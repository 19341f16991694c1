// Objects the user added to the document, as ordinary Meshes: an imported asset draws its meshes
// with their own PBR factors, a part copy draws the part's full-detail meshes with the part's
// materials, a group draws nothing. Geometries and materials are shared by id. Hidden objects are
// taken out of the group, so they are neither drawn nor picked. Given a material source (the
// procedural material provider), an object the user gave a material (record.material) draws all its
// meshes with it; without an assignment an import keeps its own glTF factors and a part copy its
// part's (default) materials.
import {
  Color,
  Mesh,
  MeshStandardMaterial,
  type BufferGeometry,
  type Group,
  type Material,
} from 'three/webgpu';
import { getObject, type DocumentView } from '../core/document';
import type { MaterialRef } from '../core/materials/material-ref';
import type { ImportedAsset, ImportedMaterial } from '../import/imported-asset';
import { materialRefKey } from './materials/material-provider';
import { meshGeometry } from './mesh-geometry';

/** The geometry and material of one mesh an object draws. */
export interface Shape {
  geometry: BufferGeometry;
  material: Material;
}

type Assets = Readonly<Record<string, ImportedAsset>>;

interface Entry {
  meshes: Mesh[];
  /** Set while the object's asset has not arrived yet. */
  waitingFor?: string;
  /** Key of the user's material the meshes draw with ('' for none). */
  materialKey: string;
}

function materialKey(m: ImportedMaterial): string {
  return `${m.colour.join(',')}|${m.roughness}|${m.metalness}`;
}

export class AddedObjects {
  private readonly entries = new Map<string, Entry>();
  private readonly owners = new Map<Mesh, string>();
  private readonly geometries = new Map<string, BufferGeometry>();
  private readonly materials = new Map<string, MeshStandardMaterial>();

  /**
   * partShapes: the full-detail meshes of a generated part (empty if the scene has no such part).
   * materialFor: the material of a user assignment; without it assignments are not drawn.
   */
  constructor(
    private readonly group: Group,
    private readonly partShapes: (part: string) => readonly Shape[],
    private readonly materialFor?: (ref: MaterialRef) => Material,
  ) {}

  /** Brings the given objects (or all) up to date with the document. */
  sync(view: DocumentView, assets: Assets, ids: Iterable<string> | 'all'): void {
    if (ids === 'all') {
      const all = new Set(this.entries.keys());
      for (const [id, record] of Object.entries(view.layer.records)) if (record.source) all.add(id);
      ids = all;
    }
    for (const id of ids) this.syncOne(view, assets, id);
  }

  /** Re-tries the objects whose asset was missing (after assets arrived). */
  syncWaiting(view: DocumentView, assets: Assets): void {
    const waiting = [...this.entries].filter(([, e]) => e.waitingFor && assets[e.waitingFor]);
    for (const [id] of waiting) {
      this.remove(id);
      this.syncOne(view, assets, id);
    }
  }

  private syncOne(view: DocumentView, assets: Assets, id: string): void {
    const source = view.layer.records[id]?.source;
    const obj = source && source.kind !== 'group' ? getObject(view, id) : null;
    if (!source || !obj) {
      this.remove(id);
      return;
    }
    const ref = this.materialFor ? obj.material : undefined;
    const materialKey = ref ? materialRefKey(ref) : '';
    let entry = this.entries.get(id);
    if (entry && entry.materialKey !== materialKey) {
      this.remove(id);
      entry = undefined;
    }
    if (!entry) {
      entry = this.create(
        id,
        source.kind === 'asset' ? source.asset : undefined,
        obj.part,
        assets,
        ref,
      );
      this.entries.set(id, entry);
    }
    for (const mesh of entry.meshes) {
      mesh.matrix.fromArray(obj.world);
      mesh.matrixWorldNeedsUpdate = true;
      if (obj.visible && !mesh.parent) this.group.add(mesh);
      if (!obj.visible && mesh.parent) this.group.remove(mesh);
    }
  }

  private create(
    id: string,
    asset: string | undefined,
    part: string | undefined,
    assets: Assets,
    ref: MaterialRef | undefined,
  ): Entry {
    const materialKey = ref ? materialRefKey(ref) : '';
    let shapes: readonly Shape[] = [];
    if (asset !== undefined) {
      const data = assets[asset];
      if (!data) return { meshes: [], waitingFor: asset, materialKey };
      shapes = data.meshes.map(({ mesh, material }) => ({
        geometry: this.assetGeometry(mesh),
        material: this.assetMaterial(material),
      }));
    } else if (part !== undefined) {
      shapes = this.partShapes(part);
    }
    const assigned = ref && this.materialFor ? this.materialFor(ref) : undefined;
    const meshes = shapes.map(({ geometry, material }) => {
      const mesh = new Mesh(geometry, assigned ?? material);
      mesh.name = `${id}|${geometry.name}`;
      mesh.matrixAutoUpdate = false;
      this.owners.set(mesh, id);
      return mesh;
    });
    return { meshes, materialKey };
  }

  private assetGeometry(mesh: ImportedAsset['meshes'][number]['mesh']): BufferGeometry {
    let g = this.geometries.get(mesh.id);
    if (!g) {
      g = meshGeometry(mesh);
      this.geometries.set(mesh.id, g);
    }
    return g;
  }

  private assetMaterial(m: ImportedMaterial): MeshStandardMaterial {
    const key = materialKey(m);
    let material = this.materials.get(key);
    if (!material) {
      const [r, g, b, a] = m.colour;
      // glTF colour factors are linear, three's working space.
      material = new MeshStandardMaterial({
        color: new Color().setRGB(r, g, b),
        roughness: m.roughness,
        metalness: m.metalness,
        ...(a < 1 ? { transparent: true, opacity: a } : {}),
      });
      material.name = m.name || 'imported';
      this.materials.set(key, material);
    }
    return material;
  }

  private remove(id: string): void {
    const entry = this.entries.get(id);
    if (!entry) return;
    for (const mesh of entry.meshes) {
      this.group.remove(mesh);
      this.owners.delete(mesh);
    }
    this.entries.delete(id);
  }

  /** The object a mesh belongs to. */
  idOf(mesh: object): string | undefined {
    return this.owners.get(mesh as Mesh);
  }

  /** The meshes object `id` draws (none for groups, missing assets and unknown ids). */
  meshesOf(id: string): readonly Mesh[] {
    return this.entries.get(id)?.meshes ?? [];
  }

  /** Visible objects with their meshes. */
  *shown(): IterableIterator<[string, readonly Mesh[]]> {
    for (const [id, entry] of this.entries) {
      if (entry.meshes.length > 0 && entry.meshes[0]!.parent) yield [id, entry.meshes];
    }
  }

  /** Moves an object's meshes for a preview, without touching the document. */
  preview(id: string, world: ArrayLike<number>): void {
    for (const mesh of this.meshesOf(id)) {
      mesh.matrix.fromArray(world);
      mesh.matrixWorldNeedsUpdate = true;
    }
  }

  get meshCount(): number {
    let n = 0;
    for (const [, meshes] of this.shown()) n += meshes.length;
    return n;
  }

  dispose(): void {
    for (const id of [...this.entries.keys()]) this.remove(id);
    this.geometries.forEach((g) => g.dispose());
    this.materials.forEach((m) => m.dispose());
    this.geometries.clear();
    this.materials.clear();
  }
}
