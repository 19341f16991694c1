// The offline/update toasts, bottom right, non-modal: "A new version is ready" with Update now /
// Later when a new version waits (open tabs keep running theirs until the user accepts), a one-time
// "Ready to work offline" once the app shell is cached, and the background caching of the large
// files while it runs. The root carries the PWA state as data attributes for tests.
import { useCallback, useEffect, useState, useSyncExternalStore } from 'react';
import type { PwaHandle } from '../pwa/pwa-handle';
import './update-prompt.css';

const OFFLINE_SHOWN_KEY = 'c3d.offlineReadyShown';
const OFFLINE_INFO_MS = 6000;

function readFlag(): boolean {
  try {
    return localStorage.getItem(OFFLINE_SHOWN_KEY) === '1';
  } catch {
    return false;
  }
}

function writeFlag(): void {
  try {
    localStorage.setItem(OFFLINE_SHOWN_KEY, '1');
  } catch {
    /* storage blocked: the info may show again next time */
  }
}

export function UpdatePrompt({ pwa }: { pwa: PwaHandle }) {
  const subscribe = useCallback((listener: () => void) => pwa.subscribe(listener), [pwa]);
  const state = useSyncExternalStore(subscribe, () => pwa.state());
  const [offlineInfo, setOfflineInfo] = useState(false);
  const [updating, setUpdating] = useState(false);

  // Once per browser profile: when this studio becomes ready to work offline (a tab that loaded
  // offline-ready already came from the cache and says nothing).
  useEffect(
    () =>
      pwa.subscribe(() => {
        if (pwa.state().offlineReady && !readFlag()) {
          writeFlag();
          setOfflineInfo(true);
        }
      }),
    [pwa],
  );
  useEffect(() => {
    if (!offlineInfo) return;
    const timer = setTimeout(() => setOfflineInfo(false), OFFLINE_INFO_MS);
    return () => clearTimeout(timer);
  }, [offlineInfo]);

  const { cached, total } = state.largeFiles;
  const caching = total > 0 && cached < total;

  return (
    <div
      className="pwa-toasts"
      data-testid="pwa-status"
      data-offline-ready={String(state.offlineReady)}
      data-need-refresh={String(state.needRefresh)}
      data-large-files={`${cached}/${total}`}
      {...(state.error ? { 'data-error': state.error } : {})}
    >
      {state.outdated && !state.needRefresh && (
        <div className="pwa-toast" role="alert" aria-live="assertive">
          <span className="pwa-toast-text">
            Canvas3D Studio was updated in another tab. Reload this tab to use the new version (your
            work is saved).
          </span>
          <button type="button" className="pwa-toast-primary" onClick={() => void pwa.update()}>
            Reload
          </button>
        </div>
      )}
      {state.needRefresh && (
        <div className="pwa-toast" role="alert" aria-live="assertive">
          <span className="pwa-toast-text">A new version of Canvas3D Studio is ready.</span>
          <button
            type="button"
            className="pwa-toast-primary"
            disabled={updating}
            onClick={() => {
              setUpdating(true);
              pwa.update().catch(() => setUpdating(false));
            }}
          >
            {updating ? 'Updating…' : 'Update now'}
          </button>
          <button type="button" disabled={updating} onClick={() => pwa.dismiss()}>
            Later
          </button>
        </div>
      )}
      {offlineInfo && !state.needRefresh && (
        <div className="pwa-toast" role="status" aria-live="polite">
          <span className="pwa-toast-text">Ready to work offline.</span>
          <button type="button" aria-label="Dismiss" onClick={() => setOfflineInfo(false)}>
            ×
          </button>
        </div>
      )}
      {caching && (
        <div className="pwa-toast pwa-toast-quiet" role="status" aria-live="off">
          <span className="pwa-toast-text">
            Caching models for offline use: {cached} of {total}
          </span>
        </div>
      )}
    </div>
  );
}
