// The version diff in words: spec fields by path, objects added/removed/moved/renamed/hidden/
// locked/regrouped/re-materialled, many alike changes as one line, the camera ignored.
import { describe, expect, it } from 'vitest';
import { composeTRS } from '../../src/core/math/mat4';
import type { EditLayer, ObjectRecord } from '../../src/core/document/edit-layer';
import { diffProjectStates } from '../../src/core/project/diff';
import type { ProjectState } from '../../src/core/project/project-state';

const HASH = 'a'.repeat(64);

function state(
  records: Record<string, ObjectRecord> = {},
  extra: Partial<ProjectState> = {},
): ProjectState {
  const layer: EditLayer = { records, order: [], nextId: 10 };
  return { version: 1, draft: {}, layer, assets: [], ...extra };
}

function trs(
  t: [number, number, number],
  rotY = 0,
  s: [number, number, number] = [1, 1, 1],
): number[] {
  const m = new Array<number>(16).fill(0);
  composeTRS(m, 0, t, [0, rotY, 0], s);
  return m;
}

/** Names as the outliner would give generated objects: 'prop:barrel#2' → 'Barrel 3'. */
const nameOf = (id: string) => {
  const m = /^prop:(\w+)#(\d+)$/.exec(id);
  return m ? `${m[1]![0]!.toUpperCase()}${m[1]!.slice(1)} ${Number(m[2]) + 1}` : id;
};

describe('diffProjectStates', () => {
  it('says "No changes" for equal states, and ignores the camera', () => {
    const a = state({}, { camera: { position: [1, 2, 3], target: [0, 0, 0] } });
    const b = state({}, { camera: { position: [9, 9, 9], target: [1, 0, 0] } });
    expect(diffProjectStates(a, b, nameOf)).toEqual(['No changes']);
  });

  it('lists generated spec fields by path: changed, added and removed', () => {
    const spec = (rooms: number, extra: Record<string, unknown> = {}) => ({
      seed: 1,
      dungeon: { rooms: { count: rooms }, ...extra },
      layers: [{ kind: 'grass' }],
    });
    const a = state({}, { draft: spec(12), generated: spec(12, { torches: true }) });
    const b = state(
      {},
      {
        draft: spec(14, { props: 3 }),
        generated: { ...spec(14, { props: 3 }), layers: [{ kind: 'grass' }, { kind: 'rock' }] },
      },
    );
    expect(diffProjectStates(a, b, nameOf)).toEqual([
      'Spec: dungeon.rooms.count 12 → 14',
      'Spec: removed dungeon.torches (was true)',
      'Spec: added dungeon.props = 3',
      'Spec: added layers[1] = {"kind":"rock"}',
    ]);
  });

  it('tells draft edits that were not generated apart', () => {
    const a = state({}, { draft: { seed: 1 }, generated: { seed: 1 } });
    const b = state({}, { draft: { seed: 2 }, generated: { seed: 1 } });
    expect(diffProjectStates(a, b, nameOf)).toEqual(['Spec draft (not generated): seed 1 → 2']);
    // Generated from a draft typed earlier: the change shows once, as a spec change.
    const c = state({}, { draft: { seed: 2 }, generated: { seed: 2 } });
    expect(diffProjectStates(b, c, nameOf)).toEqual(['Spec: seed 1 → 2']);
    const first = state({}, { draft: { seed: 2 } });
    expect(diffProjectStates(first, c, nameOf)).toEqual(['Generated the scene from the spec']);
  });

  it('names removed generated objects, added copies, imports and groups', () => {
    const a = state({}, {});
    const b = state(
      {
        'prop:barrel#2': { removed: true },
        'copy:1': { source: { kind: 'part', part: 'prop:barrel' }, name: 'Copy of Barrel' },
        'import:2': { source: { kind: 'asset', asset: HASH }, name: 'chair' },
        'import:3': {
          source: { kind: 'asset', asset: HASH },
          name: 'chair.glb',
          parent: 'group:4',
        },
        'group:4': { source: { kind: 'group' }, name: 'Group 4' },
      },
      { assets: [{ hash: HASH, name: 'chair.glb', bytes: 10 }] },
    );
    expect(diffProjectStates(a, b, nameOf)).toEqual([
      'Imported "chair.glb" as "chair"',
      'Imported "chair.glb"',
      'Added "Copy of Barrel"',
      'Grouped 1 object into "Group 4"',
      'Removed "Barrel 3"',
    ]);
    // Backwards: the added objects are removed (four: one line), the generated one is back.
    expect(diffProjectStates(b, a, nameOf)).toEqual([
      'Removed 4 objects (Copy of Barrel, chair, chair.glb, Group 4)',
      'Restored "Barrel 3"',
    ]);
  });

  it('a copy of an object whose file the project had is added, not imported', () => {
    const assets = [{ hash: HASH, name: 'chair.glb', bytes: 10 }];
    const chair: ObjectRecord = { source: { kind: 'asset', asset: HASH }, name: 'chair' };
    const a = state({ 'import:1': chair }, { assets });
    const b = state(
      { 'import:1': chair, 'import:2': { ...chair, name: 'chair copy' } },
      { assets },
    );
    expect(diffProjectStates(a, b, nameOf)).toEqual(['Added "chair copy"']);
  });

  it('measures moves, rotations and scales from the matrices', () => {
    const a = state({ 'prop:crate#1': { matrix: trs([0, 0, 0]) } });
    const b = state({ 'prop:crate#1': { matrix: trs([1.2, 0, 0], Math.PI / 6, [2, 2, 2]) } });
    expect(diffProjectStates(a, b, nameOf)).toEqual([
      'Moved "Crate 2" by 1.20 m',
      'Rotated "Crate 2" by 30°',
      'Scaled "Crate 2" from 1 to 2',
    ]);
  });

  it('a first move of a generated object uses its base matrix when given', () => {
    const a = state({});
    const b = state({ 'prop:crate#1': { matrix: trs([3, 4, 0]) } });
    expect(diffProjectStates(a, b, nameOf)).toEqual(['Moved "Crate 2"']);
    const base = () => trs([0, 0, 0]);
    expect(diffProjectStates(a, b, nameOf, { baseMatrix: base })).toEqual([
      'Moved "Crate 2" by 5.00 m',
    ]);
  });

  it('renames, flags and materials', () => {
    const a = state({
      'prop:wall#3': { material: { preset: 'stone/x' } },
      'prop:box#0': { name: 'A', locked: true },
    });
    const b = state({
      'prop:wall#3': { material: { preset: 'wood/y' }, hidden: true },
      'prop:box#0': { name: 'B' },
      'prop:lamp#0': { material: { preset: 'metal/z', scale: 2 } },
    });
    expect(diffProjectStates(a, b, nameOf)).toEqual([
      'Renamed "A" to "B"',
      'Hid "Wall 4"',
      'Unlocked "B"',
      'Material of "Wall 4": stone/x → wood/y',
      'Material of "Lamp 1": default → metal/z',
    ]);
    const c = state({ 'prop:lamp#0': { material: { preset: 'metal/z', scale: 3 } } });
    const d = state({ 'prop:lamp#0': { material: { preset: 'metal/z', scale: 2 } } });
    expect(diffProjectStates(c, d, nameOf)).toEqual([
      'Material of "Lamp 1": metal/z, scale changed',
    ]);
  });

  it('summarises many objects changed the same way, with a capped list of names', () => {
    const hidden: Record<string, ObjectRecord> = {};
    for (let i = 0; i < 6000; i++) hidden[`prop:tile#${i}`] = { hidden: true };
    const lines = diffProjectStates(state({}), state(hidden), nameOf);
    expect(lines).toEqual(['Hid 6,000 objects (Tile 1, Tile 2, Tile 3, Tile 4, Tile 5, …)']);
    // A few are told one by one.
    const few = diffProjectStates(
      state({}),
      state({ 'prop:tile#0': { hidden: true }, 'prop:tile#1': { hidden: true } }),
      nameOf,
    );
    expect(few).toEqual(['Hid "Tile 1"', 'Hid "Tile 2"']);
  });

  it('summarises many moves of different distances by kind', () => {
    const a: Record<string, ObjectRecord> = {};
    const b: Record<string, ObjectRecord> = {};
    for (let i = 0; i < 20; i++) {
      a[`prop:rock#${i}`] = { matrix: trs([0, 0, 0]) };
      b[`prop:rock#${i}`] = { matrix: trs([i + 1, 0, 0]) };
    }
    expect(diffProjectStates(state(a), state(b), nameOf, { maxNames: 2 })).toEqual([
      'Moved 20 objects (Rock 1, Rock 2, …)',
    ]);
  });

  it('objects moved into a new group are told by the group line only; ungrouping likewise', () => {
    const a = state({
      'prop:crate#0': { matrix: trs([1, 0, 0]) },
      'prop:crate#1': { matrix: trs([2, 0, 0]) },
    });
    const b = state({
      'group:3': { source: { kind: 'group' }, name: 'Crates', matrix: trs([1.5, 0, 0]) },
      'prop:crate#0': { matrix: trs([-0.5, 0, 0]), parent: 'group:3' },
      'prop:crate#1': { matrix: trs([0.5, 0, 0]), parent: 'group:3' },
    });
    expect(diffProjectStates(a, b, nameOf)).toEqual(['Grouped 2 objects into "Crates"']);
    expect(diffProjectStates(b, a, nameOf)).toEqual(['Ungrouped "Crates"']);
  });
});
