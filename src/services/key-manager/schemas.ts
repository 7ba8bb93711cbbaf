import * as v from 'valibot';
import { idFromRef } from './refs.js';

const nullableString = v.optional(v.nullable(v.string()));
const timestamps = { created: v.optional(v.string()), updated: v.optional(v.string()) };

/** The kinds of secret Barbican stores. */
export type SecretType = 'symmetric' | 'public' | 'private' | 'passphrase' | 'certificate' | 'opaque';

/** A consumer of a secret (microversion 1.1): the resource of another service that uses it. */
export const SecretConsumer = v.looseObject({
  service: v.string(),
  resource_type: v.string(),
  resource_id: v.string(),
  status: v.optional(v.string()),
  ...timestamps,
});
export type SecretConsumer = v.InferOutput<typeof SecretConsumer>;

/**
 * A secret's metadata (its payload is read with `downloadSecretPayload`). Barbican names it by
 * `secret_ref`; `id` is the last segment of that reference.
 */
export const Secret = v.pipe(
  v.looseObject({
    secret_ref: v.string(),
    name: nullableString,
    status: v.optional(v.string()),
    secret_type: v.optional(v.string()),
    algorithm: nullableString,
    bit_length: v.optional(v.nullable(v.number())),
    mode: nullableString,
    expiration: nullableString,
    creator_id: v.optional(v.string()),
    /** Present once the secret has a payload: `{ default: 'text/plain' }`. */
    content_types: v.optional(v.record(v.string(), v.string())),
    /** With microversion 1.1. */
    consumers: v.optional(v.array(v.looseObject({ service: v.string(), resource_type: v.string(), resource_id: v.string() }))),
    ...timestamps,
  }),
  v.transform((s) => ({ ...s, id: idFromRef(s.secret_ref) })),
);
export type Secret = v.InferOutput<typeof Secret>;

/** A payload: text, or bytes (sent base64-encoded when the secret is created). */
export type SecretPayload = string | ArrayBuffer | ArrayBufferView | Blob;

const nonEmpty = v.pipe(v.string(), v.minLength(1, 'must not be empty'));
/** A name: Barbican takes an empty one too, but nothing could find it; leave it out (or null) for none. */
const name = v.optional(v.nullable(v.pipe(v.string(), v.minLength(1, 'must not be empty (leave it out for no name)'), v.maxLength(255, 'must be 255 characters or fewer'))));
/** A payload as the SDK takes it: text, bytes or a Blob. */
export const SecretPayloadInput = v.custom<SecretPayload>(
  (x) =>
    typeof x === 'string' ||
    x instanceof ArrayBuffer ||
    ArrayBuffer.isView(x) ||
    (typeof Blob !== 'undefined' && x instanceof Blob),
  'must be a string, bytes (ArrayBuffer or typed array) or a Blob',
);

/**
 * Attributes of a new secret. With `payload` the secret is stored at once; without it only its
 * metadata is, and `uploadSecretPayload` adds the payload later. A text payload needs its
 * `payload_content_type` (`text/plain`); bytes default to `application/octet-stream` and are sent
 * base64-encoded (`payload_content_encoding: 'base64'`), as Barbican wants binary payloads.
 */
export const SecretCreate = v.strictObject({
  name,
  payload: v.optional(SecretPayloadInput),
  payload_content_type: v.optional(nonEmpty),
  payload_content_encoding: v.optional(v.picklist(['base64', 'binary'])),
  secret_type: v.optional(v.picklist(['symmetric', 'public', 'private', 'passphrase', 'certificate', 'opaque'])),
  algorithm: v.optional(v.nullable(nonEmpty)),
  bit_length: v.optional(v.nullable(v.pipe(v.number(), v.integer('must be a whole number'), v.minValue(1)))),
  mode: v.optional(v.nullable(nonEmpty)),
  /** ISO 8601 date after which the secret is no longer usable. */
  expiration: v.optional(v.nullable(v.union([nonEmpty, v.pipe(v.date(), v.transform((d) => d.toISOString()))]))),
});
/** The attributes of a new secret (with or without its payload): the input of `SecretCreate`. */
export type SecretAttrs = v.InferInput<typeof SecretCreate>;

/** Metadata keys and values: strings of up to 255 characters (Barbican stores keys lower-cased). */
export const SecretMetadataInput = v.record(
  v.pipe(v.string(), v.minLength(1, 'keys must not be empty'), v.maxLength(255), v.regex(/^[A-Za-z0-9._~-]+$/, 'keys must be URL-safe')),
  v.pipe(v.string(), v.maxLength(255)),
);
/** A secret's metadata as Barbican answers it: `{ metadata: { key: value } }`. */
export const SecretMetadataBody = v.looseObject({ metadata: v.record(v.string(), v.string()) });

/** One secret of a container, under the name the container type gives it. */
export const KeyManagerContainerSecretRef = v.looseObject({
  name: v.optional(v.nullable(v.string())),
  secret_ref: v.string(),
});
export type KeyManagerContainerSecretRef = v.InferOutput<typeof KeyManagerContainerSecretRef>;

/** A consumer registered on a container: a service saying it uses the container. */
export const KeyManagerContainerConsumer = v.looseObject({
  name: v.string(),
  URL: v.string(),
  status: v.optional(v.string()),
  ...timestamps,
});
export type KeyManagerContainerConsumer = v.InferOutput<typeof KeyManagerContainerConsumer>;

/** A container: named references to secrets (generic, an RSA key pair, or a certificate and its key). */
export const KeyManagerContainer = v.pipe(
  v.looseObject({
    container_ref: v.string(),
    name: nullableString,
    type: v.string(),
    status: v.optional(v.string()),
    creator_id: v.optional(v.string()),
    secret_refs: v.array(KeyManagerContainerSecretRef),
    consumers: v.optional(v.array(v.looseObject({ name: v.string(), URL: v.string() }))),
    ...timestamps,
  }),
  v.transform((c) => ({ ...c, id: idFromRef(c.container_ref) })),
);
export type KeyManagerContainer = v.InferOutput<typeof KeyManagerContainer>;

/** A secret in a container's attributes: its reference, its id, or the secret itself. */
export type SecretRefInput = string | { id: string } | { secret_ref: string };
const secretRefInput = v.union([nonEmpty, v.looseObject({ secret_ref: nonEmpty }), v.looseObject({ id: nonEmpty })], 'must be a secret, its reference or its id');

/** One named secret of a new container (`public_key`, `private_key`... for the rsa and certificate types). */
export const KeyManagerContainerSecretInput = v.strictObject({
  name: v.optional(v.nullable(v.string())),
  secret_ref: secretRefInput,
});
/** A secret named in a container: the input of `KeyManagerContainerSecretInput`. */
export type KeyManagerContainerSecretAttrs = v.InferInput<typeof KeyManagerContainerSecretInput>;

/** Attributes of a new container. */
export const KeyManagerContainerCreate = v.strictObject({
  name,
  type: v.picklist(['generic', 'rsa', 'certificate'], "must be 'generic', 'rsa' or 'certificate'"),
  secret_refs: v.optional(v.array(KeyManagerContainerSecretInput)),
});
/** The attributes of a new container: the input of `KeyManagerContainerCreate`. */
export type KeyManagerContainerAttrs = v.InferInput<typeof KeyManagerContainerCreate>;

/** A container consumer to add or remove. */
export const KeyManagerContainerConsumerInput = v.strictObject({ name: nonEmpty, URL: nonEmpty });
/** A consumer of a container (a service and the URL of what uses it): the input of `KeyManagerContainerConsumerInput`. */
export type KeyManagerContainerConsumerAttrs = v.InferInput<typeof KeyManagerContainerConsumerInput>;

/** A secret consumer to add or remove (microversion 1.1). */
export const SecretConsumerInput = v.strictObject({ service: nonEmpty, resource_type: nonEmpty, resource_id: nonEmpty });
/** A consumer of a secret: the input of `SecretConsumerInput`. */
export type SecretConsumerAttrs = v.InferInput<typeof SecretConsumerInput>;

/** Order statuses: `PENDING` until done, then `ACTIVE` or `ERROR`. */
export type KeyManagerOrderStatus = 'PENDING' | 'ACTIVE' | 'ERROR';

/**
 * An order: Barbican generating a key (`key`, giving `secret_ref`) or a key pair (`asymmetric`,
 * giving `container_ref`).
 */
export const KeyManagerOrder = v.pipe(
  v.looseObject({
    order_ref: v.string(),
    status: v.string(),
    type: v.string(),
    meta: v.optional(v.looseObject({})),
    secret_ref: v.optional(v.string()),
    container_ref: v.optional(v.string()),
    creator_id: v.optional(v.string()),
    sub_status: v.optional(v.string()),
    sub_status_message: v.optional(v.string()),
    error_status_code: v.optional(v.nullable(v.string())),
    error_reason: v.optional(v.nullable(v.string())),
    ...timestamps,
  }),
  v.transform((o) => ({ ...o, id: idFromRef(o.order_ref) })),
);
export type KeyManagerOrder = v.InferOutput<typeof KeyManagerOrder>;

/** What a key or asymmetric order generates. */
export const KeyManagerOrderMeta = v.looseObject({
  name,
  algorithm: nonEmpty,
  bit_length: v.optional(v.pipe(v.number(), v.integer('must be a whole number'), v.minValue(1))),
  mode: v.optional(v.nullable(nonEmpty)),
  payload_content_type: v.optional(nonEmpty),
  expiration: v.optional(v.nullable(nonEmpty)),
  pass_phrase: v.optional(nonEmpty),
});

/** Attributes of a new order. */
export const KeyManagerOrderCreate = v.strictObject({
  type: v.picklist(['key', 'asymmetric', 'certificate'], "must be 'key', 'asymmetric' or 'certificate'"),
  meta: KeyManagerOrderMeta,
});
/** The attributes of a new order (key or asymmetric): the input of `KeyManagerOrderCreate`. */
export type KeyManagerOrderAttrs = v.InferInput<typeof KeyManagerOrderCreate>;

/** Who may read a secret or container besides its project: users named, and whether the project may. */
export const KeyManagerAclEntry = v.looseObject({
  'project-access': v.optional(v.boolean()),
  users: v.optional(v.array(v.string())),
  ...timestamps,
});
/** A secret's or container's ACL (Barbican knows one operation, `read`). */
export const KeyManagerAcl = v.looseObject({ read: v.optional(KeyManagerAclEntry) });
export type KeyManagerAcl = v.InferOutput<typeof KeyManagerAcl>;

/** An ACL to set or update: the users who may read, and whether the whole project may. */
export const KeyManagerAclInput = v.strictObject({
  read: v.strictObject({
    users: v.optional(v.array(nonEmpty)),
    'project-access': v.optional(v.boolean()),
  }),
});
/** An ACL to set or update: the input of `KeyManagerAclInput`. */
export type KeyManagerAclAttrs = v.InferInput<typeof KeyManagerAclInput>;

const limit = v.optional(v.nullable(v.number()));
/** Quotas per kind of resource; -1 means unlimited. */
export const KeyManagerQuotas = v.looseObject({ secrets: limit, orders: limit, containers: limit, consumers: limit, cas: limit });
export type KeyManagerQuotas = v.InferOutput<typeof KeyManagerQuotas>;
/** The effective quotas as Barbican answers them: `{ quotas }`. */
export const KeyManagerQuotasBody = v.looseObject({ quotas: KeyManagerQuotas });

/** A project's configured quotas (admin). */
export const KeyManagerProjectQuotas = v.pipe(
  v.looseObject({ project_id: v.string(), project_quotas: KeyManagerQuotas }),
  v.transform((p) => ({ ...p, id: p.project_id })),
);
export type KeyManagerProjectQuotas = v.InferOutput<typeof KeyManagerProjectQuotas>;
/** A project's own quotas as Barbican answers them: `{ project_quotas }`. */
export const KeyManagerProjectQuotasBody = v.looseObject({ project_quotas: KeyManagerQuotas });

const quotaInput = v.optional(v.pipe(v.number(), v.integer('must be a whole number'), v.minValue(-1, 'must be -1 (unlimited) or more')));
/** Quotas to configure for a project; -1 means unlimited, a kind left out keeps the default. */
export const KeyManagerProjectQuotasInput = v.strictObject({
  secrets: quotaInput,
  orders: quotaInput,
  containers: quotaInput,
  consumers: quotaInput,
  cas: quotaInput,
});
/** A project's quotas to set: the input of `KeyManagerProjectQuotasInput`. */
export type KeyManagerProjectQuotasAttrs = v.InferInput<typeof KeyManagerProjectQuotasInput>;

/** Barbican's answers to a create: the new resource's reference. */
export const SecretRefBody = v.looseObject({ secret_ref: v.string() });
/** Barbican's answer to a container create: its reference URL. */
export const KeyManagerContainerRefBody = v.looseObject({ container_ref: v.string() });
/** Barbican's answer to an order create: its reference URL. */
export const KeyManagerOrderRefBody = v.looseObject({ order_ref: v.string() });
