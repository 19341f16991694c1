// The pure parts of viewport editing: which objects an edit changed on screen, what a transform
// moves and about which pivot, box-select geometry and click/box selection rules.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  applyCommand,
  buildObjectIndex,
  EMPTY_LAYER,
  type Command,
  type DocumentView,
} from '../../src/core/document';
import { generateScene } from '../../src/core/scene/generate-scene';
import type { SceneData } from '../../src/core/scene/scene-data';
import {
  idsInRect,
  insideRect,
  projectToScreen,
  rectFromCorners,
} from '../../src/viewport/box-select';
import { boxSelection, clickSelection } from '../../src/viewport/click-select';
import { changedObjectIds } from '../../src/viewport/layer-diff';
import { applyDelta, isIdentity, transformTargets } from '../../src/viewport/transform-targets';

let scene: SceneData;
beforeAll(async () => {
  const spec = JSON.parse(
    readFileSync(path.resolve(__dirname, '../../public/examples/primitives.json'), 'utf8'),
  );
  scene = await generateScene(spec);
});

function run(view: DocumentView, ...commands: Command[]): DocumentView {
  let v = view;
  for (const c of commands) v = { ...v, layer: applyCommand(v, c).layer };
  return v;
}

const part = (i: number) => scene.batches[i]!.part;
const id = (i: number) => `${part(i)}#0`;

describe('changedObjectIds', () => {
  it('is empty for the same layer and names the records an edit replaced', () => {
    const v0 = { index: buildObjectIndex(scene), layer: EMPTY_LAYER };
    expect(changedObjectIds(v0.layer, v0.layer).size).toBe(0);
    const v1 = run(v0, { type: 'translate', ids: [id(1)], delta: [1, 0, 0] });
    expect([...changedObjectIds(v0.layer, v1.layer)]).toEqual([id(1)]);
    const v2 = run(v1, { type: 'setHidden', ids: [id(2)], hidden: true });
    expect([...changedObjectIds(v1.layer, v2.layer)]).toEqual([id(2)]);
    // Undo: the record that went away counts too.
    expect([...changedObjectIds(v2.layer, v1.layer)]).toEqual([id(2)]);
  });

  it('a group edit reaches the objects inside it', () => {
    const v0 = { index: buildObjectIndex(scene), layer: EMPTY_LAYER };
    const v1 = run(v0, { type: 'group', ids: [id(1), id(2)] });
    const group = Object.keys(v1.layer.records).find((k) => k.startsWith('group:'))!;
    const v2 = run(v1, { type: 'setHidden', ids: [group], hidden: true });
    expect([...changedObjectIds(v1.layer, v2.layer)].sort()).toEqual([group, id(1), id(2)].sort());
    // Ungrouping drops the group: its former children changed too.
    const v3 = run(v2, { type: 'ungroup', ids: [group] });
    expect(changedObjectIds(v2.layer, v3.layer)).toEqual(new Set([group, id(1), id(2)]));
  });
});

describe('transformTargets', () => {
  it('moves selected unlocked objects about the median of their positions', () => {
    const v = run(
      { index: buildObjectIndex(scene), layer: EMPTY_LAYER },
      { type: 'setLocked', ids: [id(3)], locked: true },
    );
    const t = transformTargets(v, [id(1), id(2), id(3), id(4)])!;
    expect(t.roots).toEqual([id(1), id(2), id(4)]);
    // box at (-3, 0.75, 0), sphere at (0, 1, 0), cone at (-1.5, 0.9, 3): medians per axis.
    expect(t.pivot).toEqual([-1.5, expect.closeTo(0.9, 6), 0]);
    expect(t.single).toBeNull();
    expect(transformTargets(v, [id(3)])).toBeNull();
    expect(transformTargets(v, ['nonsense'])).toBeNull();
    expect(transformTargets(v, [id(2)])!.single).toEqual(t.rootStarts[1]);
  });

  it('a selected group moves its contents; a child of a selected group is not a root', () => {
    const v1 = run(
      { index: buildObjectIndex(scene), layer: EMPTY_LAYER },
      { type: 'group', ids: [id(1), id(2)] },
    );
    const group = Object.keys(v1.layer.records).find((k) => k.startsWith('group:'))!;
    const t = transformTargets(v1, [id(1), group])!;
    expect(t.roots).toEqual([group]);
    expect(t.moved.sort()).toEqual([group, id(1), id(2)].sort());
    // Pivot from the objects with geometry, not the group's origin.
    expect(t.pivot[0]).toBeCloseTo(-1.5);
  });

  it('applies a delta to every start matrix and recognises the identity', () => {
    const shift = [1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 2, 0, 0, 1];
    const [m] = applyDelta(shift, [[1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 1, 2, 3, 1]]);
    expect(m!.slice(12, 15)).toEqual([3, 2, 3]);
    expect(isIdentity([1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1])).toBe(true);
    expect(isIdentity(shift)).toBe(false);
  });
});

describe('box select', () => {
  // An orthographic-like projection: x, y in -10..10 map to the 200 x 100 canvas; w = 1 - z/20
  // (points with z >= 20 are behind the camera).
  const vp = [0.1, 0, 0, 0, 0, 0.1, 0, 0, 0, 0, 0, -0.05, 0, 0, 0, 1];

  it('projects points in front of the camera and rejects those behind it', () => {
    expect(projectToScreen(vp, 200, 100, 0, 0, 0)).toEqual([100, 50]);
    expect(projectToScreen(vp, 200, 100, 10, 10, 0)).toEqual([200, 0]);
    expect(projectToScreen(vp, 200, 100, 0, 0, 20)).toBeNull();
    expect(projectToScreen(vp, 200, 100, 0, 0, 30)).toBeNull();
  });

  it('selects the centres whose projection lands inside the rectangle, corners in any order', () => {
    const r = rectFromCorners(150, 0, 90, 60);
    expect(r).toEqual({ left: 90, top: 0, right: 150, bottom: 60 });
    expect(insideRect(r, 90, 60)).toBe(true);
    expect(insideRect(r, 89.9, 30)).toBe(false);
    const centres: [string, number, number, number][] = [
      ['a', 0, 0, 0], // (100, 50): inside
      ['b', -5, 0, 0], // (75, 50): left of it
      ['c', 2, 4, 0], // (110, 30): inside
      ['d', 2, 4, 25], // behind the camera
    ];
    const ids = idsInRect(r, vp, 200, 100, (visit) => centres.forEach((c) => visit(...c)));
    expect(ids).toEqual(['a', 'c']);
  });
});

describe('click and box selection rules', () => {
  it('click replaces or clears; Shift-click adds as active, makes active, or drops the active', () => {
    expect(clickSelection(['a', 'b'], 'c', false)).toEqual(['c']);
    expect(clickSelection(['a', 'b'], null, false)).toEqual([]);
    expect(clickSelection(['a', 'b'], 'c', true)).toEqual(['c', 'a', 'b']);
    expect(clickSelection(['a', 'b'], 'b', true)).toEqual(['b', 'a']);
    expect(clickSelection(['a', 'b'], 'a', true)).toEqual(['b']);
    expect(clickSelection(['a', 'b'], null, true)).toEqual(['a', 'b']);
  });

  it('box replaces (keeping the active one active if inside) or adds with Shift', () => {
    expect(boxSelection(['a'], ['b', 'c'], false)).toEqual(['b', 'c']);
    expect(boxSelection(['c', 'x'], ['b', 'c'], false)).toEqual(['c', 'b']);
    expect(boxSelection(['a', 'b'], ['b', 'c'], true)).toEqual(['a', 'b', 'c']);
  });
});
