// The viewport's imperative side, for menus, shortcuts and window.studio: camera moves and
// screenshots. The composition root makes one handle; the mounted viewport attaches its renderer,
// scene, camera and controls to it (and detaches on unmount or device loss), so callers never reach
// into React or three directly.

/** Axis-aligned box: min xyz, max xyz. */
export type Bounds = readonly [number, number, number, number, number, number];

export const VIEW_NAMES = ['front', 'back', 'right', 'left', 'top', 'bottom'] as const;
export type ViewName = (typeof VIEW_NAMES)[number];

export interface ScreenshotOptions {
  /** Output width in pixels: an integer from 1 to 8192 (less where the GPU's limit is lower). */
  width: number;
  /** Output height in pixels, same range. */
  height: number;
  /** Include the grid and axes when they are shown (default true: the image is what is on screen). */
  helpers?: boolean;
}

export interface ViewportHandle {
  /** Whether a viewport is mounted and its renderer is up. */
  attached(): boolean;
  /** Moves the orbit target to the box's centre and backs the camera off until it fits. */
  frameBounds(bounds: Bounds): void;
  /** Looks along an axis at the current orbit target (numpad 1/3/7 and Ctrl for the opposite). */
  setView(view: ViewName): void;
  /** Renders the current view at the given size and returns PNG bytes. */
  screenshot(options: ScreenshotOptions): Promise<Uint8Array>;
  /** Where a world point appears on the canvas, in CSS pixels from its top-left corner; null
   *  when it is behind the camera or no viewport is attached. For tests and tooling. */
  project(point: readonly [number, number, number]): { x: number; y: number } | null;
  /** The camera's position and the point it orbits (null when nothing is attached). */
  camera(): { position: [number, number, number]; target: [number, number, number] } | null;
  /** The canvas size in CSS pixels (0 x 0 when nothing is attached). */
  canvasSize(): { width: number; height: number };
}
