// Counts rendered frames from inside the render loop, and records each frame's render figures (rAF
// interval, main-thread time, three's draw calls and triangles) into a ring buffer, without React
// state (per-frame values never go through React).
import { addAfterEffect, addEffect, useFrame, useThree } from '@react-three/fiber';
import { useEffect } from 'react';
import type { RenderStatsRecorder } from './render-stats';

interface RendererInfo {
  info?: { render?: { drawCalls?: number; triangles?: number } };
}

export function FrameProbe({
  onFrame,
  recorder,
}: {
  onFrame: () => void;
  recorder: RenderStatsRecorder;
}) {
  const gl = useThree((s) => s.gl) as unknown as RendererInfo;
  useFrame(onFrame);
  useEffect(() => {
    // Global effects run around every frame of the loop: before the callbacks and after the render.
    // three resets renderer.info at the start of each of its frames, so it is read right after.
    const offStart = addEffect(() => recorder.frameStart());
    const offEnd = addAfterEffect((timestamp) => {
      const render = gl.info?.render;
      recorder.frameEnd(timestamp, render?.drawCalls ?? 0, render?.triangles ?? 0);
    });
    return () => {
      offStart();
      offEnd();
    };
  }, [gl, recorder]);
  return null;
}
