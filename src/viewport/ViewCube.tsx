// The view cube in the stage's corner: a small CSS 3D cube that turns with the camera, each face a
// button that looks along that axis (handle.setView). The cube's transform is written straight to
// its style from the handle's per-frame callback, never through React state.
import { useEffect, useRef } from 'react';
import type { AttachableViewportHandle } from './create-viewport-handle';
import { viewCubeTransform } from './view-cube-matrix';
import type { ViewName } from './viewport-handle';
import './view-cube.css';

const FACES: readonly { view: ViewName; label: string }[] = [
  { view: 'front', label: 'Front' },
  { view: 'back', label: 'Back' },
  { view: 'right', label: 'Right' },
  { view: 'left', label: 'Left' },
  { view: 'top', label: 'Top' },
  { view: 'bottom', label: 'Bottom' },
];

export function ViewCube({ handle }: { handle: AttachableViewportHandle }) {
  const cube = useRef<HTMLDivElement>(null);

  useEffect(() => {
    let written = '';
    return handle.onFrame((camera) => {
      const transform = viewCubeTransform(camera.quaternion);
      if (transform === written || !cube.current) return;
      cube.current.style.transform = transform;
      written = transform;
    });
  }, [handle]);

  const look = (view: ViewName) => {
    if (handle.attached()) handle.setView(view);
  };

  return (
    <nav className="view-cube" aria-label="View orientation">
      <div className="view-cube-body" ref={cube}>
        {FACES.map(({ view, label }) => (
          <button
            key={view}
            type="button"
            className={`view-cube-face view-cube-${view}`}
            aria-label={`View from ${view}`}
            title={`View from ${view}`}
            onClick={() => look(view)}
          >
            {label}
          </button>
        ))}
      </div>
    </nav>
  );
}
