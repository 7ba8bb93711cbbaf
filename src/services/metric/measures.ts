import * as v from 'valibot';
import type { Query } from '../../base/types.js';
import { ValidationError } from '../../base/errors.js';
import { parseResponse, validateInput } from '../../base/validate.js';

/**
 * A moment as Gnocchi takes it: a Date, seconds since the epoch, or a string Gnocchi parses (ISO
 * 8601). Checked here, so that a bad one fails before anything is sent.
 */
export type Timestamp = Date | number | string;

/**
 * Every timestamp is sent as ISO 8601: Gnocchi converts a batch's timestamps together, and drops
 * the epoch numbers of a batch that mixes them with date strings.
 */
export function timestamp(t: unknown, field: string): string {
  const seconds = typeof t === 'number' ? t : typeof t === 'string' && /^\d+(\.\d+)?$/.test(t) ? Number(t) : undefined;
  const date = t instanceof Date ? t : seconds !== undefined ? new Date(seconds * 1000) : undefined;
  if (date) {
    if (Number.isNaN(date.getTime())) throw new ValidationError('is not a valid date', field);
    return date.toISOString();
  }
  if (typeof t === 'string' && !Number.isNaN(Date.parse(t))) return t;
  throw new ValidationError(`is not a timestamp (a Date, epoch seconds or ISO 8601): ${JSON.stringify(t)}`, field);
}

/** One measure to push. */
export const MeasureInput = v.object({
  timestamp: v.union([v.date(), v.number(), v.string()]),
  value: v.pipe(v.number(), v.finite()),
});
export type MeasureInput = v.InferInput<typeof MeasureInput>;

/** Measures checked and put in the form Gnocchi takes. */
export function measuresBody(measures: unknown, field: string): { timestamp: string; value: number }[] {
  const list = validateInput(v.array(MeasureInput), measures, field);
  return list.map((m, i) => ({ timestamp: timestamp(m.timestamp, `${field}.${i}.timestamp`), value: m.value }));
}

/** One aggregated point: the start of its period, the period in seconds, and the value. */
export const Measure = v.pipe(
  v.tuple([v.string(), v.number(), v.nullable(v.number())]),
  v.transform(([timestamp, granularity, value]) => ({ timestamp, granularity, value })),
);
export type Measure = v.InferOutput<typeof Measure>;
export const Measures = v.array(Measure);

/** What `getMeasures` and `aggregates` read: the window, the granularity and how points are combined. */
export interface MeasureQuery {
  /** Aggregation method (`mean` by default): `min`, `max`, `sum`, `count`, `last`, `std`, `rate:mean`... */
  aggregation?: string;
  /** Seconds (or `1min` style); only points of this granularity. */
  granularity?: number | string;
  start?: Timestamp;
  stop?: Timestamp;
  /** Resample to this granularity (needs `granularity`). */
  resample?: number | string;
  /** Process measures not yet aggregated before answering. */
  refresh?: boolean;
  /** Fill missing points: a number, `null` or `dropna`. */
  fill?: number | 'null' | 'dropna';
}

/** The query string of a measures read, with its timestamps checked. */
export function measureQuery(q: MeasureQuery | Record<string, unknown> = {}): Query {
  const out: Query = {};
  for (const [k, val] of Object.entries(q)) {
    if (val === undefined) continue;
    out[k] = k === 'start' || k === 'stop' ? timestamp(val, k) : (val as Query[string]);
  }
  return out;
}

/** Points nested anywhere in an aggregates answer (`[[ts, granularity, value], ...]`) become {@link Measure} objects. */
export function pointsToMeasures(x: unknown): unknown {
  if (Array.isArray(x)) {
    if (x.length && x.every((p) => Array.isArray(p) && p.length === 3 && typeof p[0] === 'string')) return parseResponse(Measures, x, 'measures');
    return x.map(pointsToMeasures);
  }
  if (x && typeof x === 'object') return Object.fromEntries(Object.entries(x).map(([k, val]) => [k, pointsToMeasures(val)]));
  return x;
}
