// parseModelFile: the import pipeline from a GLB/.gltf file's bytes to an ImportedAsset, and the
// limits it enforces. Every problem with the input comes out as an ImportError naming the file.
import { bakePrimitive } from './bake-primitive';
import { sha256Hex } from './content-hash';
import { resolveEmbeddedResources } from './embedded-resources';
import { checkRequiredExtensions, readableExtensionNames } from './extension-support';
import { KNOWN_EXTENSIONS, readSourcePrimitives } from './gltf-document';
import { checkStructure } from './gltf-structure';
import { ImportError } from './import-error';
import type { ImportedAsset, ImportedMesh } from './imported-asset';
import { readContainer } from './model-container';
import { sceneRoots, sceneSize } from './scene-size';

export { ImportError } from './import-error';

export const IMPORT_LIMITS = { maxBytes: 256 * 1024 * 1024, maxTriangles: 5_000_000 };

export interface ParseModelOptions {
  /** Largest file accepted, and the cap on its accessor data once decoded. */
  maxBytes?: number;
  /** Most triangles the drawn scene may have; vertices are capped at three times this. */
  maxTriangles?: number;
}

export async function parseModelFile(
  bytes: Uint8Array,
  name: string,
  options: ParseModelOptions = {},
): Promise<ImportedAsset> {
  try {
    return await parse(bytes, name, {
      maxBytes: options.maxBytes ?? IMPORT_LIMITS.maxBytes,
      maxTriangles: options.maxTriangles ?? IMPORT_LIMITS.maxTriangles,
    });
  } catch (error) {
    // Whatever went wrong (glTF-Transform's own errors, a RangeError from a corrupt array), the
    // caller gets one error type with the file name in front.
    const detail =
      error instanceof ImportError
        ? error.message
        : `could not read the glTF data (${error instanceof Error ? error.message : String(error)})`;
    throw new ImportError(`${name}: ${detail}`, { cause: error });
  }
}

async function parse(
  bytes: Uint8Array,
  name: string,
  limits: Required<ParseModelOptions>,
): Promise<ImportedAsset> {
  if (bytes.byteLength === 0) throw new ImportError('the file is empty (0 bytes)');
  if (bytes.byteLength > limits.maxBytes) {
    throw new ImportError(
      `the file is ${sizeText(bytes.byteLength)}, over the limit of ${sizeText(limits.maxBytes)}`,
    );
  }

  const container = readContainer(bytes);
  const extensions = readableExtensionNames(KNOWN_EXTENSIONS);
  checkRequiredExtensions(container.json, extensions);
  const resources = resolveEmbeddedResources(container);
  checkStructure(container.json, resources, { maxAccessorBytes: limits.maxBytes });

  // Limits before decoding: the counts come from the JSON alone.
  const roots = sceneRoots(container.json);
  const size = sceneSize(container.json, roots);
  if (size.triangles > limits.maxTriangles) {
    throw new ImportError(
      `${count(size.triangles)} triangles is over the limit of ${count(limits.maxTriangles)}`,
    );
  }
  const maxVertices = limits.maxTriangles * 3;
  if (size.vertices > maxVertices) {
    throw new ImportError(
      `${count(size.vertices)} vertices is over the limit of ${count(maxVertices)}`,
    );
  }

  const sources = await readSourcePrimitives(container.json, resources, roots, extensions);
  const hash = await sha256Hex(bytes);
  const meshes: ImportedMesh[] = [];
  for (const source of sources) {
    const mesh = bakePrimitive(source, `asset:${hash.slice(0, 12)}:${meshes.length}`);
    if (mesh) meshes.push({ mesh, material: source.material });
  }
  if (meshes.length === 0) {
    throw new ImportError('has no triangle meshes (nothing in its scene draws a triangle)');
  }

  const bounds: ImportedAsset['bounds'] = [
    Infinity,
    Infinity,
    Infinity,
    -Infinity,
    -Infinity,
    -Infinity,
  ];
  let triangles = 0;
  let vertices = 0;
  for (const { mesh } of meshes) {
    const p = mesh.positions;
    for (let i = 0; i < p.length; i += 3) {
      for (let k = 0; k < 3; k++) {
        bounds[k] = Math.min(bounds[k]!, p[i + k]!);
        bounds[k + 3] = Math.max(bounds[k + 3]!, p[i + k]!);
      }
    }
    triangles += mesh.indices.length / 3;
    vertices += p.length / 3;
  }
  return { hash, name, meshes, bounds, triangles, vertices };
}

function count(n: number): string {
  return n.toLocaleString('en-US');
}

function sizeText(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  const [value, unit] = bytes < 1024 * 1024 ? [bytes / 1024, 'KiB'] : [bytes / 1024 / 1024, 'MiB'];
  return `${count(bytes)} bytes (${value.toFixed(1)} ${unit})`;
}
