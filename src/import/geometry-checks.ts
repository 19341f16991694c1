// Checks on decoded geometry that no JSON check can make: index values in range and finite
// positions. A bad index would read past the vertex arrays in the renderer; a NaN poisons bounds,
// normals and the camera framing.
import { ImportError } from './import-error';

export function checkIndexRange(indices: Uint32Array, vertexCount: number, path: string): void {
  for (let i = 0; i < indices.length; i++) {
    if (indices[i]! >= vertexCount) {
      throw new ImportError(
        `${path}: index ${indices[i]} is out of range (the primitive has ${vertexCount} vertices)`,
      );
    }
  }
}

export function checkFinitePositions(positions: Float32Array, path: string): void {
  for (let i = 0; i < positions.length; i++) {
    if (!Number.isFinite(positions[i]!)) {
      throw new ImportError(
        `${path}: vertex ${Math.floor(i / 3)} has a position that is not finite ` +
          `(${positions[i]}: NaN or Infinity)`,
      );
    }
  }
}
