// Raw-DEFLATE decompression with a hard cap on the output, for untrusted input (share links, project
// files). fflate's streaming Inflate decodes everything it is given per push, so the input is fed in
// small chunks and the output counted after each: a decompression bomb is stopped within one
// chunk's worth of output past the cap (DEFLATE expands at most 1032:1), never inflated whole.
import { Inflate } from 'fflate';

/** DEFLATE's largest expansion: 258 bytes out per 2 bits in. */
export const MAX_DEFLATE_RATIO = 1032;

/** The output would be larger than the cap; `produced` bytes were inflated before stopping. */
export class InflateLimitError extends Error {
  override name = 'InflateLimitError';
  constructor(
    readonly limit: number,
    readonly produced: number,
  ) {
    super(`inflates to more than ${limit} bytes`);
  }
}

/** The input is not valid raw DEFLATE (damaged or truncated). */
export class InflateDataError extends Error {
  override name = 'InflateDataError';
}

/** Input bytes per push: one push inflates at most MAX_DEFLATE_RATIO times this, so the output
 *  can pass the cap by at most about twice the cap (and never by more than 64 KiB x 1032). */
export function inflateChunkBytes(limit: number): number {
  return Math.max(512, Math.min(64 * 1024, Math.ceil(limit / MAX_DEFLATE_RATIO) * 2));
}

/**
 * Inflates raw DEFLATE `data`, stopping as soon as the output passes `limit` bytes
 * (InflateLimitError). Damaged or truncated input: InflateDataError. Bytes after the end of the
 * DEFLATE stream are ignored.
 */
export function inflateRawCapped(data: Uint8Array, limit: number): Uint8Array {
  const parts: Uint8Array[] = [];
  let produced = 0;
  let over = false;
  const inflate = new Inflate((chunk) => {
    produced += chunk.length;
    if (produced > limit) over = true;
    else if (chunk.length > 0) parts.push(chunk);
  });
  const step = inflateChunkBytes(limit);
  try {
    for (let at = 0; at < data.length && !over; at += step) {
      inflate.push(data.subarray(at, Math.min(data.length, at + step)), false);
    }
    if (!over) inflate.push(new Uint8Array(0), true);
  } catch (error) {
    if (over) throw new InflateLimitError(limit, produced);
    throw new InflateDataError((error as Error).message || 'invalid DEFLATE data');
  }
  if (over) throw new InflateLimitError(limit, produced);
  if (parts.length === 1) return parts[0]!;
  const out = new Uint8Array(produced);
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}
