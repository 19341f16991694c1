import { describe, expect, it } from 'vitest';
import {
  applyCommand,
  buildObjectIndex,
  EMPTY_LAYER,
  type Command,
  type DocumentView,
} from '../../src/core/document';
import type { SceneData } from '../../src/core/scene/scene-data';
import {
  buildOutlinerTree,
  dropOrder,
  flattenTree,
  moveBy,
  partMemberIds,
  partRowKey,
  rowAncestors,
  selectedPerPart,
  topKeys,
  type PartEntry,
} from '../../src/ui/outliner/outliner-tree';

/** A scene with only what the object index reads: batches with part, source and transforms. */
function scene(parts: [part: string, source: string, count: number][]): SceneData {
  const batches = parts.map(([part, source, count]) => {
    const transforms = new Float32Array(count * 16);
    for (let i = 0; i < count; i++) {
      transforms.set([1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, i, 0, 0, 1], i * 16);
    }
    return { part, source, lods: [part], lodDistances: [], material: 'stone', transforms };
  });
  return { batches } as unknown as SceneData;
}

const SCENE = scene([
  ['dungeon:floor', 'dungeon', 6],
  ['prop:barrel', 'dungeon.props', 4],
  ['terrain:grass', 'terrain', 1],
]);

function docWith(...commands: Command[]): DocumentView {
  let doc: DocumentView = { index: buildObjectIndex(SCENE), layer: EMPTY_LAYER };
  for (const c of commands) doc = { ...doc, layer: applyCommand(doc, c).layer };
  return doc;
}

const HASH = 'a'.repeat(64);

describe('buildOutlinerTree', () => {
  it('lists one entry per part, single-instance parts as plain objects', () => {
    const tree = buildOutlinerTree(docWith());
    expect(tree.top.map((e) => [e.type, e.key])).toEqual([
      ['part', 'dungeon:floor'],
      ['part', 'prop:barrel'],
      ['object', 'terrain:grass'],
    ]);
    const barrels = tree.top[1] as PartEntry;
    expect(barrels.label).toBe('Barrels');
    expect(barrels.count).toBe(4);
    expect(tree.top[2]).toMatchObject({ id: 'terrain:grass#0' });
  });

  it('has no entries without a scene', () => {
    const tree = buildOutlinerTree({ index: buildObjectIndex(undefined), layer: EMPTY_LAYER });
    expect(tree.top).toEqual([]);
    expect(flattenTree(tree, new Set())).toEqual([]);
  });

  it('leaves out removed objects and counts what is left', () => {
    const tree = buildOutlinerTree(
      docWith({ type: 'remove', ids: ['prop:barrel#1', 'terrain:grass#0'] }),
    );
    expect(topKeys(tree)).toEqual(['dungeon:floor', 'prop:barrel']);
    const barrels = tree.top[1] as PartEntry;
    expect(barrels.count).toBe(3);
    expect(partMemberIds(tree, barrels)).toEqual([
      'prop:barrel#0',
      'prop:barrel#2',
      'prop:barrel#3',
    ]);
  });

  it('drops a part whose instances are all gone', () => {
    const ids = [0, 1, 2, 3].map((i) => `prop:barrel#${i}`);
    const tree = buildOutlinerTree(docWith({ type: 'remove', ids }));
    expect(topKeys(tree)).toEqual(['dungeon:floor', 'terrain:grass']);
  });

  it('lists added objects in creation order after the parts', () => {
    const tree = buildOutlinerTree(
      docWith(
        { type: 'import', asset: HASH, name: 'chair.glb' },
        { type: 'duplicate', ids: ['prop:barrel#0'] },
        { type: 'import', asset: HASH, name: 'table.glb' },
      ),
    );
    expect(topKeys(tree)).toEqual([
      'dungeon:floor',
      'prop:barrel',
      'terrain:grass',
      'import:1',
      'copy:2',
      'import:3',
    ]);
  });

  it('puts grouped objects under their group, not under their part', () => {
    const doc = docWith(
      { type: 'import', asset: HASH, name: 'chair.glb' },
      { type: 'group', ids: ['import:1', 'prop:barrel#2', 'prop:barrel#0'] },
    );
    const tree = buildOutlinerTree(doc);
    expect(topKeys(tree)).toEqual(['dungeon:floor', 'prop:barrel', 'terrain:grass', 'group:2']);
    expect((tree.top[1] as PartEntry).count).toBe(2);
    // Generated children first (scene order), then added ones in creation order.
    expect(tree.children.get('group:2')).toEqual(['prop:barrel#0', 'prop:barrel#2', 'import:1']);
    const rows = flattenTree(tree, new Set(['group:2', partRowKey('prop:barrel')]));
    expect(rows.map((r) => [r.key, r.depth])).toEqual([
      ['part:dungeon:floor', 0],
      ['part:prop:barrel', 0],
      ['prop:barrel#1', 1],
      ['prop:barrel#3', 1],
      ['terrain:grass#0', 0],
      ['group:2', 0],
      ['prop:barrel#0', 1],
      ['prop:barrel#2', 1],
      ['import:1', 1],
    ]);
  });

  it('nests groups in groups', () => {
    const doc = docWith(
      { type: 'group', ids: ['prop:barrel#0'] },
      { type: 'group', ids: ['group:1', 'prop:barrel#1'] },
    );
    const tree = buildOutlinerTree(doc);
    expect(topKeys(tree)).toContain('group:2');
    expect(topKeys(tree)).not.toContain('group:1');
    const rows = flattenTree(tree, new Set(['group:1', 'group:2']));
    expect(rows.slice(-4).map((r) => [r.key, r.depth, r.parent])).toEqual([
      ['group:2', 0, undefined],
      ['prop:barrel#1', 1, 'group:2'],
      ['group:1', 1, 'group:2'],
      ['prop:barrel#0', 2, 'group:1'],
    ]);
    const collapsed = flattenTree(tree, new Set(['group:2']));
    expect(collapsed.at(-1)).toMatchObject({ key: 'group:1', expandable: true });
    expect(rowAncestors(doc, tree, 'prop:barrel#0')).toEqual(['group:2', 'group:1']);
    expect(rowAncestors(doc, tree, 'prop:barrel#2')).toEqual([partRowKey('prop:barrel')]);
    expect(rowAncestors(doc, tree, 'terrain:grass#0')).toEqual([]);
  });

  it('counts hidden and locked instances per part', () => {
    const tree = buildOutlinerTree(
      docWith(
        { type: 'setHidden', ids: ['prop:barrel#0', 'prop:barrel#1'], hidden: true },
        { type: 'setLocked', ids: ['prop:barrel#3'], locked: true },
      ),
    );
    expect(tree.top[1]).toMatchObject({ hidden: 2, locked: 1, count: 4 });
  });

  it('follows the user order first, then the default order for the rest', () => {
    const tree = buildOutlinerTree(
      docWith(
        { type: 'import', asset: HASH, name: 'chair.glb' },
        { type: 'reorder', order: ['import:1', 'terrain:grass'] },
      ),
    );
    expect(topKeys(tree)).toEqual(['import:1', 'terrain:grass', 'dungeon:floor', 'prop:barrel']);
  });

  it('skips order entries that no longer exist', () => {
    const tree = buildOutlinerTree(
      docWith(
        { type: 'import', asset: HASH, name: 'chair.glb' },
        { type: 'reorder', order: ['import:1', 'prop:barrel'] },
        { type: 'remove', ids: ['import:1'] },
      ),
    );
    expect(topKeys(tree)).toEqual(['prop:barrel', 'dungeon:floor', 'terrain:grass']);
  });
});

describe('flattenTree', () => {
  it('lists a collapsed part as one row and an expanded one with its instances', () => {
    const tree = buildOutlinerTree(docWith());
    expect(flattenTree(tree, new Set()).map((r) => r.key)).toEqual([
      'part:dungeon:floor',
      'part:prop:barrel',
      'terrain:grass#0',
    ]);
    const rows = flattenTree(tree, new Set([partRowKey('prop:barrel')]));
    expect(rows.map((r) => r.key)).toEqual([
      'part:dungeon:floor',
      'part:prop:barrel',
      'prop:barrel#0',
      'prop:barrel#1',
      'prop:barrel#2',
      'prop:barrel#3',
      'terrain:grass#0',
    ]);
    expect(rows[3]).toMatchObject({ depth: 1, pos: 2, siblings: 4, parent: 'part:prop:barrel' });
    expect(rows[1]).toMatchObject({ orderKey: 'prop:barrel', pos: 2, siblings: 3 });
    expect(rows[6]).toMatchObject({ orderKey: 'terrain:grass', id: 'terrain:grass#0' });
  });

  it('stays fast with tens of thousands of instances', () => {
    const big = scene([
      ['dungeon:floor', 'dungeon', 20_000],
      ['dungeon:wall', 'dungeon', 20_000],
    ]);
    const doc = { index: buildObjectIndex(big), layer: EMPTY_LAYER };
    const t0 = performance.now();
    const tree = buildOutlinerTree(doc);
    const collapsed = flattenTree(tree, new Set());
    const t1 = performance.now();
    const open = flattenTree(tree, new Set(['part:dungeon:floor', 'part:dungeon:wall']));
    const t2 = performance.now();
    expect(collapsed).toHaveLength(2);
    expect(open).toHaveLength(40_002);
    expect(t1 - t0).toBeLessThan(25);
    expect(t2 - t1).toBeLessThan(200);
  });
});

describe('selection and reordering', () => {
  it('counts selected instances per part, leaving out grouped ones', () => {
    const doc = docWith({ type: 'group', ids: ['prop:barrel#0'] });
    const tree = buildOutlinerTree(doc);
    const counts = selectedPerPart(tree, ['prop:barrel#0', 'prop:barrel#1', 'group:1', 'x']);
    expect([...counts]).toEqual([['prop:barrel', 1]]);
  });

  it('moves a key up or down, or says it cannot', () => {
    expect(moveBy(['a', 'b', 'c'], 'b', -1)).toEqual(['b', 'a', 'c']);
    expect(moveBy(['a', 'b', 'c'], 'b', 1)).toEqual(['a', 'c', 'b']);
    expect(moveBy(['a', 'b', 'c'], 'a', -1)).toBeNull();
    expect(moveBy(['a', 'b', 'c'], 'c', 1)).toBeNull();
    expect(moveBy(['a', 'b', 'c'], 'x', 1)).toBeNull();
  });

  it('drops a key before or after another', () => {
    expect(dropOrder(['a', 'b', 'c', 'd'], 'a', 'c', 'after')).toEqual(['b', 'c', 'a', 'd']);
    expect(dropOrder(['a', 'b', 'c', 'd'], 'd', 'b', 'before')).toEqual(['a', 'd', 'b', 'c']);
    expect(dropOrder(['a', 'b', 'c', 'd'], 'a', 'b', 'before')).toBeNull();
    expect(dropOrder(['a', 'b', 'c', 'd'], 'b', 'b', 'after')).toBeNull();
    expect(dropOrder(['a', 'b'], 'a', 'zzz', 'after')).toBeNull();
  });

  it('gives orders the reorder command accepts', () => {
    const doc = docWith({ type: 'import', asset: HASH, name: 'chair.glb' });
    const tree = buildOutlinerTree(doc);
    const order = dropOrder(topKeys(tree), 'import:1', 'dungeon:floor', 'before')!;
    const layer = applyCommand(doc, { type: 'reorder', order }).layer;
    expect(topKeys(buildOutlinerTree({ ...doc, layer }))).toEqual(order);
  });
});
