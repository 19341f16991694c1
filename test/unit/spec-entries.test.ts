import { describe, expect, it } from 'vitest';
import { pathKey, readPath } from '../../src/state/spec-path';
import { parsePathKey, specEntries } from '../../src/ui/inspector/spec-entries';

describe('parsePathKey', () => {
  it('reads the paths parts are named by', () => {
    expect(parsePathKey('dungeon.props')).toEqual(['dungeon', 'props']);
    expect(parsePathKey('scatter[0]')).toEqual(['scatter', 0]);
    expect(parsePathKey('primitives[12].position[1]')).toEqual(['primitives', 12, 'position', 1]);
    expect(parsePathKey('terrain')).toEqual(['terrain']);
  });

  it('is the inverse of pathKey', () => {
    for (const key of ['dungeon.rooms.count', 'scatter[3].kind', 'a[0][1].b']) {
      expect(pathKey(parsePathKey(key))).toBe(key);
    }
  });

  it('finds the section in a draft', () => {
    const draft = { scatter: [{ kind: 'tree' }, { kind: 'rock', density: 2 }] };
    expect(readPath(draft, parsePathKey('scatter[1]'))).toEqual({ kind: 'rock', density: 2 });
  });
});

describe('specEntries', () => {
  it('lists leaves with dotted keys and short arrays inline', () => {
    const { entries, more } = specEntries({
      count: 30,
      kinds: ['barrel', 'crate'],
      rules: { nearWalls: true, spacing: 1.5 },
      layers: [{ kind: 'tree' }],
      empty: {},
    });
    expect(entries).toEqual([
      { key: 'count', text: '30' },
      { key: 'kinds', text: '["barrel", "crate"]' },
      { key: 'rules.nearWalls', text: 'true' },
      { key: 'rules.spacing', text: '1.5' },
      { key: 'layers[0].kind', text: '"tree"' },
      { key: 'empty', text: '{}' },
    ]);
    expect(more).toBe(0);
  });

  it('shows a plain value as one line', () => {
    expect(specEntries(12).entries).toEqual([{ key: 'value', text: '12' }]);
  });

  it('stops at the limit and counts the rest', () => {
    const big = Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`k${i}`, i]));
    const { entries, more } = specEntries(big, 40);
    expect(entries).toHaveLength(40);
    expect(more).toBe(10);
  });
});
