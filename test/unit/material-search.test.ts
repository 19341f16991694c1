import { describe, expect, it } from 'vitest';
import { SHIPPED_PRESETS } from '../../src/core/materials/library';
import { definePresets } from '../../src/core/materials/library/define';
import { searchPresets, searchWords } from '../../src/core/materials/library/search';

const grey: ['#808080', '#707070', '#606060'] = ['#808080', '#707070', '#606060'];
const LIST = [
  ...definePresets('wood', {}, [
    {
      slug: 'oak-planks',
      name: 'Oak Planks',
      tags: ['floor', 'brown'],
      params: { pattern: 'planks', colors: grey },
    },
    {
      slug: 'cloak-oak',
      name: 'Dark Cloak Wood',
      tags: ['oak'],
      params: { pattern: 'grain', colors: grey },
    },
    {
      slug: 'pine',
      name: 'Pine Board',
      tags: ['light'],
      params: { pattern: 'grain', colors: grey },
    },
  ]),
  ...definePresets('stone', {}, [
    {
      slug: 'oak-coloured',
      name: 'Sandstone',
      tags: ['floor', 'yellow'],
      params: { pattern: 'noise', colors: grey },
    },
    {
      slug: 'slate',
      name: 'Slate Floor',
      tags: ['dark grey'],
      params: { pattern: 'stripes', colors: grey },
    },
  ]),
];
const ids = (xs: { id: string }[]) => xs.map((x) => x.id);

describe('searchPresets', () => {
  it('lists everything, in order, without a query', () => {
    expect(ids(searchPresets(LIST))).toEqual(ids(LIST));
    expect(ids(searchPresets(LIST, { query: '  ' }))).toEqual(ids(LIST));
  });

  it('ranks name prefix > name word > tag > family/id', () => {
    // 'Oak Planks' (name prefix), 'Dark Cloak Wood' has the tag 'oak', 'stone/oak-coloured' by id.
    expect(ids(searchPresets(LIST, { query: 'oak' }))).toEqual([
      'wood/oak-planks',
      'wood/cloak-oak',
      'stone/oak-coloured',
    ]);
    expect(ids(searchPresets(LIST, { query: 'floor' }))).toEqual([
      'stone/slate',
      'wood/oak-planks',
      'stone/oak-coloured',
    ]);
    expect(ids(searchPresets(LIST, { query: 'wood' }))).toEqual([
      'wood/cloak-oak',
      'wood/oak-planks',
      'wood/pine',
    ]);
  });

  it('needs every word to match, case-insensitively, as a word prefix', () => {
    expect(ids(searchPresets(LIST, { query: 'FLOOR yellow' }))).toEqual(['stone/oak-coloured']);
    expect(ids(searchPresets(LIST, { query: 'floor purple' }))).toEqual([]);
    expect(ids(searchPresets(LIST, { query: 'ak' }))).toEqual([]);
    expect(ids(searchPresets(LIST, { query: 'dark gr' }))).toEqual(['stone/slate']);
  });

  it('filters by family and by ids', () => {
    expect(ids(searchPresets(LIST, { family: 'stone' }))).toEqual([
      'stone/oak-coloured',
      'stone/slate',
    ]);
    expect(ids(searchPresets(LIST, { query: 'oak', family: 'wood' }))).toEqual([
      'wood/oak-planks',
      'wood/cloak-oak',
    ]);
    expect(ids(searchPresets(LIST, { ids: ['stone/slate', 'wood/pine', 'nope'] }))).toEqual([
      'wood/pine',
      'stone/slate',
    ]);
    expect(searchPresets(LIST, { ids: [] })).toEqual([]);
  });

  it('splits words on punctuation and never changes its input', () => {
    expect(searchWords('Tiger’s Eye, rose-gold/x')).toEqual([
      'tiger',
      's',
      'eye',
      'rose',
      'gold',
      'x',
    ]);
    const before = JSON.stringify(LIST);
    searchPresets(LIST, { query: 'oak', family: 'wood', ids: ['wood/pine'] });
    expect(JSON.stringify(LIST)).toBe(before);
  });

  it('finds real materials in the shipped library', () => {
    expect(searchPresets(SHIPPED_PRESETS, { query: 'oak planks' })[0]?.id).toBe('wood/oak-planks');
    expect(searchPresets(SHIPPED_PRESETS, { query: 'gold' })[0]?.name).toMatch(/^Gold/);
    const lava = searchPresets(SHIPPED_PRESETS, { query: 'lava' });
    expect(lava.length).toBeGreaterThanOrEqual(3);
    expect(
      searchPresets(SHIPPED_PRESETS, { query: 'red', family: 'brick' }).length,
    ).toBeGreaterThan(2);
  });
});
