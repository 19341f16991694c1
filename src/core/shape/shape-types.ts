// The contract of image to 3D, shared by the training data generator, the model runtime, the
// surface extraction, the studio panel and the evaluation. Pure types and constants: no three, no
// DOM, no onnxruntime.
//
// Coordinates: a shape lives in the "shape box", the cube [-SHAPE_BOUND, SHAPE_BOUND]^3, y up. Every
// training shape is normalised so that its bounding box is centred on the origin and its largest
// side is SHAPE_EXTENT long. The model predicts shapes in that same space.

/** Half side of the cube in which occupancy is defined and decoded. */
export const SHAPE_BOUND = 0.55;
/** Largest side of a normalised shape's bounding box. */
export const SHAPE_EXTENT = 0.9;
/** Side, in pixels, of the model's input image after preprocessing. */
export const SHAPE_IMAGE_SIZE = 64;
/** Channels of the model's input image: 0 = filled foreground mask, 1 = luminance (1 outside). */
export const SHAPE_IMAGE_CHANNELS = 2;

/**
 * The fixed view every conditioning image is taken from: an orthographic camera looking at the
 * origin from yaw (about +y, from +z towards +x) and elevation (up from the xz plane), in degrees.
 */
export const SHAPE_VIEW = { yawDeg: 30, elevationDeg: 20 } as const;

/** A preprocessed image: SHAPE_IMAGE_CHANNELS x size x size floats in [0, 1], channel-major. */
export interface ShapeImage {
  data: Float32Array;
  size: number;
}

/** An RGBA8 picture as it comes from a decoder, a canvas or the renderer. */
export interface RgbaImage {
  width: number;
  height: number;
  /** width * height * 4 bytes, row-major, top row first, straight (not premultiplied) alpha. */
  data: Uint8Array | Uint8ClampedArray;
}

/**
 * Occupancy values (logits: > iso is inside) on a regular grid of (n+1)^3 points spanning the
 * shape box; index = x + (n+1) * (y + (n+1) * z).
 */
export interface OccupancyGrid {
  /** Cells per side; the grid has n + 1 points per side. */
  n: number;
  bound: number;
  values: Float32Array;
  iso: number;
}

/** An indexed triangle mesh: positions xyz, normals xyz, counter-clockwise outward triangles. */
export interface ShapeMesh {
  positions: Float32Array;
  normals: Float32Array;
  indices: Uint32Array;
}

/** The three graphs of a shape model, whichever runtime runs them (ORT web, ORT in Node, tests). */
export interface ShapeModel {
  /** [1, 2, S, S] image → condition tokens [1, T, D] (flattened). */
  encode(image: ShapeImage): Promise<Float32Array>;
  /**
   * Velocity of the flow at time t for a batch of latents [B, L, C] with condition tokens
   * [B, T, D]; an all-zero condition is the unconditional branch (classifier-free guidance).
   */
  denoise(
    latents: Float32Array,
    t: Float32Array,
    cond: Float32Array,
    batch: number,
  ): Promise<Float32Array>;
  /** Occupancy logits at points [N, 3] (shape box coordinates) for one latent [1, L, C]. */
  decode(latent: Float32Array, points: Float32Array): Promise<Float32Array>;
}

export interface ShapeSettings {
  /** Sampling steps (Euler); the manifest gives the default and the maximum. */
  steps: number;
  /** Classifier-free guidance scale; 1 = no guidance. */
  guidance: number;
  /** Seed of the initial noise. */
  seed: number;
  /** Cells per side of the coarse grid (the preview) and of the fine grid (the final mesh). */
  coarse: number;
  fine: number;
}

export type ShapeStage =
  'preprocess' | 'encode' | 'sample' | 'decode-coarse' | 'decode-fine' | 'surface';

export interface ShapeProgress {
  stage: ShapeStage;
  /** 0..1 over the whole request. */
  fraction: number;
  /** The coarse preview mesh, once, when the coarse grid is done. */
  preview?: ShapeMesh;
}

/** Milliseconds per stage; sample has one entry per step, decode one per level. */
export interface ShapeTimings {
  encode: number;
  sample: number[];
  decode: number[];
  surface: number[];
  total: number;
  firstPreview: number;
}

export interface ShapeResult {
  mesh: ShapeMesh;
  watertight: boolean;
  timings: ShapeTimings;
  backend: 'webgpu' | 'wasm';
  /** Where the surface was extracted: the WGSL kernel or the CPU reference. */
  surfaceBackend: 'webgpu' | 'cpu';
}
