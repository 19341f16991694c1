// Splits a 2D dispatch into row chunks that respect the device's limits: workgroups per dimension,
// storage binding size and buffer size. Pure, so it is tested without a GPU.

export interface DispatchLimits {
  maxComputeWorkgroupsPerDimension: number;
  maxStorageBufferBindingSize: number;
  maxBufferSize: number;
}

export interface RowChunk {
  rowOffset: number;
  rowCount: number;
  /** Workgroups to dispatch in x and y for this chunk. */
  groups: [number, number];
}

export function planRowChunks(
  width: number,
  height: number,
  bytesPerTexel: number,
  workgroup: readonly [number, number],
  limits: DispatchLimits,
): RowChunk[] {
  const [wx, wy] = workgroup;
  const groupsX = Math.ceil(width / wx);
  if (groupsX > limits.maxComputeWorkgroupsPerDimension) {
    throw new Error(
      `width ${width} needs ${groupsX} workgroups in x; this device allows ${limits.maxComputeWorkgroupsPerDimension}`,
    );
  }
  const rowBytes = width * bytesPerTexel;
  const bytesCap = Math.min(limits.maxStorageBufferBindingSize, limits.maxBufferSize);
  const byBytes = Math.floor(bytesCap / rowBytes);
  if (byBytes < 1) {
    throw new Error(`one row of ${rowBytes} bytes exceeds this device's binding limit ${bytesCap}`);
  }
  const byGroups = limits.maxComputeWorkgroupsPerDimension * wy;
  const rowsPerChunk = Math.min(byBytes, byGroups, height);
  const chunks: RowChunk[] = [];
  for (let rowOffset = 0; rowOffset < height; rowOffset += rowsPerChunk) {
    const rowCount = Math.min(rowsPerChunk, height - rowOffset);
    chunks.push({ rowOffset, rowCount, groups: [groupsX, Math.ceil(rowCount / wy)] });
  }
  return chunks;
}
