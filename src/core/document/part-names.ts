// Readable names for generated parts, shown in the outliner and inspector: 'prop:barrel' → 'Barrel',
// 'scatter[0]:tree' → 'Tree', 'terrain:rock' → 'Terrain: rock', 'prim:box:1x1x1|ground' → 'Box'.

const DUNGEON: Record<string, string> = {
  'dungeon:floor': 'Floor tile',
  'dungeon:ceiling': 'Ceiling tile',
  'dungeon:wall': 'Wall',
  'dungeon:doorframe': 'Doorframe',
};

function capitalise(s: string): string {
  return s.length === 0 ? s : s[0]!.toUpperCase() + s.slice(1).replace(/-/g, ' ');
}

export function partLabel(part: string): string {
  const fixed = DUNGEON[part];
  if (fixed) return fixed;
  if (part.startsWith('prop:')) return capitalise(part.slice('prop:'.length));
  if (part.startsWith('terrain:')) return `Terrain: ${part.slice('terrain:'.length)}`;
  const scatter = /^scatter\[\d+\]:(.+)$/.exec(part);
  if (scatter) return capitalise(scatter[1]!);
  if (part.startsWith('prim:')) return capitalise(part.slice('prim:'.length).split(/[:|]/)[0]!);
  return capitalise(part.split(':').pop()!);
}

/** Words whose plural is not the regular one, or which have none. */
const PLURALS: Record<string, string> = {
  bookshelf: 'bookshelves',
  shelf: 'shelves',
  rubble: 'rubble',
  grass: 'grass',
  foliage: 'foliage',
};

/** Plural form for a part's outliner group ('Barrels', 'Floor tiles', 'Bookshelves', 'Grass'). */
export function partGroupLabel(part: string, count: number): string {
  const label = partLabel(part);
  if (count === 1 || part.startsWith('terrain:')) return label;
  const words = label.split(' ');
  const last = words.pop()!;
  const irregular = PLURALS[last.toLowerCase()];
  let plural: string;
  if (irregular !== undefined) plural = last[0] + irregular.slice(1);
  else if (/(s|x|ch|sh)$/.test(last)) plural = `${last}es`;
  else plural = `${last}s`;
  return [...words, plural].join(' ');
}
