import type { Query } from '../../base/types.js';
import type { ListOptions } from '../../resource/proxy.js';

const CALL_OPTION_KEYS = ['signal', 'timeout', 'microversion', 'headers', 'pageSize'];

/**
 * A list's filters and call options. Lists released as `(opts)` take `(filters?, opts?)` now; call
 * options given in first place still work, for one release.
 */
export function listArgs(filters: object = {}, opts?: ListOptions): [Query, ListOptions | undefined] {
  if (opts === undefined && Object.keys(filters).some((k) => CALL_OPTION_KEYS.includes(k))) return [{}, filters];
  return [filters as Query, opts];
}
