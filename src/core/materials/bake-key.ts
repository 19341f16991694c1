// The content hash of a bake request: SHA-256 over a canonical text (object keys sorted at every
// level, numbers as JSON writes them) and the bake format version, so equal requests share one cache
// entry however their objects were built, and a change to the kernels' output invalidates old entries.
import type { MaterialBakeRequest } from './bake-request';

/** Bump when any kernel's output changes for the same request. */
export const BAKE_FORMAT_VERSION = 1;

export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

export async function bakeKey(request: MaterialBakeRequest): Promise<string> {
  const text = `canvas3d-material-bake/${BAKE_FORMAT_VERSION}\n${canonicalJson(request)}`;
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}
