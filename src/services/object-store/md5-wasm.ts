/** The one hash-wasm export used, in its own module so that the lazily loaded chunk holds only MD5. */
export { createMD5 } from 'hash-wasm';
