// What an image file is and how big, read from its first bytes before anything is decoded: the
// decoder refuses bytes that are no image it knows, and pictures too large to decode, with a
// message naming the problem, instead of handing them to the browser's decoder. Pure (no DOM).

export type ImageFormat = 'png' | 'jpeg' | 'gif' | 'webp' | 'bmp';

export interface ImageHeader {
  format: ImageFormat;
  /** Pixels, when the header tells them (always for PNG, GIF, BMP and WebP; JPEG from its frame). */
  width?: number;
  height?: number;
}

/** What decodeImage accepts; beyond these the bytes are refused before decoding. */
export const IMAGE_LIMITS = {
  /** Largest file. */
  maxBytes: 32 * 1024 * 1024,
  /** Longest side. */
  maxSide: 8192,
  /** Most pixels (width x height). */
  maxPixels: 40_000_000,
};

/** A picture the studio will not decode, with the reason as the message. */
export class ImageDecodeError extends Error {
  override name = 'ImageDecodeError';
  constructor(
    readonly code: 'empty' | 'not-an-image' | 'too-large' | 'corrupt',
    message: string,
  ) {
    super(message);
  }
}

const FORMAT_NAMES = 'PNG, JPEG, WebP, GIF or BMP';

const startsWith = (b: Uint8Array, sig: readonly number[], at = 0) =>
  b.length >= at + sig.length && sig.every((v, i) => b[at + i] === v);

const ascii = (b: Uint8Array, at: number, n: number) =>
  String.fromCharCode(...b.subarray(at, at + n));

const u16be = (b: Uint8Array, at: number) => (b[at]! << 8) | b[at + 1]!;
const u16le = (b: Uint8Array, at: number) => b[at]! | (b[at + 1]! << 8);
const u24le = (b: Uint8Array, at: number) => u16le(b, at) | (b[at + 2]! << 16);
const u32be = (b: Uint8Array, at: number) =>
  ((b[at]! << 24) | (b[at + 1]! << 16) | u16be(b, at + 2)) >>> 0;
const i32le = (b: Uint8Array, at: number) =>
  b[at]! | (b[at + 1]! << 8) | (b[at + 2]! << 16) | (b[at + 3]! << 24);

/** The size in a JPEG's first start-of-frame segment, walking the segments from the start. */
function jpegSize(b: Uint8Array): { width: number; height: number } | undefined {
  let at = 2;
  while (at + 4 <= b.length) {
    if (b[at] !== 0xff) return undefined;
    const marker = b[at + 1]!;
    // Fill bytes, and markers that stand alone without a length.
    if (marker === 0xff) {
      at++;
      continue;
    }
    if (marker === 0xd8 || marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      at += 2;
      continue;
    }
    const length = u16be(b, at + 2);
    // SOF0..SOF15 except DHT (C4), JPG (C8) and DAC (CC).
    const isFrame = marker >= 0xc0 && marker <= 0xcf && ![0xc4, 0xc8, 0xcc].includes(marker);
    if (isFrame) {
      if (at + 9 > b.length) return undefined;
      return { height: u16be(b, at + 5), width: u16be(b, at + 7) };
    }
    if (marker === 0xda || length < 2) return undefined;
    at += 2 + length;
  }
  return undefined;
}

function webpSize(b: Uint8Array): { width: number; height: number } | undefined {
  const chunk = ascii(b, 12, 4);
  if (chunk === 'VP8X' && b.length >= 30) {
    return { width: u24le(b, 24) + 1, height: u24le(b, 27) + 1 };
  }
  if (chunk === 'VP8L' && b.length >= 25 && b[20] === 0x2f) {
    const bits = b[21]! | (b[22]! << 8) | (b[23]! << 16) | (b[24]! << 24);
    return { width: (bits & 0x3fff) + 1, height: ((bits >>> 14) & 0x3fff) + 1 };
  }
  if (chunk === 'VP8 ' && b.length >= 30 && startsWith(b, [0x9d, 0x01, 0x2a], 23)) {
    return { width: u16le(b, 26) & 0x3fff, height: u16le(b, 28) & 0x3fff };
  }
  return undefined;
}

/** Reads the format and size from the first bytes; throws ImageDecodeError for non-images. */
export function readImageHeader(bytes: Uint8Array, name = 'the file'): ImageHeader {
  if (bytes.byteLength === 0) throw new ImageDecodeError('empty', `${name} is empty (0 bytes)`);
  const b = bytes;
  if (startsWith(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) {
    if (b.length < 24 || ascii(b, 12, 4) !== 'IHDR') {
      throw new ImageDecodeError('corrupt', `${name} is a PNG whose header is cut short`);
    }
    return { format: 'png', width: u32be(b, 16), height: u32be(b, 20) };
  }
  if (startsWith(b, [0xff, 0xd8, 0xff])) return { format: 'jpeg', ...jpegSize(b) };
  if (ascii(b, 0, 6) === 'GIF87a' || ascii(b, 0, 6) === 'GIF89a') {
    if (b.length < 10) throw new ImageDecodeError('corrupt', `${name} is a GIF cut short`);
    return { format: 'gif', width: u16le(b, 6), height: u16le(b, 8) };
  }
  if (ascii(b, 0, 4) === 'RIFF' && ascii(b, 8, 4) === 'WEBP') {
    return { format: 'webp', ...webpSize(b) };
  }
  if (ascii(b, 0, 2) === 'BM' && b.length >= 26) {
    // Height is negative for top-down bitmaps.
    return { format: 'bmp', width: Math.abs(i32le(b, 18)), height: Math.abs(i32le(b, 22)) };
  }
  throw new ImageDecodeError(
    'not-an-image',
    `${name} is not an image the studio can read (expected ${FORMAT_NAMES})`,
  );
}

/** Throws ImageDecodeError when a picture of this many bytes and pixels should not be decoded. */
export function checkImageSize(
  bytes: number,
  size: { width?: number; height?: number },
  name = 'the file',
  limits = IMAGE_LIMITS,
): void {
  const mb = (n: number) => `${(n / (1024 * 1024)).toFixed(1)} MB`;
  if (bytes > limits.maxBytes) {
    throw new ImageDecodeError(
      'too-large',
      `${name} is ${mb(bytes)}, over the limit of ${mb(limits.maxBytes)}`,
    );
  }
  const { width, height } = size;
  if (width === undefined || height === undefined) return;
  if (width === 0 || height === 0) {
    throw new ImageDecodeError('corrupt', `${name} says it is ${width} x ${height} pixels`);
  }
  if (width > limits.maxSide || height > limits.maxSide) {
    throw new ImageDecodeError(
      'too-large',
      `${name} is ${width} x ${height} pixels; the longest side may be ${limits.maxSide}`,
    );
  }
  if (width * height > limits.maxPixels) {
    throw new ImageDecodeError(
      'too-large',
      `${name} is ${width} x ${height} pixels (${((width * height) / 1e6).toFixed(1)} megapixels), over the limit of ${limits.maxPixels / 1e6} megapixels`,
    );
  }
}
