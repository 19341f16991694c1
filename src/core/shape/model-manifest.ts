// The manifest of a shape model pack (three ONNX graphs + manifest.json): its valibot schema, the
// limits a pack must keep (a user's pack is hostile input), the rules that tie the graphs' tensor
// shapes to the latent, image and sampler sections, and the check that a loaded ONNX session has
// exactly the inputs and outputs the manifest promises. Every refusal is a ModelPackError whose
// message names the field or file at fault.
import * as v from 'valibot';
import { describeInput, intIn, numIn, oneOf } from '../spec/fields';

export const SHAPE_PACK_FORMAT = 'canvas3d-shape-pack';
export const SHAPE_PACK_FORMAT_VERSION = 1;

export const SHAPE_PACK_LIMITS = {
  /** Each ONNX graph of a pack. */
  onnxBytes: 64 * 1024 * 1024,
  manifestBytes: 64 * 1024,
  /** golden.json (test tensors written by the exporter). */
  goldenBytes: 8 * 1024 * 1024,
  latentTokens: [1, 1024],
  latentChannels: [1, 1024],
  /** tokens x channels */
  latentSize: 65_536,
  latentScale: [1e-6, 1e6],
  steps: [1, 256],
  guidance: [0, 20],
  imageSize: [8, 512],
  condTokens: [1, 4096],
  condDim: [1, 4096],
  gridBound: [0.01, 100],
  gridCells: [2, 256],
  gridBand: [0, 64],
  gridChunk: [64, 1_048_576],
} as const;

export type ShapeGraphName = 'encoder' | 'denoiser' | 'decoder';
export const SHAPE_GRAPHS: readonly ShapeGraphName[] = ['encoder', 'denoiser', 'decoder'];

export type ModelPackErrorCode =
  | 'manifest-too-large'
  | 'manifest-invalid'
  | 'file-missing'
  | 'file-too-large'
  | 'file-size'
  | 'checksum'
  | 'fetch-failed'
  | 'session-mismatch'
  | 'session-failed';

export class ModelPackError extends Error {
  constructor(
    readonly code: ModelPackErrorCode,
    readonly issues: readonly string[],
  ) {
    super(
      issues.length === 1
        ? `Model pack refused: ${issues[0]}`
        : `Model pack refused:\n- ${issues.join('\n- ')}`,
    );
    this.name = 'ModelPackError';
  }
}

type Issue = { input: unknown };

const FILE_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;

function fileName(extension: string) {
  return v.pipe(
    v.string((i: Issue) => `expected a file name, got ${describeInput(i.input)}`),
    v.regex(
      FILE_NAME,
      (i: Issue) =>
        `expected a plain file name beside manifest.json (letters, digits, . _ -), got ${describeInput(i.input)}`,
    ),
    v.check(
      (s) => s.endsWith(extension) && !s.includes('..'),
      (i: Issue) => `expected a name ending in ${extension}, got ${describeInput(i.input)}`,
    ),
  );
}

function label(maxLength: number) {
  return v.pipe(
    v.string((i: Issue) => `expected text, got ${describeInput(i.input)}`),
    v.minLength(1, 'expected some text'),
    v.maxLength(maxLength, `expected at most ${maxLength} characters`),
  );
}

function strict<const E extends v.ObjectEntries>(entries: E) {
  return v.strictObject(entries, (i: Issue & { expected: string | null }) => {
    // valibot reports an unknown key with `expected: 'never'` and a missing one with the key's
    // path and no input.
    if (i.expected === 'never') return 'unknown field';
    if (i.input === undefined) return 'missing';
    return `expected an object, got ${describeInput(i.input)}`;
  });
}

const FileEntrySchema = strict({
  path: fileName('.onnx'),
  bytes: intIn(1, SHAPE_PACK_LIMITS.onnxBytes),
  sha256: v.pipe(
    v.string((i: Issue) => `expected 64 hex digits, got ${describeInput(i.input)}`),
    v.regex(
      /^[0-9a-f]{64}$/,
      (i: Issue) => `expected 64 lower-case hex digits, got ${describeInput(i.input)}`,
    ),
  ),
});

/** A dimension: a fixed size, or a symbolic name (a string) for one that varies per run. */
const DimSchema = v.union(
  [intIn(1, 1 << 24), v.pipe(v.string(), v.regex(/^[A-Za-z_][A-Za-z0-9_]{0,31}$/))],
  (i: Issue) =>
    `expected a size (a positive integer) or a symbolic name, got ${describeInput(i.input)}`,
);

const TensorSpecSchema = strict({
  name: v.pipe(
    v.string((i: Issue) => `expected a tensor name, got ${describeInput(i.input)}`),
    v.regex(/^[A-Za-z_][A-Za-z0-9_.:/-]{0,63}$/, 'expected a tensor name'),
  ),
  // Every tensor the studio feeds or reads is float32.
  dtype: oneOf(['float32']),
  shape: v.pipe(
    v.array(
      DimSchema,
      (i: Issue) => `expected an array of dimensions, got ${describeInput(i.input)}`,
    ),
    v.minLength(1, 'expected at least one dimension'),
    v.maxLength(6, 'expected at most 6 dimensions'),
  ),
});

function tensorList() {
  return v.pipe(
    v.array(
      TensorSpecSchema,
      (i: Issue) => `expected an array of tensors, got ${describeInput(i.input)}`,
    ),
    v.minLength(1, 'expected at least one tensor'),
    v.maxLength(8, 'expected at most 8 tensors'),
  );
}

const GraphSchema = strict({ inputs: tensorList(), outputs: tensorList() });

const L = SHAPE_PACK_LIMITS;

export const ShapeManifestSchema = strict({
  format: v.literal(
    SHAPE_PACK_FORMAT,
    (i: Issue) => `expected "${SHAPE_PACK_FORMAT}", got ${describeInput(i.input)}`,
  ),
  formatVersion: v.literal(
    SHAPE_PACK_FORMAT_VERSION,
    (i: Issue) =>
      `this studio reads version ${SHAPE_PACK_FORMAT_VERSION}, got ${describeInput(i.input)}`,
  ),
  id: v.pipe(
    v.string((i: Issue) => `expected an id, got ${describeInput(i.input)}`),
    v.regex(
      /^[a-z0-9][a-z0-9-]{0,63}$/,
      (i: Issue) => `expected lower-case letters, digits and -, got ${describeInput(i.input)}`,
    ),
  ),
  name: label(120),
  version: v.pipe(
    v.string((i: Issue) => `expected a version, got ${describeInput(i.input)}`),
    v.regex(
      /^\d{1,6}\.\d{1,6}\.\d{1,6}(?:[-+][0-9A-Za-z.-]{1,32})?$/,
      (i: Issue) => `expected a version like 1.0.0, got ${describeInput(i.input)}`,
    ),
  ),
  license: label(300),
  quantization: oneOf(['none', 'int8-weights-qdq']),
  files: strict({
    encoder: FileEntrySchema,
    denoiser: FileEntrySchema,
    decoder: FileEntrySchema,
  }),
  graphs: strict({ encoder: GraphSchema, denoiser: GraphSchema, decoder: GraphSchema }),
  latent: strict({
    tokens: intIn(L.latentTokens[0], L.latentTokens[1]),
    channels: intIn(L.latentChannels[0], L.latentChannels[1]),
    scale: numIn(L.latentScale[0], L.latentScale[1]),
  }),
  sampler: strict({
    kind: oneOf(['flow-euler']),
    defaultSteps: intIn(L.steps[0], L.steps[1]),
    maxSteps: intIn(L.steps[0], L.steps[1]),
    defaultGuidance: numIn(L.guidance[0], L.guidance[1]),
    timeFrom: numIn(0, 1),
    timeTo: numIn(0, 1),
  }),
  image: strict({
    size: intIn(L.imageSize[0], L.imageSize[1]),
    channels: v.tuple(
      [v.literal('mask'), v.literal('luminance')],
      (i: Issue) =>
        `expected ["mask", "luminance"] (what the studio's preprocessing makes), got ${describeInput(i.input)}`,
    ),
    view: strict({ yawDeg: numIn(-360, 360), elevationDeg: numIn(-90, 90) }),
  }),
  grid: strict({
    bound: numIn(L.gridBound[0], L.gridBound[1]),
    coarse: intIn(L.gridCells[0], L.gridCells[1]),
    fine: intIn(L.gridCells[0], L.gridCells[1]),
    iso: numIn(-1e3, 1e3),
    band: numIn(L.gridBand[0], L.gridBand[1]),
    chunk: intIn(L.gridChunk[0], L.gridChunk[1]),
  }),
  golden: v.optional(strict({ path: fileName('.json') })),
});

export type ShapeManifest = v.InferOutput<typeof ShapeManifestSchema>;
export type TensorSpec = ShapeManifest['graphs']['encoder']['inputs'][number];
export type Dim = TensorSpec['shape'][number];

function formatPath(path: readonly { key: unknown }[] | undefined): string {
  if (!path || path.length === 0) return 'manifest';
  let out = '';
  for (const item of path) {
    out += typeof item.key === 'number' ? `[${item.key}]` : `${out ? '.' : ''}${String(item.key)}`;
  }
  return out;
}

/**
 * What each graph must take and give: per dimension a size, a size read from the manifest, 'fixed'
 * (any fixed size: the encoder's token count and width are the pack's choice) or 'symbolic' (a
 * name: it varies per run, the batch of two for guidance and the decoder's point chunks).
 */
type Want = number | 'fixed' | 'symbolic' | ((m: ShapeManifest) => number | undefined);
/** The encoder's condition size k (undefined while the encoder's own entry is wrong). */
const cond = (k: 1 | 2) => (m: ShapeManifest) => {
  const shape = m.graphs.encoder.outputs.find((t) => t.name === 'cond')?.shape;
  const d = shape?.length === 3 ? shape[k] : undefined;
  return typeof d === 'number' ? d : undefined;
};
const REQUIRED: Record<
  ShapeGraphName,
  { inputs: [string, Want[]][]; outputs: [string, Want[]][] }
> = {
  encoder: {
    inputs: [
      ['image', [1, (m) => m.image.channels.length, (m) => m.image.size, (m) => m.image.size]],
    ],
    outputs: [['cond', [1, 'fixed', 'fixed']]],
  },
  denoiser: {
    inputs: [
      ['latent', ['symbolic', (m) => m.latent.tokens, (m) => m.latent.channels]],
      ['t', ['symbolic']],
      ['cond', ['symbolic', cond(1), cond(2)]],
    ],
    outputs: [['velocity', ['symbolic', (m) => m.latent.tokens, (m) => m.latent.channels]]],
  },
  decoder: {
    inputs: [
      ['latent', [1, (m) => m.latent.tokens, (m) => m.latent.channels]],
      ['points', [1, 'symbolic', 3]],
    ],
    outputs: [['logits', [1, 'symbolic']]],
  },
};

function describeDim(d: Dim): string {
  return typeof d === 'string' ? `"${d}"` : String(d);
}

/** The rules that span fields; only run on a manifest that passed the schema. */
export function manifestCrossIssues(m: ShapeManifest): string[] {
  const issues: string[] = [];
  if (m.sampler.defaultSteps > m.sampler.maxSteps) {
    issues.push(
      `sampler.defaultSteps: expected at most maxSteps (${m.sampler.maxSteps}), got ${m.sampler.defaultSteps}`,
    );
  }
  if (!(m.sampler.timeFrom < m.sampler.timeTo)) {
    issues.push(
      `sampler.timeTo: expected more than timeFrom (${m.sampler.timeFrom}), got ${m.sampler.timeTo}`,
    );
  }
  if (m.latent.tokens * m.latent.channels > L.latentSize) {
    issues.push(
      `latent: ${m.latent.tokens} tokens x ${m.latent.channels} channels is over the ${L.latentSize} limit`,
    );
  }
  if (m.grid.fine < m.grid.coarse || m.grid.fine % m.grid.coarse !== 0) {
    issues.push(
      `grid.fine: expected a multiple of grid.coarse (${m.grid.coarse}), got ${m.grid.fine}`,
    );
  }
  const names = new Set<string>();
  for (const g of SHAPE_GRAPHS) {
    const file = m.files[g].path;
    if (names.has(file)) issues.push(`files.${g}.path: "${file}" is used by two graphs`);
    names.add(file);
  }
  issues.push(...graphIssues(m));
  return issues;
}

/** The graphs' tensors against REQUIRED; the denoiser's condition must match the encoder's. */
function graphIssues(m: ShapeManifest): string[] {
  const issues: string[] = [];
  // The encoder's condition [1, tokens, width] sizes the denoiser's: check it first.
  const encOut = m.graphs.encoder.outputs.find((t) => t.name === 'cond');
  if (encOut && encOut.shape.length === 3) {
    const [, tokens, width] = encOut.shape;
    if (typeof tokens !== 'number' || tokens > L.condTokens[1]) {
      issues.push(
        `graphs.encoder.outputs.cond.shape[1]: expected a fixed token count 1..${L.condTokens[1]}, got ${describeDim(tokens!)}`,
      );
    }
    if (typeof width !== 'number' || width > L.condDim[1]) {
      issues.push(
        `graphs.encoder.outputs.cond.shape[2]: expected a fixed width 1..${L.condDim[1]}, got ${describeDim(width!)}`,
      );
    }
    if (issues.length) return issues;
  }
  for (const g of SHAPE_GRAPHS) {
    for (const side of ['inputs', 'outputs'] as const) {
      const want = REQUIRED[g][side];
      const have = m.graphs[g][side];
      const seen = new Set<string>();
      for (const t of have) {
        if (seen.has(t.name)) issues.push(`graphs.${g}.${side}.${t.name}: listed twice`);
        seen.add(t.name);
        if (!want.some(([n]) => n === t.name)) {
          issues.push(
            `graphs.${g}.${side}.${t.name}: the studio does not know this tensor (expected ${want.map(([n]) => n).join(', ')})`,
          );
        }
      }
      for (const [name, dims] of want) {
        const t = have.find((x) => x.name === name);
        const at = `graphs.${g}.${side}.${name}`;
        if (!t) {
          issues.push(`${at}: missing`);
          continue;
        }
        if (t.shape.length !== dims.length) {
          issues.push(`${at}.shape: expected ${dims.length} dimensions, got ${t.shape.length}`);
          continue;
        }
        dims.forEach((w, k) => {
          const d = t.shape[k]!;
          if (w === 'symbolic') {
            if (typeof d !== 'string') {
              issues.push(
                `${at}.shape[${k}]: expected a symbolic dimension (a name; it varies per run), got ${d}`,
              );
            }
            return;
          }
          if (w === 'fixed') {
            if (typeof d !== 'number') {
              issues.push(`${at}.shape[${k}]: expected a fixed size, got ${describeDim(d)}`);
            }
            return;
          }
          const expected = typeof w === 'number' ? w : w(m);
          if (expected !== undefined && d !== expected) {
            issues.push(`${at}.shape[${k}]: expected ${expected}, got ${describeDim(d)}`);
          }
        });
      }
    }
  }
  return issues;
}

/** Validates a parsed manifest. Throws ModelPackError('manifest-invalid') listing every problem. */
export function parseShapeManifest(json: unknown): ShapeManifest {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    throw new ModelPackError('manifest-invalid', [
      `manifest.json: expected a JSON object, got ${describeInput(json)}`,
    ]);
  }
  const result = v.safeParse(ShapeManifestSchema, json, { abortPipeEarly: true });
  if (!result.success) {
    throw new ModelPackError(
      'manifest-invalid',
      result.issues.map((i) => `manifest.json: ${formatPath(i.path)}: ${i.message}`),
    );
  }
  const cross = manifestCrossIssues(result.output);
  if (cross.length) {
    throw new ModelPackError(
      'manifest-invalid',
      cross.map((c) => `manifest.json: ${c}`),
    );
  }
  return result.output;
}

/** Validates manifest text: the size cap before parsing, then parseShapeManifest. */
export function parseShapeManifestText(text: string): ShapeManifest {
  const bytes = new TextEncoder().encode(text).length;
  if (bytes > L.manifestBytes) {
    throw new ModelPackError('manifest-too-large', [
      `manifest.json: ${bytes} bytes is over the ${L.manifestBytes}-byte limit`,
    ]);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new ModelPackError('manifest-invalid', [
      `manifest.json: not valid JSON (${(error as Error).message})`,
    ]);
  }
  return parseShapeManifest(parsed);
}

/** One input or output as an ONNX runtime describes it (onnxruntime's InferenceSession metadata). */
export interface SessionValueMetadata {
  name: string;
  isTensor?: boolean;
  /** Element type: 'float32', 'int64', ... */
  type?: string;
  /** Dimensions; a symbolic one is a string (or -1 / undefined where the runtime has no name). */
  shape?: readonly (number | string | undefined)[];
}

export interface SessionMetadata {
  inputNames: readonly string[];
  outputNames: readonly string[];
  inputMetadata?: readonly SessionValueMetadata[];
  outputMetadata?: readonly SessionValueMetadata[];
}

function isFixed(d: number | string | undefined): d is number {
  return typeof d === 'number' && d >= 0;
}

function compareValues(
  at: string,
  wanted: readonly TensorSpec[],
  names: readonly string[],
  metadata: readonly SessionValueMetadata[] | undefined,
  issues: string[],
) {
  for (const name of names) {
    if (!wanted.some((t) => t.name === name)) {
      issues.push(`${at}: the graph has "${name}", which the manifest does not list`);
    }
  }
  for (const t of wanted) {
    if (!names.includes(t.name)) {
      issues.push(
        `${at}.${t.name}: the graph has no such tensor (it has ${names.map((n) => `"${n}"`).join(', ') || 'none'})`,
      );
      continue;
    }
    const meta = metadata?.find((m) => m.name === t.name);
    if (!meta) continue;
    if (meta.isTensor === false) {
      issues.push(`${at}.${t.name}: the graph's value is not a tensor`);
      continue;
    }
    if (meta.type !== undefined && meta.type !== t.dtype) {
      issues.push(`${at}.${t.name}: expected dtype ${t.dtype}, the graph has ${meta.type}`);
    }
    if (!meta.shape) continue;
    if (meta.shape.length !== t.shape.length) {
      issues.push(
        `${at}.${t.name}: expected rank ${t.shape.length} [${t.shape.join(', ')}], the graph has rank ${meta.shape.length} [${meta.shape.join(', ')}]`,
      );
      continue;
    }
    t.shape.forEach((d, k) => {
      const g = meta.shape![k];
      if (typeof d === 'number') {
        // A symbolic dimension in the graph accepts the manifest's fixed size.
        if (isFixed(g) && g !== d) {
          issues.push(`${at}.${t.name}.shape[${k}]: the manifest says ${d}, the graph has ${g}`);
        }
      } else if (isFixed(g)) {
        issues.push(
          `${at}.${t.name}.shape[${k}]: the manifest says "${d}" (varies per run), the graph fixes it at ${g}`,
        );
      }
    });
  }
}

/**
 * Checks a loaded session against its graph's section of the manifest: the same input and output
 * names, float32, the same ranks, and no fixed size in the graph where the manifest has another
 * size or a symbolic one. Throws ModelPackError('session-mismatch') naming every difference.
 */
export function checkSessionMetadata(
  graph: ShapeGraphName,
  manifest: ShapeManifest,
  session: SessionMetadata,
): void {
  const issues: string[] = [];
  const spec = manifest.graphs[graph];
  const file = manifest.files[graph].path;
  compareValues(`${file}: inputs`, spec.inputs, session.inputNames, session.inputMetadata, issues);
  compareValues(
    `${file}: outputs`,
    spec.outputs,
    session.outputNames,
    session.outputMetadata,
    issues,
  );
  if (issues.length) throw new ModelPackError('session-mismatch', issues);
}

/** Element count of a tensor whose symbolic dimensions are given. */
export function tensorSize(spec: TensorSpec, symbols: Record<string, number> = {}): number {
  let n = 1;
  for (const d of spec.shape) {
    const size = typeof d === 'number' ? d : symbols[d];
    if (size === undefined) throw new RangeError(`${spec.name}: no size given for "${d}"`);
    n *= size;
  }
  return n;
}

/** The condition tokens the encoder makes: [tokens, width]. */
export function conditionShape(manifest: ShapeManifest): { tokens: number; width: number } {
  const shape = manifest.graphs.encoder.outputs.find((t) => t.name === 'cond')!.shape;
  return { tokens: shape[1] as number, width: shape[2] as number };
}
