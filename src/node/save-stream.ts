import { mkdir, open, rename, rm, type FileHandle } from 'node:fs/promises';
import { dirname } from 'node:path';
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

/** Bytes gathered before a write: one write per MiB costs far less CPU than one per network chunk. */
const BATCH = 1024 * 1024;

/** Writes a stream into `path` by way of `<path>.part` (see {@link saveDownload}); returns the bytes written. */
async function saveStream(stream: ReadableStream<Uint8Array>, path: string, signal?: AbortSignal): Promise<number> {
  await mkdir(dirname(path), { recursive: true });
  const part = `${path}.part`;
  const reader = stream.getReader();
  let file: FileHandle | undefined;
  let bytes = 0;
  try {
    file = await open(part, 'w');
    let batch: Uint8Array[] = [];
    let size = 0;
    for (;;) {
      signal?.throwIfAborted();
      const { done, value } = await reader.read();
      signal?.throwIfAborted();
      if (!done) {
        batch.push(value);
        size += value.byteLength;
      }
      if (size && (done || size >= BATCH)) {
        const { bytesWritten } = await file.writev(batch);
        if (bytesWritten !== size) throw new Error(`${part}: wrote ${bytesWritten} of ${size} bytes`);
        bytes += size;
        batch = [];
        size = 0;
      }
      if (done) break;
    }
    await file.close();
    await rename(part, path);
  } catch (e) {
    await reader.cancel(e).catch(() => undefined);
    await file?.close().catch(() => undefined);
    await rm(part, { force: true });
    throw e;
  }
  return bytes;
}
