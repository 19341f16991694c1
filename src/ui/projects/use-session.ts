// React hooks over the projects' services: the session's state (re-rendered on every change), the
// cache's statistics (throttled: they change on every lookup) and a clock for relative times.
import { useCallback, useEffect, useRef, useState, useSyncExternalStore } from 'react';
import type { ContentCache, ContentCacheStats } from '../../cache/content-cache';
import type { ProjectSession, SessionState } from '../../projects/project-session';

export function useSession(session: ProjectSession): SessionState {
  // The snapshot is re-read only when the session says it changed, so a state() that builds a new
  // object per call cannot make React render forever.
  const snapshot = useRef<{ session: ProjectSession; state: SessionState } | null>(null);
  const subscribe = useCallback(
    (changed: () => void) => {
      const off = session.subscribe(() => {
        snapshot.current = { session, state: session.state() };
        changed();
      });
      // A change between the render and the subscription is not missed.
      snapshot.current = { session, state: session.state() };
      return off;
    },
    [session],
  );
  const get = useCallback(() => {
    if (snapshot.current?.session !== session) {
      snapshot.current = { session, state: session.state() };
    }
    return snapshot.current.state;
  }, [session]);
  return useSyncExternalStore(subscribe, get, get);
}

/** The cache's statistics, re-read at most every `intervalMs` (they change on every lookup). */
export function useCacheStats(cache: ContentCache, intervalMs = 250): ContentCacheStats {
  const snapshot = useRef<{ cache: ContentCache; stats: ContentCacheStats } | null>(null);
  const subscribe = useCallback(
    (changed: () => void) => {
      let timer: ReturnType<typeof setTimeout> | undefined;
      const off = cache.subscribe(() => {
        timer ??= setTimeout(() => {
          timer = undefined;
          snapshot.current = { cache, stats: cache.stats() };
          changed();
        }, intervalMs);
      });
      return () => {
        off();
        if (timer !== undefined) clearTimeout(timer);
      };
    },
    [cache, intervalMs],
  );
  const get = useCallback(() => {
    if (snapshot.current?.cache !== cache) snapshot.current = { cache, stats: cache.stats() };
    return snapshot.current.stats;
  }, [cache]);
  return useSyncExternalStore(subscribe, get, get);
}

/** The time now, refreshed every `ms` (relative times stay right while a panel is open). */
export function useNow(ms = 30_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), ms);
    return () => clearInterval(timer);
  }, [ms]);
  return now;
}
