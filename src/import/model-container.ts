// Unpacks a model file's bytes into glTF JSON plus the GLB binary chunk, deciding GLB or JSON by
// content (the 'glTF' magic), not by the file's extension, and checks the asset version.
import { ImportError } from './import-error';
import { isObject } from './json-fields';

/** A parsed glTF JSON object; its fields are untrusted until gltf-structure.ts has checked them. */
export type GltfJson = Record<string, unknown>;

export interface GltfContainer {
  format: 'glb' | 'gltf';
  json: GltfJson;
  /** The GLB's BIN chunk (buffers[0] when that has no uri); null for .gltf or a GLB without one. */
  bin: Uint8Array | null;
}

const GLB_MAGIC = 0x46546c67; // 'glTF' read as a little-endian u32
const CHUNK_JSON = 0x4e4f534a; // 'JSON'
const CHUNK_BIN = 0x004e4942; // 'BIN\0'
const GLB_HEADER_BYTES = 12;
const CHUNK_HEADER_BYTES = 8;

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

export function readContainer(bytes: Uint8Array): GltfContainer {
  if (bytes.byteLength >= 4 && u32(bytes, 0) === GLB_MAGIC) return readGlb(bytes);
  return { format: 'gltf', json: checkAsset(parseJsonText(bytes)), bin: null };
}

function u32(bytes: Uint8Array, offset: number): number {
  return new DataView(bytes.buffer, bytes.byteOffset + offset, 4).getUint32(0, true);
}

function readGlb(bytes: Uint8Array): GltfContainer {
  const size = bytes.byteLength;
  if (size < GLB_HEADER_BYTES) {
    throw new ImportError(`truncated GLB: ${size} bytes, shorter than the 12-byte header`);
  }
  const version = u32(bytes, 4);
  if (version !== 2) {
    throw new ImportError(`GLB container version ${version} is not supported (only glTF 2.x)`);
  }
  const declared = u32(bytes, 8);
  if (declared !== size) {
    // A shorter file lost its end; a longer one is not what its header describes either, and
    // guessing which part is right would hide corruption.
    const what = declared > size ? 'truncated GLB' : 'corrupted GLB';
    throw new ImportError(
      `${what}: header length mismatch, the header says ${declared} bytes but the file has ${size}`,
    );
  }

  let json: unknown = undefined;
  let bin: Uint8Array | null = null;
  let offset = GLB_HEADER_BYTES;
  for (let index = 0; offset < size; index++) {
    if (offset + CHUNK_HEADER_BYTES > size) {
      throw new ImportError(
        `truncated GLB: chunk ${index} header at byte ${offset} runs past the end`,
      );
    }
    const length = u32(bytes, offset);
    const type = u32(bytes, offset + 4);
    const start = offset + CHUNK_HEADER_BYTES;
    if (start + length > size) {
      throw new ImportError(
        `truncated GLB: chunk ${index} (${length} bytes at byte ${start}) runs beyond the end of ` +
          `the file (${size} bytes)`,
      );
    }
    const data = bytes.subarray(start, start + length);
    if (index === 0) {
      if (type !== CHUNK_JSON) throw new ImportError('corrupted GLB: the first chunk is not JSON');
      json = parseJsonText(data);
    } else if (type === CHUNK_BIN && bin === null) {
      bin = data;
    }
    // Other chunk types are allowed by the spec and ignored.
    offset = start + length;
  }
  if (json === undefined) throw new ImportError('corrupted GLB: no JSON chunk');
  return { format: 'glb', json: checkAsset(json), bin };
}

/** First byte that is not a UTF-8 BOM or JSON whitespace, or -1. */
function firstSignificantByte(bytes: Uint8Array): number {
  let i = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    if (b !== 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d) return b;
    i++;
  }
  return -1;
}

function parseJsonText(bytes: Uint8Array): unknown {
  // Look at the first character before decoding, so random binary is turned away without decoding
  // (or failing to decode) the whole file as text.
  const first = firstSignificantByte(bytes);
  if (first !== 0x7b /* { */ && first !== 0x5b /* [ */) {
    throw new ImportError("not a glTF file (no 'glTF' header and not JSON)");
  }
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    throw new ImportError('invalid JSON: the text is not valid UTF-8');
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new ImportError(`invalid JSON (${error instanceof Error ? error.message : error})`);
  }
}

function checkAsset(json: unknown): GltfJson {
  const asset = isObject(json) ? json.asset : undefined;
  const version = isObject(asset) ? asset.version : undefined;
  if (!isObject(json) || typeof version !== 'string') {
    throw new ImportError('not a glTF file: the JSON has no asset.version');
  }
  if (!/^2\.\d+$/.test(version)) {
    throw new ImportError(`glTF version "${version.slice(0, 20)}" is not supported (only 2.x)`);
  }
  return json;
}
