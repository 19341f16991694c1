// Paths into a spec draft (['dungeon', 'rooms', 'count'], ['scatter', 0, 'kind']) and the
// immutable reads and writes the spec panel makes with them. Path keys are written the way
// core/spec/validate.ts names them in messages ("scatter[0].kind"), so an issue finds its field.

export type SpecPath = readonly (string | number)[];

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** "dungeon.rooms.count", "scatter[0].density"; the empty path is "spec". */
export function pathKey(path: SpecPath): string {
  if (path.length === 0) return 'spec';
  let out = '';
  for (const part of path)
    out += typeof part === 'number' ? `[${part}]` : `${out ? '.' : ''}${part}`;
  return out;
}

export function readPath(root: unknown, path: SpecPath): unknown {
  let node = root;
  for (const part of path) {
    if (typeof part === 'number') node = Array.isArray(node) ? node[part] : undefined;
    else node = isRecord(node) ? node[part] : undefined;
    if (node === undefined) return undefined;
  }
  return node;
}

/**
 * A copy of `root` with the value at `path` replaced; `undefined` removes an object key (the
 * schema's default then applies). Untouched branches keep their identity, so a field that reads
 * them does not re-render.
 */
export function writePath(root: unknown, path: SpecPath, value: unknown): unknown {
  if (path.length === 0) return value;
  const [head, ...rest] = path;
  if (typeof head === 'number') {
    const list = Array.isArray(root) ? [...(root as unknown[])] : [];
    list[head] = writePath(list[head], rest, value);
    return list;
  }
  const obj: Record<string, unknown> = isRecord(root) ? { ...root } : {};
  const next = writePath(obj[head!], rest, value);
  if (next === undefined) delete obj[head!];
  else obj[head!] = next;
  return obj;
}

/** The path an issue names: "dungeon.rooms.count: expected 1..500, got 0" → "dungeon.rooms.count". */
export function issuePath(issue: string): string {
  const at = issue.indexOf(': ');
  return at < 0 ? 'spec' : issue.slice(0, at);
}

/** Issues about `key` itself or its elements ("primitives[0].position[1]" belongs to ".position"). */
export function issuesAt(issues: readonly string[], key: string): string[] {
  return issues.filter((issue) => {
    const p = issuePath(issue);
    return p === key || p.startsWith(`${key}[`);
  });
}
