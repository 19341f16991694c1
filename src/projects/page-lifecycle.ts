// Autosave's last chance: when the page is hidden (tab switched, window minimised, the first step
// of closing on every browser) or unloaded, pending changes and queued cache writes are written at
// once instead of waiting for the throttle.
import type { PersistentContentCache } from '../cache/create-content-cache';
import type { StudioProjectSession } from './create-project-session';

export function installPageLifecycle(
  session: Pick<StudioProjectSession, 'saveNow'>,
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
  document.addEventListener('visibilitychange', onVisibility);
  window.addEventListener('pagehide', flush);
  return () => {
    document.removeEventListener('visibilitychange', onVisibility);
    window.removeEventListener('pagehide', flush);
  };
}
