import { lazy } from '../../base/lazy.js';
import { md5Code } from '../../transfer/on-demand.js';

// The object store's code that only some calls need, loaded on first use (README, "Only what you
// use"): a console that lists containers and objects loads none of it. The parts of the upload code
// that only some uploads need are loaded by upload.ts, so that their loaders come with it.

/**
 * Starts loading MD5 while the chunk that needs it loads, so that a first upload waits for one
 * round trip instead of two in a row. A failure here is reported by the call that uses MD5.
 */
function alongWithMd5<T>(load: Promise<T>): Promise<T> {
  md5Code().catch(() => undefined);
  return load;
}

export const uploads = lazy('uploads', () => alongWithMd5(import('./upload.js')));
export const downloads = lazy('downloads', () => alongWithMd5(import('./download.js')));
export const bulk = lazy('bulk delete', () => import('./bulk.js'));
export const tempUrls = lazy('temp URLs', () => import('./temp-url.js'));
export const formPosts = lazy('form POST signatures', () => import('./form-post.js'));
/** For Dynamic Large Object manifests, and to fetch the code ahead of a large upload (upload.ts loads it too). */
export const largeObjects = lazy('large objects', () => import('./large-object.js'));

/**
 * The upload code, and with it the large-object code when the input may become a Static Large
 * Object (more bytes than the given threshold or segment size, else than 32 MiB), so that a first
 * large upload waits for one round trip instead of two. Next to an upload that size, a chunk that
 * turns out not to be needed costs nothing.
 */
export function uploadsFor(o: { data?: unknown; segmentSize?: number; largeObjectThreshold?: number } | undefined) {
  const data = o?.data as { size?: number; byteLength?: number } | undefined;
  if ((data?.size ?? data?.byteLength ?? 0) > (o?.largeObjectThreshold ?? o?.segmentSize ?? 32 * 1024 * 1024)) largeObjects().catch(() => undefined);
  return uploads();
}
