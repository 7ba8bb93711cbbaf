import * as v from 'valibot';

const str = v.optional(v.nullable(v.string()));
const num = v.optional(v.nullable(v.number()));
const dict = v.optional(v.nullable(v.record(v.string(), v.unknown())));
const strings = v.optional(v.nullable(v.array(v.string())));
const name = v.pipe(v.string(), v.nonEmpty());
const count = (min: number) => v.pipe(v.number(), v.integer(), v.minValue(min));
const metadata = v.optional(v.record(v.string(), v.unknown()));

/** What Senlin keeps of who made a resource and when. */
const owned = {
  project: str,
  user: str,
  domain: str,
  created_at: str,
  updated_at: str,
};

/**
 * What a change Senlin carries out in the background answers with: the id of the action doing it,
 * for `waitForAction(x)`.
 */
export interface ActionRef {
  /** Id of the action carrying out the change (from the `Location` header or the body). */
  action_id: string;
}

/** A spec: the `type` and `version` of a profile or policy type, and that type's `properties`. */
export const Spec = v.looseObject({
  type: name,
  version: name,
  properties: v.record(v.string(), v.unknown()),
});
/** The attributes `Spec` takes, checked before anything is sent. */
export type Spec = v.InferInput<typeof Spec>;

/** A profile or policy type (`os.heat.stack`, `senlin.policy.deletion`) in one of its versions. */
export const PluginType = v.looseObject({
  name: v.string(),
  version: v.optional(v.string()),
  /** Per version: since when it is `SUPPORTED`, `EXPERIMENTAL`, `DEPRECATED`. */
  support_status: dict,
  /** The properties a spec of this type takes (on `getProfileType`/`getPolicyType`). */
  schema: dict,
});
/** A Senlin profile type: its name, version and the schema of its spec. */
export type ProfileType = v.InferOutput<typeof PluginType>;
/** A Senlin policy type: its name, version and the schema of its spec. */
export type PolicyType = v.InferOutput<typeof PluginType>;

/** A profile: what every node made from it is (`os.heat.stack-1.0`, `os.nova.server-1.0`) and its spec. */
export const Profile = v.looseObject({
  id: v.string(),
  name: v.string(),
  /** `<spec type>-<spec version>`. */
  type: v.string(),
  spec: v.record(v.string(), v.unknown()),
  metadata: dict,
  ...owned,
});
export type Profile = v.InferOutput<typeof Profile>;

/** A profile as `validateProfile` answers: not stored, so without an id. */
export const ProfileDraft = v.looseObject({ ...Profile.entries, id: v.optional(v.nullable(v.string())) });
export type ProfileDraft = v.InferOutput<typeof ProfileDraft>;

/** A new profile: a name and a spec (`{ type: 'os.heat.stack', version: '1.0', properties: { template } }`). */
export const ProfileCreate = v.strictObject({ name, spec: Spec, metadata });
/** The attributes `ProfileCreate` takes, checked before anything is sent. */
export type ProfileAttrs = v.InferInput<typeof ProfileCreate>;
/** What a profile update changes: its name and metadata (a spec never changes). */
export const ProfileUpdate = v.strictObject({ name: v.optional(name), metadata });
/** The attributes `ProfileUpdate` takes, checked before anything is sent. */
export type ProfileUpdateAttrs = v.InferInput<typeof ProfileUpdate>;

/**
 * A cluster. Its `status` is one of `INIT`, `CREATING`, `ACTIVE`, `UPDATING`, `RESIZING`,
 * `CHECKING`, `RECOVERING`, `OPERATING`, `DELETING`, and, when nodes fail, `WARNING` (fewer than
 * desired but not fewer than `min_size`), `ERROR` or `CRITICAL`; `status_reason` says why.
 */
export const Cluster = v.looseObject({
  id: v.string(),
  name: v.string(),
  status: v.string(),
  status_reason: str,
  profile_id: v.string(),
  profile_name: str,
  desired_capacity: v.number(),
  min_size: v.number(),
  /** -1 for no limit. */
  max_size: v.number(),
  /** Ids of its nodes. */
  nodes: strings,
  /** Ids of the policies attached. */
  policies: strings,
  timeout: num,
  metadata: dict,
  config: dict,
  data: dict,
  dependents: dict,
  init_at: str,
  ...owned,
});
export type Cluster = v.InferOutput<typeof Cluster>;

const sizes = {
  desired_capacity: v.optional(count(0)),
  min_size: v.optional(count(0)),
  /** -1 for no limit. */
  max_size: v.optional(count(-1)),
};
type Sizes = { desired_capacity?: number; min_size?: number; max_size?: number };

/** Checks that `min_size <= desired_capacity <= max_size` where those are given (`max_size` -1 is no limit). */
function sizesInOrder<T extends Sizes>() {
  return v.rawCheck<T>(({ dataset, addIssue }) => {
    if (!dataset.typed) return;
    const { desired_capacity: d, min_size: lo, max_size: hi } = dataset.value;
    const bounded = hi !== undefined && hi !== -1;
    const fail = (key: string, message: string) =>
      addIssue({ message, path: [{ type: 'object', origin: 'value', input: dataset.value, key, value: (dataset.value as Record<string, unknown>)[key] }] });
    if (lo !== undefined && bounded && lo > hi) fail('min_size', `min_size ${lo} is more than max_size ${hi}`);
    else if (d !== undefined && lo !== undefined && d < lo) fail('desired_capacity', `desired_capacity ${d} is less than min_size ${lo}`);
    else if (d !== undefined && bounded && d > hi) fail('desired_capacity', `desired_capacity ${d} is more than max_size ${hi}`);
  });
}

/** A new cluster: a name, the profile (id or name) its nodes are made from, and its sizes. */
export const ClusterCreate = v.pipe(
  v.strictObject({
    name,
    profile_id: name,
    ...sizes,
    /** Seconds an operation on the cluster may take. */
    timeout: v.optional(count(0)),
    metadata,
    config: v.optional(v.record(v.string(), v.unknown())),
  }),
  sizesInOrder(),
);
/** The attributes `ClusterCreate` takes, checked before anything is sent. */
export type ClusterAttrs = v.InferInput<typeof ClusterCreate>;

/** What a cluster update changes; a new `profile_id` updates every node (only the profile with `profile_only`). Sizes change with `resizeCluster`. */
export const ClusterUpdate = v.strictObject({
  name: v.optional(name),
  profile_id: v.optional(name),
  profile_only: v.optional(v.boolean()),
  timeout: v.optional(count(0)),
  metadata,
  config: v.optional(v.record(v.string(), v.unknown())),
});
/** The attributes `ClusterUpdate` takes, checked before anything is sent. */
export type ClusterUpdateAttrs = v.InferInput<typeof ClusterUpdate>;

/**
 * A resize: `adjustment_type` `EXACT_CAPACITY` (`number` is the new size), `CHANGE_IN_CAPACITY`
 * (`number` nodes more, or fewer when negative) or `CHANGE_IN_PERCENTAGE` (with `min_step`); and/or
 * new `min_size`/`max_size`. `strict: false` lets Senlin bend the result to fit the bounds.
 */
export const ClusterResize = v.pipe(
  v.strictObject({
    adjustment_type: v.optional(v.picklist(['EXACT_CAPACITY', 'CHANGE_IN_CAPACITY', 'CHANGE_IN_PERCENTAGE'])),
    number: v.optional(v.pipe(v.number(), v.finite())),
    min_size: v.optional(count(0)),
    max_size: v.optional(count(-1)),
    min_step: v.optional(count(0)),
    strict: v.optional(v.boolean()),
  }),
  v.rawCheck(({ dataset, addIssue }) => {
    if (!dataset.typed) return;
    const r = dataset.value;
    const fail = (key: string, message: string) => addIssue({ message, path: [{ type: 'object', origin: 'value', input: r, key, value: (r as Record<string, unknown>)[key] }] });
    if ((r.adjustment_type === undefined) !== (r.number === undefined)) fail(r.number === undefined ? 'number' : 'adjustment_type', 'adjustment_type and number go together');
    else if (r.adjustment_type === 'EXACT_CAPACITY' && !(Number.isInteger(r.number) && r.number! >= 0)) fail('number', 'an exact capacity is a whole number, 0 or more');
    else if (r.adjustment_type === 'CHANGE_IN_CAPACITY' && !Number.isInteger(r.number)) fail('number', 'a change in capacity is a whole number');
    else if (r.min_size !== undefined && r.max_size !== undefined && r.max_size !== -1 && r.min_size > r.max_size) fail('min_size', `min_size ${r.min_size} is more than max_size ${r.max_size}`);
    else if (r.adjustment_type === 'EXACT_CAPACITY' && r.max_size !== undefined && r.max_size !== -1 && r.number! > r.max_size) fail('number', `capacity ${r.number} is more than max_size ${r.max_size}`);
    else if (r.adjustment_type === 'EXACT_CAPACITY' && r.min_size !== undefined && r.number! < r.min_size) fail('number', `capacity ${r.number} is less than min_size ${r.min_size}`);
    else if (r.adjustment_type === undefined && r.min_size === undefined && r.max_size === undefined) fail('adjustment_type', 'a resize changes the capacity or the size limits');
  }),
);
/** The attributes `ClusterResize` takes, checked before anything is sent. */
export type ClusterResizeAttrs = v.InferInput<typeof ClusterResize>;

/** How a recovery goes: `operation` `RECREATE` (default), `REBUILD` or `REBOOT`, `check` first, `check_capacity` after. */
export const ClusterRecover = v.looseObject({
  operation: v.optional(v.picklist(['RECREATE', 'REBUILD', 'REBOOT'])),
  operation_params: v.optional(v.record(v.string(), v.unknown())),
  check: v.optional(v.boolean()),
  check_capacity: v.optional(v.boolean()),
});
/** The attributes `ClusterRecover` takes, checked before anything is sent. */
export type RecoverAttrs = v.InferInput<typeof ClusterRecover>;

/** A node: one member of a cluster (or an orphan, `cluster_id` empty), made from a profile; `physical_id` is what it made (a stack, a server). */
export const Node = v.looseObject({
  id: v.string(),
  name: v.string(),
  status: v.string(),
  status_reason: str,
  /** Empty for a node of no cluster. */
  cluster_id: str,
  profile_id: v.string(),
  profile_name: str,
  physical_id: str,
  /** Its index in its cluster (-1 for none). */
  index: num,
  role: str,
  metadata: dict,
  data: dict,
  dependents: dict,
  tainted: v.optional(v.nullable(v.boolean())),
  /** What the profile reports of the physical resource (`getNode(node, { details: true })`). */
  details: dict,
  init_at: str,
  ...owned,
});
export type Node = v.InferOutput<typeof Node>;

/** A new node: a name and a profile (id or name), in a cluster (id or name) or on its own. */
export const NodeCreate = v.strictObject({
  name,
  profile_id: name,
  cluster_id: v.optional(name),
  role: v.optional(v.string()),
  metadata,
});
/** The attributes `NodeCreate` takes, checked before anything is sent. */
export type NodeAttrs = v.InferInput<typeof NodeCreate>;
/** What a node update changes; a new `profile_id` (of the same type) updates the physical resource. */
export const NodeUpdate = v.strictObject({
  name: v.optional(name),
  profile_id: v.optional(name),
  role: v.optional(v.string()),
  metadata,
  tainted: v.optional(v.boolean()),
});
/** The attributes `NodeUpdate` takes, checked before anything is sent. */
export type NodeUpdateAttrs = v.InferInput<typeof NodeUpdate>;

/** A policy: how a cluster behaves on some actions (`senlin.policy.deletion-1.0`: which nodes go first). */
export const Policy = v.looseObject({
  id: v.string(),
  name: v.string(),
  /** `<spec type>-<spec version>`. */
  type: v.string(),
  spec: v.record(v.string(), v.unknown()),
  data: dict,
  ...owned,
});
export type Policy = v.InferOutput<typeof Policy>;

/** A policy as `validatePolicy` answers: not stored, so without an id. */
export const PolicyDraft = v.looseObject({ ...Policy.entries, id: v.optional(v.nullable(v.string())) });
export type PolicyDraft = v.InferOutput<typeof PolicyDraft>;

/** A new policy: a name and a spec (`{ type: 'senlin.policy.deletion', version: '1.0', properties: { criteria: 'OLDEST_FIRST' } }`). */
export const PolicyCreate = v.strictObject({ name, spec: Spec });
/** The attributes `PolicyCreate` takes, checked before anything is sent. */
export type PolicyAttrs = v.InferInput<typeof PolicyCreate>;
/** A policy's name is all an update changes. */
export const PolicyUpdate = v.strictObject({ name });
/** The attributes `PolicyUpdate` takes, checked before anything is sent. */
export type PolicyUpdateAttrs = v.InferInput<typeof PolicyUpdate>;

/** A policy as attached to a cluster, with whether it is enabled there. */
export const ClusterPolicy = v.looseObject({
  cluster_id: v.string(),
  cluster_name: str,
  policy_id: v.string(),
  policy_name: str,
  policy_type: str,
  enabled: v.boolean(),
  data: dict,
});
export type ClusterPolicy = v.InferOutput<typeof ClusterPolicy>;

/**
 * A receiver: a `webhook` (a URL in `channel.alarm_url` that runs `action` on `cluster_id` when
 * posted to, no token needed) or a `message` queue.
 */
export const Receiver = v.looseObject({
  id: v.string(),
  name: v.string(),
  type: v.string(),
  cluster_id: str,
  action: str,
  actor: dict,
  params: dict,
  channel: v.optional(v.nullable(v.looseObject({ alarm_url: v.optional(v.string()) }))),
  ...owned,
});
export type Receiver = v.InferOutput<typeof Receiver>;

/** The cluster actions a webhook receiver can run. */
export const RECEIVER_ACTIONS = [
  'CLUSTER_SCALE_OUT',
  'CLUSTER_SCALE_IN',
  'CLUSTER_RESIZE',
  'CLUSTER_CHECK',
  'CLUSTER_RECOVER',
  'CLUSTER_UPDATE',
  'CLUSTER_ADD_NODES',
  'CLUSTER_DEL_NODES',
  'CLUSTER_REPLACE_NODES',
] as const;

/** A new receiver; a webhook needs the cluster and the action it runs, with its `params` (`{ count: 1 }`). */
export const ReceiverCreate = v.pipe(
  v.strictObject({
    name,
    type: v.optional(v.picklist(['webhook', 'message'])),
    cluster_id: v.optional(name),
    action: v.optional(v.picklist(RECEIVER_ACTIONS)),
    actor: v.optional(v.record(v.string(), v.unknown())),
    params: v.optional(v.record(v.string(), v.unknown())),
  }),
  v.rawCheck(({ dataset, addIssue }) => {
    if (!dataset.typed || (dataset.value.type ?? 'webhook') !== 'webhook') return;
    for (const key of ['cluster_id', 'action'] as const)
      if (dataset.value[key] === undefined) {
        addIssue({ message: `a webhook receiver needs its ${key}`, path: [{ type: 'object', origin: 'value', input: dataset.value, key, value: undefined }] });
        return;
      }
  }),
);
/** The attributes `ReceiverCreate` takes, checked before anything is sent. */
export type ReceiverAttrs = v.InferInput<typeof ReceiverCreate>;
/** What a receiver update changes. */
export const ReceiverUpdate = v.strictObject({
  name: v.optional(name),
  action: v.optional(v.picklist(RECEIVER_ACTIONS)),
  params: v.optional(v.record(v.string(), v.unknown())),
});
/** The attributes `ReceiverUpdate` takes, checked before anything is sent. */
export type ReceiverUpdateAttrs = v.InferInput<typeof ReceiverUpdate>;

/** An event: something that happened to a cluster or node (`otype`, `oid`, `oname`) during an action. */
export const ClusteringEvent = v.looseObject({
  id: v.string(),
  timestamp: str,
  otype: str,
  oid: str,
  oname: str,
  cluster_id: str,
  action: str,
  /** `start`, `end`, `error`... */
  status: str,
  status_reason: str,
  level: v.optional(v.nullable(v.union([v.string(), v.number()]))),
  project: str,
  user: str,
});
export type ClusteringEvent = v.InferOutput<typeof ClusteringEvent>;

/**
 * An action: one operation Senlin carries out (`CLUSTER_CREATE`, `NODE_DELETE`...). Its `status`
 * goes `INIT`/`WAITING`/`READY`/`RUNNING` to `SUCCEEDED`, `FAILED` or `CANCELLED`; `status_reason` says why.
 */
export const Action = v.looseObject({
  id: v.string(),
  name: v.string(),
  /** What it does (`CLUSTER_SCALE_OUT`). */
  action: v.string(),
  status: v.string(),
  status_reason: str,
  /** Id of the cluster or node it acts on. */
  target: str,
  cluster_id: str,
  cause: str,
  inputs: dict,
  outputs: dict,
  depends_on: strings,
  depended_by: strings,
  start_time: num,
  end_time: num,
  timeout: num,
  interval: num,
  owner: str,
  data: dict,
  ...owned,
});
export type Action = v.InferOutput<typeof Action>;

/** Versions of the Senlin API and engine. */
export const BuildInfo = v.looseObject({
  api: v.optional(v.record(v.string(), v.unknown())),
  engine: v.optional(v.record(v.string(), v.unknown())),
});
export type BuildInfo = v.InferOutput<typeof BuildInfo>;
