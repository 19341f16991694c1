// Autosave's last chance: when the page is hidden (tab switched, window minimised, the first step
// of closing on every browser) or unloaded, pending changes and queued cache writes are written at
// once instead of waiting for the throttle. And a share link pasted into an open tab is opened.
import type { PersistentContentCache } from '../cache/create-content-cache';
import type { StudioProjectSession } from './create-project-session';

export function installPageLifecycle(
  session: Pick<StudioProjectSession, 'saveNow' | 'openLink'>,
  cache?: Pick<PersistentContentCache, 'flush'>,
): () => void {
  const flush = () => {
    void session.saveNow().catch(() => {
      // The session has already told the user why.
    });
    void cache?.flush().catch(() => {});
  };
  const onVisibility = () => {
    if (document.visibilityState === 'hidden') flush();
  };
  // A share link pasted into the address bar of an open studio only changes the fragment.
  const onHash = () => void session.openLink(location.hash);
  document.addEventListener('visibilitychange', onVisibility);
  window.addEventListener('pagehide', flush);
  window.addEventListener('hashchange', onHash);
  return () => {
    window.removeEventListener('hashchange', onHash);
    document.removeEventListener('visibilitychange', onVisibility);
    window.removeEventListener('pagehide', flush);
  };
}
