// What changed between two project states, in words, for the versions panel's "Compare": the
// generated spec's fields by path, then the edit layer's objects (added, removed, moved, renamed,
// hidden, locked, regrouped, re-materialled). Many objects changed the same way read as one line
// with a few names, so hiding 6,000 floor tiles is one line, not 6,000. The camera is not a change.
import type { MaterialRef } from '../materials/material-ref';
import type { Mat4 } from '../math/mat4-ops';
import type { EditLayer, ObjectRecord } from '../document/edit-layer';
import type { ProjectState } from './project-state';

export interface DiffOptions {
  /**
   * A generated object's transform before any edit: lets a first move say how far. Without it a
   * move from the generated place is reported without a distance.
   */
  baseMatrix?: (id: string) => Mat4 | undefined;
  /** Lines for the same change on more objects than this become one summary line (default 3). */
  maxSeparate?: number;
  /** Names a summary line lists (default 5). */
  maxNames?: number;
  /** Spec lines before the rest is counted (default 40). */
  maxSpecLines?: number;
}

const EPS_DISTANCE = 5e-4;
const EPS_DEGREES = 0.05;
const EPS_SCALE = 5e-4;

const counts = new Intl.NumberFormat('en-US');

export function diffProjectStates(
  from: ProjectState,
  to: ProjectState,
  nameOf: (id: string) => string,
  options: DiffOptions = {},
): string[] {
  const lines = [
    ...specLines(from, to, options.maxSpecLines ?? 40),
    ...objectLines(from, to, nameOf, options),
  ];
  return lines.length > 0 ? lines : ['No changes'];
}

// ---- spec -------------------------------------------------------------------------------------

interface FieldChange {
  path: string;
  keys: (string | number)[];
  before?: unknown;
  after?: unknown;
  /** 'added': only after; 'removed': only before. */
  kind: 'changed' | 'added' | 'removed';
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** Leaf-level changes from `a` to `b`: objects by key, arrays by index. */
function fieldChanges(
  a: unknown,
  b: unknown,
  keys: (string | number)[] = [],
  out: FieldChange[] = [],
): FieldChange[] {
  if (Object.is(a, b)) return out;
  const entry = (
    key: string | number,
    kind: FieldChange['kind'],
    before: unknown,
    after: unknown,
  ) => {
    const k = [...keys, key];
    out.push({ path: pathText(k), keys: k, kind, before, after });
  };
  if (isRecord(a) && isRecord(b)) {
    for (const key of Object.keys(a)) {
      if (!(key in b)) entry(key, 'removed', a[key], undefined);
      else fieldChanges(a[key], b[key], [...keys, key], out);
    }
    for (const key of Object.keys(b)) if (!(key in a)) entry(key, 'added', undefined, b[key]);
    return out;
  }
  if (Array.isArray(a) && Array.isArray(b)) {
    const n = Math.max(a.length, b.length);
    for (let i = 0; i < n; i++) {
      if (i >= b.length) entry(i, 'removed', a[i], undefined);
      else if (i >= a.length) entry(i, 'added', undefined, b[i]);
      else fieldChanges(a[i], b[i], [...keys, i], out);
    }
    return out;
  }
  if (JSON.stringify(a) !== JSON.stringify(b)) {
    out.push({ path: pathText(keys), keys, before: a, after: b, kind: 'changed' });
  }
  return out;
}

/** ['dungeon', 'rooms', 'count'] → 'dungeon.rooms.count'; indices as [2]. */
function pathText(keys: readonly (string | number)[]): string {
  let path = '';
  for (const key of keys) {
    if (typeof key === 'number') path += `[${key}]`;
    else path += path ? `.${key}` : key;
  }
  return path;
}

/** A value in a line: numbers and words as they are, structures as short JSON. */
export function formatValue(value: unknown, max = 48): string {
  if (typeof value === 'number') return Number.isInteger(value) ? String(value) : trimNumber(value);
  if (value === undefined) return 'nothing';
  const text = JSON.stringify(value) ?? String(value);
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

function trimNumber(n: number): string {
  return String(Number(n.toPrecision(6)));
}

function changeText(c: FieldChange): string {
  if (c.kind === 'added') return `added ${c.path} = ${formatValue(c.after)}`;
  if (c.kind === 'removed') return `removed ${c.path} (was ${formatValue(c.before)})`;
  return `${c.path || 'the spec'} ${formatValue(c.before)} → ${formatValue(c.after)}`;
}

function capped(lines: string[], max: number, what: string): string[] {
  if (lines.length <= max) return lines;
  const rest = lines.length - max;
  return [...lines.slice(0, max), `… and ${counts.format(rest)} more ${what}`];
}

function specLines(from: ProjectState, to: ProjectState, max: number): string[] {
  const lines: string[] = [];
  if (from.generated === undefined && to.generated !== undefined) {
    lines.push('Generated the scene from the spec');
  } else if (from.generated !== undefined && to.generated === undefined) {
    lines.push('The generated scene was cleared');
  } else {
    const generated = fieldChanges(from.generated, to.generated);
    lines.push(
      ...capped(
        generated.map((c) => `Spec: ${changeText(c)}`),
        max,
        'spec changes',
      ),
    );
  }
  // Draft edits that generation did not take up (typed but not generated), so a version made
  // mid-typing does not hide them.
  const draft = fieldChanges(from.draft, to.draft).filter(
    (c) =>
      to.generated === undefined ||
      JSON.stringify(at(to.draft, c.keys)) !== JSON.stringify(at(to.generated, c.keys)),
  );
  const text = draft.map((c) => `Spec draft (not generated): ${changeText(c)}`);
  lines.push(...capped(text, max, 'draft changes'));
  return lines;
}

function at(value: unknown, keys: readonly (string | number)[]): unknown {
  let v = value;
  for (const k of keys) {
    if (typeof k === 'number') v = Array.isArray(v) ? v[k] : undefined;
    else v = isRecord(v) ? v[k] : undefined;
  }
  return v;
}

// ---- objects ----------------------------------------------------------------------------------

/** What kinds of lines come out, in this order. */
const KINDS = [
  'imported',
  'added',
  'grouped',
  'ungrouped',
  'removed',
  'restored',
  'renamed',
  'moved',
  'rotated',
  'scaled',
  'transformed',
  'regrouped',
  'hid',
  'showed',
  'locked',
  'unlocked',
  'material',
] as const;
type Kind = (typeof KINDS)[number];

interface Change {
  kind: Kind;
  name: string;
  /** The line for this one object. */
  text: string;
  /** Changes with the same kind and key summarise into one line. */
  key: string;
  /** The summary line's wording for `n` objects and a list of names. */
  summary: (n: string, names: string) => string;
}

const q = (name: string) => `"${name}"`;

function objectLines(
  from: ProjectState,
  to: ProjectState,
  nameOf: (id: string) => string,
  options: DiffOptions,
): string[] {
  const a = from.layer;
  const b = to.layer;
  const changes: Change[] = [];
  const assetName = new Map<string, string>();
  for (const asset of [...from.assets, ...to.assets]) assetName.set(asset.hash, asset.name);
  const nameIn = (layer: EditLayer, id: string) => layer.records[id]?.name ?? nameOf(id);
  /** Assets the project had already: a new object using one is a copy, not an import. */
  const knownAssets = new Set(from.assets.map((x) => x.hash));
  const addedGroups = new Set<string>();
  const droppedGroups = new Set<string>();

  const ids = new Set([...Object.keys(b.records), ...Object.keys(a.records)]);
  for (const id of ids) {
    const ra = a.records[id];
    const rb = b.records[id];
    const inA = ra?.source !== undefined;
    const inB = rb?.source !== undefined;
    if (inB && !inA) {
      const name = nameIn(b, id);
      if (rb.source!.kind === 'group') {
        addedGroups.add(id);
        const n = Object.values(b.records).filter((r) => r.parent === id).length;
        const text = `Grouped ${counts.format(n)} ${n === 1 ? 'object' : 'objects'} into ${q(name)}`;
        changes.push(single('grouped', name, text));
      } else if (rb.source!.kind === 'asset' && !knownAssets.has(rb.source!.asset)) {
        const file = assetName.get(rb.source!.asset) ?? name;
        changes.push({
          kind: 'imported',
          name,
          key: '',
          text: file === name ? `Imported ${q(file)}` : `Imported ${q(file)} as ${q(name)}`,
          summary: (n, names) => `Imported ${n} objects (${names})`,
        });
      } else {
        changes.push({
          kind: 'added',
          name,
          key: '',
          text: `Added ${q(name)}`,
          summary: (n, names) => `Added ${n} objects (${names})`,
        });
      }
      continue;
    }
    if (inA && !inB) {
      const name = nameIn(a, id);
      const wasGroup = ra.source!.kind === 'group';
      const kept = Object.entries(a.records).filter(
        ([child, r]) => r.parent === id && stillThere(r, b.records[child]),
      ).length;
      if (wasGroup && kept > 0) {
        droppedGroups.add(id);
        changes.push(single('ungrouped', name, `Ungrouped ${q(name)}`));
      } else {
        if (wasGroup) droppedGroups.add(id);
        changes.push(removedChange(name));
      }
      continue;
    }
    if (inA && inB && ra.source!.kind !== rb.source!.kind) {
      // An id reused for something else (never by the studio's own commands): old out, new in.
      changes.push(removedChange(nameIn(a, id)));
      changes.push(single('added', nameIn(b, id), `Added ${q(nameIn(b, id))}`));
      continue;
    }
    // A generated object (or an added one in both states).
    const goneA = !inA && ra?.removed === true;
    const goneB = !inB && rb?.removed === true;
    if (!goneA && goneB) {
      changes.push(removedChange(nameIn(a, id)));
      continue;
    }
    if (goneA && !goneB) {
      changes.push({
        kind: 'restored',
        name: nameIn(b, id),
        key: '',
        text: `Restored ${q(nameIn(b, id))}`,
        summary: (n, names) => `Restored ${n} objects (${names})`,
      });
    }
    if (goneA && goneB) continue;
    recordChanges(id, ra, rb, nameIn(a, id), nameIn(b, id), options, changes);
  }
  // Parent changes into a group added here (or out of one dropped) are told by that group's line;
  // groups are only known once every record was seen, so those are filtered now.
  const covered = (token: string) =>
    (token.startsWith('+') && addedGroups.has(token.slice(1))) ||
    (token.startsWith('-') && droppedGroups.has(token.slice(1)));
  const kept = changes.filter((c) => c.kind !== 'regrouped' || !c.key.split('\n').some(covered));
  const lines = summarise(kept, options.maxSeparate ?? 3, options.maxNames ?? 5);
  if (JSON.stringify(a.order) !== JSON.stringify(b.order) && lines.length === 0) {
    lines.push('Reordered objects in the outliner');
  }
  return lines;
}

/** Whether an object with record `before` exists with record `after`. */
function stillThere(before: ObjectRecord, after: ObjectRecord | undefined): boolean {
  return before.source ? after?.source !== undefined : after?.removed !== true;
}

/** A change told on its own line (its key is its text, so only identical lines summarise). */
function single(kind: Kind, name: string, text: string): Change {
  return { kind, name, key: text, text, summary: (n) => `${text} (${n} times)` };
}

function removedChange(name: string): Change {
  return {
    kind: 'removed',
    name,
    key: '',
    text: `Removed ${q(name)}`,
    summary: (n, names) => `Removed ${n} objects (${names})`,
  };
}

function recordChanges(
  id: string,
  ra: ObjectRecord | undefined,
  rb: ObjectRecord | undefined,
  nameA: string,
  nameB: string,
  options: DiffOptions,
  out: Change[],
): void {
  const name = nameB;
  if (nameA !== nameB) {
    out.push(single('renamed', nameB, `Renamed ${q(nameA)} to ${q(nameB)}`));
  }
  const parentA = ra?.parent;
  const parentB = rb?.parent;
  if (parentA !== parentB) {
    const text =
      parentB === undefined
        ? `Took ${q(name)} out of its group`
        : parentA === undefined
          ? `Put ${q(name)} in a group`
          : `Moved ${q(name)} to another group`;
    // The key names the groups involved so lines covered by a "Grouped"/"Ungrouped" line drop.
    const key = [parentB ? `+${parentB}` : '', parentA ? `-${parentA}` : ''].join('\n');
    out.push({
      kind: 'regrouped',
      name,
      key,
      text,
      summary: (n, names) =>
        parentB === undefined
          ? `Took ${n} objects out of their group (${names})`
          : `Put ${n} objects in a group (${names})`,
    });
  } else {
    transformChanges(id, ra?.matrix, rb?.matrix, name, options, out);
  }
  flag(out, name, ra?.hidden, rb?.hidden, 'hid', 'showed', 'Hid', 'Showed');
  flag(out, name, ra?.locked, rb?.locked, 'locked', 'unlocked', 'Locked', 'Unlocked');
  const ma = materialText(ra?.material);
  const mb = materialText(rb?.material);
  if (ma !== mb) {
    out.push({
      kind: 'material',
      name,
      key: `${ma}\n${mb}`,
      text: `Material of ${q(name)}: ${ma} → ${mb}`,
      summary: (n, names) => `Material of ${n} objects: ${ma} → ${mb} (${names})`,
    });
  } else if (JSON.stringify(ra?.material) !== JSON.stringify(rb?.material)) {
    const what = materialFields(ra?.material, rb?.material);
    out.push({
      kind: 'material',
      name,
      key: `${mb}\n${what}`,
      text: `Material of ${q(name)}: ${mb}, ${what} changed`,
      summary: (n, names) => `Material of ${n} objects: ${mb}, ${what} changed (${names})`,
    });
  }
}

function flag(
  out: Change[],
  name: string,
  before: true | undefined,
  after: true | undefined,
  on: Kind,
  off: Kind,
  onVerb: string,
  offVerb: string,
): void {
  if (before === after) return;
  const verb = after ? onVerb : offVerb;
  out.push({
    kind: after ? on : off,
    name,
    key: '',
    text: `${verb} ${q(name)}`,
    summary: (n, names) => `${verb} ${n} objects (${names})`,
  });
}

function materialText(ref: MaterialRef | undefined): string {
  if (!ref) return 'default';
  return ref.blend ? `${ref.preset} + ${ref.blend.preset}` : ref.preset;
}

function materialFields(a: MaterialRef | undefined, b: MaterialRef | undefined): string {
  const fields = (['projection', 'scale', 'modifiers', 'blend'] as const).filter(
    (k) => JSON.stringify(a?.[k]) !== JSON.stringify(b?.[k]),
  );
  return fields.length > 0 ? fields.join(', ') : 'settings';
}

// ---- transforms -------------------------------------------------------------------------------

interface Decomposed {
  t: [number, number, number];
  s: [number, number, number];
  /** Rotation, column-major 3x3. */
  r: number[];
}

function decompose(m: Mat4): Decomposed {
  const s: [number, number, number] = [0, 0, 0];
  const r: number[] = [];
  for (let c = 0; c < 3; c++) {
    const x = m[c * 4]!;
    const y = m[c * 4 + 1]!;
    const z = m[c * 4 + 2]!;
    const len = Math.hypot(x, y, z);
    s[c] = len;
    const k = len > 1e-12 ? 1 / len : 0;
    r.push(x * k, y * k, z * k);
  }
  return { t: [m[12]!, m[13]!, m[14]!], s, r };
}

/** Angle in degrees of the rotation taking `a` to `b` (3x3, column-major). */
function rotationAngle(a: number[], b: number[]): number {
  // trace(b * aᵀ) = Σ b[:,c] · a[:,c]
  let trace = 0;
  for (let c = 0; c < 3; c++) {
    trace += a[c * 3]! * b[c * 3]! + a[c * 3 + 1]! * b[c * 3 + 1]! + a[c * 3 + 2]! * b[c * 3 + 2]!;
  }
  const cos = Math.min(1, Math.max(-1, (trace - 1) / 2));
  return (Math.acos(cos) * 180) / Math.PI;
}

const fixed = (n: number, digits: number) => String(Number(n.toFixed(digits)));

function scaleText(s: [number, number, number]): string {
  const same = Math.abs(s[0] - s[1]) < EPS_SCALE && Math.abs(s[0] - s[2]) < EPS_SCALE;
  return same ? fixed(s[0], 3) : s.map((v) => fixed(v, 3)).join(' × ');
}

function transformChanges(
  id: string,
  ma: Mat4 | undefined,
  mb: Mat4 | undefined,
  name: string,
  options: DiffOptions,
  out: Change[],
): void {
  if (ma === mb || JSON.stringify(ma) === JSON.stringify(mb)) return;
  const base = ma && mb ? undefined : options.baseMatrix?.(id);
  const from = ma ?? base;
  const to = mb ?? base;
  if (!from || !to) {
    out.push({
      kind: 'transformed',
      name,
      key: '',
      text: `Moved ${q(name)}`,
      summary: (n, names) => `Moved ${n} objects (${names})`,
    });
    return;
  }
  const a = decompose(from);
  const b = decompose(to);
  const distance = Math.hypot(b.t[0] - a.t[0], b.t[1] - a.t[1], b.t[2] - a.t[2]);
  if (distance > EPS_DISTANCE) {
    const d = `${distance.toFixed(2)} m`;
    out.push({
      kind: 'moved',
      name,
      key: d,
      text: `Moved ${q(name)} by ${d}`,
      summary: (n, names) => `Moved ${n} objects by ${d} (${names})`,
    });
  }
  const angle = rotationAngle(a.r, b.r);
  if (angle > EPS_DEGREES) {
    const deg = `${fixed(angle, 1)}°`;
    out.push({
      kind: 'rotated',
      name,
      key: deg,
      text: `Rotated ${q(name)} by ${deg}`,
      summary: (n, names) => `Rotated ${n} objects by ${deg} (${names})`,
    });
  }
  if (a.s.some((v, i) => Math.abs(v - b.s[i]!) > EPS_SCALE * Math.max(1, Math.abs(v)))) {
    const change = `from ${scaleText(a.s)} to ${scaleText(b.s)}`;
    out.push({
      kind: 'scaled',
      name,
      key: change,
      text: `Scaled ${q(name)} ${change}`,
      summary: (n, names) => `Scaled ${n} objects ${change} (${names})`,
    });
  }
}

// ---- summaries --------------------------------------------------------------------------------

/**
 * One line per change, except where more than `maxSeparate` objects changed the same way (same
 * kind and key): those become one line naming the first `maxNames`. Moves of different distances
 * summarise by kind alone when there are many.
 */
function summarise(changes: Change[], maxSeparate: number, maxNames: number): string[] {
  const lines: string[] = [];
  for (const kind of KINDS) {
    const ofKind = changes.filter((c) => c.kind === kind);
    if (ofKind.length === 0) continue;
    const byKey = new Map<string, Change[]>();
    for (const c of ofKind) {
      const list = byKey.get(c.key);
      if (list) list.push(c);
      else byKey.set(c.key, [c]);
    }
    const many = byKey.size > maxSeparate * 2 && ofKind.length > maxSeparate;
    if (many && (kind === 'moved' || kind === 'rotated' || kind === 'scaled')) {
      const verb = kind === 'moved' ? 'Moved' : kind === 'rotated' ? 'Rotated' : 'Scaled';
      lines.push(`${verb} ${counts.format(ofKind.length)} objects (${names(ofKind, maxNames)})`);
      continue;
    }
    for (const group of byKey.values()) {
      if (group.length <= maxSeparate) lines.push(...group.map((c) => c.text));
      else lines.push(group[0]!.summary(counts.format(group.length), names(group, maxNames)));
    }
  }
  return lines;
}

function names(changes: readonly Change[], max: number): string {
  const shown = changes.slice(0, max).map((c) => c.name);
  return changes.length > max ? `${shown.join(', ')}, …` : shown.join(', ');
}
