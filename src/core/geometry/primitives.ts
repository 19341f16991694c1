// Parametric solids centred on the origin (planes lie in XZ facing +Y), with normals and UVs and
// counter-clockwise front faces, as glTF and three expect.
import type { MeshData } from '../scene/scene-data';
import { MeshBuilder } from './mesh-builder';

export function boxMesh(id: string, sx: number, sy: number, sz: number): MeshData {
  const b = new MeshBuilder();
  const hx = sx / 2;
  const hy = sy / 2;
  const hz = sz / 2;
  // Each face: normal, then two in-plane axes (u, v) chosen so u x v = normal.
  const faces: [number[], number[], number[]][] = [
    [
      [1, 0, 0],
      [0, 0, -1],
      [0, 1, 0],
    ],
    [
      [-1, 0, 0],
      [0, 0, 1],
      [0, 1, 0],
    ],
    [
      [0, 1, 0],
      [1, 0, 0],
      [0, 0, -1],
    ],
    [
      [0, -1, 0],
      [1, 0, 0],
      [0, 0, 1],
    ],
    [
      [0, 0, 1],
      [1, 0, 0],
      [0, 1, 0],
    ],
    [
      [0, 0, -1],
      [-1, 0, 0],
      [0, 1, 0],
    ],
  ];
  for (const [n, u, v] of faces) {
    const corner = (su: number, sv: number) =>
      b.vertex(
        (n[0]! + su * u[0]! + sv * v[0]!) * hx,
        (n[1]! + su * u[1]! + sv * v[1]!) * hy,
        (n[2]! + su * u[2]! + sv * v[2]!) * hz,
        n[0]!,
        n[1]!,
        n[2]!,
        (su + 1) / 2,
        (sv + 1) / 2,
      );
    b.quad(corner(-1, -1), corner(1, -1), corner(1, 1), corner(-1, 1));
  }
  return b.build(id);
}

export function planeMesh(id: string, sx: number, sz: number): MeshData {
  const b = new MeshBuilder();
  const a = b.vertex(-sx / 2, 0, sz / 2, 0, 1, 0, 0, 0);
  const c = b.vertex(sx / 2, 0, sz / 2, 0, 1, 0, 1, 0);
  const d = b.vertex(sx / 2, 0, -sz / 2, 0, 1, 0, 1, 1);
  const e = b.vertex(-sx / 2, 0, -sz / 2, 0, 1, 0, 0, 1);
  b.quad(a, c, d, e);
  return b.build(id);
}

export function sphereMesh(id: string, radius: number, segments: number): MeshData {
  const b = new MeshBuilder();
  const rings = Math.max(2, Math.round(segments / 2));
  for (let r = 0; r <= rings; r++) {
    const v = r / rings;
    const theta = v * Math.PI;
    for (let s = 0; s <= segments; s++) {
      const u = s / segments;
      const phi = u * Math.PI * 2;
      const nx = -Math.cos(phi) * Math.sin(theta);
      const ny = Math.cos(theta);
      const nz = Math.sin(phi) * Math.sin(theta);
      b.vertex(nx * radius, ny * radius, nz * radius, nx, ny, nz, u, 1 - v);
    }
  }
  const row = segments + 1;
  for (let r = 0; r < rings; r++) {
    for (let s = 0; s < segments; s++) {
      const a = r * row + s;
      const c = a + row;
      if (r !== 0) b.triangle(a, c, a + 1);
      if (r !== rings - 1) b.triangle(a + 1, c, c + 1);
    }
  }
  return b.build(id);
}

/** A capped cylinder or cone frustum along Y, centred on the origin. */
export function cylinderMesh(
  id: string,
  radiusTop: number,
  radiusBottom: number,
  height: number,
  segments: number,
): MeshData {
  const b = new MeshBuilder();
  const h = height / 2;
  const slope = (radiusBottom - radiusTop) / height;
  const ny0 = slope / Math.sqrt(1 + slope * slope);
  const nr = 1 / Math.sqrt(1 + slope * slope);
  for (let s = 0; s <= segments; s++) {
    const u = s / segments;
    const phi = u * Math.PI * 2;
    const sx = Math.sin(phi);
    const cz = Math.cos(phi);
    b.vertex(radiusTop * sx, h, radiusTop * cz, sx * nr, ny0, cz * nr, u, 1);
    b.vertex(radiusBottom * sx, -h, radiusBottom * cz, sx * nr, ny0, cz * nr, u, 0);
  }
  for (let s = 0; s < segments; s++) {
    const top = s * 2;
    // A cone's apex (or inverted apex) gets one triangle per segment, not a degenerate quad.
    if (radiusTop <= 0) b.triangle(top + 1, top + 3, top);
    else if (radiusBottom <= 0) b.triangle(top + 1, top + 2, top);
    else b.quad(top + 1, top + 3, top + 2, top);
  }
  const cap = (y: number, r: number, ny: number) => {
    if (r <= 0) return;
    const centre = b.vertex(0, y, 0, 0, ny, 0, 0.5, 0.5);
    const first = b.vertexCount;
    for (let s = 0; s <= segments; s++) {
      const phi = (s / segments) * Math.PI * 2;
      b.vertex(
        r * Math.sin(phi),
        y,
        r * Math.cos(phi),
        0,
        ny,
        0,
        0.5 + 0.5 * Math.sin(phi),
        0.5 + 0.5 * Math.cos(phi),
      );
    }
    for (let s = 0; s < segments; s++) {
      if (ny > 0) b.triangle(centre, first + s, first + s + 1);
      else b.triangle(centre, first + s + 1, first + s);
    }
  };
  cap(h, radiusTop, 1);
  cap(-h, radiusBottom, -1);
  return b.build(id);
}

/** A torus around the Y axis (ring in the XZ plane). */
export function torusMesh(
  id: string,
  radius: number,
  tube: number,
  radialSegments: number,
  tubularSegments: number,
): MeshData {
  const b = new MeshBuilder();
  for (let j = 0; j <= radialSegments; j++) {
    const v = (j / radialSegments) * Math.PI * 2;
    for (let i = 0; i <= tubularSegments; i++) {
      const u = (i / tubularSegments) * Math.PI * 2;
      const cx = radius * Math.cos(u);
      const cz = -radius * Math.sin(u);
      const nx = Math.cos(v) * Math.cos(u);
      const ny = Math.sin(v);
      const nz = -Math.cos(v) * Math.sin(u);
      b.vertex(
        cx + tube * nx,
        tube * ny,
        cz + tube * nz,
        nx,
        ny,
        nz,
        i / tubularSegments,
        j / radialSegments,
      );
    }
  }
  const row = tubularSegments + 1;
  for (let j = 0; j < radialSegments; j++) {
    for (let i = 0; i < tubularSegments; i++) {
      const a = j * row + i;
      b.quad(a, a + 1, a + row + 1, a + row);
    }
  }
  return b.build(id);
}
