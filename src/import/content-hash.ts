// The asset's identity: SHA-256 of the file's bytes, hex. Web Crypto is in browsers, workers and
// Node 20 alike, so the same file gets the same id everywhere.

export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const digest = await globalThis.crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>);
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}
