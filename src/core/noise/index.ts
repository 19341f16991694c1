// The noise library's public surface (CPU reference of shaders/noise.wgsl and noise-bake.wgsl).
export * from './settings';
export * from './bake-params';
export * from './bake';
export { createNoiseField, fbm, ridged, baseNoise } from './fractal';
export { value2, value3 } from './value';
export { perlin2, perlin3 } from './gradient';
export { simplex2, simplex3 } from './simplex';
export { worley2, worley3 } from './worley';
export { pcg } from './hash';
