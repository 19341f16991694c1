// Finds the bytes behind every glTF buffer and image: the GLB's BIN chunk or a data: URI. Any other
// URI points at a file beside the model that the studio was not given (and must never fetch), so it
// is an error that names it.
import { ImportError } from './import-error';
import { decodeDataUri, isDataUri } from './data-uri';
import { listField, objectAt, optionalInt, optionalString, requiredInt } from './json-fields';
import type { GltfContainer } from './model-container';

export interface EmbeddedResources {
  /** buffers[i]'s bytes, exactly byteLength long. */
  buffers: Uint8Array[];
  /** images[i]'s bytes when it is a data: URI; null when it lives in a bufferView. */
  images: (Uint8Array | null)[];
}

const MAX_URI_SHOWN = 120;

function external(path: string, uri: string): ImportError {
  const shown = uri.length > MAX_URI_SHOWN ? `${uri.slice(0, MAX_URI_SHOWN)}...` : uri;
  return new ImportError(
    `${path} refers to the external file "${shown}", which is missing: only .glb or .gltf with ` +
      'embedded data (data: URIs) can be opened',
  );
}

export function resolveEmbeddedResources(container: GltfContainer): EmbeddedResources {
  const { json, bin, format } = container;

  const buffers = listField(json, 'buffers', 'buffers').map((_, i) => {
    const path = `buffers[${i}]`;
    const def = objectAt(json.buffers as unknown[], i, path);
    const byteLength = requiredInt(def, 'byteLength', `${path}.byteLength`, 1);
    const uri = optionalString(def, 'uri', `${path}.uri`);
    let data: Uint8Array;
    if (uri === undefined) {
      // Only a GLB's first buffer may leave out its uri: it is the BIN chunk.
      if (format !== 'glb' || i !== 0) throw new ImportError(`${path} has no uri and no data`);
      if (!bin)
        throw new ImportError(`${path} refers to the GLB binary chunk, but the file has none`);
      data = bin;
    } else if (isDataUri(uri)) {
      data = decodeDataUri(uri, `${path}.uri`);
    } else {
      throw external(`${path}.uri`, uri);
    }
    if (data.byteLength < byteLength) {
      throw new ImportError(
        `${path}: byteLength says ${byteLength} bytes but only ${data.byteLength} are present`,
      );
    }
    return data.subarray(0, byteLength);
  });

  const images = listField(json, 'images', 'images').map((_, i) => {
    const path = `images[${i}]`;
    const def = objectAt(json.images as unknown[], i, path);
    const uri = optionalString(def, 'uri', `${path}.uri`);
    if (uri !== undefined) {
      if (!isDataUri(uri)) throw external(`${path}.uri`, uri);
      return decodeDataUri(uri, `${path}.uri`);
    }
    if (optionalInt(def, 'bufferView', `${path}.bufferView`, 0) === undefined) {
      throw new ImportError(`${path} has neither a uri nor a bufferView`);
    }
    return null;
  });

  return { buffers, images };
}
