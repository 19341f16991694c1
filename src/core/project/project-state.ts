// What a project keeps: the spec panel's draft, the spec the scene on show was generated from, the
// user's edit layer, the imported assets it uses (by content hash; the bytes are stored beside it)
// and the camera. Everything else (the generated SceneData, parsed assets) is rebuilt from these
// deterministically, so a reopened project has the same sceneHash as when it was saved.
// validateProjectState is the one gate for states read back from storage, links and files.
import * as v from 'valibot';
import { parseSceneSpec, SceneSpecError, SPEC_LIMITS } from '../spec';
import { LayerDataError, validateLayer } from '../document/layer-schema';
import type { EditLayer } from '../document/edit-layer';

export const PROJECT_STATE_VERSION = 1;

type Vec3 = [number, number, number];

export interface ProjectAssetRef {
  /** SHA-256 hex of the file's bytes. */
  hash: string;
  /** File name as imported ('chair.glb'). */
  name: string;
  /** The file's size in bytes. */
  bytes: number;
}

export interface ProjectCamera {
  position: Vec3;
  target: Vec3;
}

export interface ProjectState {
  version: typeof PROJECT_STATE_VERSION;
  /** The spec panel's draft (may be invalid while being typed; capped in size). */
  draft: Record<string, unknown>;
  /** The spec the scene on show was generated from (a valid spec); absent: nothing generated. */
  generated?: unknown;
  layer: EditLayer;
  /** Imported assets the layer's objects use, by content hash. */
  assets: ProjectAssetRef[];
  camera?: ProjectCamera;
}

export class ProjectDataError extends Error {
  constructor(readonly issues: readonly string[]) {
    super(issues.join('; '));
    this.name = 'ProjectDataError';
  }
}

/** Caps on an untrusted project state. */
export const PROJECT_LIMITS = {
  draftBytes: SPEC_LIMITS.specBytes,
  assets: 1000,
  assetBytes: 256 * 1024 * 1024,
  coordinate: 1e7,
} as const;

const Vec3Schema = v.tuple([
  v.pipe(
    v.number(),
    v.finite(),
    v.minValue(-PROJECT_LIMITS.coordinate),
    v.maxValue(PROJECT_LIMITS.coordinate),
  ),
  v.pipe(
    v.number(),
    v.finite(),
    v.minValue(-PROJECT_LIMITS.coordinate),
    v.maxValue(PROJECT_LIMITS.coordinate),
  ),
  v.pipe(
    v.number(),
    v.finite(),
    v.minValue(-PROJECT_LIMITS.coordinate),
    v.maxValue(PROJECT_LIMITS.coordinate),
  ),
]);

const ShellSchema = v.strictObject({
  version: v.literal(PROJECT_STATE_VERSION, (i) => `expected version 1, got ${String(i.input)}`),
  draft: v.record(v.string(), v.unknown()),
  generated: v.optional(v.unknown()),
  layer: v.unknown(),
  assets: v.pipe(
    v.array(
      v.strictObject({
        hash: v.pipe(v.string(), v.regex(/^[0-9a-f]{64}$/, 'expected a SHA-256 hex digest')),
        name: v.pipe(v.string(), v.minLength(1), v.maxLength(255)),
        bytes: v.pipe(
          v.number(),
          v.integer(),
          v.minValue(0),
          v.maxValue(PROJECT_LIMITS.assetBytes, 'larger than the 256 MB asset limit'),
        ),
      }),
    ),
    v.maxLength(PROJECT_LIMITS.assets, `expected at most ${PROJECT_LIMITS.assets} assets`),
  ),
  camera: v.optional(v.strictObject({ position: Vec3Schema, target: Vec3Schema })),
});

function jsonBytes(value: unknown): number {
  return new TextEncoder().encode(JSON.stringify(value) ?? '').length;
}

/** The state, validated; ProjectDataError naming every problem, paths starting with `where`. */
export function validateProjectState(input: unknown, where = 'project'): ProjectState {
  const r = v.safeParse(ShellSchema, input);
  if (!r.success) {
    throw new ProjectDataError(
      r.issues.slice(0, 20).map((i) => `${where}.${v.getDotPath(i) ?? ''}: ${i.message}`),
    );
  }
  const s = r.output;
  const issues: string[] = [];
  const draftBytes = jsonBytes(s.draft);
  if (draftBytes > PROJECT_LIMITS.draftBytes) {
    issues.push(
      `${where}.draft: ${draftBytes} bytes is over the ${PROJECT_LIMITS.draftBytes}-byte limit`,
    );
  }
  if (s.generated !== undefined) {
    try {
      parseSceneSpec(s.generated);
    } catch (error) {
      const found = error instanceof SceneSpecError ? error.issues : [String(error)];
      issues.push(...found.slice(0, 10).map((i) => `${where}.generated: ${i}`));
    }
  }
  let layer: EditLayer | undefined;
  try {
    layer = validateLayer(s.layer, `${where}.layer`);
  } catch (error) {
    if (!(error instanceof LayerDataError)) throw error;
    issues.push(...error.issues);
  }
  if (layer) {
    const known = new Set(s.assets.map((a) => a.hash));
    for (const [id, record] of Object.entries(layer.records)) {
      if (record.source?.kind === 'asset' && !known.has(record.source.asset)) {
        issues.push(
          `${where}.layer.records.${id}.source: asset ${record.source.asset.slice(0, 12)}… is not in the project`,
        );
      }
    }
  }
  if (issues.length > 0 || !layer) throw new ProjectDataError(issues.slice(0, 20));
  return {
    version: PROJECT_STATE_VERSION,
    draft: s.draft,
    ...(s.generated !== undefined ? { generated: s.generated } : {}),
    layer,
    assets: s.assets,
    ...(s.camera ? { camera: s.camera as ProjectCamera } : {}),
  };
}
