// JSON helpers for data that leaves the studio or comes back from outside: nesting checks that
// cannot overflow a stack (a text of 100,000 '[' parses slowly and would overflow any recursive
// walker: validators, JSON.stringify), and a stringify that keeps -0.

/** True when the JSON text nests arrays/objects deeper than `max` (a linear scan before parsing;
 *  brackets inside strings do not count). */
export function jsonTextDepthExceeds(text: string, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++;
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      if (++depth > max) return true;
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return false;
}

/** True when arrays/objects nest deeper than `max` levels (iterative; stops once they do). */
export function jsonDepthExceeds(value: unknown, max: number): boolean {
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length > 0) {
    const [item, depth] = stack.pop()!;
    if (typeof item !== 'object' || item === null) continue;
    if (depth + 1 > max) return true;
    for (const child of Array.isArray(item) ? item : Object.values(item)) {
      if (typeof child === 'object' && child !== null) stack.push([child, depth + 1]);
    }
  }
  return false;
}

/** Stands in for -0 while stringifying; the \u0000s make a collision with real text implausible,
 *  and it is checked. */
const NEGATIVE_ZERO = '\u0000-0\u0000';
const NEGATIVE_ZERO_JSON = JSON.stringify(NEGATIVE_ZERO);

/**
 * JSON.stringify that keeps -0 (JSON.stringify writes it as 0; this writes the literal -0, which
 * JSON.parse reads back as -0), so matrices round-trip bit for bit.
 */
export function stringifyExact(value: unknown): string {
  let zeros = 0;
  const text = JSON.stringify(value, (_key, v: unknown) => {
    if (v === 0 && Object.is(v, -0)) {
      zeros++;
      return NEGATIVE_ZERO;
    }
    return v;
  });
  if (zeros === 0) return text;
  const parts = text.split(NEGATIVE_ZERO_JSON);
  // A string that happened to equal the stand-in: give up on -0 (it reads back as 0).
  if (parts.length - 1 !== zeros) return JSON.stringify(value);
  return parts.join('-0');
}
