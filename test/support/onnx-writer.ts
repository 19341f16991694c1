// Writes tiny ONNX models (protobuf by hand) for tests that need real onnxruntime sessions without
// a trained pack: a handful of nodes, float32 initializers, named inputs and outputs whose
// dimensions are fixed sizes or symbolic names. Field numbers are onnx.proto3's.

type Bytes = number[];

function varint(value: number | bigint): Bytes {
  let v = BigInt(value);
  if (v < 0n) v += 1n << 64n;
  const out: Bytes = [];
  do {
    let b = Number(v & 0x7fn);
    v >>= 7n;
    if (v) b |= 0x80;
    out.push(b);
  } while (v);
  return out;
}

const key = (field: number, wire: number) => varint((field << 3) | wire);
const int = (field: number, value: number): Bytes => [...key(field, 0), ...varint(value)];
const bytes = (field: number, data: ArrayLike<number>): Bytes => [
  ...key(field, 2),
  ...varint(data.length),
  ...Array.from(data),
];
const text = (field: number, s: string) => bytes(field, new TextEncoder().encode(s));
const message = (field: number, parts: Bytes[]) => bytes(field, parts.flat());

export type OnnxDim = number | string;
export interface OnnxNode {
  op: string;
  inputs: string[];
  outputs: string[];
  attributes?: Bytes[];
}

/** An INT attribute. */
export const attrInt = (name: string, value: number): Bytes =>
  message(5, [text(1, name), int(20, 2), int(3, value)]);
/** An INTS attribute. */
export const attrInts = (name: string, values: number[]): Bytes =>
  message(5, [text(1, name), int(20, 7), ...values.map((v) => int(8, v))]);

function valueInfo(field: number, name: string, shape: OnnxDim[]): Bytes {
  const dims = shape.map((d) => message(1, [typeof d === 'string' ? text(2, d) : int(1, d)]));
  // TypeProto.tensor_type { elem_type = FLOAT, shape }
  return message(field, [text(1, name), message(2, [message(1, [int(1, 1), message(2, dims)])])]);
}

export interface OnnxGraph {
  nodes: OnnxNode[];
  inputs: [string, OnnxDim[]][];
  outputs: [string, OnnxDim[]][];
  /** float32 initializers: name → [dims, values]. */
  floats?: Record<string, [number[], number[]]>;
  /** int64 initializers (shapes, axes): name → [dims, values]. */
  ints?: Record<string, [number[], number[]]>;
  opset?: number;
}

export function writeOnnx(graph: OnnxGraph): Uint8Array {
  const parts: Bytes[] = [];
  graph.nodes.forEach((n, i) =>
    parts.push(
      message(1, [
        ...n.inputs.map((s) => text(1, s)),
        ...n.outputs.map((s) => text(2, s)),
        text(3, `${n.op}_${i}`),
        text(4, n.op),
        ...(n.attributes ?? []),
      ]),
    ),
  );
  parts.push(text(2, 'test-graph'));
  for (const [name, [dims, values]] of Object.entries(graph.floats ?? {})) {
    const raw = new Uint8Array(new Float32Array(values).buffer);
    parts.push(
      message(5, [...dims.map((d) => int(1, d)), int(2, 1), text(8, name), bytes(9, raw)]),
    );
  }
  for (const [name, [dims, values]] of Object.entries(graph.ints ?? {})) {
    const raw = new Uint8Array(new BigInt64Array(values.map((v) => BigInt(v))).buffer);
    parts.push(
      message(5, [...dims.map((d) => int(1, d)), int(2, 7), text(8, name), bytes(9, raw)]),
    );
  }
  for (const [name, shape] of graph.inputs) parts.push(valueInfo(11, name, shape));
  for (const [name, shape] of graph.outputs) parts.push(valueInfo(12, name, shape));
  const model = [
    int(1, 8), // ir_version
    text(2, 'canvas3d-tests'),
    message(7, parts),
    message(8, [text(1, ''), int(2, graph.opset ?? 17)]),
  ];
  return new Uint8Array(model.flat());
}
