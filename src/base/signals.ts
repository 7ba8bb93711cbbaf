import { OpenStackError, TimeoutError } from './errors.js';

/**
 * A signal that aborts when the caller's signal aborts or when `timeout` ms pass, whichever comes
 * first. (ofetch's own `timeout` cannot be lifted when a streamed body is handed to the caller, and
 * its abort is not a TimeoutError, so the SDK composes the two itself.)
 */
export function withTimeout(
  signal: AbortSignal | undefined,
  timeout: number | undefined,
): { signal: AbortSignal | undefined; dispose: () => void; clearTimer: () => void } {
  if (!timeout || timeout <= 0) return { signal, dispose: () => {}, clearTimer: () => {} };
  const controller = new AbortController();
  const timer = setTimeout(
    () => controller.abort(new TimeoutError(`Request timed out after ${timeout} ms`)),
    timeout,
  );
  const onAbort = () => controller.abort(signal?.reason);
  if (signal) {
    if (signal.aborted) controller.abort(signal.reason);
    else signal.addEventListener('abort', onAbort, { once: true });
  }
  return {
    signal: controller.signal,
    // For a streamed body: stop the timer but keep the caller's signal able to cancel the stream.
    clearTimer: () => clearTimeout(timer),
    dispose: () => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
    },
  };
}

/** Throws the signal's reason (as an AbortError when it has none) if the signal is aborted. */
export function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw abortReason(signal);
}

export function abortReason(signal: AbortSignal): unknown {
  const r = signal.reason;
  if (r instanceof Error) return r;
  const e = new Error(typeof r === 'string' ? r : 'The operation was aborted');
  e.name = 'AbortError';
  return e;
}

export function isAbortError(e: unknown): boolean {
  return (
    e instanceof Error && (e.name === 'AbortError' || e instanceof TimeoutError || (e as { code?: unknown }).code === 20)
  );
}

/** Sleeps `ms`, rejecting early with the signal's reason when it aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(abortReason(signal));
    const onAbort = () => {
      clearTimeout(t);
      reject(abortReason(signal!));
    };
    const t = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

export { OpenStackError };
