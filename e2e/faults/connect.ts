import { Connection, type ConnectionOptions } from '../../src/index.js';
import { cloudOptions } from '../../test/helpers/cloud.js';
import type { FaultProxy } from './proxy.js';

/** The demo user's Connection with Keystone (and so the whole catalog) reached through the proxy. */
export function throughProxy(proxy: FaultProxy, extra: Omit<ConnectionOptions<[]>, 'auth'>): Connection {
  const base = cloudOptions('local-demo');
  return new Connection({
    ...base,
    auth: { ...(base.auth as Record<string, unknown>), authUrl: `${proxy.origins.identity}/v3` } as ConnectionOptions['auth'],
    ...extra,
  } as ConnectionOptions<[]>);
}
