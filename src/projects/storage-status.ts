// What the browser says about the studio's storage: whether it is persistent (not evicted under
// pressure) and how much is used of how much. navigator.storage is passed in (absent in some
// contexts); every call is guarded, since a browser may refuse or lack any of them.

export interface StorageManagerLike {
  persisted?(): Promise<boolean>;
  persist?(): Promise<boolean>;
  estimate?(): Promise<{ usage?: number; quota?: number }>;
}

export async function persistedState(
  storage: StorageManagerLike | undefined,
): Promise<boolean | null> {
  try {
    return storage?.persisted ? await storage.persisted() : null;
  } catch {
    return null;
  }
}

export async function requestPersist(
  storage: StorageManagerLike | undefined,
): Promise<boolean | null> {
  try {
    return storage?.persist ? await storage.persist() : null;
  } catch {
    return null;
  }
}

export async function estimateUsage(
  storage: StorageManagerLike | undefined,
): Promise<{ usage?: number; quota?: number }> {
  try {
    const e = storage?.estimate ? await storage.estimate() : {};
    return {
      ...(typeof e.usage === 'number' ? { usage: e.usage } : {}),
      ...(typeof e.quota === 'number' ? { quota: e.quota } : {}),
    };
  } catch {
    return {};
  }
}
