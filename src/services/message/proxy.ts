import * as v from 'valibot';
import { NotFoundError, ValidationError } from '../../base/errors.js';
import type { CallOptions, OpenStackResponse, Query, RequestSpec } from '../../base/types.js';
import { seg } from '../../base/url.js';
import { checkNumber, idOf, parseResponse, validateInput } from '../../base/validate.js';
import { declaredProxy, type DeleteOptions } from '../../resource/declare.js';
import type { Paged } from '../../resource/paginate.js';
import type { ListOptions, Ref, ServiceContext } from '../../resource/proxy.js';
import { toQuery } from '../../resource/query.js';
import { newClientId } from './client-id.js';
import * as r from './resources.js';
import * as s from './schemas.js';

/** A queue, by name or as the object `queues()` and `createQueue` return. */
export type QueueRef = string | { name: string };

/** Options of every message call: the usual ones, and `clientId` to speak as another client for this call. */
export interface MessageCallOptions extends CallOptions {
  /** The `Client-ID` (a UUID) of this call instead of the proxy's own. */
  clientId?: string;
}
/** Options of the message service's lists. */
export type MessageListOptions = ListOptions & { clientId?: string };
/** Options of the message service's deletes. */
export type MessageDeleteOptions = DeleteOptions & { clientId?: string };

/** Filters of `queues()`. */
export interface QueueQuery {
  /** Include each queue's metadata. */
  detailed?: boolean;
}
/** Filters of `messages(queue)`. */
export interface MessageQuery {
  /** Include the messages this client posted itself (Zaqar leaves them out by default). */
  echo?: boolean;
  /** Include messages under a live claim. */
  include_claimed?: boolean;
  /** Include messages whose `delay` has not run out. */
  include_delayed?: boolean;
}

/** Options of {@link MessageProxy.postMessages}. */
export type PostMessagesOptions = MessageCallOptions & {
  /** Messages per request (default 20). */
  batchSize?: number;
  /** Bytes of JSON per request at most (default 262144, Zaqar's default `max_messages_post_size`). */
  maxBatchBytes?: number;
};

/** What Zaqar can purge from a queue. */
export type PurgeResource = 'messages' | 'subscriptions';

/** Zaqar's default cap on ids per request (`max_messages_per_page`). */
const IDS_PER_REQUEST = 20;
const PATCH_TYPE = 'application/openstack-messaging-v2.0-json-patch';

const PostResult = v.looseObject({ resources: v.array(v.string()) });
const SubscriptionCreated = v.looseObject({ subscription_id: v.string() });
const MessageList = v.looseObject({ messages: v.array(s.Message) });
const IdList = v.pipe(v.array(v.pipe(v.string(), v.minLength(1, 'must not be empty'))), v.minLength(1, 'must hold at least one id'));
const MetadataKeys = v.array(v.pipe(v.string(), v.minLength(1, 'must not be empty')));
const Purge = v.array(v.picklist(['messages', 'subscriptions']));

/** The last path segment of an href (`/v2/queues/q/messages/<id>?claim_id=...` gives the id). */
function lastSegment(href: string): string {
  const path = href.split('?')[0]!.replace(/\/+$/, '');
  return decodeURIComponent(path.slice(path.lastIndexOf('/') + 1));
}

/** The claim a claimed message's href names (`?claim_id=`), if any. */
function claimIdOf(message: Ref): string | undefined {
  const href = typeof message === 'object' ? (message as { href?: unknown }).href : undefined;
  if (typeof href !== 'string') return undefined;
  const q = href.split('?')[1];
  return q ? (new URLSearchParams(q).get('claim_id') ?? undefined) : undefined;
}

/** JSON pointer (RFC 6901) of a metadata key. */
function pointer(key: string): string {
  return `/metadata/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`;
}

function chunks<T>(list: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
}

const utf8 = new TextEncoder();

/** Splits messages into requests of at most `size` messages and `maxBytes` bytes of JSON (a bigger message goes alone). */
function batches(list: readonly unknown[], size: number, maxBytes: number): unknown[][] {
  const out: unknown[][] = [];
  let batch: unknown[] = [];
  // `{"messages":[` + `]}`, and a comma between messages.
  let bytes = 15;
  for (const m of list) {
    const n = utf8.encode(JSON.stringify(m)).length + 1;
    if (batch.length && (batch.length >= size || bytes + n > maxBytes)) {
      out.push(batch);
      batch = [];
      bytes = 15;
    }
    batch.push(m);
    bytes += n;
  }
  if (batch.length) out.push(batch);
  return out;
}

/**
 * `conn.message`: Zaqar v2 queues, messages, claims and subscriptions. Every request carries a
 * `Client-ID`: a random UUID made once per proxy (so per Connection), read from
 * {@link MessageProxy.clientId}, or another one for one call with the `clientId` option. Zaqar
 * leaves a client's own messages out of its listings unless `echo: true`.
 */
export class MessageProxy extends declaredProxy(r) {
  /** The `Client-ID` this proxy sends. */
  readonly clientId: string;

  constructor(ctx: ServiceContext, opts: { clientId?: string } = {}) {
    super(ctx);
    this.clientId = opts.clientId === undefined ? newClientId() : clientIdOf(opts.clientId);
  }

  /** Sends a request to Zaqar with the `Client-ID` header (`spec.clientId` or the proxy's). */
  override request<T = unknown>(spec: RequestSpec & { clientId?: string }): Promise<OpenStackResponse<T>> {
    const { clientId, ...rest } = spec;
    const id = clientId === undefined ? this.clientId : clientIdOf(clientId);
    return super.request<T>({ ...rest, headers: { 'client-id': id, ...rest.headers } });
  }

  // Queues

  /** The project's queues, by name, a page (at most 20 by default) at a time; `detailed: true` adds their metadata. */
  queues(filters: QueueQuery = {}, opts?: MessageListOptions): Paged<s.Queue> {
    return this._list(r.queues, toQuery(filters as Record<string, unknown>), opts);
  }

  /**
   * The queue with this name, with its metadata; undefined when there is none (or NotFoundError
   * with `ignoreMissing: false`). Zaqar has no read that fails for a missing queue (it answers its
   * default metadata), so this looks through the listing.
   */
  async findQueue(name: string, opts: MessageCallOptions & { ignoreMissing?: boolean } = {}): Promise<s.Queue | undefined> {
    const wanted = validateInput(s.QueueName, name, 'name');
    const { ignoreMissing = true, ...call } = opts;
    for await (const q of this.queues({ detailed: true }, call)) if (q.name === wanted) return q;
    if (ignoreMissing) return undefined;
    throw new NotFoundError({ status: 404, method: 'GET', url: '', cloudMessage: `No queue named '${wanted}'` });
  }

  /**
   * Creates a queue (Zaqar also makes one on the first message posted to it) and reads back its
   * metadata, the reserved defaults included. An existing queue is left as it is.
   */
  async createQueue(attrs: s.QueueAttrs, opts: MessageCallOptions = {}): Promise<s.Queue> {
    const { name, metadata } = validateInput(s.QueueCreate, attrs, 'attrs');
    await this.request({ ...opts, method: 'PUT', path: `/queues/${seg(name)}`, body: metadata ?? {}, responseType: 'none' });
    return { name, metadata: await this.getQueueMetadata(name, opts) };
  }

  /** Deletes a queue with its messages, claims and subscriptions (Zaqar answers the same for a missing one). */
  async deleteQueue(queue: QueueRef, opts: MessageDeleteOptions = {}): Promise<void> {
    const { ignoreMissing = false, ...call } = opts;
    await this.request({
      ...call,
      method: 'DELETE',
      path: this.queuePath(queue),
      okStatuses: ignoreMissing ? [404] : undefined,
      responseType: 'none',
    });
  }

  /** A queue's metadata, with the reserved `_…` keys' defaults filled in (the defaults also for a queue never made). */
  async getQueueMetadata(queue: QueueRef, opts: MessageCallOptions = {}): Promise<s.QueueMetadata> {
    const res = await this.request({ ...opts, path: this.queuePath(queue) });
    return parseResponse(s.QueueMetadata, res.data, 'queue metadata');
  }

  /** Sets metadata keys (others are kept) through a JSON patch; resolves to the metadata after. NotFoundError for a missing queue. */
  async setQueueMetadata(queue: QueueRef, metadata: s.QueueMetadata, opts: MessageCallOptions = {}): Promise<s.QueueMetadata> {
    const path = this.queuePath(queue);
    const meta = validateInput(s.QueueMetadata, metadata, 'metadata');
    const ops = Object.entries(meta)
      .filter(([, value]) => value !== undefined)
      .map(([k, value]) => ({ op: 'add', path: pointer(k), value }));
    if (!ops.length) return this.getQueueMetadata(queue, opts);
    return this.patchQueue(path, ops, opts);
  }

  /** Removes metadata keys, whether they are set or not; resolves to the metadata after. */
  async deleteQueueMetadata(queue: QueueRef, keys: readonly string[], opts: MessageCallOptions = {}): Promise<s.QueueMetadata> {
    const path = this.queuePath(queue);
    const names = validateInput(MetadataKeys, keys, 'keys');
    const current = await this.getQueueMetadata(queue, opts);
    // Zaqar refuses (409) to remove a key that is not there. The reserved `_…` keys are always
    // there (with their defaults): removing one puts its default back.
    const ops = names.filter((k) => k in current).map((k) => ({ op: 'remove', path: pointer(k) }));
    if (!ops.length) return current;
    return this.patchQueue(path, ops, opts);
  }

  /** Message counts (`free`, `claimed`, `total`) and the oldest and newest message's age. */
  async getQueueStats(queue: QueueRef, opts: MessageCallOptions = {}): Promise<s.QueueStats> {
    const res = await this.request({ ...opts, path: `${this.queuePath(queue)}/stats` });
    return parseResponse(s.QueueStats, res.data, 'queue stats');
  }

  /** Deletes a queue's messages and subscriptions (or only the `resourceTypes` given) and keeps the queue. */
  async purgeQueue(queue: QueueRef, opts: MessageCallOptions & { resourceTypes?: readonly PurgeResource[] } = {}): Promise<void> {
    const path = this.queuePath(queue);
    const { resourceTypes = ['messages', 'subscriptions'], ...call } = opts;
    const types = validateInput(v.pipe(Purge, v.minLength(1, 'must name at least one')), resourceTypes, 'resourceTypes');
    await this.request({ ...call, method: 'POST', path: `${path}/purge`, body: { resource_types: types }, responseType: 'none' });
  }

  // Messages

  /**
   * Posts messages and resolves to their ids, in order. Larger arrays are sent in batches of
   * `batchSize` (and `maxBatchBytes`); a failed batch throws, and the batches before it stay posted.
   */
  async postMessages(queue: QueueRef, messages: readonly s.NewMessage[], opts: PostMessagesOptions = {}): Promise<string[]> {
    const path = `${this.queuePath(queue)}/messages`;
    const { batchSize = 20, maxBatchBytes = 262_144, ...call } = opts;
    checkNumber(batchSize, 'batchSize', 1, true);
    checkNumber(maxBatchBytes, 'maxBatchBytes', 1, true);
    const list = validateInput(v.pipe(v.array(s.NewMessage), v.minLength(1, 'must hold at least one message')), messages, 'messages');
    const ids: string[] = [];
    for (const batch of batches(list, batchSize, maxBatchBytes)) {
      const res = await this.request({ ...call, method: 'POST', path, body: { messages: batch } });
      const posted = parseResponse(PostResult, res.data, 'message post').resources.map(lastSegment);
      ids.push(...posted);
    }
    return ids;
  }

  /**
   * A queue's messages, oldest first(ish), a page (at most 20 by default) at a time. Zaqar leaves
   * out the caller's own messages unless `echo: true`, and claimed ones unless `include_claimed: true`.
   */
  messages(queue: QueueRef, filters: MessageQuery = {}, opts?: MessageListOptions): Paged<s.Message> {
    return this._list(r.messages, toQuery(filters as Record<string, unknown>), opts, `${this.queuePath(queue)}/messages`);
  }

  /** One message; NotFoundError when it (or its queue) is missing. */
  async getMessage(queue: QueueRef, message: Ref, opts: MessageCallOptions = {}): Promise<s.Message> {
    const res = await this.request({ ...opts, path: `${this.queuePath(queue)}/messages/${seg(idOf(message, 'message'))}` });
    return parseResponse(s.Message, res.data, 'message');
  }

  /** Messages by id, in the order asked for; ids that are missing are left out. */
  async getMessages(queue: QueueRef, ids: readonly string[], opts: MessageCallOptions = {}): Promise<s.Message[]> {
    const path = `${this.queuePath(queue)}/messages`;
    const wanted = validateInput(IdList, ids, 'ids');
    const found = new Map<string, s.Message>();
    for (const part of chunks(wanted, IDS_PER_REQUEST)) {
      // Repeated `ids=` keys: Zaqar reads an encoded comma list as one id.
      const res = await this.request({ ...opts, path, query: { ids: part }, okStatuses: [404] });
      // Zaqar answers 404 when none of them is there.
      const list = res.status === 404 || !res.data ? [] : parseResponse(MessageList, res.data, 'messages').messages;
      for (const m of list) found.set(m.id, m);
    }
    return wanted.flatMap((id) => found.get(id) ?? []);
  }

  /**
   * Deletes one message. A claimed message needs its claim: `claimId`, or the message as a claim
   * handed it out (its href names the claim). Zaqar answers the same for a missing message.
   */
  async deleteMessage(queue: QueueRef, message: Ref, opts: MessageDeleteOptions & { claimId?: string } = {}): Promise<void> {
    const path = `${this.queuePath(queue)}/messages/${seg(idOf(message, 'message'))}`;
    const { ignoreMissing = false, claimId = claimIdOf(message), ...call } = opts;
    if (claimId !== undefined) idOf(claimId, 'claimId');
    await this.request({
      ...call,
      method: 'DELETE',
      path,
      query: { claim_id: claimId },
      okStatuses: ignoreMissing ? [404] : undefined,
      responseType: 'none',
    });
  }

  /**
   * Deletes messages by id (20 a request); with `claimId`, only those held by that claim. Ids that
   * are missing are skipped by Zaqar.
   */
  async deleteMessages(queue: QueueRef, ids: readonly string[], opts: MessageDeleteOptions & { claimId?: string } = {}): Promise<void> {
    const path = `${this.queuePath(queue)}/messages`;
    const wanted = validateInput(IdList, ids, 'ids');
    const { ignoreMissing = false, claimId, ...call } = opts;
    if (claimId !== undefined) idOf(claimId, 'claimId');
    for (const part of chunks(wanted, IDS_PER_REQUEST)) {
      const query: Query = { ids: part, claim_ids: claimId };
      await this.request({ ...call, method: 'DELETE', path, query, okStatuses: ignoreMissing ? [404] : undefined, responseType: 'none' });
    }
  }

  // Claims

  /**
   * Claims up to `limit` free messages for `ttl` seconds (the cloud's defaults: 10 messages, 300
   * seconds; `grace` adds life to the claimed messages). Resolves to undefined when no message was
   * free to claim.
   */
  async createClaim(queue: QueueRef, attrs: s.ClaimAttrs = {}, opts: MessageCallOptions = {}): Promise<s.Claim | undefined> {
    const path = `${this.queuePath(queue)}/claims`;
    const { limit, ...body } = validateInput(s.ClaimCreate, attrs, 'attrs');
    const res = await this.request({ ...opts, method: 'POST', path, query: { limit }, body });
    if (res.status === 204 || !res.data) return undefined;
    const { messages } = parseResponse(MessageList, res.data, 'claim');
    // The claim's id is in the Location header, and in each message's href (`?claim_id=`), which a
    // browser reads even when CORS does not expose Location.
    const location = res.headers.get('location');
    const id = (location ? lastSegment(location) : '') || messages.map((m) => claimIdOf(m)).find(Boolean);
    if (!id) return parseResponse(s.Claim, { messages }, 'claim');
    return { id, ...(location ? { href: location } : {}), ...(body.ttl !== undefined ? { ttl: body.ttl } : {}), messages };
  }

  /** A claim with its messages and remaining `ttl`; NotFoundError once it is released or expired. */
  async getClaim(queue: QueueRef, claim: Ref, opts: MessageCallOptions = {}): Promise<s.Claim> {
    const id = idOf(claim, 'claim');
    const res = await this.request({ ...opts, path: `${this.queuePath(queue)}/claims/${seg(id)}` });
    return parseResponse(s.Claim, { id, ...(res.data as object) }, 'claim');
  }

  /** Renews a claim: its `ttl` starts again from now (and `grace` extends its messages). */
  async updateClaim(queue: QueueRef, claim: Ref, changes: s.ClaimChanges, opts: MessageCallOptions = {}): Promise<void> {
    const path = `${this.queuePath(queue)}/claims/${seg(idOf(claim, 'claim'))}`;
    const body = validateInput(s.ClaimUpdate, changes, 'changes');
    if (body.ttl === undefined && body.grace === undefined) throw new ValidationError('give `ttl` or `grace`', 'changes');
    await this.request({ ...opts, method: 'PATCH', path, body, responseType: 'none' });
  }

  /** Releases a claim: its messages not yet deleted become free for other consumers. */
  async deleteClaim(queue: QueueRef, claim: Ref, opts: MessageDeleteOptions = {}): Promise<void> {
    const path = `${this.queuePath(queue)}/claims/${seg(idOf(claim, 'claim'))}`;
    const { ignoreMissing = false, ...call } = opts;
    await this.request({ ...call, method: 'DELETE', path, okStatuses: ignoreMissing ? [404] : undefined, responseType: 'none' });
  }

  // Subscriptions

  /** A queue's subscriptions, a page at a time. */
  subscriptions(queue: QueueRef, opts?: MessageListOptions): Paged<s.Subscription> {
    return this._list(r.subscriptions, {}, opts, `${this.queuePath(queue)}/subscriptions`);
  }

  /**
   * Subscribes a webhook (`https://…`) or an address (`mailto:…`) to a queue's messages; Zaqar
   * hands back the existing subscription for a subscriber already there.
   */
  async createSubscription(queue: QueueRef, attrs: s.SubscriptionAttrs, opts: MessageCallOptions = {}): Promise<s.Subscription> {
    const path = `${this.queuePath(queue)}/subscriptions`;
    const body = validateInput(s.SubscriptionCreate, attrs, 'attrs');
    const res = await this.request({ ...opts, method: 'POST', path, body });
    const { subscription_id } = parseResponse(SubscriptionCreated, res.data, 'subscription');
    return this.getSubscription(queue, subscription_id, opts);
  }

  /** One subscription; NotFoundError when it is missing. */
  async getSubscription(queue: QueueRef, subscription: Ref, opts: MessageCallOptions = {}): Promise<s.Subscription> {
    const res = await this.request({ ...opts, path: `${this.queuePath(queue)}/subscriptions/${seg(idOf(subscription, 'subscription'))}` });
    return parseResponse(s.Subscription, res.data, 'subscription');
  }

  /** Changes a subscription's subscriber, ttl or options, and reads it back. */
  async updateSubscription(queue: QueueRef, subscription: Ref, changes: s.SubscriptionChanges, opts: MessageCallOptions = {}): Promise<s.Subscription> {
    const id = idOf(subscription, 'subscription');
    const path = `${this.queuePath(queue)}/subscriptions/${seg(id)}`;
    const body = validateInput(s.SubscriptionUpdate, changes, 'changes');
    if (!Object.values(body).some((x) => x !== undefined)) throw new ValidationError('nothing to change', 'changes');
    await this.request({ ...opts, method: 'PATCH', path, body, responseType: 'none' });
    return this.getSubscription(queue, id, opts);
  }

  /** Deletes a subscription (Zaqar answers the same for a missing one). */
  async deleteSubscription(queue: QueueRef, subscription: Ref, opts: MessageDeleteOptions = {}): Promise<void> {
    const path = `${this.queuePath(queue)}/subscriptions/${seg(idOf(subscription, 'subscription'))}`;
    const { ignoreMissing = false, ...call } = opts;
    await this.request({ ...call, method: 'DELETE', path, okStatuses: ignoreMissing ? [404] : undefined, responseType: 'none' });
  }

  private async patchQueue(path: string, ops: object[], opts: MessageCallOptions): Promise<s.QueueMetadata> {
    const res = await this.request({ ...opts, method: 'PATCH', path, body: ops, headers: { 'content-type': PATCH_TYPE, ...opts.headers } });
    return parseResponse(s.QueueMetadata, res.data, 'queue metadata');
  }

  /** `/queues/<name>`, the name checked against Zaqar's rules. */
  private queuePath(queue: QueueRef): string {
    const name = typeof queue === 'object' && queue !== null ? queue.name : queue;
    return `/queues/${seg(validateInput(s.QueueName, name, 'queue'))}`;
  }
}

/** A `Client-ID`: Zaqar wants a UUID unless its `client_id_uuid_safe` is off. */
function clientIdOf(id: unknown): string {
  if (typeof id !== 'string' || !id.trim()) throw new ValidationError('must be a non-empty string (a UUID)', 'clientId');
  return id;
}
