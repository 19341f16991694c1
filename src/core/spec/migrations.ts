// Named migrations of scene specs from older versions, applied in order before validation. Version 1
// is the first published format, so the list is empty; each later format adds one entry here:
//   { from: 1, name: 'rooms-range-to-min-max', migrate: (spec) => ({ ...spec, version: 2, ... }) }
import { SCENE_SPEC_VERSION } from './schema';

export interface SpecMigration {
  from: number;
  name: string;
  migrate(spec: Record<string, unknown>): Record<string, unknown>;
}

export const SPEC_MIGRATIONS: readonly SpecMigration[] = [];

export interface MigrationResult {
  spec: Record<string, unknown>;
  applied: string[];
}

/** Brings a spec of an older version up to the current one; refuses newer or unknown versions. */
export function migrateSpec(
  spec: Record<string, unknown>,
  migrations: readonly SpecMigration[] = SPEC_MIGRATIONS,
  current: number = SCENE_SPEC_VERSION,
): MigrationResult {
  const declared = spec.version;
  if (typeof declared !== 'number' || !Number.isInteger(declared) || declared < 1) {
    throw new Error(
      `version: expected an integer 1..${current}, got ${JSON.stringify(declared ?? null)}`,
    );
  }
  let version: number = declared;
  if (version > current) {
    throw new Error(
      `version: this studio reads scene specs up to version ${current}, got ${version} (made by a newer studio)`,
    );
  }
  const applied: string[] = [];
  let out = spec;
  while (version < current) {
    const step = migrations.find((m) => m.from === version);
    if (!step) throw new Error(`version: no migration from version ${version}`);
    out = step.migrate(out);
    applied.push(step.name);
    version = out.version as number;
  }
  return { spec: out, applied };
}
