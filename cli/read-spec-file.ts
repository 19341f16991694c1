// Reads a spec file for the CLI with the studio's input rules: the size cap is checked on the file's
// size before anything is read, and each way it can fail gets its own message.
import { readFile, stat } from 'node:fs/promises';
import { SPEC_LIMITS } from '../src/core/spec';

/** A problem with the command's input or output files: reported as is, exit status 1. */
export class InputError extends Error {
  override name = 'InputError';
}

export function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  switch (code) {
    case 'ENOENT':
      return 'no such file or directory';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'is a directory';
    case 'ENOSPC':
      return 'no space left on the device';
    default:
      return (error as Error).message;
  }
}

export async function readSpecFile(file: string): Promise<string> {
  let size: number;
  try {
    const info = await stat(file);
    if (!info.isFile()) throw new InputError(`cannot read spec ${file}: not a regular file`);
    size = info.size;
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError(`cannot read spec ${file}: ${describeFsError(error)}`);
  }
  if (size > SPEC_LIMITS.specBytes) {
    throw new InputError(
      `cannot read spec ${file}: ${size} bytes is over the ${SPEC_LIMITS.specBytes}-byte limit`,
    );
  }
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    throw new InputError(`cannot read spec ${file}: ${describeFsError(error)}`);
  }
}
