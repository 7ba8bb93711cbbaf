/**
 * Incremental hashes, from hash-wasm (WebAssembly): data is hashed chunk by chunk as it streams,
 * where crypto.subtle only hashes a whole buffer at once. The hash code loads on first use, a chunk
 * per family. MD5 has functions of its own that do not go through the table of every algorithm, so
 * that a bundle that only uses MD5 (the object store) carries no SHA code at all.
 */
import type { IHasher } from 'hash-wasm';
import { md5Code, shaCode } from './on-demand.js';

/** A hash the SDK computes, named as Glance names them (`os_hash_algo`). */
export type HashAlgorithm = 'md5' | 'sha1' | 'sha224' | 'sha256' | 'sha384' | 'sha512';

/** An incremental hash: fed chunk by chunk, then read once. */
export interface Hasher {
  update(data: Uint8Array): unknown;
  /** The lower-case hex digest of everything fed. */
  digest(): string;
}

async function ready(created: Promise<IHasher>): Promise<Hasher> {
  const h = await created;
  h.init();
  return h;
}

/** Makes a hasher the runtime computes natively, or undefined where it has none for the algorithm. */
export type NativeHashes = (algorithm: HashAlgorithm) => Hasher | undefined;

let native: NativeHashes | undefined;

/**
 * Hashes computed by the runtime instead of WebAssembly from now on: `openstack-sdk/node` passes
 * node:crypto's (OpenSSL's MD5 takes a quarter less CPU per byte), which the core cannot import.
 */
export function useNativeHashes(hashes: NativeHashes | undefined): void {
  native = hashes;
}

const make = (algorithm: HashAlgorithm, wasm: () => Promise<IHasher>): Promise<Hasher> => {
  const h = native?.(algorithm);
  return h ? Promise.resolve(h) : ready(wasm());
};

/** A fresh MD5 hasher. */
export const createMd5 = (): Promise<Hasher> => make('md5', () => md5Code().then((m) => m.createMD5()));

const CREATE: Record<HashAlgorithm, () => Promise<Hasher>> = {
  md5: createMd5,
  sha1: () => make('sha1', () => shaCode().then((m) => m.createSHA1())),
  sha224: () => make('sha224', () => shaCode().then((m) => m.createSHA224())),
  sha256: () => make('sha256', () => shaCode().then((m) => m.createSHA256())),
  sha384: () => make('sha384', () => shaCode().then((m) => m.createSHA384())),
  sha512: () => make('sha512', () => shaCode().then((m) => m.createSHA512())),
};

/** True for an algorithm {@link createHasher} knows. */
export function isHashAlgorithm(name: unknown): name is HashAlgorithm {
  return typeof name === 'string' && Object.hasOwn(CREATE, name);
}

/** A fresh hasher for any algorithm. */
export function createHasher(algorithm: HashAlgorithm): Promise<Hasher> {
  return CREATE[algorithm]();
}

/** The hex digest of bytes in memory, or of a Blob read piece by piece (a File is never loaded whole). */
async function digestOf(hasher: Promise<Hasher>, data: Blob | Uint8Array, signal?: AbortSignal): Promise<string> {
  const h = await hasher;
  if (data instanceof Uint8Array) {
    h.update(data);
    return h.digest();
  }
  const reader = data.stream().getReader();
  try {
    for (;;) {
      signal?.throwIfAborted();
      const { done, value } = await reader.read();
      if (done) return h.digest();
      h.update(value);
    }
  } finally {
    reader.releaseLock();
  }
}

/** The hex MD5 of bytes or of a Blob: Swift's ETag of an ordinary object. */
export const md5Of = (data: Blob | Uint8Array, signal?: AbortSignal): Promise<string> => digestOf(createMd5(), data, signal);
