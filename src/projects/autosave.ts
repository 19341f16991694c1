// Autosave's timing: a change schedules a save after `delayMs` of quiet, but never later than
// `maxWaitMs` after the first unsaved change (a long drag still gets saved); one save runs at a
// time, and changes made during a save schedule the next. flush() saves now (the page is hiding or
// closing, or the user asked). Pure timing: what a save does is passed in.

export interface AutosaveTimers {
  set(callback: () => void, ms: number): unknown;
  clear(handle: unknown): void;
  now(): number;
}

export interface AutosaveOptions {
  save: () => Promise<void>;
  delayMs?: number;
  maxWaitMs?: number;
  timers?: AutosaveTimers;
}

export interface Autosave {
  /** Something changed: schedule a save. */
  changed(): void;
  /** Saves now if anything is unsaved; resolves when every change up to now is written (or failed). */
  flush(): Promise<void>;
  /** Whether changes are waiting or a save is running. */
  busy(): boolean;
  /** Stops the timer (pending changes stay pending until the next changed() or flush()). */
  stop(): void;
}

const browserTimers: AutosaveTimers = {
  set: (callback, ms) => setTimeout(callback, ms),
  clear: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
  now: () => Date.now(),
};

export function createAutosave(options: AutosaveOptions): Autosave {
  const delayMs = options.delayMs ?? 800;
  const maxWaitMs = options.maxWaitMs ?? 4000;
  const timers = options.timers ?? browserTimers;
  let timer: unknown;
  let firstChange: number | null = null;
  let running: Promise<void> | null = null;
  let dirty = false;

  const clearTimer = () => {
    if (timer !== undefined) timers.clear(timer);
    timer = undefined;
  };

  const run = (): Promise<void> => {
    clearTimer();
    if (running) return running;
    if (!dirty) return Promise.resolve();
    dirty = false;
    firstChange = null;
    running = options
      .save()
      .catch(() => {
        // The save reports its own failure; the next change retries.
      })
      .finally(() => {
        running = null;
        if (dirty) schedule();
      });
    return running;
  };

  const schedule = () => {
    const now = timers.now();
    if (firstChange === null) firstChange = now;
    const wait = Math.max(0, Math.min(delayMs, firstChange + maxWaitMs - now));
    clearTimer();
    timer = timers.set(() => void run(), wait);
  };

  return {
    changed() {
      dirty = true;
      if (!running) schedule();
    },
    async flush() {
      // A running save may have started before the latest change: wait for it, then save again.
      if (running) await running;
      await run();
    },
    busy: () => dirty || running !== null,
    stop: clearTimer,
  };
}
