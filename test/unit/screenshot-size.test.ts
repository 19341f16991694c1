// Screenshot size validation: the wording names the side, the range and the bad value.
import { describe, expect, it } from 'vitest';
import { SCREENSHOT_MAX_SIDE, checkScreenshotSize } from '../../src/viewport/screenshot-size';

describe('checkScreenshotSize', () => {
  it('accepts whole pixels from 1 to 8192', () => {
    expect(checkScreenshotSize({ width: 1, height: 8192 }, 16384)).toEqual({
      width: 1,
      height: 8192,
    });
    expect(checkScreenshotSize({ width: 320, height: 200 }, 8192)).toEqual({
      width: 320,
      height: 200,
    });
    expect(SCREENSHOT_MAX_SIDE).toBe(8192);
  });

  it('names the bad value', () => {
    const cases: [unknown, unknown, string][] = [
      [0, 10, 'screenshot width: expected an integer from 1 to 8192, got 0'],
      [10, 8193, 'screenshot height: expected an integer from 1 to 8192, got 8193'],
      [1.5, 10, 'screenshot width: expected an integer from 1 to 8192, got 1.5'],
      [NaN, 10, 'got NaN'],
      [-Infinity, 10, 'got -Infinity'],
      ['64', 10, 'got "64"'],
      [undefined, 10, 'screenshot width: expected an integer from 1 to 8192, got undefined'],
    ];
    for (const [width, height, message] of cases) {
      expect(() =>
        checkScreenshotSize({ width, height } as { width: number; height: number }, 8192),
      ).toThrow(message);
    }
  });

  it('holds to the GPU limit when it is lower, and says so', () => {
    expect(checkScreenshotSize({ width: 4096, height: 10 }, 4096).width).toBe(4096);
    expect(() => checkScreenshotSize({ width: 4097, height: 10 }, 4096)).toThrow(
      'screenshot width: expected an integer from 1 to 4096 (this GPU renders at most 4096 pixels a side), got 4097',
    );
  });
});
