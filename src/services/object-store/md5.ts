/**
 * MD5, the hash Swift uses for ETags, from hash-wasm (WebAssembly, incremental). It is imported
 * on first use (`md5Code`) so that apps which never upload or verify do not download it.
 */
import type { IHasher } from 'hash-wasm';
import { md5Code } from './on-demand.js';

/** A fresh incremental MD5 hasher. */
export async function createMd5(): Promise<IHasher> {
  const h = await (await md5Code()).createMD5();
  h.init();
  return h;
}

/** Hex MD5 of bytes held in memory. */
export async function md5Bytes(data: Uint8Array): Promise<string> {
  const h = await createMd5();
  h.update(data);
  return h.digest('hex');
}

/** Hex MD5 of a stream, read to its end. */
export async function md5Stream(stream: ReadableStream<Uint8Array>, signal?: AbortSignal): Promise<string> {
  const h = await createMd5();
  const reader = stream.getReader();
  try {
    for (;;) {
      signal?.throwIfAborted();
      const { done, value } = await reader.read();
      if (done) return h.digest('hex');
      h.update(value);
    }
  } finally {
    reader.releaseLock();
  }
}

/** Hex MD5 of a Blob (or bytes), read piece by piece: a File is never loaded whole. */
export function md5Of(data: Blob | Uint8Array, signal?: AbortSignal): Promise<string> {
  return data instanceof Uint8Array ? md5Bytes(data) : md5Stream(data.stream(), signal);
}
