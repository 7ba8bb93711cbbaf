/** hash-wasm's MD5 alone, so that its chunk holds no other hash (the object store needs only MD5). */
export { createMD5 } from 'hash-wasm';
