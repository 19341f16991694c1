// CPU reference of shaders/material-normal.wgsl: tangent-space unit normals (+X right, +Y toward
// row 0, glTF's image convention) from the height by wrap-around central differences (sizes are
// powers of two, so wrapping is a mask).

/** xyz = unit normal, w = 0, per texel, from field heights (vec4 per texel, height in x). */
export function normalCpu(
  size: number,
  depth: number,
  field: Float32Array,
): Float32Array<ArrayBuffer> {
  const n = size;
  const out = new Float32Array(n * n * 4);
  const m = n - 1;
  const h = (i: number, j: number) => field[((j & m) * n + (i & m)) * 4]!;
  const k = n * 0.5 * Math.fround(depth);
  for (let j = 0; j < n; j++) {
    for (let i = 0; i < n; i++) {
      const x = -(h(i + 1, j) - h(i - 1, j)) * k;
      const y = (h(i, j + 1) - h(i, j - 1)) * k;
      const len = Math.sqrt(x * x + y * y + 1);
      const o = (j * n + i) * 4;
      out[o] = x / len;
      out[o + 1] = y / len;
      out[o + 2] = 1 / len;
    }
  }
  return out;
}
