// Shows an RgbaImage in a canvas: scaled to fit a box, smoothly (a thumbnail of the original) or
// with nearest-neighbour (the 64 x 64 preprocessed image, so each model pixel stays a square).
// Transparent pixels show over a checkerboard, so an alpha cut-out reads as one.
import { useEffect, useRef } from 'react';
import type { RgbaImage } from '../../core/shape/shape-types';

export interface RgbaViewProps {
  image: RgbaImage;
  /** Longest side of the shown picture, in CSS pixels. */
  fit: number;
  pixelated?: boolean;
  label: string;
  testId?: string;
}

const CHECK = 8;

export function RgbaView({ image, fit, pixelated = false, label, testId }: RgbaViewProps) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const scale = fit / Math.max(image.width, image.height);
  const width = Math.max(1, Math.round(image.width * scale));
  const height = Math.max(1, Math.round(image.height * scale));

  useEffect(() => {
    const el = canvas.current;
    const ctx = el?.getContext('2d');
    if (!el || !ctx) return;
    const source = new OffscreenCanvas(image.width, image.height);
    const pixels = new ImageData(image.width, image.height);
    pixels.data.set(image.data);
    source.getContext('2d')!.putImageData(pixels, 0, 0);
    for (let y = 0; y < height; y += CHECK) {
      for (let x = 0; x < width; x += CHECK) {
        ctx.fillStyle = ((x + y) / CHECK) % 2 === 0 ? '#2a2e35' : '#3a3f48';
        ctx.fillRect(x, y, CHECK, CHECK);
      }
    }
    ctx.imageSmoothingEnabled = !pixelated;
    ctx.imageSmoothingQuality = 'high';
    ctx.drawImage(source, 0, 0, width, height);
  }, [image, width, height, pixelated]);

  return (
    <canvas
      ref={canvas}
      width={width}
      height={height}
      className="i3d-rgba"
      role="img"
      aria-label={label}
      data-testid={testId}
    />
  );
}
