import type { Query, QueryValue } from '../../base/types.js';

/** Turns list filters into a query; Cinder reads a metadata filter as a JSON-like dict. */
export function toQuery(filters: Record<string, unknown> = {}): Query {
  const q: Query = {};
  for (const [k, val] of Object.entries(filters)) {
    if (val === undefined) continue;
    q[k] = val !== null && typeof val === 'object' && !Array.isArray(val) ? JSON.stringify(val) : (val as QueryValue);
  }
  return q;
}
