import { ValidationError } from '../../base/errors.js';
import type { ObjectStoreClient } from './client.js';
import { expiryOf, hmacHex, keyOf, type SignatureAlgorithm } from './hmac.js';
import { checkContainer, containerPath } from './names.js';

/** Options of {@link ObjectStoreProxy.generateFormPostSignature}: where a browser may upload, how much, and until when. */
export interface FormPostOptions {
  /** Aborts finding the endpoint (which may mean logging in first); signing itself is local. */
  signal?: AbortSignal;
  container: string;
  /** Uploaded files are named `<prefix><file name>`. */
  prefix?: string;
  /** Where Swift redirects the browser after the upload (with `status` and `message`); empty for a plain answer. */
  redirect?: string;
  /** Largest accepted file in bytes. */
  maxFileSize: number;
  /** Most files in one POST. */
  maxFileCount: number;
  /** Seconds from now, or the moment the form stops working. */
  expires: number | Date;
  /** The account's or the container's temp URL key. */
  key: string;
  /** Default `sha256`. */
  algorithm?: SignatureAlgorithm;
}

/** Where to POST and the form fields to send before the file fields (names as Swift wants them). */
export interface FormPostSignature {
  url: string;
  fields: { redirect: string; max_file_size: string; max_file_count: string; expires: string; signature: string };
}

/**
 * Signs a form for the formpost middleware: a browser can then upload with a plain
 * `multipart/form-data` POST of these fields followed by the files, without a token.
 */
export async function generateFormPostSignature(store: ObjectStoreClient, o: FormPostOptions): Promise<FormPostSignature> {
  checkContainer(o.container);
  const key = keyOf(o.key);
  for (const f of ['maxFileSize', 'maxFileCount'] as const)
    if (!Number.isInteger(o[f]) || o[f] < 1) throw new ValidationError('must be a whole number of 1 or more', f);
  const expires = String(expiryOf(o.expires));
  const prefix = o.prefix ?? '';
  const redirect = o.redirect ?? '';
  const endpoint = new URL(await store.endpoint({ signal: o.signal }));
  const base = decodeURIComponent(endpoint.pathname.replace(/\/+$/, ''));
  const path = `${base}/${o.container}/${prefix}`;
  const signature = await hmacHex(o.algorithm ?? 'sha256', key, [path, redirect, o.maxFileSize, o.maxFileCount, expires].join('\n'));
  const url = `${endpoint.origin}${endpoint.pathname.replace(/\/+$/, '')}${containerPath(o.container)}/${prefix.split('/').map(encodeURIComponent).join('/')}`;
  return { url, fields: { redirect, max_file_size: String(o.maxFileSize), max_file_count: String(o.maxFileCount), expires, signature } };
}
