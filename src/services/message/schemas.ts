import * as v from 'valibot';

/** Zaqar's queue names: 1 to 64 ASCII letters, digits, `_`, `-` and `.`. */
export const QueueName = v.pipe(
  v.string(),
  v.minLength(1, 'must not be empty'),
  v.maxLength(64, 'must be 64 characters or fewer'),
  v.regex(/^[a-zA-Z0-9_.-]+$/, 'may only contain ASCII letters, digits, `_`, `-` and `.`'),
);

/**
 * Queue metadata: free keys, and the reserved ones Zaqar reads (`_default_message_ttl`,
 * `_default_message_delay`, `_max_messages_post_size`, `_dead_letter_queue`,
 * `_dead_letter_queue_messages_ttl`, `_max_claim_count`, `_enable_encrypt_messages`).
 */
export const QueueMetadata = v.record(v.string(), v.unknown());
export type QueueMetadata = v.InferOutput<typeof QueueMetadata>;

/** A Zaqar queue; `metadata` is there when the list was `detailed` and from `createQueue`/`findQueue`. */
export const Queue = v.looseObject({
  name: v.string(),
  href: v.optional(v.string()),
  metadata: v.optional(QueueMetadata),
});
export type Queue = v.InferOutput<typeof Queue>;

/** Attributes of a new queue. */
export const QueueCreate = v.object({
  name: QueueName,
  metadata: v.optional(QueueMetadata),
});
/** The attributes of a new queue: the input of `QueueCreate`. */
export type QueueAttrs = v.InferInput<typeof QueueCreate>;

const MessageStat = v.looseObject({
  age: v.optional(v.number()),
  created: v.optional(v.string()),
  href: v.optional(v.string()),
});

/** Counts of a queue's messages; `oldest` and `newest` when it holds any. */
export const QueueStats = v.looseObject({
  messages: v.looseObject({
    free: v.number(),
    claimed: v.number(),
    total: v.number(),
    oldest: v.optional(MessageStat),
    newest: v.optional(MessageStat),
  }),
});
export type QueueStats = v.InferOutput<typeof QueueStats>;

/** A message as Zaqar hands it out (`href` names the claim when it is claimed). */
export const Message = v.looseObject({
  id: v.string(),
  href: v.optional(v.string()),
  /** Seconds the message lives. */
  ttl: v.optional(v.number()),
  /** Seconds since it was posted. */
  age: v.optional(v.number()),
  body: v.unknown(),
  checksum: v.optional(v.string()),
});
export type Message = v.InferOutput<typeof Message>;

const whole = (min: number) => v.pipe(v.number(), v.integer('must be a whole number'), v.minValue(min, `must be ${min} or more`));

/**
 * A message to post. `ttl` is at least 60 seconds (the cloud's `max_message_ttl`, 14 days by
 * default, caps it); `delay` (seconds before it can be listed or claimed) is 0 or more.
 */
export const NewMessage = v.object({
  body: v.pipe(
    v.unknown(),
    v.check((x) => x !== undefined, 'is required'),
  ),
  ttl: v.optional(whole(60)),
  delay: v.optional(whole(0)),
});
export type NewMessage = v.InferInput<typeof NewMessage>;

/** A claim: the messages it holds for its client until its `ttl` runs out. */
export const Claim = v.looseObject({
  id: v.string(),
  href: v.optional(v.string()),
  ttl: v.optional(v.number()),
  age: v.optional(v.number()),
  messages: v.array(Message),
});
export type Claim = v.InferOutput<typeof Claim>;

/**
 * A new claim: `ttl` (how long the messages stay claimed) and `grace` (how much longer the claimed
 * messages live, so they outlive the claim) are at least 60 seconds; `limit` is how many messages
 * at most (the cloud caps it, 20 by default).
 */
export const ClaimCreate = v.object({
  ttl: v.optional(whole(60)),
  grace: v.optional(whole(60)),
  limit: v.optional(whole(1)),
});
/** The options of a new claim (`ttl`, `grace`, `limit`): the input of `ClaimCreate`. */
export type ClaimAttrs = v.InferInput<typeof ClaimCreate>;

/** A claim's renewal: a new `ttl` (from now) and `grace`. */
export const ClaimUpdate = v.object({
  ttl: v.optional(whole(60)),
  grace: v.optional(whole(60)),
});
/** What an update of a claim can change: the input of `ClaimUpdate`. */
export type ClaimChanges = v.InferInput<typeof ClaimUpdate>;

/** A subscription: where the queue's messages are pushed (a webhook or an email address). */
export const Subscription = v.looseObject({
  id: v.string(),
  /** The queue it belongs to. */
  source: v.optional(v.string()),
  subscriber: v.string(),
  ttl: v.optional(v.number()),
  age: v.optional(v.number()),
  options: v.optional(v.record(v.string(), v.unknown())),
  confirmed: v.optional(v.boolean()),
});
export type Subscription = v.InferOutput<typeof Subscription>;

const subscriber = v.pipe(
  v.string(),
  v.regex(/^[a-zA-Z][a-zA-Z0-9+.-]*:/, 'must be a URI (`http://…`, `https://…`, `mailto:…`, `trust+http://…`)'),
);

/** A new subscription: `subscriber` is a URI (`https://…` webhook, `mailto:…`); `ttl` at least 60 seconds. */
export const SubscriptionCreate = v.object({
  subscriber,
  ttl: v.optional(whole(60)),
  options: v.optional(v.record(v.string(), v.unknown())),
});
/** The attributes of a new subscription: the input of `SubscriptionCreate`. */
export type SubscriptionAttrs = v.InferInput<typeof SubscriptionCreate>;

/** Changes to a subscription. */
export const SubscriptionUpdate = v.object({
  subscriber: v.optional(subscriber),
  ttl: v.optional(whole(60)),
  options: v.optional(v.record(v.string(), v.unknown())),
});
/** What an update of a subscription can change: the input of `SubscriptionUpdate`. */
export type SubscriptionChanges = v.InferInput<typeof SubscriptionUpdate>;
