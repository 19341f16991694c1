// A strict reader for the zip files the studio writes (project files), for untrusted input: the
// central directory is parsed here, so every entry's name, method and declared sizes are checked
// before a byte is inflated; then each entry is inflated with a cap on its real output (declared
// sizes can lie) and its CRC-32 checked. No zip64, no encryption, no multi-disk archives, only
// stored and deflated entries: what fflate's zipSync writes, and what common tools write for
// files of this size.
import { InflateDataError, InflateLimitError, inflateRawCapped } from '../share/inflate-capped';

export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflated. */
  method: number;
  crc: number;
  compressedSize: number;
  size: number;
  /** Offset of the entry's local header. */
  offset: number;
}

/** A problem with the archive; the message says what, without the file name. */
export class ZipFormatError extends Error {
  override name = 'ZipFormatError';
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

export function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (let i = 0; i < bytes.length; i++) c = CRC_TABLE[(c ^ bytes[i]!) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

const u16 = (b: Uint8Array, at: number) => b[at]! | (b[at + 1]! << 8);
const u32 = (b: Uint8Array, at: number) =>
  (b[at]! | (b[at + 1]! << 8) | (b[at + 2]! << 16) | (b[at + 3]! << 24)) >>> 0;

const utf8 = new TextDecoder('utf-8', { fatal: true });

function entryName(bytes: Uint8Array): string {
  try {
    return utf8.decode(bytes);
  } catch {
    return Array.from(bytes, (b) => (b < 0x80 ? String.fromCharCode(b) : '?')).join('');
  }
}

export interface ZipLimits {
  entries: number;
  entryBytes: number;
  totalInflatedBytes: number;
}

/**
 * The entries of the archive's central directory, checked against the file and `limits` (count,
 * declared sizes, their total, where the data lies). Names are returned as written; the caller
 * decides which are allowed.
 */
export function readCentralDirectory(zip: Uint8Array, limits: ZipLimits): ZipEntry[] {
  if (zip.length < 22) throw new ZipFormatError('not a zip file (too short)');
  // The end-of-central-directory record: within the last 22 + 65535 (comment) bytes.
  let eocd = -1;
  for (let at = zip.length - 22; at >= Math.max(0, zip.length - 22 - 0xffff); at--) {
    if (u32(zip, at) === EOCD && at + 22 + u16(zip, at + 20) === zip.length) {
      eocd = at;
      break;
    }
  }
  if (eocd < 0) {
    throw new ZipFormatError(
      u32(zip, 0) === LOCAL
        ? 'the zip file is damaged or cut short (its directory is missing)'
        : 'not a zip file',
    );
  }
  const disk = u16(zip, eocd + 4);
  const cdDisk = u16(zip, eocd + 6);
  const onDisk = u16(zip, eocd + 8);
  const count = u16(zip, eocd + 10);
  const cdSize = u32(zip, eocd + 12);
  const cdOffset = u32(zip, eocd + 16);
  if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) {
    throw new ZipFormatError('zip64 archives are not supported');
  }
  if (disk !== 0 || cdDisk !== 0 || onDisk !== count) {
    throw new ZipFormatError('multi-part zip archives are not supported');
  }
  if (count > limits.entries) {
    throw new ZipFormatError(`${count} entries is over the limit of ${limits.entries}`);
  }
  if (cdOffset + cdSize > eocd) {
    throw new ZipFormatError('the zip directory points outside the file (damaged)');
  }
  const entries: ZipEntry[] = [];
  let total = 0;
  let at = cdOffset;
  for (let i = 0; i < count; i++) {
    if (at + 46 > cdOffset + cdSize || u32(zip, at) !== CENTRAL) {
      throw new ZipFormatError(`zip directory entry ${i + 1} is damaged`);
    }
    const flags = u16(zip, at + 8);
    const method = u16(zip, at + 10);
    const crc = u32(zip, at + 16);
    const compressedSize = u32(zip, at + 20);
    const size = u32(zip, at + 24);
    const nameLength = u16(zip, at + 28);
    const extraLength = u16(zip, at + 30);
    const commentLength = u16(zip, at + 32);
    const offset = u32(zip, at + 42);
    const next = at + 46 + nameLength + extraLength + commentLength;
    if (next > cdOffset + cdSize)
      throw new ZipFormatError(`zip directory entry ${i + 1} is damaged`);
    const name = entryName(zip.subarray(at + 46, at + 46 + nameLength));
    const shown = JSON.stringify(name.slice(0, 80));
    if (flags & 1) throw new ZipFormatError(`entry ${shown} is encrypted`);
    if (method !== 0 && method !== 8) {
      throw new ZipFormatError(`entry ${shown} uses compression method ${method} (only deflate)`);
    }
    if (size === 0xffffffff || compressedSize === 0xffffffff || offset === 0xffffffff) {
      throw new ZipFormatError('zip64 archives are not supported');
    }
    if (size > limits.entryBytes) {
      throw new ZipFormatError(
        `entry ${shown} is ${size} bytes, over the ${limits.entryBytes}-byte limit`,
      );
    }
    if (method === 0 && compressedSize !== size) {
      throw new ZipFormatError(`entry ${shown} is damaged (stored with two different sizes)`);
    }
    total += size;
    if (total > limits.totalInflatedBytes) {
      throw new ZipFormatError(
        `the entries add up to more than the ${limits.totalInflatedBytes}-byte limit`,
      );
    }
    if (offset + 30 + compressedSize > cdOffset) {
      throw new ZipFormatError(`entry ${shown} points outside the file (damaged)`);
    }
    entries.push({ name, method, crc, compressedSize, size, offset });
    at = next;
  }
  return entries;
}

/** An entry's bytes: inflated with its declared size as the cap, length and CRC-32 checked. */
export function readEntry(zip: Uint8Array, entry: ZipEntry): Uint8Array {
  const shown = JSON.stringify(entry.name.slice(0, 80));
  const at = entry.offset;
  if (at + 30 > zip.length || u32(zip, at) !== LOCAL) {
    throw new ZipFormatError(`entry ${shown} is damaged (no local header)`);
  }
  const nameLength = u16(zip, at + 26);
  const extraLength = u16(zip, at + 28);
  const start = at + 30 + nameLength + extraLength;
  const end = start + entry.compressedSize;
  if (end > zip.length) {
    throw new ZipFormatError(`entry ${shown} is cut short`);
  }
  const data = zip.subarray(start, end);
  let bytes: Uint8Array;
  // A copy, not a view: a view would keep (and structured-clone) the whole file.
  if (entry.method === 0) bytes = data.slice();
  else {
    try {
      bytes = inflateRawCapped(data, entry.size);
    } catch (error) {
      if (error instanceof InflateLimitError) {
        throw new ZipFormatError(
          `entry ${shown} inflates to more than the ${entry.size} bytes it declares`,
        );
      }
      if (error instanceof InflateDataError) {
        throw new ZipFormatError(`entry ${shown} is damaged (${error.message})`);
      }
      throw error;
    }
  }
  if (bytes.length !== entry.size) {
    throw new ZipFormatError(
      `entry ${shown} is damaged (${bytes.length} bytes, ${entry.size} declared)`,
    );
  }
  if (crc32(bytes) !== entry.crc)
    throw new ZipFormatError(`entry ${shown} is damaged (CRC mismatch)`);
  return bytes;
}
