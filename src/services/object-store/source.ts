import { ValidationError } from '../../base/errors.js';
import { isBrowser } from '../../base/runtime.js';

/** What can be uploaded. Strings are sent as UTF-8. */
export type UploadData = Blob | ReadableStream<Uint8Array> | ArrayBuffer | ArrayBufferView | string;

/** A piece of input whose size is known and that can be read again (for retries). */
export type Part = Blob | Uint8Array;

/** The input as a re-readable part, or as a stream that can be read once. */
export function toPart(data: UploadData): Part | ReadableStream<Uint8Array> {
  if (typeof data === 'string') return new TextEncoder().encode(data);
  if (data instanceof Uint8Array) return data;
  if (ArrayBuffer.isView(data)) return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  if (isBlob(data)) return data;
  if (data && typeof (data as ReadableStream).getReader === 'function') return data as ReadableStream<Uint8Array>;
  throw new ValidationError('must be a Blob, File, ReadableStream, ArrayBuffer, typed array or string', 'data');
}

function isBlob(x: unknown): x is Blob {
  if (typeof Blob !== 'undefined' && x instanceof Blob) return true;
  const b = x as Blob;
  return !!b && typeof b.slice === 'function' && typeof b.stream === 'function' && typeof b.size === 'number';
}

export function isStream(p: Part | ReadableStream<Uint8Array>): p is ReadableStream<Uint8Array> {
  return !(p instanceof Uint8Array) && !isBlob(p);
}

export const sizeOf = (p: Part): number => (p instanceof Uint8Array ? p.byteLength : p.size);

/** A view of bytes `start..end` of a part: no copy (Blob.slice, subarray). */
export const sliceOf = (p: Part, start: number, end: number): Part => (p instanceof Uint8Array ? p.subarray(start, end) : p.slice(start, end));

/** Segment size of a Static Large Object unless told otherwise (or more, to stay within the cluster's segment count). */
export const DEFAULT_SEGMENT = 32 * 1024 * 1024;

let streamsSupported: boolean | undefined;

/** Whether this runtime's fetch can send a ReadableStream as a request body. */
export function canStreamRequests(): boolean {
  if (streamsSupported === undefined) {
    // Browsers: Chromium accepts a streamed body but sends it only over HTTP/2, and fails the
    // request on HTTP/1.1 (ERR_ALPN_NEGOTIATION_FAILED); the protocol is unknown beforehand, so
    // browsers send Blobs as they are and cut streams into segments.
    if (isBrowser()) return (streamsSupported = false);
    try {
      // Node needs `duplex: 'half'` for a stream body; Deno and Bun stream without reading it. A
      // runtime that cannot stream turns the stream into text ("[object ReadableStream]").
      const body = new ReadableStream();
      const hasType = new Request('http://localhost/', { method: 'POST', body, duplex: 'half' } as RequestInit).headers.has('content-type');
      streamsSupported = !hasType;
    } catch {
      streamsSupported = false;
    }
  }
  return streamsSupported;
}
