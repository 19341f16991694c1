// One generation at a time from the panel: start (generate through the service, then add the result
// to the scene as one undoable import), progress with the stage and the coarse preview, cancel at
// any point (the run rejects at once and nothing is added), and the outcome in words.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ShapeMesh, ShapeStage, ShapeTimings } from '../../core/shape/shape-types';
import type { ShapeRequest, ShapeService } from './shape-service';

export const STAGE_LABELS: Record<ShapeStage, string> = {
  preprocess: 'Preparing the image',
  encode: 'Encoding the image',
  sample: 'Sampling the shape',
  'decode-coarse': 'Decoding the coarse grid',
  'decode-fine': 'Refining near the surface',
  surface: 'Extracting the surface',
};

export type ShapeRunState =
  | { phase: 'idle'; note?: string }
  | {
      phase: 'running';
      stage: ShapeStage;
      fraction: number;
      preview: ShapeMesh | null;
      /** The result is being added to the scene: too late to cancel. */
      adding?: boolean;
    }
  | {
      phase: 'done';
      mesh: ShapeMesh;
      id: string;
      name: string;
      triangles: number;
      watertight: boolean;
      cached: boolean;
      timings: ShapeTimings;
      backend: 'webgpu' | 'wasm';
      surfaceBackend: 'webgpu' | 'cpu';
    }
  | { phase: 'failed'; message: string; preview: ShapeMesh | null };

const isAbort = (error: unknown) => error instanceof Error && error.name === 'AbortError';

/** The message for a surface the model left empty (nothing to add to the scene). */
export const EMPTY_SURFACE_MESSAGE =
  'The model found no surface for this image (the decoded occupancy is empty), so nothing was added. Try another seed, more steps or a clearer silhouette.';

export function useShapeRun(service: ShapeService, onAdded?: (id: string, name: string) => void) {
  const [state, setState] = useState<ShapeRunState>({ phase: 'idle' });
  const controller = useRef<AbortController | null>(null);
  const adding = useRef(false);
  // The latest callback, so a parent's re-render does not make a new start().
  const announce = useRef(onAdded);
  useEffect(() => {
    announce.current = onAdded;
  }, [onAdded]);

  // Closing the panel cancels what it started.
  useEffect(() => () => controller.current?.abort(), []);

  const start = useCallback(
    (request: ShapeRequest, name: string) => {
      controller.current?.abort();
      const abort = new AbortController();
      controller.current = abort;
      let preview: ShapeMesh | null = null;
      setState({ phase: 'running', stage: 'preprocess', fraction: 0, preview: null });
      const mine = () => controller.current === abort && !abort.signal.aborted;
      void (async () => {
        try {
          const run = await service.generate(
            request,
            (p) => {
              if (!mine()) return;
              if (p.preview) preview = p.preview;
              setState({ phase: 'running', stage: p.stage, fraction: p.fraction, preview });
            },
            abort.signal,
          );
          if (!mine()) return;
          const { result } = run;
          if (result.mesh.indices.length === 0) {
            setState({ phase: 'failed', message: EMPTY_SURFACE_MESSAGE, preview });
            return;
          }
          // From here the run cannot be cancelled: the import is one edit, undone with Ctrl+Z.
          adding.current = true;
          setState({ phase: 'running', stage: 'surface', fraction: 1, preview, adding: true });
          const added = await service.addToScene(result.mesh, name).finally(() => {
            adding.current = false;
          });
          if (controller.current !== abort) return;
          controller.current = null;
          announce.current?.(added.id, name);
          setState({
            phase: 'done',
            mesh: result.mesh,
            id: added.id,
            name,
            triangles: added.triangles,
            watertight: result.watertight,
            cached: run.cached,
            timings: result.timings,
            backend: result.backend,
            surfaceBackend: result.surfaceBackend,
          });
        } catch (error) {
          if (controller.current !== abort) return;
          controller.current = null;
          if (isAbort(error) || abort.signal.aborted) {
            setState({ phase: 'idle', note: 'Cancelled: nothing was added to the scene.' });
            return;
          }
          setState({
            phase: 'failed',
            message: error instanceof Error ? error.message : String(error),
            preview,
          });
        }
      })();
    },
    [service],
  );

  const cancel = useCallback(() => {
    const abort = controller.current;
    if (!abort || adding.current) return;
    controller.current = null;
    abort.abort();
    setState({ phase: 'idle', note: 'Cancelled: nothing was added to the scene.' });
  }, []);

  return { state, start, cancel, running: state.phase === 'running' };
}
