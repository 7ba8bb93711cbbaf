import { open, stat, type FileHandle } from 'node:fs/promises';
import { ValidationError } from '../base/errors.js';

/** Bytes read from the file at a time: large reads cost far less CPU per byte than small ones. */
const READ_SIZE = 1024 * 1024;

/**
 * A file as a Blob that is read piece by piece when streamed, never whole: a Blob-like view of the
 * file, with the `size`, `type`, `slice()` and `stream()` that uploads use (Node, Deno and Bun send a
 * stream as a request body). Not `fs.openAsBlob`: Deno's reads the whole file into memory when it is
 * opened, and Node's reads in small pieces, at two to three times the CPU per byte of an upload.
 */
export async function openFileBlob(path: string): Promise<Blob> {
  // stat first: a missing file or a directory is found before any request is sent.
  const info = await stat(path);
  if (!info.isFile()) throw new ValidationError(`${path} is not a file`, 'path');
  return fileRange(path, 0, info.size);
}

/** Bytes `start..end` of the file at `path`, opened again for each stream (exported for its tests). */
export function fileRange(path: string, start: number, end: number): Blob {
  const size = end - start;
  const at = (n: number) => Math.min(size, Math.max(0, n < 0 ? size + n : n));
  return {
    size,
    type: '',
    slice: (from = 0, to = size) => fileRange(path, start + at(from), start + Math.max(at(from), at(to))),
    stream() {
      let handle: FileHandle | undefined;
      let position = start;
      const close = () => handle?.close().catch(() => undefined);
      return new ReadableStream<Uint8Array>(
        {
          async pull(controller) {
            try {
              handle ??= await open(path);
              if (position >= end) {
                await close();
                return controller.close();
              }
              const buf = new Uint8Array(Math.min(READ_SIZE, end - position));
              const { bytesRead } = await handle.read(buf, 0, buf.byteLength, position);
              // As with Node's openAsBlob: a file that shrank while it was read is an error, not a short upload.
              if (bytesRead === 0) throw new Error(`${path} changed while it was read (ended at byte ${position} of ${end})`);
              position += bytesRead;
              controller.enqueue(bytesRead === buf.byteLength ? buf : buf.subarray(0, bytesRead));
            } catch (e) {
              await close();
              controller.error(e);
            }
          },
          cancel: close,
        },
        { highWaterMark: 0 },
      );
    },
  } as Blob;
}
