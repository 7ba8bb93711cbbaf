import { validateInput } from '../../session/validate.js';
import { Metadata, UploadLimits } from './schemas.js';

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

/** `X-<Scope>-Meta-<name>` headers for `metadata` (checked against Swift's limits) and removals. */
export function metaHeaders(scope: MetaScope, metadata: Record<string, string> = {}, remove: readonly string[] = [], field = 'metadata') {
  const headers: Record<string, string> = {};
  for (const [k, val] of Object.entries(validateInput(Metadata, metadata, field))) headers[`x-${scope}-meta-${k}`] = toHeaderValue(val);
  validateInput(Metadata, Object.fromEntries(remove.map((k) => [k, ''])), 'remove');
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
  validateInput(UploadLimits, { deleteAfter: o.deleteAfter }, 'deleteAfter');
  const h: Record<string, string> = {};
  if (o.contentType) h['content-type'] = o.contentType;
  if (o.contentDisposition) h['content-disposition'] = toHeaderValue(o.contentDisposition);
  if (o.deleteAfter !== undefined) h['x-delete-after'] = String(o.deleteAfter);
  if (o.deleteAt instanceof Date) h['x-delete-at'] = String(Math.floor(o.deleteAt.getTime() / 1000));
  else if (typeof o.deleteAt === 'number') h['x-delete-at'] = String(Math.floor(o.deleteAt));
  return h;
}
