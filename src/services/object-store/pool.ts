import { abortReason } from '../../base/signals.js';

/**
 * Runs `worker` in `concurrency` parallel loops until each returns. The first failure aborts the
 * shared signal (so the others stop early) and is rethrown once every loop has settled.
 */
export async function runWorkers(concurrency: number, signal: AbortSignal | undefined, worker: (signal: AbortSignal) => Promise<void>): Promise<void> {
  const controller = new AbortController();
  const onAbort = () => controller.abort(signal?.reason);
  if (signal?.aborted) onAbort();
  else signal?.addEventListener('abort', onAbort, { once: true });
  let failure: { error: unknown } | undefined;
  const loops = Array.from({ length: concurrency }, () =>
    worker(controller.signal).catch((error: unknown) => {
      failure ??= { error };
      controller.abort(error);
    }),
  );
  try {
    await Promise.all(loops);
  } finally {
    signal?.removeEventListener('abort', onAbort);
  }
  if (failure) throw signal?.aborted ? abortReason(signal) : failure.error;
}

/** Calls `fn` on every item with at most `concurrency` calls in flight. */
export async function forEachLimit<T>(items: readonly T[], concurrency: number, fn: (item: T, signal: AbortSignal) => Promise<void>, signal?: AbortSignal) {
  let next = 0;
  await runWorkers(Math.max(1, Math.min(concurrency, items.length)), signal, async (s) => {
    while (next < items.length) {
      s.throwIfAborted();
      await fn(items[next++]!, s);
    }
  });
}
