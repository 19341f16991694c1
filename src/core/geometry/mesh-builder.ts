// Accumulates vertices and triangles, then packs them into MeshData's typed arrays.
import type { MeshData } from '../scene/scene-data';

export class MeshBuilder {
  private readonly p: number[] = [];
  private readonly n: number[] = [];
  private readonly t: number[] = [];
  private readonly i: number[] = [];

  get vertexCount(): number {
    return this.p.length / 3;
  }

  vertex(
    px: number,
    py: number,
    pz: number,
    nx: number,
    ny: number,
    nz: number,
    u: number,
    v: number,
  ): number {
    this.p.push(px, py, pz);
    this.n.push(nx, ny, nz);
    this.t.push(u, v);
    return this.p.length / 3 - 1;
  }

  triangle(a: number, b: number, c: number): void {
    this.i.push(a, b, c);
  }

  /** Two triangles a-b-c, a-c-d (counter-clockwise seen from the front). */
  quad(a: number, b: number, c: number, d: number): void {
    this.i.push(a, b, c, a, c, d);
  }

  build(id: string): MeshData {
    return {
      id,
      positions: new Float32Array(this.p),
      normals: new Float32Array(this.n),
      uvs: new Float32Array(this.t),
      indices: new Uint32Array(this.i),
    };
  }
}
