// Which nodes the import draws (the default scene, else the first, else every parentless node) and
// how many triangles and vertices that makes, counted from the checked JSON alone so the limits are
// enforced before any geometry is decoded.
import type { GltfJson } from './model-container';

type Obj = Record<string, unknown>;

const TRIANGLES = 4;
const TRIANGLE_STRIP = 5;
const TRIANGLE_FAN = 6;
/** EXT_mesh_gpu_instancing attributes that place instances (others, like _ID, do not count). */
export const INSTANCE_TRS = ['TRANSLATION', 'ROTATION', 'SCALE'] as const;

/** Triangles a primitive of `mode` makes from `n` vertices (or indices); 0 for points and lines. */
export function triangleCount(mode: number, n: number): number {
  if (mode === TRIANGLES) return Math.floor(n / 3);
  if (mode === TRIANGLE_STRIP || mode === TRIANGLE_FAN) return Math.max(0, n - 2);
  return 0;
}

/** Root node indices of the scene to import, in draw order. Needs JSON checked by checkStructure. */
export function sceneRoots(json: GltfJson): number[] {
  const scenes = (json.scenes ?? []) as Obj[];
  if (scenes.length > 0) {
    const scene = scenes[(json.scene as number | undefined) ?? 0]!;
    return [...((scene.nodes ?? []) as number[])];
  }
  // No scene at all: the spec leaves what to show open; every tree of nodes is the useful answer.
  const nodes = (json.nodes ?? []) as Obj[];
  const isChild = new Set(nodes.flatMap((n) => (n.children ?? []) as number[]));
  return nodes.map((_, i) => i).filter((i) => !isChild.has(i));
}

export interface SceneSize {
  triangles: number;
  vertices: number;
}

/** Triangles and vertices the import will produce from `roots` (before strip clean-up). */
export function sceneSize(json: GltfJson, roots: number[]): SceneSize {
  const nodes = (json.nodes ?? []) as Obj[];
  const meshes = (json.meshes ?? []) as Obj[];
  const accessors = (json.accessors ?? []) as Obj[];
  const instancing = ((json.extensionsUsed ?? []) as unknown[]).includes('EXT_mesh_gpu_instancing');
  const countOf = (index: unknown) =>
    (accessors[index as number]?.count as number | undefined) ?? 0;

  const perMesh = meshes.map((mesh): SceneSize => {
    let triangles = 0;
    let vertices = 0;
    for (const prim of (mesh.primitives ?? []) as Obj[]) {
      const attributes = prim.attributes as Obj;
      const positions = countOf(attributes.POSITION);
      const n = prim.indices === undefined ? positions : countOf(prim.indices);
      const t = triangleCount((prim.mode as number | undefined) ?? TRIANGLES, n);
      if (t > 0) {
        triangles += t;
        vertices += positions;
      }
    }
    return { triangles, vertices };
  });

  const total: SceneSize = { triangles: 0, vertices: 0 };
  // Iterative walk: a deep chain of nodes must not overflow the call stack.
  const stack = [...roots].reverse();
  while (stack.length > 0) {
    const node = nodes[stack.pop()!]!;
    if (node.mesh !== undefined) {
      const size = perMesh[node.mesh as number]!;
      let copies = 1;
      const ext = (node.extensions as Obj | undefined)?.EXT_mesh_gpu_instancing as Obj | undefined;
      if (instancing && ext?.attributes) {
        const attrs = ext.attributes as Obj;
        const first = INSTANCE_TRS.map((k) => attrs[k]).find((a) => a !== undefined);
        if (first !== undefined) copies = countOf(first);
      }
      total.triangles += size.triangles * copies;
      total.vertices += size.vertices * copies;
    }
    const children = (node.children ?? []) as number[];
    for (let c = children.length - 1; c >= 0; c--) stack.push(children[c]!);
  }
  return total;
}
