import { fromHeaderValue, num, readMeta, unquote } from './headers.js';

/** An account as a HEAD request describes it. */
export interface ObjectStoreAccount {
  container_count: number;
  object_count: number;
  bytes: number;
  metadata: Record<string, string>;
  /** Quotas set by an operator (`X-Account-Meta-Quota-Bytes`/`-Count`); undefined when unlimited. */
  quota_bytes: number | undefined;
  quota_count: number | undefined;
  /** Every header as Swift sent it. */
  headers: Headers;
}

/** A container as a HEAD request describes it. */
export interface ObjectStoreContainerInfo {
  name: string;
  count: number;
  bytes: number;
  metadata: Record<string, string>;
  read_acl: string | undefined;
  write_acl: string | undefined;
  storage_policy: string | undefined;
  versions_enabled: boolean;
  quota_bytes: number | undefined;
  quota_count: number | undefined;
  headers: Headers;
}

/** An object as a HEAD (or the headers of a GET) describe it. */
export interface ObjectStoreObjectInfo {
  container: string;
  name: string;
  /** Size of the whole object (also for a ranged download). */
  bytes: number;
  /** The ETag without quotes: the MD5 of an ordinary object's content. */
  hash: string;
  content_type: string;
  last_modified: string | undefined;
  metadata: Record<string, string>;
  content_disposition: string | undefined;
  content_encoding: string | undefined;
  /** Unix time at which Swift deletes the object. */
  delete_at: number | undefined;
  /** `<container>/<prefix>` of a Dynamic Large Object's segments. */
  manifest: string | undefined;
  static_large_object: boolean;
  headers: Headers;
}

export function toAccount(h: Headers): ObjectStoreAccount {
  return {
    container_count: num(h, 'x-account-container-count') ?? 0,
    object_count: num(h, 'x-account-object-count') ?? 0,
    bytes: num(h, 'x-account-bytes-used') ?? 0,
    metadata: readMeta('account', h),
    quota_bytes: num(h, 'x-account-meta-quota-bytes'),
    quota_count: num(h, 'x-account-meta-quota-count'),
    headers: h,
  };
}

export function toContainer(name: string, h: Headers): ObjectStoreContainerInfo {
  return {
    name,
    count: num(h, 'x-container-object-count') ?? 0,
    bytes: num(h, 'x-container-bytes-used') ?? 0,
    metadata: readMeta('container', h),
    read_acl: h.get('x-container-read') ?? undefined,
    write_acl: h.get('x-container-write') ?? undefined,
    storage_policy: h.get('x-storage-policy') ?? undefined,
    versions_enabled: h.get('x-versions-enabled') === 'True' || h.get('x-versions-enabled') === 'true',
    quota_bytes: num(h, 'x-container-meta-quota-bytes'),
    quota_count: num(h, 'x-container-meta-quota-count'),
    headers: h,
  };
}

export function toObject(container: string, name: string, h: Headers): ObjectStoreObjectInfo {
  const range = /\/(\d+)$/.exec(h.get('content-range') ?? '');
  const modified = h.get('last-modified');
  const manifest = h.get('x-object-manifest');
  return {
    container,
    name,
    bytes: range ? Number(range[1]) : (num(h, 'content-length') ?? 0),
    hash: unquote(h.get('etag')),
    content_type: h.get('content-type') ?? '',
    last_modified: isoDate(modified),
    metadata: readMeta('object', h),
    content_disposition: h.get('content-disposition') ?? undefined,
    content_encoding: h.get('content-encoding') ?? undefined,
    delete_at: num(h, 'x-delete-at'),
    manifest: manifest === null ? undefined : decodeSafe(fromHeaderValue(manifest)),
    static_large_object: h.get('x-static-large-object') === 'True' || h.get('x-static-large-object') === 'true',
    headers: h,
  };
}

function decodeSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** An HTTP date as ISO 8601; undefined when there is none or it is not a date (a header sent twice). */
function isoDate(value: string | null): string | undefined {
  const t = value ? Date.parse(value) : Number.NaN;
  return Number.isNaN(t) ? undefined : new Date(t).toISOString();
}
