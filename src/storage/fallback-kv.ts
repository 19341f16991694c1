// A KeyValueDb that becomes another once a probe answers: the IndexedDB one if it opened, else an
// in-memory one (private windows). Lets the studio start at once, before the probe is back.
import type { KeyValueDb } from './idb';

export function withFallback(
  primary: KeyValueDb,
  primaryWorks: Promise<boolean>,
  fallback: () => KeyValueDb,
): KeyValueDb {
  const chosen = primaryWorks.then((ok) => (ok ? primary : fallback()));
  return {
    name: primary.name,
    get: async (key) => (await chosen).get(key),
    getMany: async (keys) => (await chosen).getMany(keys),
    setMany: async (entries) => (await chosen).setMany(entries),
    delMany: async (keys) => (await chosen).delMany(keys),
    keys: async () => (await chosen).keys(),
    transact: async (mode, body) => (await chosen).transact(mode, body),
    close: async () => (await chosen).close(),
  };
}
