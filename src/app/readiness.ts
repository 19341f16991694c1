// When the studio counts as ready: the renderer is up and has drawn a few frames with the baked
// textures in the scene. Frame counts live here, outside React.

export interface Readiness {
  readonly ready: Promise<void>;
  frame(textured: boolean): void;
  fail(error: Error): void;
  frames(): number;
}

export function createReadiness(texturedFramesNeeded = 3): Readiness {
  let resolve!: () => void;
  let reject!: (e: Error) => void;
  const ready = new Promise<void>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  let total = 0;
  let textured = 0;
  let settled = false;
  return {
    ready,
    frame(isTextured) {
      total++;
      if (isTextured) textured++;
      if (!settled && textured >= texturedFramesNeeded) {
        settled = true;
        resolve();
      }
    },
    fail(error) {
      if (settled) return;
      settled = true;
      reject(error);
    },
    frames: () => total,
  };
}
