import { ValidationError } from '../../base/errors.js';
import { checkNumber } from '../../base/validate.js';
import { utf8Length } from './names.js';
import { LIMITS } from './schemas.js';

/** Whose metadata a header names. */
export type MetaScope = 'account' | 'container' | 'object';

const nonAscii = /[^\x00-\x7f]/;

/**
 * Header values are byte strings: non-ASCII text is sent as its UTF-8 bytes (as Swift stores
 * it) and read back the same way.
 */
export function toHeaderValue(s: string): string {
  return nonAscii.test(s) ? String.fromCharCode(...new TextEncoder().encode(s)) : s;
}

export function fromHeaderValue(s: string): string {
  if (!nonAscii.test(s)) return s;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(s, (c) => c.charCodeAt(0)));
  } catch {
    return s;
  }
}

const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

/** User metadata: names are header tokens, values single-line strings, within Swift's limits. */
function checkMetadata(metadata: unknown, field: string): Record<string, string> {
  if (!metadata || typeof metadata !== 'object' || Array.isArray(metadata)) throw new ValidationError('must be an object of strings', field);
  const entries = Object.entries(metadata);
  let total = 0;
  for (const [k, val] of entries) {
    const fail = (message: string) => new ValidationError(message, `${field}.${k}`);
    if (!TOKEN.test(k)) throw fail('metadata names must be header tokens (letters, digits, - _ . and the like)');
    if (utf8Length(k) > LIMITS.metaName) throw fail(`metadata names must be at most ${LIMITS.metaName} bytes`);
    if (typeof val !== 'string') throw fail('metadata values must be strings');
    if (/[\r\n]/.test(val)) throw fail('metadata values must be one line');
    if (utf8Length(val) > LIMITS.metaValue) throw fail(`metadata values must be at most ${LIMITS.metaValue} bytes`);
    total += utf8Length(k) + utf8Length(val);
  }
  if (entries.length > LIMITS.metaCount) throw new ValidationError(`at most ${LIMITS.metaCount} metadata items`, field);
  if (total > LIMITS.metaOverall) throw new ValidationError(`metadata must total at most ${LIMITS.metaOverall} bytes`, field);
  return metadata as Record<string, string>;
}

/** `X-<Scope>-Meta-<name>` headers for `metadata` (checked against Swift's limits) and removals. */
export function metaHeaders(scope: MetaScope, metadata: Record<string, string> = {}, remove: readonly string[] = [], field = 'metadata') {
  const headers: Record<string, string> = {};
  for (const [k, val] of Object.entries(checkMetadata(metadata, field))) headers[`x-${scope}-meta-${k}`] = toHeaderValue(val);
  checkMetadata(Object.fromEntries(remove.map((k) => [k, ''])), 'remove');
  for (const k of remove) headers[`x-remove-${scope}-meta-${k}`] = 'x';
  return headers;
}

/** User metadata found in response headers, names in lower case. */
export function readMeta(scope: MetaScope, headers: Headers): Record<string, string> {
  const prefix = `x-${scope}-meta-`;
  const out: Record<string, string> = {};
  headers.forEach((val, key) => {
    if (key.startsWith(prefix)) out[key.slice(prefix.length)] = fromHeaderValue(val);
  });
  return out;
}

/** A numeric header, or undefined when absent. */
export function num(headers: Headers, name: string): number | undefined {
  const s = headers.get(name);
  return s === null || s === '' ? undefined : Number(s);
}

/** An ETag without its quotes (SLO and DLO ETags are quoted). */
export function unquote(etag: string | null | undefined): string {
  return (etag ?? '').replace(/^W\//, '').replace(/^"|"$/g, '');
}

/** Metadata and headers an object is stored with or updated to. */
export interface ObjectUpdate {
  /** Metadata to set (merged with what the object has). */
  metadata?: Record<string, string>;
  /** Metadata names to remove. */
  removeMetadata?: readonly string[];
  contentType?: string;
  /** e.g. `attachment; filename="report.pdf"`. */
  contentDisposition?: string;
  /** Delete the object this many seconds from now. */
  deleteAfter?: number;
  /** Delete the object at this time (a Date or Unix seconds); `null` cancels a scheduled deletion. */
  deleteAt?: Date | number | null;
}

/** Headers for content type, disposition and expiry, shared by uploads and updates. */
export function objectHeaders(o: Omit<ObjectUpdate, 'metadata' | 'removeMetadata'>): Record<string, string> {
  checkNumber(o.deleteAfter, 'deleteAfter', 0, true);
  const h: Record<string, string> = {};
  if (o.contentType) h['content-type'] = o.contentType;
  if (o.contentDisposition) h['content-disposition'] = toHeaderValue(o.contentDisposition);
  if (o.deleteAfter !== undefined) h['x-delete-after'] = String(o.deleteAfter);
  if (o.deleteAt instanceof Date) h['x-delete-at'] = String(Math.floor(o.deleteAt.getTime() / 1000));
  else if (typeof o.deleteAt === 'number') h['x-delete-at'] = String(Math.floor(o.deleteAt));
  return h;
}
