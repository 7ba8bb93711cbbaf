/** hash-wasm's SHA-1 and SHA-2 hashers, in a chunk of their own (image checksums). */
export { createSHA1, createSHA224, createSHA256, createSHA384, createSHA512 } from 'hash-wasm';
