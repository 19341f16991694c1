// The panel's view of a generated shape (the coarse preview while it refines, then the final mesh),
// drawn by the software rasteriser in mesh-raster.ts from the model's own view; dragging turns it.
import { useEffect, useRef, useState } from 'react';
import { SHAPE_VIEW, type ShapeMesh } from '../../core/shape/shape-types';
import { rasterizeMesh } from './mesh-raster';

export interface MeshPreviewProps {
  mesh: ShapeMesh | null;
  /** Side in pixels. */
  size: number;
  /** Says which mesh this is ('coarse preview', 'final mesh'). */
  caption: string;
}

export function MeshPreview({ mesh, size, caption }: MeshPreviewProps) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const [yaw, setYaw] = useState<number>(SHAPE_VIEW.yawDeg);
  const drag = useRef<{ id: number; x: number; yaw: number } | null>(null);

  useEffect(() => {
    const ctx = canvas.current?.getContext('2d');
    if (!ctx) return;
    if (!mesh) {
      ctx.fillStyle = '#101216';
      ctx.fillRect(0, 0, size, size);
      return;
    }
    const rgba = rasterizeMesh(mesh, { size, yawDeg: yaw, elevationDeg: SHAPE_VIEW.elevationDeg });
    const image = new ImageData(size, size);
    image.data.set(rgba);
    ctx.putImageData(image, 0, 0);
  }, [mesh, size, yaw]);

  return (
    <figure className="i3d-mesh-preview">
      <canvas
        ref={canvas}
        width={size}
        height={size}
        role="img"
        aria-label={`Shape ${caption}`}
        data-testid="shape-preview"
        onPointerDown={(e) => {
          e.currentTarget.setPointerCapture(e.pointerId);
          drag.current = { id: e.pointerId, x: e.clientX, yaw };
        }}
        onPointerMove={(e) => {
          const d = drag.current;
          if (d && d.id === e.pointerId) setYaw(d.yaw + (e.clientX - d.x) * 0.8);
        }}
        onPointerUp={() => {
          drag.current = null;
        }}
        onPointerCancel={() => {
          drag.current = null;
        }}
      />
      <figcaption>{caption}</figcaption>
    </figure>
  );
}
