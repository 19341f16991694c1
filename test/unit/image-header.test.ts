// readImageHeader / checkImageSize: the format and size of PNG, JPEG, GIF, WebP and BMP files read
// from their first bytes, and the messages for bytes that are no image, empty or too large.
import { describe, expect, it } from 'vitest';
import {
  IMAGE_LIMITS,
  ImageDecodeError,
  checkImageSize,
  readImageHeader,
} from '../../src/ui/image-to-3d/image-header';

const be32 = (v: number) => [(v >>> 24) & 255, (v >>> 16) & 255, (v >>> 8) & 255, v & 255];
const le16 = (v: number) => [v & 255, (v >>> 8) & 255];
const le24 = (v: number) => [v & 255, (v >>> 8) & 255, (v >>> 16) & 255];
const le32 = (v: number) => [...le16(v & 0xffff), ...le16(v >>> 16)];
const text = (s: string) => [...s].map((c) => c.charCodeAt(0));

function png(width: number, height: number): Uint8Array {
  return Uint8Array.from([
    0x89,
    0x50,
    0x4e,
    0x47,
    0x0d,
    0x0a,
    0x1a,
    0x0a,
    ...be32(13),
    ...text('IHDR'),
    ...be32(width),
    ...be32(height),
    8,
    6,
    0,
    0,
    0,
  ]);
}

/** SOI, an APP0 segment (skipped), a DQT segment (skipped), then a baseline SOF0 frame. */
function jpeg(width: number, height: number, frame = 0xc0): Uint8Array {
  const app0 = [0xff, 0xe0, 0, 16, ...text('JFIF'), 0, 1, 1, 0, 0, 1, 0, 1, 0, 0];
  const dqt = [0xff, 0xdb, 0, 4, 0, 0];
  const sof = [0xff, frame, 0, 11, 8, height >> 8, height & 255, width >> 8, width & 255, 1, 1];
  return Uint8Array.from([0xff, 0xd8, ...app0, ...dqt, ...sof]);
}

describe('readImageHeader', () => {
  it('reads PNG sizes from IHDR', () => {
    expect(readImageHeader(png(640, 480))).toEqual({ format: 'png', width: 640, height: 480 });
  });

  it('walks JPEG segments to the first frame, baseline or progressive', () => {
    expect(readImageHeader(jpeg(1920, 1080))).toEqual({
      format: 'jpeg',
      width: 1920,
      height: 1080,
    });
    expect(readImageHeader(jpeg(300, 200, 0xc2))).toMatchObject({ width: 300, height: 200 });
    // Cut before the frame: the format is known, the size is left to the decoder.
    expect(readImageHeader(jpeg(300, 200).subarray(0, 30))).toEqual({ format: 'jpeg' });
  });

  it('reads GIF and BMP sizes (a top-down BMP has a negative height)', () => {
    const gif = Uint8Array.from([...text('GIF89a'), ...le16(320), ...le16(240), 0, 0]);
    expect(readImageHeader(gif)).toEqual({ format: 'gif', width: 320, height: 240 });
    const bmp = new Uint8Array(54);
    bmp.set(text('BM'));
    bmp.set(le32(800), 18);
    bmp.set(le32(-600 >>> 0), 22);
    expect(readImageHeader(bmp)).toEqual({ format: 'bmp', width: 800, height: 600 });
  });

  it('reads the three WebP headers (VP8X, VP8L, VP8)', () => {
    const riff = (chunk: string, body: number[]) =>
      Uint8Array.from([...text('RIFF'), 0, 0, 0, 0, ...text('WEBP'), ...text(chunk), ...body]);
    const vp8x = riff('VP8X', [10, 0, 0, 0, 0, 0, 0, 0, ...le24(999), ...le24(499)]);
    expect(readImageHeader(vp8x)).toEqual({ format: 'webp', width: 1000, height: 500 });
    const bits = (123 - 1) | ((45 - 1) << 14);
    const vp8l = riff('VP8L', [0, 0, 0, 0, 0x2f, ...le32(bits)]);
    expect(readImageHeader(vp8l)).toEqual({ format: 'webp', width: 123, height: 45 });
    const vp8 = riff('VP8 ', [0, 0, 0, 0, 0, 0, 0, 0x9d, 0x01, 0x2a, ...le16(77), ...le16(66)]);
    expect(readImageHeader(vp8)).toEqual({ format: 'webp', width: 77, height: 66 });
  });

  it('refuses bytes that are no image, naming the file and the formats it reads', () => {
    const attempt = () => readImageHeader(new TextEncoder().encode('hello, world'), 'notes.txt');
    expect(attempt).toThrow(ImageDecodeError);
    expect(attempt).toThrow(
      'notes.txt is not an image the studio can read (expected PNG, JPEG, WebP, GIF or BMP)',
    );
    expect(() => readImageHeader(new Uint8Array(0), 'a.png')).toThrow('a.png is empty (0 bytes)');
    expect(() => readImageHeader(png(1, 1).subarray(0, 12), 'cut.png')).toThrow(
      'cut.png is a PNG whose header is cut short',
    );
  });
});

describe('checkImageSize', () => {
  it('passes pictures inside the limits', () => {
    expect(() => checkImageSize(1000, { width: 8192, height: 4096 })).not.toThrow();
    expect(() => checkImageSize(1000, {})).not.toThrow();
  });

  it('refuses files and pictures over the limits with the numbers', () => {
    const code = (f: () => void) => {
      try {
        f();
      } catch (e) {
        return (e as ImageDecodeError).code;
      }
      return 'passed';
    };
    expect(() => checkImageSize(IMAGE_LIMITS.maxBytes + 1, {}, 'big.png')).toThrow(
      'big.png is 32.0 MB, over the limit of 32.0 MB',
    );
    expect(() => checkImageSize(10, { width: 9000, height: 10 }, 'wide.png')).toThrow(
      'wide.png is 9000 x 10 pixels; the longest side may be 8192',
    );
    expect(() => checkImageSize(10, { width: 8000, height: 8000 }, 'huge.png')).toThrow(
      /huge\.png is 8000 x 8000 pixels \(64\.0 megapixels\), over the limit of 40 megapixels/,
    );
    expect(code(() => checkImageSize(10, { width: 8000, height: 8000 }))).toBe('too-large');
    expect(code(() => checkImageSize(10, { width: 0, height: 5 }))).toBe('corrupt');
  });
});
