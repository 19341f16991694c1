// Counts rendered frames from inside the render loop, without React state (per-frame values never
// go through React).
import { useFrame } from '@react-three/fiber';

export function FrameProbe({ onFrame }: { onFrame: () => void }) {
  useFrame(onFrame);
  return null;
}
