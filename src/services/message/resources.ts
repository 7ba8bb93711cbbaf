import { defineResource } from '../../resource/declare.js';
import * as s from './schemas.js';

// Zaqar's resources are reached by queue name and under a queue, so the proxy writes their
// methods itself; these declarations give the shared list/get/delete operations their shapes.

/** Queues of the project (`GET /queues`, paged by `marker` through `links` with `rel: next`). */
export const queues = defineResource({ name: 'queue', one: 'Queue', many: 'queues', ops: [], path: '/queues', key: null, listKey: 'queues', schema: s.Queue });

/** Messages of a queue (`/queues/{name}/messages`). */
export const messages = defineResource({ name: 'message', one: 'Message', many: 'messages', ops: [], path: '', key: null, listKey: 'messages', schema: s.Message });

/** Subscriptions of a queue (`/queues/{name}/subscriptions`). */
export const subscriptions = defineResource({
  name: 'subscription',
  one: 'Subscription',
  many: 'subscriptions',
  ops: [],
  path: '',
  key: null,
  listKey: 'subscriptions',
  schema: s.Subscription,
});
