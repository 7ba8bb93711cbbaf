import { createWriteStream } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import { dirname } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Download } from '../transfer/download.js';

/** What a download into a file did: the download without its stream, and the bytes written. */
export interface SavedDownload<Info> extends Omit<Download<Info>, 'stream'> {
  bytes: number;
}

/**
 * Writes a download into a file: to `<path>.part`, renamed to `path` once the stream has ended
 * without error (a verifying stream errors at its end on a mismatch), so that a failed, aborted or
 * corrupt download leaves no file at `path`. A download without a stream (304) writes nothing.
 */
export async function saveDownload<Info>(download: Download<Info>, path: string, signal?: AbortSignal): Promise<SavedDownload<Info>> {
  const { stream, size, checksum, contentType, status, info } = download;
  const bytes = stream ? await saveStream(stream, path, signal) : 0;
  return { size, checksum, contentType, status, info, bytes };
}

/** Writes a stream into `path` by way of `<path>.part` (see {@link saveDownload}); returns the bytes written. */
async function saveStream(stream: ReadableStream<Uint8Array>, path: string, signal?: AbortSignal): Promise<number> {
  await mkdir(dirname(path), { recursive: true });
  const part = `${path}.part`;
  let bytes = 0;
  const count = new TransformStream<Uint8Array, Uint8Array>({
    transform(chunk, c) {
      bytes += chunk.byteLength;
      c.enqueue(chunk);
    },
  });
  try {
    await pipeline(Readable.fromWeb(stream.pipeThrough(count) as never), createWriteStream(part), { signal });
    await rename(part, path);
  } catch (e) {
    await rm(part, { force: true });
    throw e;
  }
  return bytes;
}
