// Decodes the data: URIs a .gltf embeds its buffers and images in (RFC 2397: base64 or
// percent-encoded), so nothing is ever fetched.
import { ImportError } from './import-error';

export function isDataUri(uri: string): boolean {
  return /^data:/i.test(uri);
}

export function decodeDataUri(uri: string, path: string): Uint8Array<ArrayBuffer> {
  const comma = uri.indexOf(',');
  if (comma < 0) throw new ImportError(`${path}: malformed data URI (no ',')`);
  const header = uri.slice(5, comma);
  const payload = uri.slice(comma + 1);
  if (/;base64$/i.test(header)) {
    let binary: string;
    try {
      // atob exists in browsers, workers and Node 16+, and accepts the whitespace some writers
      // wrap base64 with.
      binary = atob(payload);
    } catch {
      throw new ImportError(`${path}: data URI is not valid base64`);
    }
    const out = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
    return out;
  }
  return percentDecode(payload, path);
}

/** Percent-decoding to raw bytes (decodeURIComponent would insist on UTF-8). */
function percentDecode(text: string, path: string): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(text.length);
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x25 /* % */) {
      const byte = Number.parseInt(text.slice(i + 1, i + 3), 16);
      if (!/^[0-9a-f]{2}$/i.test(text.slice(i + 1, i + 3)) || Number.isNaN(byte)) {
        throw new ImportError(`${path}: malformed percent-encoding in data URI`);
      }
      out[n++] = byte;
      i += 2;
    } else if (c < 0x80) {
      out[n++] = c;
    } else {
      throw new ImportError(`${path}: data URI holds non-ASCII text`);
    }
  }
  return out.slice(0, n);
}
