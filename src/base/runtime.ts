/** A page or a worker: where fetch hides the cause of failures and streams request bodies only over HTTP/2. */
export function isBrowser(): boolean {
  const g = globalThis as { document?: unknown; WorkerGlobalScope?: unknown };
  return g.document !== undefined || g.WorkerGlobalScope !== undefined;
}
