/**
 * Small readers that check raw JSON field by field. Each failure names the field path and
 * what was found, so an `invalid-response` error says exactly what the backend got wrong.
 */

/** A JSON object as received. */
export type Json = Record<string, unknown>;

/** Thrown by the readers; the client turns it into an `invalid-response` PharosError. */
export class ShapeError extends Error {
  override name = 'ShapeError';
}

function describe(value: unknown): string {
  if (value === undefined) return 'missing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'string') return `the text "${value.length > 40 ? value.slice(0, 40) + '…' : value}"`;
  return `${typeof value} ${String(value)}`;
}

function fail(path: string, expected: string, value: unknown): never {
  throw new ShapeError(`field "${path}" should be ${expected} but is ${describe(value)}`);
}

const join = (path: string, key: string) => (path ? `${path}.${key}` : key);

/** The value must be a JSON object. */
export function object(value: unknown, path = 'body'): Json {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) fail(path, 'an object', value);
  return value as Json;
}

/** `obj[key]` must be an object. */
export function objectAt(obj: Json, key: string, path = ''): Json {
  return object(obj[key], join(path, key));
}

/** `obj[key]` must be an object or null/missing. */
export function objectOrNull(obj: Json, key: string, path = ''): Json | null {
  const value = obj[key];
  return value === null || value === undefined ? null : object(value, join(path, key));
}

/** `obj[key]` must be a finite number. */
export function number(obj: Json, key: string, path = ''): number {
  const value = obj[key];
  if (typeof value !== 'number' || !Number.isFinite(value)) fail(join(path, key), 'a number', value);
  return value;
}

/** `obj[key]` must be a finite number, or null/missing. */
export function numberOrNull(obj: Json, key: string, path = ''): number | null {
  const value = obj[key];
  return value === null || value === undefined ? null : number(obj, key, path);
}

/** `obj[key]` must be a string. */
export function string(obj: Json, key: string, path = ''): string {
  const value = obj[key];
  if (typeof value !== 'string') fail(join(path, key), 'text', value);
  return value;
}

/** `obj[key]` must be a string, or null/missing. */
export function stringOrNull(obj: Json, key: string, path = ''): string | null {
  const value = obj[key];
  return value === null || value === undefined ? null : string(obj, key, path);
}

/** `obj[key]` must be a boolean. */
export function boolean(obj: Json, key: string, path = ''): boolean {
  const value = obj[key];
  if (typeof value !== 'boolean') fail(join(path, key), 'true or false', value);
  return value;
}

/** `obj[key]` must be a list. */
export function list(obj: Json, key: string, path = ''): unknown[] {
  const value = obj[key];
  if (!Array.isArray(value)) fail(join(path, key), 'a list', value);
  return value;
}

/** `obj[key]` must be an object whose values are all numbers (a count breakdown). */
export function numberRecord(obj: Json, key: string, path = ''): Record<string, number> {
  const record = objectAt(obj, key, path);
  for (const name of Object.keys(record)) number(record, name, join(path, key));
  return record as Record<string, number>;
}

/** Maps a backend enum value onto the known ones, anything else to `fallback`. */
export function oneOf<T extends string>(value: unknown, known: readonly T[], fallback: T): T {
  return typeof value === 'string' && (known as readonly string[]).includes(value) ? (value as T) : fallback;
}
