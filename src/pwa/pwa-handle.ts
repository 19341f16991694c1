// The contract between the service worker's registration and the UI: whether a new version is
// waiting (the user is offered "Update now"; open tabs keep running the old one until then),
// whether the studio is ready to work offline, and how far the background caching of the large
// files (model packs, wasm, LUTs) has got.
export interface PwaState {
  /** A new version is installed and waiting; update() switches to it. */
  needRefresh: boolean;
  /** The app shell is precached: the studio loads with the network off. */
  offlineReady: boolean;
  /** Large files fetched into the cache in the background after the first load. */
  largeFiles: { cached: number; total: number };
  /**
   * Another tab switched to a new version: this tab still runs the old one, whose files the new
   * version no longer keeps offline; reloading (update()) brings it onto the new one.
   */
  outdated?: boolean;
  /** Why the service worker could not be registered (unsupported, blocked), if it could not. */
  error?: string;
}

export interface PwaHandle {
  state(): PwaState;
  /** Called after every change of state(); returns an unsubscribe function. */
  subscribe(listener: () => void): () => void;
  /** Activates the waiting version and reloads this tab onto it (an outdated tab just reloads). */
  update(): Promise<void>;
  /** Hides the update offer until the next new version. */
  dismiss(): void;
}
