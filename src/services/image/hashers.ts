/** The hash-wasm exports image downloads use, in their own module so they load only when a download is verified. */
export { createMD5, createSHA1, createSHA224, createSHA256, createSHA384, createSHA512 } from 'hash-wasm';
