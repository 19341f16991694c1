// Image bytes (a file, a paste, a drop, a screenshot) → RgbaImage, in the browser: the header is read
// first (image-header.ts), so bytes that are no image and pictures over the limits are refused with
// a message before the browser's decoder sees them; then createImageBitmap decodes (straight alpha,
// no colour-space conversion) and an OffscreenCanvas hands back the pixels. Pictures larger than
// the working size are scaled down while decoding: preprocessing crops to the object and shrinks it
// to 64 pixels anyway, and a 40-megapixel array would cost memory for nothing.
import type { RgbaImage } from '../../core/shape/shape-types';
import {
  ImageDecodeError,
  checkImageSize,
  readImageHeader,
  type ImageFormat,
} from './image-header';

export { ImageDecodeError } from './image-header';

/** Longest side of the decoded picture; larger ones are scaled down to it while decoding. */
export const DECODE_WORKING_SIDE = 2048;

const MIME: Record<ImageFormat, string> = {
  png: 'image/png',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  webp: 'image/webp',
  bmp: 'image/bmp',
};

export interface DecodedImage extends RgbaImage {
  format: ImageFormat;
  /** The picture's own size, before any scaling down. */
  original: { width: number; height: number };
}

export async function decodeImage(
  bytes: Uint8Array,
  name = 'the file',
  workingSide = DECODE_WORKING_SIDE,
): Promise<DecodedImage> {
  const header = readImageHeader(bytes, name);
  checkImageSize(bytes.byteLength, header, name);
  const blob = new Blob([bytes as BlobPart], { type: MIME[header.format] });
  const options: ImageBitmapOptions = { premultiplyAlpha: 'none', colorSpaceConversion: 'none' };
  if (header.width !== undefined && header.height !== undefined) {
    const scale = Math.min(1, workingSide / Math.max(header.width, header.height));
    if (scale < 1) {
      options.resizeWidth = Math.max(1, Math.round(header.width * scale));
      options.resizeHeight = Math.max(1, Math.round(header.height * scale));
      options.resizeQuality = 'high';
    }
  }
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(blob, options);
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    throw new ImageDecodeError(
      'corrupt',
      `${name} looks like a ${header.format.toUpperCase()} file but could not be decoded (${why})`,
    );
  }
  try {
    // A JPEG whose size the header did not give is checked now, and scaled in a second pass.
    const original = {
      width: header.width ?? bitmap.width,
      height: header.height ?? bitmap.height,
    };
    checkImageSize(bytes.byteLength, original, name);
    const scale = Math.min(1, workingSide / Math.max(bitmap.width, bitmap.height));
    const width = Math.max(1, Math.round(bitmap.width * scale));
    const height = Math.max(1, Math.round(bitmap.height * scale));
    const canvas = new OffscreenCanvas(width, height);
    const ctx = canvas.getContext('2d', { willReadFrequently: true });
    if (!ctx) throw new ImageDecodeError('corrupt', 'no 2D canvas to read the pixels with');
    ctx.imageSmoothingQuality = 'high';
    ctx.drawImage(bitmap, 0, 0, width, height);
    const pixels = ctx.getImageData(0, 0, width, height);
    return { width, height, data: pixels.data, format: header.format, original };
  } finally {
    bitmap.close();
  }
}
