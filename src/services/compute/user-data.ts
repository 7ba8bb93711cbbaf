import { ValidationError } from '../../base/errors.js';

/** Nova's limit on `user_data`, counted after base64 encoding. */
export const MAX_USER_DATA = 65535;

/** Base64 of the UTF-8 bytes of `data` (btoa alone only takes Latin-1), checked against Nova's limit. */
export function encodeUserData(data: string | Uint8Array): string {
  const bytes = typeof data === 'string' ? new TextEncoder().encode(data) : data;
  let binary = '';
  // Chunks keep String.fromCharCode's argument list short.
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  const encoded = btoa(binary);
  if (encoded.length > MAX_USER_DATA)
    throw new ValidationError(`is ${bytes.length} bytes, ${encoded.length} once base64-encoded; Nova accepts at most ${MAX_USER_DATA}`, 'attrs.user_data');
  return encoded;
}
