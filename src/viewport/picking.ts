// Which object is under a point of the viewport: a ray from the camera through it, tested against
// the scene's meshes (instanced batches test each drawn instance; three skips an instance whose
// bounding sphere the ray misses), nearest hit first. A hit maps back to its document object
// through the scene objects (instance slot → instance → `${part}#${i}`); objects that cannot be
// picked (locked) are seen through, hidden ones are not drawn and so never hit.
import { Raycaster, Vector2, type Camera } from 'three/webgpu';
import type { SceneObjects } from './scene-objects';

export interface PickOptions {
  /** Whether an object may be picked; unpickable ones are seen through. */
  pickable?: (id: string) => boolean;
  /** A raycaster to re-use (one per viewport; none is kept here). */
  raycaster?: Raycaster;
}

/** The object at normalised device coordinates (x, y in -1..1, y up), or null. */
export function pickObject(
  objects: SceneObjects,
  camera: Camera,
  ndcX: number,
  ndcY: number,
  options: PickOptions = {},
): string | null {
  const raycaster = options.raycaster ?? new Raycaster();
  camera.updateMatrixWorld();
  raycaster.setFromCamera(new Vector2(ndcX, ndcY), camera);
  objects.group.updateMatrixWorld();
  for (const hit of raycaster.intersectObject(objects.group, true)) {
    const id = objects.objectAt(hit.object, hit.instanceId);
    if (id !== null && (options.pickable?.(id) ?? true)) return id;
  }
  return null;
}

/** Normalised device coordinates of a client (CSS pixel) position over the canvas. */
export function clientToNdc(
  canvas: HTMLElement,
  clientX: number,
  clientY: number,
): [number, number] {
  const r = canvas.getBoundingClientRect();
  return [((clientX - r.left) / r.width) * 2 - 1, -((clientY - r.top) / r.height) * 2 + 1];
}
