/**
 * `openstack-sdk/message`: the messaging service (Zaqar v2) as a plugin: queues, messages,
 * claims and subscriptions.
 *
 * @module openstack-sdk/message
 */
import { defineService } from '../../plugin.js';
import { MessageProxy } from './proxy.js';

/**
 * The Zaqar v2 service as a plugin: `services: [message]` adds `conn.message` to a Connection
 * from `openstack-sdk/core`. Every call sends the proxy's `Client-ID` (a random UUID per
 * Connection), or the `clientId` option's.
 *
 * @example
 * ```ts
 * import { Connection } from 'openstack-sdk/core';
 * import { message } from 'openstack-sdk/message';
 * const conn = new Connection({ auth, services: [message] });
 * await conn.message.createQueue({ name: 'jobs' });
 * await conn.message.postMessages('jobs', [{ body: { task: 'resize', id: 42 }, ttl: 3600 }]);
 * const claim = await conn.message.createClaim('jobs', { ttl: 120, limit: 10 });
 * for (const msg of claim?.messages ?? []) await conn.message.deleteMessage('jobs', msg, { claimId: claim!.id });
 * ```
 */
export const message = defineService({
  name: 'message',
  type: 'message',
  version: '2',
  create: (ctx) => new MessageProxy(ctx),
});
export { MessageProxy };
export type {
  MessageCallOptions,
  MessageDeleteOptions,
  MessageListOptions,
  MessageQuery,
  PostMessagesOptions,
  PurgeResource,
  QueueQuery,
  QueueRef,
} from './proxy.js';
export * from './schemas.js';
