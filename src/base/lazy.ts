import { ConnectionError } from './errors.js';

/**
 * The one way the SDK loads code that only some calls need (`import()` of its own chunks): once,
 * shared by concurrent callers, and tried again by the next call after a failure. A chunk that
 * cannot be loaded (the network is down, or the app was redeployed under new chunk names) becomes a
 * ConnectionError that says what to check, not a bare TypeError from the browser.
 *
 * `load` must be an arrow around a literal `import('./x.js')`, so that bundlers still split it.
 */
export function lazy<T>(what: string, load: () => Promise<T>): () => Promise<T> {
  let loading: Promise<T> | undefined;
  return () =>
    (loading ??= load().catch((e: unknown) => {
      loading = undefined;
      const detail = e instanceof Error ? e.message : String(e);
      throw new ConnectionError(
        `Could not load the SDK's code for ${what} (${detail}). Check the network, and that the app serves the SDK's chunks along with its bundle.`,
        'GET',
        '',
        { cause: e },
      );
    }));
}
