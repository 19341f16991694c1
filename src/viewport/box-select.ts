// The box-select test, without three or the DOM: a world point is inside the rectangle when it is
// in front of the camera and its projection lands inside. Screen positions are CSS pixels relative
// to the canvas, y down; viewProjection is column-major (projection * view).

export interface ScreenRect {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** The rectangle spanned by two corners, in any order. */
export function rectFromCorners(ax: number, ay: number, bx: number, by: number): ScreenRect {
  return {
    left: Math.min(ax, bx),
    top: Math.min(ay, by),
    right: Math.max(ax, bx),
    bottom: Math.max(ay, by),
  };
}

/**
 * The screen position of a world point, or null when it is at or behind the camera's plane.
 */
export function projectToScreen(
  viewProjection: ArrayLike<number>,
  width: number,
  height: number,
  x: number,
  y: number,
  z: number,
): [number, number] | null {
  const m = viewProjection;
  const w = m[3]! * x + m[7]! * y + m[11]! * z + m[15]!;
  if (!(w > 1e-9)) return null;
  const nx = (m[0]! * x + m[4]! * y + m[8]! * z + m[12]!) / w;
  const ny = (m[1]! * x + m[5]! * y + m[9]! * z + m[13]!) / w;
  return [(nx * 0.5 + 0.5) * width, (0.5 - ny * 0.5) * height];
}

export function insideRect(rect: ScreenRect, sx: number, sy: number): boolean {
  return sx >= rect.left && sx <= rect.right && sy >= rect.top && sy <= rect.bottom;
}

/**
 * Ids whose centre is in front of the camera and projects into the rectangle. `forEachCentre`
 * visits every candidate with its world-space centre.
 */
export function idsInRect(
  rect: ScreenRect,
  viewProjection: ArrayLike<number>,
  width: number,
  height: number,
  forEachCentre: (visit: (id: string, x: number, y: number, z: number) => void) => void,
): string[] {
  const ids: string[] = [];
  forEachCentre((id, x, y, z) => {
    const p = projectToScreen(viewProjection, width, height, x, y, z);
    if (p && insideRect(rect, p[0], p[1])) ids.push(id);
  });
  return ids;
}
