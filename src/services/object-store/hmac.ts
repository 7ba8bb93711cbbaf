import { ValidationError } from '../../base/errors.js';

/** Digests Swift accepts for temp URL and form POST signatures. */
export type SignatureAlgorithm = 'sha1' | 'sha256' | 'sha512';

const HASH: Record<SignatureAlgorithm, string> = { sha1: 'SHA-1', sha256: 'SHA-256', sha512: 'SHA-512' };

/** Hex HMAC of `message` (Swift tells the digest apart by the signature's length). */
export async function hmacHex(algorithm: SignatureAlgorithm, key: string, message: string): Promise<string> {
  const hash = HASH[algorithm];
  if (!hash) throw new ValidationError("must be 'sha1', 'sha256' or 'sha512'", 'algorithm');
  const enc = new TextEncoder();
  const k = await crypto.subtle.importKey('raw', enc.encode(key), { name: 'HMAC', hash }, false, ['sign']);
  const sig = new Uint8Array(await crypto.subtle.sign('HMAC', k, enc.encode(message)));
  return Array.from(sig, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** Unix seconds of an expiry given as seconds from now or as a Date. */
export function expiryOf(expires: number | Date): number {
  if (expires instanceof Date) {
    if (Number.isNaN(expires.getTime())) throw new ValidationError('must be a valid Date', 'expires');
    return Math.floor(expires.getTime() / 1000);
  }
  if (!(typeof expires === 'number' && expires > 0)) throw new ValidationError('must be a number of seconds from now (more than 0) or a Date', 'expires');
  return Math.floor(Date.now() / 1000 + expires);
}

/** The checked secret key. */
export function keyOf(key: string): string {
  if (typeof key !== 'string' || !key) throw new ValidationError('a temp URL key is required', 'key');
  return key;
}
