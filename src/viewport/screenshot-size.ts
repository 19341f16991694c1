// Validation of a screenshot's requested size: whole pixels, at least 1, at most 8192 and at most
// what the GPU can render to. Pure, so the wording is unit-tested.
import type { ScreenshotOptions } from './viewport-handle';

/** The largest side a screenshot may have, whatever the device allows. */
export const SCREENSHOT_MAX_SIDE = 8192;

/**
 * Returns the size to render, or throws an Error naming the bad value and the allowed range.
 * deviceMax is the renderer's largest 2D texture side (WebGPU maxTextureDimension2D, WebGL
 * MAX_TEXTURE_SIZE); a request above it is refused rather than quietly shrunk, since the caller
 * asked for exact dimensions.
 */
export function checkScreenshotSize(
  options: ScreenshotOptions,
  deviceMax: number,
): { width: number; height: number } {
  const max = Math.min(SCREENSHOT_MAX_SIDE, Math.floor(deviceMax));
  const check = (name: 'width' | 'height', value: unknown): number => {
    if (typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= max) {
      return value;
    }
    const limit =
      max < SCREENSHOT_MAX_SIDE ? ` (this GPU renders at most ${max} pixels a side)` : '';
    throw new Error(
      `screenshot ${name}: expected an integer from 1 to ${max}${limit}, got ${describe(value)}`,
    );
  };
  const { width, height } = (options ?? {}) as Partial<ScreenshotOptions>;
  return { width: check('width', width), height: check('height', height) };
}

function describe(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  return String(value);
}
