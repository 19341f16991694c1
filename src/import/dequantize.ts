// Accessor values as 32-bit floats. KHR_mesh_quantization lets positions, normals and uvs be stored
// as (normalized) integers; the importer works on floats only, so everything passes through here.

/** Divisor that maps the largest value of a normalized integer type to 1, by component type. */
const NORMALIZE_DIVISOR: Readonly<Record<number, number>> = {
  5120: 127, // BYTE
  5121: 255, // UNSIGNED_BYTE
  5122: 32767, // SHORT
  5123: 65535, // UNSIGNED_SHORT
  5125: 4294967295, // UNSIGNED_INT
};

export function toFloat32(
  values: ArrayLike<number>,
  componentType: number,
  normalized: boolean,
): Float32Array<ArrayBuffer> {
  const out = new Float32Array(values.length);
  const divisor = normalized ? NORMALIZE_DIVISOR[componentType] : undefined;
  if (divisor === undefined) {
    out.set(values);
    return out;
  }
  // Signed types have one more negative value than positive; the spec clamps it to -1.
  for (let i = 0; i < values.length; i++) out[i] = Math.max(values[i]! / divisor, -1);
  return out;
}
