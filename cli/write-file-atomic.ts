// Writes a file so that it is either wholly there or not changed at all: the bytes go to a temporary
// file beside the target (same directory, so the same file system), are flushed to disk, and the
// temporary file is renamed over the target. A failure at any point removes the temporary file.
import { randomBytes } from 'node:crypto';
import { open, rename, rm } from 'node:fs/promises';
import path from 'node:path';

/** Temporary files being written, so an interrupt (Ctrl-C) can remove them before exiting. */
export const pendingTempFiles = new Set<string>();

export function tempPathFor(target: string): string {
  const dir = path.dirname(target);
  return path.join(
    dir,
    `.${path.basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`,
  );
}

export async function writeFileAtomic(target: string, bytes: Uint8Array): Promise<void> {
  const temp = tempPathFor(target);
  pendingTempFiles.add(temp);
  try {
    // 'wx': never reuse an existing file of that name.
    const handle = await open(temp, 'wx');
    try {
      await handle.writeFile(bytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, target);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  } finally {
    pendingTempFiles.delete(temp);
  }
}
