import { ValidationError } from '../../base/errors.js';
import type { ObjectStoreClient } from './client.js';
import { expiryOf, hmacHex, keyOf, type SignatureAlgorithm } from './hmac.js';
import { checkContainer, checkObject, objectPath } from './names.js';

/** Options of {@link ObjectStoreProxy.generateTempUrl}: the method, the object (or prefix), the expiry, and the key. */
export interface TempUrlOptions {
  /** Aborts finding the endpoint (which may mean logging in first); signing itself is local. */
  signal?: AbortSignal;
  /** The one method the URL allows. */
  method: 'GET' | 'HEAD' | 'PUT' | 'POST' | 'DELETE';
  container: string;
  /** The object the URL is for. */
  object?: string;
  /** Sign for every object whose name starts with `prefix` instead of one object. */
  prefix?: string;
  /** Seconds from now, or the moment the URL stops working. */
  expires: number | Date;
  /** The account's or the container's temp URL key. */
  key: string;
  /** Default `sha256` (Swift deprecates `sha1`). */
  algorithm?: SignatureAlgorithm;
  /** Only clients in this IP address or CIDR range may use the URL. */
  ipRange?: string;
  /** The download's file name (`Content-Disposition`). */
  filename?: string;
  /** Show in the browser rather than download. */
  inline?: boolean;
}

/**
 * Signs a temp URL with crypto.subtle HMAC. With `prefix` and no `object`, the URL points at the
 * prefix itself: replace the path's last part with any object name under the prefix.
 */
export async function generateTempUrl(store: ObjectStoreClient, o: TempUrlOptions): Promise<string> {
  const method = String(o.method ?? '').toUpperCase();
  if (!['GET', 'HEAD', 'PUT', 'POST', 'DELETE'].includes(method)) throw new ValidationError('must be GET, HEAD, PUT, POST or DELETE', 'method');
  checkContainer(o.container);
  const key = keyOf(o.key);
  const expires = expiryOf(o.expires);
  if (o.prefix === undefined && o.object === undefined) throw new ValidationError('an object or a prefix is required', 'object');
  const name = o.object ?? o.prefix ?? '';
  if (o.object !== undefined) checkObject(o.object, 'object');
  if (o.prefix !== undefined && !name.startsWith(o.prefix)) throw new ValidationError('must start with the prefix', 'object');
  // What a URL reaches must be what the caller named: no `.`/`..` segments (a client resolves
  // them, reaching another path), no line breaks (the signed text is line based), an IP range
  // that is one address or CIDR block.
  for (const [field, value] of [['object', o.object], ['prefix', o.prefix]] as const)
    if (value !== undefined && (/(^|\/)\.\.?(\/|$)/.test(value) || /[\r\n]/.test(value))) throw new ValidationError("must not hold '.' or '..' segments or line breaks", field);
  if (o.ipRange !== undefined && !/^[0-9a-fA-F:.]+(\/\d{1,3})?$/.test(o.ipRange)) throw new ValidationError('must be an IP address or a CIDR range', 'ipRange');
  const endpoint = new URL(await store.endpoint({ signal: o.signal }));
  const base = decodeURIComponent(endpoint.pathname.replace(/\/+$/, ''));
  const signedPath = o.prefix !== undefined ? `prefix:${base}/${o.container}/${o.prefix}` : `${base}/${o.container}/${name}`;
  let body = `${method}\n${expires}\n${signedPath}`;
  if (o.ipRange) body = `ip=${o.ipRange}\n${body}`;
  const sig = await hmacHex(o.algorithm ?? 'sha256', key, body);
  const path = name ? objectPath(o.container, name) : `/${encodeURIComponent(o.container)}/`;
  const url = new URL(`${endpoint.origin}${endpoint.pathname.replace(/\/+$/, '')}${path}`);
  url.searchParams.set('temp_url_sig', sig);
  url.searchParams.set('temp_url_expires', String(expires));
  if (o.prefix !== undefined) url.searchParams.set('temp_url_prefix', o.prefix);
  if (o.ipRange) url.searchParams.set('temp_url_ip_range', o.ipRange);
  if (o.filename !== undefined) url.searchParams.set('filename', o.filename);
  if (o.inline) url.searchParams.set('inline', '');
  return url.toString();
}
