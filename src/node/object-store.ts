/**
 * Node and Deno conveniences for the object store: files are uploaded from a file-backed Blob (read
 * piece by piece, never whole) and downloads are streamed to disk.
 */
import { readdir } from 'node:fs/promises';
import { basename, join, relative, sep } from 'node:path';
import { openFileBlob } from './file-blob.js';
import { saveDownload, type SavedDownload } from './save-stream.js';
import { useNodeHashes } from './hashes.js';

// Files and downloads are hashed by node:crypto, not WebAssembly: less CPU per byte.
useNodeHashes();
import {
  isSwiftPseudoFolder,
  type ObjectStoreDownloadOptions,
  type ObjectStoreObjectInfo,
  type ObjectStoreProxy,
  type ObjectStoreUploadOptions,
  type ObjectStoreUploadResult,
} from '../services/object-store/index.js';

/** The object store, or a Connection that has one. */
export type ObjectStoreLike = ObjectStoreProxy | { objectStore: ObjectStoreProxy };

const storeOf = (x: ObjectStoreLike): ObjectStoreProxy => ('objectStore' in x ? x.objectStore : x);

/** Options of upload file. */
export type UploadFileOptions = Omit<ObjectStoreUploadOptions, 'container' | 'name' | 'data'> & {
  /** Object name (default: the file's base name). */
  name?: string;
};

/** Uploads one file; large files become Static Large Objects as `uploadObject` decides. */
export async function uploadFile(store: ObjectStoreLike, container: string, path: string, opts: UploadFileOptions = {}): Promise<ObjectStoreUploadResult> {
  const blob = await openFileBlob(path);
  return storeOf(store).uploadObject({ ...opts, container, name: opts.name ?? basename(path), data: blob });
}

/** Options of {@link uploadDirectory}: those of {@link uploadFile}, for every file found. */
export interface UploadDirectoryOptions extends Omit<UploadFileOptions, 'name' | 'onProgress'> {
  /** Object names are `<prefix><path relative to the directory>` with `/` separators. */
  prefix?: string;
  /** Files uploaded at once (default 4). */
  parallel?: number;
  /** Called after each file. */
  onFile?: (result: ObjectStoreUploadResult) => void;
}

/**
 * Uploads every file under `directory` whose relative path (with `/` separators) matches `pattern`
 * (a RegExp, or a glob with `*`, `**` and `?`; default: every file). Large objects it replaces lose
 * their old segments, as with `uploadObject`; one listing of `prefix` spares the other files the
 * HEAD that looks for them.
 */
export async function uploadDirectory(
  store: ObjectStoreLike,
  container: string,
  directory: string,
  pattern: RegExp | string = /.*/,
  opts: UploadDirectoryOptions = {},
): Promise<ObjectStoreUploadResult[]> {
  const { prefix = '', parallel = 4, onFile, ...upload } = opts;
  const re = typeof pattern === 'string' ? globToRegExp(pattern) : pattern;
  const entries = await readdir(directory, { recursive: true, withFileTypes: true });
  const files = entries
    .filter((e) => e.isFile())
    .map((e) => relative(directory, join(e.parentPath ?? (e as unknown as { path: string }).path, e.name)).split(sep).join('/'))
    .filter((rel) => re.test(rel))
    .sort();
  const plain = upload.leaveSegments ? undefined : await knownPlain(storeOf(store), container, prefix, files.length, upload.signal);
  const results: ObjectStoreUploadResult[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.max(1, Math.min(parallel, files.length)) }, async () => {
      while (next < files.length) {
        upload.signal?.throwIfAborted();
        const rel = files[next++]!;
        const name = prefix + rel;
        const r = await uploadFile(store, container, join(directory, rel), { ...upload, name, leaveSegments: upload.leaveSegments || plain?.(name) });
        results.push(r);
        onFile?.(r);
      }
    }),
  );
  return results;
}

/**
 * The names under `prefix` that hold no large object (absent, or listed as an ordinary object), so
 * that their uploads can skip the HEAD that looks for segments to replace. A listing takes a request
 * per 10,000 names plus one for the empty page that ends it, so it is made only while it costs fewer
 * requests than the HEADs it saves; otherwise every upload sends its HEAD. Zero-byte objects may be
 * Dynamic Large Object manifests, so they do not count as plain.
 */
async function knownPlain(store: ObjectStoreProxy, container: string, prefix: string, uploads: number, signal: AbortSignal | undefined) {
  if (uploads < 3) return undefined;
  const plain = new Set<string>();
  const others = new Set<string>();
  let requests = 0;
  try {
    for await (const page of store.objects(container, { prefix }, { signal }).pages()) {
      for (const e of page) if (!isSwiftPseudoFolder(e)) (e.slo_etag === undefined && e.bytes > 0 ? plain : others).add(e.name);
      if (++requests + 1 >= uploads) return undefined;
    }
  } catch {
    signal?.throwIfAborted();
    return undefined; // the uploads report what is wrong (a missing container, say)
  }
  return (name: string) => plain.has(name) || !others.has(name);
}

/** What {@link downloadObjectToFile} wrote: `info` describes the object. */
export interface SavedObject extends SavedDownload<ObjectStoreObjectInfo> {
  /** @deprecated The same as `info.hash`; `hash` goes in the next release. */
  hash: string;
}

/**
 * Downloads an object into a file, written to `<path>.part` and renamed when complete and verified
 * (a failed or corrupt download leaves no file at `path`). A 304 (`ifNoneMatch`) writes nothing.
 */
export async function downloadObjectToFile(
  store: ObjectStoreLike,
  container: string,
  name: string,
  path: string,
  opts: ObjectStoreDownloadOptions = {},
): Promise<SavedObject> {
  const saved = await saveDownload(await storeOf(store).downloadObject(container, name, opts), path, opts.signal);
  return { ...saved, hash: saved.info.hash };
}

function globToRegExp(glob: string): RegExp {
  let re = '';
  let braces = 0; // inside `{a,b}`: commas separate alternatives
  for (let i = 0; i < glob.length; i++) {
    const ch = glob[i]!;
    if (ch === '*' && glob[i + 1] === '*') {
      re += glob[i + 2] === '/' ? '(?:.*/)?' : '.*';
      i += glob[i + 2] === '/' ? 2 : 1;
    } else if (ch === '*') re += '[^/]*';
    else if (ch === '?') re += '[^/]';
    else if (ch === '{') {
      re += '(?:';
      braces++;
    } else if (ch === '}' && braces > 0) {
      re += ')';
      braces--;
    } else if (ch === ',' && braces > 0) re += '|';
    else re += ch.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${re}$`);
}

