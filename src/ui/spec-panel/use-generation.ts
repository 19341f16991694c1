// The panel's handle on generation: one run at a time with its own AbortController, so Cancel (and
// Esc) abort exactly the run the panel started. Outcomes are recorded in the scene slice by the
// generate function the composition root passes in (runGeneration).
import { useCallback, useMemo, useRef, useState } from 'react';
import { useStudioStore } from '../../state/store-context';

/** Generates `spec` and shows it; rejects when it fails or `signal` aborts. */
export type GenerateFn = (spec: unknown, signal: AbortSignal) => Promise<unknown>;

export interface GenerationControl {
  /** Whether a run the panel started is in flight (a script's run cannot be cancelled here). */
  running: boolean;
  start(): void;
  cancel(): void;
}

export function useGeneration(generate: GenerateFn): GenerationControl {
  const store = useStudioStore();
  const current = useRef<AbortController | null>(null);
  const [running, setRunning] = useState(false);

  const start = useCallback(() => {
    const s = store.getState();
    if (current.current || s.scene.status === 'generating' || s.spec.issues.length > 0) return;
    const controller = new AbortController();
    current.current = controller;
    setRunning(true);
    generate(s.spec.draft, controller.signal)
      .catch(() => {
        // Failures and cancellations are recorded in the scene slice, which the panel shows.
      })
      .finally(() => {
        if (current.current === controller) {
          current.current = null;
          setRunning(false);
        }
      });
  }, [store, generate]);

  const cancel = useCallback(() => current.current?.abort(), []);

  return useMemo(() => ({ running, start, cancel }), [running, start, cancel]);
}
