// Uniform buffer layouts derived from the WGSL source itself (the one place webgpu-utils is used):
// no hand-counted offsets. A block refuses unknown or missing fields, so a renamed WGSL field fails
// loudly instead of writing zeros.
import { makeShaderDataDefinitions, makeStructuredView } from 'webgpu-utils';

export type UniformValue = number | readonly number[];

export interface UniformBlock {
  /** Byte size of the struct, as WGSL lays it out. */
  readonly size: number;
  /** Field names with their byte offsets, in declaration order. */
  readonly offsets: Readonly<Record<string, number>>;
  encode(values: Readonly<Record<string, UniformValue>>): ArrayBuffer;
}

export function uniformBlock(code: string, variable: string): UniformBlock {
  const defs = makeShaderDataDefinitions(code);
  const def = defs.uniforms[variable];
  if (!def) throw new Error(`WGSL has no uniform variable named '${variable}'`);
  const fields = (def.typeDefinition as { fields?: Record<string, { offset: number }> }).fields;
  if (!fields) throw new Error(`uniform '${variable}' is not a struct`);
  const offsets = Object.fromEntries(Object.entries(fields).map(([k, f]) => [k, f.offset]));
  const names = Object.keys(offsets);
  return {
    size: def.size,
    offsets,
    encode(values) {
      const missing = names.filter((n) => !(n in values));
      const unknown = Object.keys(values).filter((n) => !(n in offsets));
      if (missing.length || unknown.length) {
        throw new Error(
          `uniform '${variable}': ${[
            missing.length ? `missing ${missing.join(', ')}` : '',
            unknown.length ? `unknown ${unknown.join(', ')}` : '',
          ]
            .filter(Boolean)
            .join('; ')}`,
        );
      }
      const view = makeStructuredView(def);
      view.set(values);
      return view.arrayBuffer;
    },
  };
}
