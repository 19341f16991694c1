// Vite plugin: writes the studio's Content-Security-Policy into the built index.html as a
// <meta http-equiv>, right after <meta charset> and before any script or stylesheet so it governs
// all of them, for static hosts that cannot send headers (and for the copy the service worker
// serves offline). frame-ancestors stays in the header only: a meta policy cannot carry it. Build
// only: the dev server needs inline scripts and a websocket for hot reload.
import type { Plugin } from 'vite';
import { metaContentSecurityPolicy } from './security-headers.ts';

const escapeAttribute = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;');

/** index.html with the policy's meta element inserted (after <meta charset>, else first in head). */
export function injectCspMeta(html: string, policy: string): string {
  const meta = `<meta http-equiv="Content-Security-Policy" content="${escapeAttribute(policy)}" />`;
  const charset = /<meta\s+charset[^>]*>/i.exec(html);
  if (charset) {
    const at = charset.index + charset[0].length;
    return `${html.slice(0, at)}\n    ${meta}${html.slice(at)}`;
  }
  const head = /<head[^>]*>/i.exec(html);
  if (!head) throw new Error('index.html has no <head>: the CSP meta element has nowhere to go');
  const at = head.index + head[0].length;
  return `${html.slice(0, at)}\n    ${meta}${html.slice(at)}`;
}

export function cspMeta(policy = metaContentSecurityPolicy): Plugin {
  return {
    name: 'canvas3d:csp-meta',
    apply: 'build',
    transformIndexHtml: { order: 'post', handler: (html) => injectCspMeta(html, policy) },
  };
}
