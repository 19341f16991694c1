// The spec panel's pure parts: the form read from the valibot schema, and spec paths (reads,
// immutable writes, matching validation issues to fields).
import { describe, expect, it } from 'vitest';
import { SceneSpecSchema, SPEC_LIMITS } from '../../src/core/spec';
import type { SceneSpecError } from '../../src/core/spec';
import { parseSceneSpec } from '../../src/core/spec';
import { issuesAt, pathKey, readPath, writePath } from '../../src/state/spec-path';
import {
  describeSchema,
  type FieldSpec,
  type GroupField,
} from '../../src/ui/spec-panel/schema-fields';

function field(group: GroupField, ...keys: string[]): FieldSpec {
  let f: FieldSpec = group;
  for (const key of keys) {
    if (f.kind !== 'group') throw new Error(`${key}: parent is ${f.kind}`);
    const next: FieldSpec | undefined = f.fields.find((x) => x.key === key);
    if (!next) throw new Error(`no field ${key}`);
    f = next;
  }
  return f;
}

describe('form read from the schema', () => {
  const form = describeSchema(SceneSpecSchema);

  it('numbers carry the limits and integer-ness of their schema', () => {
    expect(field(form, 'dungeon', 'rooms', 'count')).toMatchObject({
      kind: 'number',
      integer: true,
      min: SPEC_LIMITS.rooms[0],
      max: SPEC_LIMITS.rooms[1],
    });
    expect(field(form, 'terrain', 'extent')).toMatchObject({ kind: 'number', integer: false });
    expect(field(form, 'seed')).toMatchObject({ kind: 'number', max: 0xffffffff });
  });

  it('picklists become selects with the schema options; optional sections are optional', () => {
    expect(field(form, 'terrain', 'noise', 'kind')).toMatchObject({
      kind: 'select',
      options: ['value', 'perlin'],
      default: 'perlin',
    });
    expect(field(form, 'terrain')).toMatchObject({ kind: 'group', optional: true });
    expect(field(form, 'scatter')).toMatchObject({ kind: 'list' });
    expect(field(form, 'version')).toMatchObject({ kind: 'constant', value: 1 });
  });
});

describe('spec paths', () => {
  it('write immutably, keep untouched branches, and remove keys set to undefined', () => {
    const draft = { version: 1, dungeon: { rooms: { count: 3 } }, terrain: { extent: 10 } };
    const next = writePath(draft, ['dungeon', 'rooms', 'count'], 7) as typeof draft;
    expect(readPath(next, ['dungeon', 'rooms', 'count'])).toBe(7);
    expect(draft.dungeon.rooms.count).toBe(3);
    expect(next.terrain).toBe(draft.terrain);
    const removed = writePath(next, ['terrain', 'extent'], undefined);
    expect(readPath(removed, ['terrain'])).toEqual({});
    expect(readPath(writePath({}, ['scatter', 1, 'kind'], 'rock'), ['scatter', 1, 'kind'])).toBe(
      'rock',
    );
  });

  it('name fields the way validation names them, so every issue finds its field', () => {
    expect(pathKey(['scatter', 0, 'density'])).toBe('scatter[0].density');
    let issues: readonly string[] = [];
    try {
      parseSceneSpec({
        version: 1,
        seed: 1,
        dungeon: { width: 64, depth: 64, rooms: { count: 0 } },
        primitives: [{ shape: 'box', position: [0, 1e9, 0] }],
      });
    } catch (e) {
      issues = (e as SceneSpecError).issues;
    }
    expect(issuesAt(issues, pathKey(['dungeon', 'rooms', 'count']))).toEqual([
      'dungeon.rooms.count: expected 1..500, got 0',
    ]);
    expect(issuesAt(issues, pathKey(['primitives', 0, 'position']))).toHaveLength(1);
    expect(issuesAt(issues, pathKey(['dungeon', 'rooms']))).toEqual([]);
  });
});
