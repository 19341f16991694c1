// The inspector's read-only view of the spec section that made an object: the section's path as a
// SpecPath ('scatter[0]' → ['scatter', 0]) and its value as a short list of key/value lines.
import { isRecord, type SpecPath } from '../../state/spec-path';

/** 'dungeon.props' → ['dungeon', 'props'], 'scatter[0].kind' → ['scatter', 0, 'kind']. */
export function parsePathKey(key: string): SpecPath {
  const path: (string | number)[] = [];
  for (const match of key.matchAll(/([^.[\]]+)|\[(\d+)\]/g)) {
    if (match[2] !== undefined) path.push(Number(match[2]));
    else path.push(match[1]!);
  }
  return path;
}

export interface SpecEntry {
  /** Relative to the section: 'rooms.count', 'colour', 'layers[1].kind'. */
  key: string;
  text: string;
}

function inline(value: unknown): string | null {
  if (value === null) return 'null';
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value) && value.length <= 6 && value.every((v) => typeof v !== 'object')) {
    return `[${value.map((v) => inline(v)).join(', ')}]`;
  }
  if (Array.isArray(value) && value.length === 0) return '[]';
  if (isRecord(value) && Object.keys(value).length === 0) return '{}';
  return null;
}

/**
 * Leaf values of a spec section as key/value lines, nested keys joined with dots; at most `limit`
 * lines, then `more` says how many were left out.
 */
export function specEntries(value: unknown, limit = 40): { entries: SpecEntry[]; more: number } {
  const entries: SpecEntry[] = [];
  let total = 0;
  const walk = (node: unknown, key: string) => {
    const text = inline(node);
    if (text !== null || (!Array.isArray(node) && !isRecord(node))) {
      total++;
      if (entries.length < limit) entries.push({ key: key || 'value', text: text ?? String(node) });
      return;
    }
    if (Array.isArray(node)) node.forEach((v, i) => walk(v, `${key}[${i}]`));
    else for (const [k, v] of Object.entries(node)) walk(v, key ? `${key}.${k}` : k);
  };
  walk(value, '');
  return { entries, more: total - entries.length };
}
