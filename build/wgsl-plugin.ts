// Vite plugin: `import code from '../shaders/x.wgsl'` gives the shader text as a string
// (typed by src/types/wgsl.d.ts). WGSL stays in shaders/ as real .wgsl files.
import type { Plugin } from 'vite';

export function wgsl(): Plugin {
  return {
    name: 'canvas3d:wgsl',
    transform(code, id) {
      if (!id.endsWith('.wgsl')) return null;
      return { code: `export default ${JSON.stringify(code)};`, map: null };
    },
  };
}
