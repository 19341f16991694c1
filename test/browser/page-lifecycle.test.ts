// Autosave's last chance in a real page: hiding the page or leaving it writes pending changes at
// once (and the cache's queued writes); a share link pasted into an open tab's address is opened.
import { afterEach, describe, expect, it } from 'vitest';
import { installPageLifecycle } from '../../src/projects/page-lifecycle';

function fakes() {
  const calls = { saves: 0, flushes: 0, links: [] as string[] };
  const session = {
    saveNow: async () => void calls.saves++,
    openLink: async (hash: string) => {
      calls.links.push(hash);
      return true;
    },
  };
  const cache = { flush: async () => void calls.flushes++ };
  return { calls, session, cache };
}

let uninstall: (() => void) | undefined;
afterEach(() => {
  uninstall?.();
  uninstall = undefined;
  history.replaceState(null, '', location.pathname + location.search);
});

describe('page lifecycle', () => {
  it('saves and flushes the cache when the page is hidden or hides for good', () => {
    const { calls, session, cache } = fakes();
    uninstall = installPageLifecycle(session, cache);
    Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true });
    document.dispatchEvent(new Event('visibilitychange'));
    expect(calls).toMatchObject({ saves: 1, flushes: 1 });
    window.dispatchEvent(new PageTransitionEvent('pagehide'));
    expect(calls).toMatchObject({ saves: 2, flushes: 2 });
    Object.defineProperty(document, 'visibilityState', { value: 'visible', configurable: true });
    document.dispatchEvent(new Event('visibilitychange'));
    expect(calls.saves).toBe(2);
  });

  it('opens a share link pasted into the address of an open tab', async () => {
    const { calls, session, cache } = fakes();
    uninstall = installPageLifecycle(session, cache);
    location.hash = '#v1.abc';
    await new Promise((r) => setTimeout(r, 50));
    expect(calls.links).toEqual(['#v1.abc']);
  });

  it('stops listening when uninstalled', () => {
    const { calls, session, cache } = fakes();
    installPageLifecycle(session, cache)();
    window.dispatchEvent(new PageTransitionEvent('pagehide'));
    expect(calls.saves).toBe(0);
  });
});
