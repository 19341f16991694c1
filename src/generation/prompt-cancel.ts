// Cancel takes effect at once (from the panel and from window.studio.generate alike): the generation's promise rejects as soon as its signal
// aborts, so a result the worker was already sending back can no longer replace the scene on show
// after the user pressed Cancel, and progress that arrives late is dropped. The worker still gets
// the cancel and stops at its next check.
import type { SceneClient } from './scene-client';

function abortError(): Error {
  return new DOMException('scene generation was cancelled', 'AbortError');
}

export function cancelPromptly(client: SceneClient): SceneClient {
  return {
    generate(spec, options = {}) {
      const { signal, onProgress } = options;
      if (!signal) return client.generate(spec, options);
      if (signal.aborted) return Promise.reject(abortError());
      return new Promise((resolve, reject) => {
        const onAbort = () => reject(abortError());
        signal.addEventListener('abort', onAbort, { once: true });
        client
          .generate(spec, {
            ...options,
            signal,
            onProgress: (p) => {
              if (!signal.aborted) onProgress?.(p);
            },
          })
          .then(resolve, reject)
          .finally(() => signal.removeEventListener('abort', onAbort));
      });
    },
    parseModel: (bytes, name) => client.parseModel(bytes, name),
    terminate: () => client.terminate(),
  };
}
