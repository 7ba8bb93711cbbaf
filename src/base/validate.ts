import * as v from 'valibot';
import { ResponseError, ValidationError } from './errors.js';

/** `a.b.0.c` for where an issue is (valibot's own helper weighs more than this). */
export function issuePath(issue: v.BaseIssue<unknown>): string {
  return (issue.path ?? []).map((p) => String(p.key)).join('.');
}

/** Checks caller input against a schema; the first problem becomes a ValidationError naming its field. */
export function validateInput<S extends v.GenericSchema>(schema: S, value: unknown, field: string): v.InferOutput<S> {
  const r = v.safeParse(schema, value);
  if (r.success) return r.output;
  const issue = r.issues[0];
  const path = issuePath(issue);
  // valibot says "Invalid key: Expected "x" but received undefined" for a missing field.
  const message = issue.received === 'undefined' && issue.message.startsWith('Invalid key') ? 'is required' : issue.message;
  throw new ValidationError(message, path ? `${field}.${path}` : field);
}

/** Checks what the cloud returned; schemas are loose, so only missing or mistyped fields fail. */
export function parseResponse<S extends v.GenericSchema>(schema: S, value: unknown, what: string): v.InferOutput<S> {
  const r = v.safeParse(schema, value);
  if (r.success) return r.output;
  const issue = r.issues[0];
  const path = issuePath(issue);
  throw new ResponseError(`Unexpected ${what} from the cloud${path ? ` at '${path}'` : ''}: ${issue.message}`);
}

/** Checks an optional numeric option: a number of at least `min`, whole when `integer`. */
export function checkNumber(value: unknown, field: string, min: number, integer = false): void {
  if (value === undefined) return;
  if (typeof value !== 'number' || Number.isNaN(value)) throw new ValidationError('must be a number', field);
  if (integer && !Number.isInteger(value)) throw new ValidationError('must be a whole number', field);
  if (value < min) throw new ValidationError(`must be ${min} or more`, field);
}

/** The id of a resource given as an id or as the resource itself. */
export function idOf(x: string | { id: string } | undefined | null, field = 'id'): string {
  const id = typeof x === 'string' ? x : x?.id;
  if (typeof id !== 'string' || !id.trim()) throw new ValidationError('an id (or an object with an id) is required', field);
  return id;
}
