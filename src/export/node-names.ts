// Readable names for exported nodes and meshes, derived from SceneData ids: 'prop:barrel:lod0'
// becomes 'barrel', and its instances 'barrel #1', 'barrel #2', ... in scene order.

/** The short name of a mesh id: namespace and level-of-detail suffix dropped, first part kept
 * ('prop:barrel:lod0' → 'barrel', 'prim:box:1x1x1' → 'box', 'dungeon:tile' → 'tile'). */
export function meshLabel(meshId: string): string {
  const parts = meshId.split(':').filter((p) => p !== '' && !/^lod\d+$/.test(p));
  if (parts.length === 0) return 'mesh';
  return parts.length > 1 ? parts[1]! : parts[0]!;
}

/** The short name of a material id: the part after the last ':' ('dungeon:stone-floor' →
 * 'stone-floor'). */
export function materialLabel(materialId: string): string {
  const last = materialId.slice(materialId.lastIndexOf(':') + 1);
  return last === '' ? materialId : last;
}

/** Numbers names per label: next('barrel') → 'barrel #1', then 'barrel #2'. */
export class NameCounter {
  readonly #counts = new Map<string, number>();

  next(label: string): string {
    const n = (this.#counts.get(label) ?? 0) + 1;
    this.#counts.set(label, n);
    return `${label} #${n}`;
  }
}
