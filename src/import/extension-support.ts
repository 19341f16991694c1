// Which glTF extensions a file may require. Required extensions change how data must be read, so
// one the studio cannot decode is refused by name, rather than read wrongly.
import { ImportError } from './import-error';
import { listField } from './json-fields';
import type { GltfJson } from './model-container';

/** Extensions glTF-Transform knows but can only decode with a codec the studio does not ship. */
const NEED_A_DECODER: Readonly<Record<string, string>> = {
  KHR_draco_mesh_compression: 'Draco-compressed geometry',
  EXT_meshopt_compression: 'meshopt-compressed buffers',
};

/** 16-bit float accessors need Float16Array, which Node 20 and older browsers lack. */
export function canDecodeFloat16(): boolean {
  return 'Float16Array' in globalThis;
}

/** The names of `known` (glTF-Transform's extensions) that the importer can read. */
export function readableExtensionNames(known: readonly string[]): string[] {
  return known.filter((name) => {
    if (name in NEED_A_DECODER) return false;
    if (name === 'KHR_accessor_float16') return canDecodeFloat16();
    return true;
  });
}

export function checkRequiredExtensions(json: GltfJson, readable: readonly string[]): void {
  for (const [i, name] of listField(json, 'extensionsRequired', 'extensionsRequired').entries()) {
    if (typeof name !== 'string') {
      throw new ImportError(`extensionsRequired[${i}]: expected an extension name`);
    }
    if (readable.includes(name)) continue;
    const what = NEED_A_DECODER[name];
    if (what) {
      throw new ImportError(
        `requires the extension ${name} (${what}), which the studio cannot decode: export the ` +
          'model again without compression',
      );
    }
    if (name === 'KHR_accessor_float16') {
      throw new ImportError(`requires the extension ${name}, which this browser cannot decode`);
    }
    throw new ImportError(
      `requires the extension ${name.slice(0, 80)}, which the studio does not support`,
    );
  }
}
