// Headers the production server sends (`vite preview` serves them; a static host should too). The
// CSP forbids eval and inline scripts and keeps every connection on this origin: nothing leaves
// the machine (RELIABILITY.md, "Security"). The same policy, less what a <meta> element cannot
// carry, is written into the built index.html (build/csp-meta-plugin.ts) for hosts that send no
// headers.
export const cspDirectives: Record<string, string[]> = {
  'default-src': ["'self'"],
  // Modules from this origin only. 'wasm-unsafe-eval' lets WebAssembly compile (ORT, later); it does
  // not allow eval() or new Function().
  'script-src': ["'self'", "'wasm-unsafe-eval'"],
  // The scene and compute workers and the service worker are files from this origin (no blob:
  // workers anywhere in src/).
  'worker-src': ["'self'"],
  // No 'unsafe-inline': the only styles are the built stylesheets; React's style props are set
  // through the CSSOM (element.style), which CSP does not govern, and nothing in src/ or its
  // libraries writes style attributes or <style> elements (checked in the e2e offline test).
  'style-src': ["'self'"],
  // blob: images: project thumbnails and the screenshot preview are object URLs. No data: images.
  'img-src': ["'self'", 'blob:'],
  'font-src': ["'self'"],
  'connect-src': ["'self'"],
  'manifest-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'none'"],
  'form-action': ["'self'"],
  'frame-ancestors': ["'none'"],
};

/** Directives a <meta http-equiv> policy ignores (and Chromium warns about): header only. */
export const HEADER_ONLY_DIRECTIVES = ['frame-ancestors', 'report-uri', 'sandbox'];

const serialise = (names: string[]) =>
  names.map((name) => `${name} ${cspDirectives[name]!.join(' ')}`).join('; ');

export const contentSecurityPolicy = serialise(Object.keys(cspDirectives));

/** The policy for the built index.html's <meta http-equiv="Content-Security-Policy">. */
export const metaContentSecurityPolicy = serialise(
  Object.keys(cspDirectives).filter((d) => !HEADER_ONLY_DIRECTIVES.includes(d)),
);

export const securityHeaders: Record<string, string> = {
  'Content-Security-Policy': contentSecurityPolicy,
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
  'X-Content-Type-Options': 'nosniff',
};
