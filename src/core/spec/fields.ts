// Field schemas with the studio's wording for errors: "expected 1..500, got 0". Every number in a
// spec goes through one of these, so every count and size has a limit.
import * as v from 'valibot';

/** How an input is named in a message: strings quoted, containers by kind. */
export function describeInput(input: unknown): string {
  if (typeof input === 'string')
    return JSON.stringify(input.length > 40 ? `${input.slice(0, 40)}…` : input);
  if (Array.isArray(input)) return `an array of ${input.length}`;
  if (input === null) return 'null';
  if (input === undefined) return 'nothing';
  if (typeof input === 'object') return 'an object';
  return String(input);
}

type Issue = { input: unknown };

export function intIn(lo: number, hi: number) {
  return v.pipe(
    v.number((i: Issue) => `expected an integer ${lo}..${hi}, got ${describeInput(i.input)}`),
    v.integer((i: Issue) => `expected an integer, got ${describeInput(i.input)}`),
    v.minValue(lo, (i: Issue) => `expected ${lo}..${hi}, got ${describeInput(i.input)}`),
    v.maxValue(hi, (i: Issue) => `expected ${lo}..${hi}, got ${describeInput(i.input)}`),
  );
}

export function numIn(lo: number, hi: number) {
  return v.pipe(
    v.number((i: Issue) => `expected a number ${lo}..${hi}, got ${describeInput(i.input)}`),
    v.minValue(lo, (i: Issue) => `expected ${lo}..${hi}, got ${describeInput(i.input)}`),
    v.maxValue(hi, (i: Issue) => `expected ${lo}..${hi}, got ${describeInput(i.input)}`),
  );
}

export function oneOf<const T extends readonly [string, ...string[]]>(options: T) {
  return v.picklist(
    options,
    (i: Issue) => `expected one of ${options.join(', ')}, got ${describeInput(i.input)}`,
  );
}

export function vec3In(lo: number, hi: number) {
  return v.tuple(
    [numIn(lo, hi), numIn(lo, hi), numIn(lo, hi)],
    (i: Issue) => `expected [x, y, z], got ${describeInput(i.input)}`,
  );
}

export function rangeIn(lo: number, hi: number) {
  return v.pipe(
    v.tuple(
      [numIn(lo, hi), numIn(lo, hi)],
      (i: Issue) => `expected [min, max], got ${describeInput(i.input)}`,
    ),
    v.check((r) => r[0] <= r[1], 'expected min <= max'),
  );
}

export function text(maxLength: number) {
  return v.pipe(
    v.string((i: Issue) => `expected text, got ${describeInput(i.input)}`),
    v.maxLength(maxLength, `expected at most ${maxLength} characters`),
  );
}

/** An object that refuses unknown keys (a typo must not be silently ignored). */
export function strict<const E extends v.ObjectEntries>(entries: E) {
  return v.strictObject(entries, (i: Issue & { expected: string | null }) =>
    // valibot reports an unknown key with the key's path and `expected: 'never'`.
    i.expected === 'never' ? 'unknown field' : `expected an object, got ${describeInput(i.input)}`,
  );
}
