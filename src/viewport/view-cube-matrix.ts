// The CSS transform that turns the view cube the way the world looks from the camera. The cube's
// faces are laid out in CSS space (x right, y down, z towards the viewer) for world directions with
// y flipped (world +Y is the "top" face at CSS -y). The camera's world rotation q maps camera space
// to world, so the world as the camera sees it is q's inverse; conjugating that by the y flip
// S = diag(1, -1, 1) gives the CSS matrix S·R(q⁻¹)·S. Pure, so it is unit-tested.

export interface Quaternion {
  x: number;
  y: number;
  z: number;
  w: number;
}

const FLIP = [1, -1, 1];

/** Column-major 4x4 for CSS matrix3d(), rounded to 5 decimals (a steady string for a still camera). */
export function viewCubeMatrix(q: Quaternion): number[] {
  // Rotation matrix of the inverse (conjugate) quaternion.
  const x = -q.x;
  const y = -q.y;
  const z = -q.z;
  const w = q.w;
  const r = [
    [1 - 2 * (y * y + z * z), 2 * (x * y - z * w), 2 * (x * z + y * w)],
    [2 * (x * y + z * w), 1 - 2 * (x * x + z * z), 2 * (y * z - x * w)],
    [2 * (x * z - y * w), 2 * (y * z + x * w), 1 - 2 * (x * x + y * y)],
  ];
  const out = new Array<number>(16).fill(0);
  for (let col = 0; col < 3; col++) {
    for (let row = 0; row < 3; row++) {
      const v = FLIP[row]! * r[row]![col]! * FLIP[col]!;
      // + 0 turns -0 into 0, so the string does not flicker between the two.
      out[col * 4 + row] = Math.round(v * 1e5) / 1e5 + 0;
    }
  }
  out[15] = 1;
  return out;
}

export function viewCubeTransform(q: Quaternion): string {
  return `matrix3d(${viewCubeMatrix(q).join(',')})`;
}
