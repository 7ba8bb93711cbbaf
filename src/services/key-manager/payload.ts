import { ValidationError } from '../../base/errors.js';
import type { SecretPayload } from './schemas.js';

/** True for a payload given as bytes (or a Blob) rather than text. */
export function isBinary(payload: SecretPayload): payload is Exclude<SecretPayload, string> {
  return typeof payload !== 'string';
}

/** The bytes of a binary payload. */
export async function bytesOf(payload: Exclude<SecretPayload, string>): Promise<Uint8Array> {
  if (payload instanceof ArrayBuffer) return new Uint8Array(payload);
  if (ArrayBuffer.isView(payload)) return new Uint8Array(payload.buffer, payload.byteOffset, payload.byteLength);
  return new Uint8Array(await payload.arrayBuffer());
}

/** Base64 of bytes, with the web platform's `btoa` (a chunk at a time: no argument-count limit). */
export function base64(bytes: Uint8Array): string {
  let bin = '';
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(bin);
}

/** The bytes of base64 text. */
export function fromBase64(text: string, field: string): Uint8Array {
  let bin: string;
  try {
    bin = atob(text.replace(/\s+/g, ''));
  } catch {
    throw new ValidationError('is not valid base64', field);
  }
  return Uint8Array.from(bin, (c) => c.charCodeAt(0));
}

/** A payload Barbican accepts is never empty. */
export function checkNotEmpty(size: number, field: string): void {
  if (size === 0) throw new ValidationError('must not be empty', field);
}
