import { NotFoundError, ResourceFailureError, ValidationError, WaitTimeoutError } from '../base/errors.js';
import { sleep } from '../base/signals.js';

/** Options of the `waitFor*` calls: the statuses to wait for and to fail on, the polling interval, a timeout and an abort signal. */
export interface WaitOptions<T = unknown> {
  /** Status to wait for (case-insensitive), e.g. `'ACTIVE'`; several allowed. */
  status?: string | readonly string[];
  /** Statuses that end the wait with {@link ResourceFailureError}. Default: `['ERROR']`. */
  failures?: readonly string[];
  /** First delay between polls in ms (default 2000); it grows by half each time up to `maxInterval`. */
  interval?: number;
  /** Longest delay between polls in ms (default 15000). */
  maxInterval?: number;
  /** Give up after this many ms (default 600000) with {@link WaitTimeoutError}. */
  timeout?: number;
  signal?: AbortSignal;
  /** Field holding the status (default `status`). */
  attribute?: string;
  /**
   * Field holding why the resource failed (`stack_status_reason`, `fault.message`): its text ends
   * the message of the ResourceFailureError.
   */
  reason?: string;
  /** Called with each fetched state. */
  onProgress?: (resource: T) => void;
}

/** ` (<reason>)` from the resource's reason field, or nothing. */
function because(r: unknown, field: string | undefined): string {
  let v: unknown = r;
  for (const k of field ? field.split('.') : []) v = v && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined;
  return field && typeof v === 'string' && v.trim() ? `: ${v.trim()}` : '';
}

function delays(o: WaitOptions<any>) {
  const interval = o.interval ?? 2000;
  const max = o.maxInterval ?? 15_000;
  const timeout = o.timeout ?? 600_000;
  if (!(interval >= 0)) throw new ValidationError('must be 0 or more ms', 'interval');
  if (!(timeout >= 0)) throw new ValidationError('must be 0 or more ms', 'timeout');
  return { interval, max, deadline: Date.now() + timeout, timeout };
}

/** Polls `get` until the resource's status is one of `status` (the one wait helper every service uses). */
export async function waitForStatus<T>(get: (signal?: AbortSignal) => Promise<T>, what: string, o: WaitOptions<T>): Promise<T> {
  const wanted = [o.status ?? 'ACTIVE'].flat().map((s) => s.toLowerCase());
  const failures = (o.failures ?? ['ERROR']).map((s) => s.toLowerCase());
  const attr = o.attribute ?? 'status';
  const d = delays(o);
  let wait = d.interval;
  let last: string | undefined;
  for (;;) {
    const r = await get(o.signal);
    o.onProgress?.(r);
    last = String((r as Record<string, unknown>)[attr] ?? '');
    if (wanted.includes(last.toLowerCase())) return r;
    if (failures.includes(last.toLowerCase()))
      throw new ResourceFailureError(`${what} reached ${attr} ${last} while waiting for ${wanted.join(' or ')}${because(r, o.reason)}`, last, r);
    if (Date.now() + wait > d.deadline)
      throw new WaitTimeoutError(`${what} still has ${attr} ${last || '(none)'} after ${d.timeout} ms (waiting for ${wanted.join(' or ')})`, last);
    await sleep(wait, o.signal);
    wait = Math.min(wait * 1.5, d.max);
  }
}

/** Polls `get` until it throws {@link NotFoundError}. */
export async function waitForDelete<T>(get: (signal?: AbortSignal) => Promise<T>, what: string, o: Omit<WaitOptions<T>, 'status'> = {}): Promise<void> {
  const d = delays(o);
  const failures = (o.failures ?? ['ERROR', 'ERROR_DELETING']).map((s) => s.toLowerCase());
  const attr = o.attribute ?? 'status';
  let wait = d.interval;
  let last: string | undefined;
  for (;;) {
    try {
      const r = await get(o.signal);
      o.onProgress?.(r);
      last = String((r as Record<string, unknown>)[attr] ?? '');
      if (failures.includes(last.toLowerCase())) throw new ResourceFailureError(`${what} reached ${attr} ${last} while being deleted${because(r, o.reason)}`, last, r);
    } catch (e) {
      if (e instanceof NotFoundError) return;
      throw e;
    }
    if (Date.now() + wait > d.deadline) throw new WaitTimeoutError(`${what} still exists after ${d.timeout} ms (${attr} ${last})`, last);
    await sleep(wait, o.signal);
    wait = Math.min(wait * 1.5, d.max);
  }
}
