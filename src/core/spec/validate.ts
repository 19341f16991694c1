// Turns untrusted input (parsed JSON or text) into a SceneSpec: size cap, migration, schema, then
// the rules that span fields. Every problem is reported at once with its path
// ("dungeon.rooms.count: expected 1..500, got 0"); nothing is generated from a bad spec.
import * as v from 'valibot';
import { roomCapacity } from '../generators/dungeon/layout';
import { terrainIssues } from '../terrain/terrain-params';
import { SPEC_LIMITS } from './limits';
import { migrateSpec } from './migrations';
import { SceneSpecSchema, type SceneSpec } from './schema';

export class SceneSpecError extends Error {
  constructor(readonly issues: readonly string[]) {
    super(`Invalid scene spec:\n- ${issues.join('\n- ')}`);
    this.name = 'SceneSpecError';
  }
}

function formatPath(path: readonly { key: unknown }[] | undefined): string {
  if (!path || path.length === 0) return 'spec';
  let out = '';
  for (const item of path) {
    out += typeof item.key === 'number' ? `[${item.key}]` : `${out ? '.' : ''}${String(item.key)}`;
  }
  return out;
}

/** Rules that involve several fields; only run on a spec that passed the schema. */
export function crossFieldIssues(spec: SceneSpec): string[] {
  const issues: string[] = [];
  if (!spec.dungeon && !spec.terrain && !spec.primitives?.length) {
    issues.push('spec: nothing to generate; add a dungeon, a terrain or primitives');
  }
  const d = spec.dungeon;
  if (d) {
    if (d.rooms.minSize > d.rooms.maxSize) {
      issues.push(
        `dungeon.rooms.minSize: expected at most maxSize (${d.rooms.maxSize}), got ${d.rooms.minSize}`,
      );
    }
    const side = Math.min(d.width, d.depth) - 2;
    if (d.rooms.maxSize > side) {
      issues.push(
        `dungeon.rooms.maxSize: expected at most ${side} for a ${d.width}x${d.depth} grid, got ${d.rooms.maxSize}`,
      );
    }
    // Rooms of minSize with a one-cell margin, packed on a lattice: the generator can always place
    // this many (dungeon/layout.ts packRooms), so a spec that passes here never fails there.
    const maxRooms = roomCapacity(d.width, d.depth, d.rooms.minSize);
    if (d.rooms.count > maxRooms) {
      issues.push(
        `dungeon.rooms.count: at most ${maxRooms} rooms of ${d.rooms.minSize}x${d.rooms.minSize} fit in a ${d.width}x${d.depth} grid, got ${d.rooms.count}`,
      );
    }
  }
  if (spec.terrain) issues.push(...terrainIssues(spec.terrain));
  if (spec.scatter?.length) {
    if (!spec.terrain) issues.push('scatter: needs a terrain to scatter over');
    else {
      const area = spec.terrain.extent * spec.terrain.extent;
      spec.scatter.forEach((layer, i) => {
        const estimate = Math.ceil((layer.density * area) / 100);
        const cap = SPEC_LIMITS.scatterInstances[1];
        if (estimate > cap) {
          issues.push(
            `scatter[${i}].density: ${layer.density} per 100 m² over ${area} m² is ${estimate} instances; the limit is ${cap}`,
          );
        }
      });
    }
  }
  return issues;
}

/** Validates parsed JSON. Throws SceneSpecError listing every problem. */
export function parseSceneSpec(input: unknown): SceneSpec {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw new SceneSpecError(['spec: expected a JSON object']);
  }
  let migrated: Record<string, unknown>;
  try {
    migrated = migrateSpec(input as Record<string, unknown>).spec;
  } catch (error) {
    throw new SceneSpecError([(error as Error).message]);
  }
  const result = v.safeParse(SceneSpecSchema, migrated, { abortPipeEarly: true });
  if (!result.success) {
    throw new SceneSpecError(result.issues.map((i) => `${formatPath(i.path)}: ${i.message}`));
  }
  const cross = crossFieldIssues(result.output);
  if (cross.length) throw new SceneSpecError(cross);
  return result.output;
}

/** Validates spec text (a file, a paste): size cap before parsing, then parseSceneSpec. */
export function parseSceneSpecText(text: string): SceneSpec {
  const bytes = new TextEncoder().encode(text).length;
  if (bytes > SPEC_LIMITS.specBytes) {
    throw new SceneSpecError([
      `spec: ${bytes} bytes is over the ${SPEC_LIMITS.specBytes}-byte limit`,
    ]);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new SceneSpecError([`spec: not valid JSON (${(error as Error).message})`]);
  }
  return parseSceneSpec(parsed);
}
