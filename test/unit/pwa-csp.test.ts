import { describe, expect, it } from 'vitest';
import { injectCspMeta } from '../../build/csp-meta-plugin';
import {
  contentSecurityPolicy,
  metaContentSecurityPolicy,
  securityHeaders,
} from '../../build/security-headers';

function parse(policy: string): Map<string, string[]> {
  return new Map(
    policy.split(';').map((d) => {
      const [name, ...values] = d.trim().split(/\s+/);
      return [name!, values];
    }),
  );
}

describe('the Content-Security-Policy', () => {
  const csp = parse(contentSecurityPolicy);

  it('allows no eval: only WebAssembly compilation', () => {
    expect(contentSecurityPolicy).not.toMatch(/'unsafe-eval'/);
    expect(csp.get('script-src')).toEqual(["'self'", "'wasm-unsafe-eval'"]);
    for (const values of csp.values()) expect(values).not.toContain("'unsafe-eval'");
  });

  it('keeps every connection, worker and manifest on this origin', () => {
    expect(csp.get('default-src')).toEqual(["'self'"]);
    expect(csp.get('connect-src')).toEqual(["'self'"]);
    expect(csp.get('worker-src')).toEqual(["'self'"]);
    expect(csp.get('manifest-src')).toEqual(["'self'"]);
    expect(csp.get('object-src')).toEqual(["'none'"]);
    expect(csp.get('base-uri')).toEqual(["'none'"]);
    expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
    // No inline scripts, no other hosts anywhere.
    expect(contentSecurityPolicy).not.toMatch(/https?:|\*|'unsafe-hashes'/);
    expect(contentSecurityPolicy).not.toMatch(/'unsafe-inline'/);
    expect(csp.get('style-src')).toEqual(["'self'"]);
    expect(csp.get('img-src')).toEqual(["'self'", 'blob:']);
  });

  it('is what the server sends, with cross-origin isolation', () => {
    expect(securityHeaders['Content-Security-Policy']).toBe(contentSecurityPolicy);
    expect(securityHeaders['Cross-Origin-Opener-Policy']).toBe('same-origin');
    expect(securityHeaders['Cross-Origin-Embedder-Policy']).toBe('require-corp');
  });

  it('the meta policy is the header policy less what a meta element cannot carry', () => {
    const meta = parse(metaContentSecurityPolicy);
    expect(meta.has('frame-ancestors')).toBe(false);
    expect([...meta.keys()]).toEqual([...csp.keys()].filter((k) => k !== 'frame-ancestors'));
    for (const [k, v] of meta) expect(v).toEqual(csp.get(k));
  });
});

describe('the CSP meta element in the built page', () => {
  const html = `<!doctype html>
<html><head>
    <meta charset="UTF-8" />
    <title>x</title>
    <script type="module" crossorigin src="/assets/index.js"></script>
</head><body></body></html>`;

  it('comes right after <meta charset>, before any script', () => {
    const out = injectCspMeta(html, metaContentSecurityPolicy);
    const metaAt = out.indexOf('http-equiv="Content-Security-Policy"');
    expect(metaAt).toBeGreaterThan(out.indexOf('<meta charset'));
    expect(metaAt).toBeLessThan(out.indexOf('<script'));
    const content = /http-equiv="Content-Security-Policy" content="([^"]*)"/.exec(out)![1]!;
    expect(content).toBe(metaContentSecurityPolicy);
  });

  it('goes first in <head> without a charset, and escapes the attribute', () => {
    const out = injectCspMeta('<html><head><title>x</title></head></html>', `a "b" & c`);
    expect(out).toMatch(
      /^<html><head>\s*<meta http-equiv="Content-Security-Policy" content="a &quot;b&quot; &amp; c" \/>/,
    );
    expect(() => injectCspMeta('<p>no head</p>', 'x')).toThrow(/no <head>/);
  });
});
