// Searching a preset list (shipped and user presets alike) for the material browser: free-text words,
// a family filter and an id whitelist (favourites, recents, a suggested-materials row).
//
// Matching: case-insensitive; a preset matches when EVERY query word is found in its name, one of its
// tags, its family or its id (as a prefix of a word there, so 'oak' finds 'Oak Planks' and
// 'wood/oak-planks' but 'ak' finds nothing). Ranking, best first: the name starts with the word, a
// word of the name starts with it, a tag does, the family or id does; a preset's score is the sum
// over the query words, ties keep the list's order (shipped order is by family). No query lists every
// preset that passes the filters, in list order.
import type { MaterialFamily, MaterialPreset } from '../preset';

export interface PresetQuery {
  /** Free text; words split on spaces and punctuation. */
  query?: string;
  family?: MaterialFamily;
  /** Only these ids (in any order; results keep the ranking). */
  ids?: readonly string[];
}

/** Words of a text, lower-case, split on anything that is not a letter or digit. */
export function searchWords(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0);
}

const SCORE = { namePrefix: 8, nameWord: 4, tag: 2, family: 1 } as const;

interface Indexed {
  name: string;
  nameWords: string[];
  tagWords: string[];
  otherWords: string[];
}

function index(p: MaterialPreset): Indexed {
  return {
    name: p.name.toLowerCase(),
    nameWords: searchWords(p.name),
    tagWords: p.tags.flatMap(searchWords),
    otherWords: [...searchWords(p.family), ...searchWords(p.id)],
  };
}

function wordScore(ix: Indexed, word: string): number {
  if (ix.name.startsWith(word)) return SCORE.namePrefix;
  if (ix.nameWords.some((w) => w.startsWith(word))) return SCORE.nameWord;
  if (ix.tagWords.some((w) => w.startsWith(word))) return SCORE.tag;
  if (ix.otherWords.some((w) => w.startsWith(word))) return SCORE.family;
  return 0;
}

/** Presets matching the query and filters, best match first. Never changes its inputs. */
export function searchPresets(
  presets: readonly MaterialPreset[],
  q: PresetQuery = {},
): MaterialPreset[] {
  const words = searchWords(q.query ?? '');
  const ids = q.ids ? new Set(q.ids) : undefined;
  const hits: { preset: MaterialPreset; score: number; order: number }[] = [];
  presets.forEach((preset, order) => {
    if (q.family !== undefined && preset.family !== q.family) return;
    if (ids && !ids.has(preset.id)) return;
    if (words.length === 0) {
      hits.push({ preset, score: 0, order });
      return;
    }
    const ix = index(preset);
    let score = 0;
    for (const w of words) {
      const s = wordScore(ix, w);
      if (s === 0) return;
      score += s;
    }
    hits.push({ preset, score, order });
  });
  hits.sort((a, b) => b.score - a.score || a.order - b.order);
  return hits.map((h) => h.preset);
}
