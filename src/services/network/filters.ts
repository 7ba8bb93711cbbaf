import type { Query, QueryValue } from '../../base/types.js';

const TAG_KEYS = new Set(['tags', 'tags-any', 'not-tags', 'not-tags-any']);

/**
 * Turns list filters into a query: Neutron takes tag filters comma-separated, while any other
 * list repeats the key (matching any of the values).
 */
export function toQuery(filters: Record<string, unknown> = {}): Query {
  const q: Query = {};
  for (const [k, val] of Object.entries(filters)) {
    if (val === undefined) continue;
    q[k] = TAG_KEYS.has(k) && Array.isArray(val) ? val.join(',') : (val as QueryValue);
  }
  return q;
}
