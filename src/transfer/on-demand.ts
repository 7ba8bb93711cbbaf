import { lazy } from '../base/lazy.js';

// The hash code loads on first use (README, "Only what you use"): an app that lists containers or
// images loads none of it. Its loaders are apart from hash.ts so that a service can start fetching
// it early without loading the rest (the object store fetches MD5 along with its upload code).

/** MD5, the hash of Swift's ETags and Glance's `checksum`. */
export const md5Code = lazy('MD5', () => import('./md5-wasm.js'));

/** SHA-1 and SHA-2, the hashes of Glance's `os_hash_value`. */
export const shaCode = lazy('SHA hashes', () => import('./sha-wasm.js'));
