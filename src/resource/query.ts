import type { Query, QueryValue } from '../base/types.js';

/** How a service's lists want their filters sent, where it differs from one key per value. */
export interface QueryDialect {
  /** Keys whose list of values goes comma-separated in one parameter (Neutron's tag filters). */
  commaLists?: readonly string[];
  /** Objects go as JSON (Cinder's `metadata` filter). */
  jsonObjects?: boolean;
  /**
   * Filters go as `q.field`/`q.op`/`q.value` triplets (Aodh), except these keys, sent as they are.
   * A filter given as `{ op: 'gt', value }` uses that operator instead of `eq`.
   */
  triplets?: { plain: readonly string[] };
}

/**
 * A list's filters as the cloud's query: undefined filters are left out, a list of values repeats
 * the key (matching any of them), unless the service's dialect says otherwise.
 */
export function toQuery(filters: Record<string, unknown> = {}, dialect: QueryDialect = {}): Query {
  const q: Query = {};
  for (const [k, val] of Object.entries(filters)) {
    if (val === undefined) continue;
    if (dialect.triplets && !dialect.triplets.plain.includes(k)) {
      const { op = 'eq', value } = val !== null && typeof val === 'object' && !Array.isArray(val) ? (val as { op?: string; value: unknown }) : { value: val };
      for (const [key, item] of [['q.field', k], ['q.op', op], ['q.value', String(value)]] as const) q[key] = [...((q[key] as string[]) ?? []), item];
      continue;
    }
    if (Array.isArray(val) && dialect.commaLists?.includes(k)) q[k] = val.join(',');
    else if (dialect.jsonObjects && val !== null && typeof val === 'object' && !Array.isArray(val)) q[k] = JSON.stringify(val);
    else q[k] = val as QueryValue;
  }
  return q;
}
