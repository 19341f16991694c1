// Typed reads of untrusted glTF JSON fields. Each failure is an ImportError naming the JSON path,
// in the studio's wording ("accessors[2].count: expected an integer >= 0, got -1").
import { ImportError } from './import-error';

type Obj = Record<string, unknown>;

/** A JSON object (not an array, not null). */
export function isObject(value: unknown): value is Obj {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function show(value: unknown): string {
  const text = typeof value === 'string' ? JSON.stringify(value) : String(JSON.stringify(value));
  return text.length > 40 ? `${text.slice(0, 40)}...` : text;
}

/** obj[key] as an array; a missing key is an empty list. */
export function listField(obj: Obj, key: string, path: string): unknown[] {
  const value = obj[key];
  if (value === undefined) return [];
  if (!Array.isArray(value))
    throw new ImportError(`${path}: expected an array, got ${show(value)}`);
  return value;
}

/** obj[key] as an object, or undefined when missing. */
export function optionalObject(obj: Obj, key: string, path: string): Obj | undefined {
  const value = obj[key];
  if (value === undefined) return undefined;
  if (!isObject(value)) throw new ImportError(`${path}: expected an object, got ${show(value)}`);
  return value;
}

export function objectAt(list: unknown[], index: number, path: string): Obj {
  const value = list[index];
  if (!isObject(value)) throw new ImportError(`${path}: expected an object, got ${show(value)}`);
  return value;
}

/** obj[key] as an integer in min..max, or undefined when missing. */
export function optionalInt(
  obj: Obj,
  key: string,
  path: string,
  min: number,
  max = Number.MAX_SAFE_INTEGER,
): number | undefined {
  const value = obj[key];
  if (value === undefined) return undefined;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    const range = max === Number.MAX_SAFE_INTEGER ? `>= ${min}` : `in ${min}..${max}`;
    throw new ImportError(`${path}: expected an integer ${range}, got ${show(value)}`);
  }
  return value;
}

export function requiredInt(
  obj: Obj,
  key: string,
  path: string,
  min: number,
  max?: number,
): number {
  const value = optionalInt(obj, key, path, min, max);
  if (value === undefined) throw new ImportError(`${path}: missing`);
  return value;
}

/** obj[key] as an index into a list of `count` items called `listName`, or undefined when missing. */
export function optionalIndex(
  obj: Obj,
  key: string,
  path: string,
  count: number,
  listName: string,
): number | undefined {
  const value = obj[key];
  return value === undefined ? undefined : indexValue(value, path, count, listName);
}

/** value as an index into a list of `count` items called `listName`. */
export function indexValue(value: unknown, path: string, count: number, listName: string): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value >= count) {
    const range = count > 0 ? `0..${count - 1}` : 'which is empty';
    throw new ImportError(
      `${path}: expected an index into ${listName} (${range}), got ${show(value)}`,
    );
  }
  return value;
}

/** obj[key] as a string, or undefined when missing. */
export function optionalString(obj: Obj, key: string, path: string): string | undefined {
  const value = obj[key];
  if (value === undefined) return undefined;
  if (typeof value !== 'string')
    throw new ImportError(`${path}: expected a string, got ${show(value)}`);
  return value;
}

/** obj[key] as `length` finite numbers, or undefined when missing. */
export function optionalNumbers(
  obj: Obj,
  key: string,
  path: string,
  length: number,
): number[] | undefined {
  const value = obj[key];
  if (value === undefined) return undefined;
  if (
    !Array.isArray(value) ||
    value.length !== length ||
    !value.every((v) => typeof v === 'number' && Number.isFinite(v))
  ) {
    throw new ImportError(`${path}: expected ${length} finite numbers, got ${show(value)}`);
  }
  return value as number[];
}
