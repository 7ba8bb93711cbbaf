import * as v from 'valibot';
import type { Query } from '../../base/types.js';

/** Loose so fields of newer microversions pass through; optional where a microversion adds them. */
const links = v.optional(v.array(v.looseObject({ rel: v.optional(v.string()), href: v.string() })));
const str = v.optional(v.nullable(v.string()));
const num = v.optional(v.nullable(v.number()));
/** Integer ids of older microversions (aggregates, hypervisors before 2.53, services before 2.53) as strings. */
const anyId = v.pipe(v.union([v.string(), v.number()]), v.transform(String));

/** `server.flavor` before microversion 2.47: a reference. */
export const ServerFlavorRef = v.looseObject({ id: v.string(), links });
export type ServerFlavorRef = v.InferOutput<typeof ServerFlavorRef>;
/** `server.flavor` from microversion 2.47: a copy of the flavor as it was at boot or resize. */
export const ServerFlavorEmbedded = v.looseObject({
  original_name: v.string(),
  vcpus: v.number(),
  ram: v.number(),
  disk: v.number(),
  ephemeral: v.optional(v.number()),
  swap: v.optional(v.number()),
  extra_specs: v.optional(v.record(v.string(), v.string())),
});
export type ServerFlavorEmbedded = v.InferOutput<typeof ServerFlavorEmbedded>;

/** One address of a server on one network. */
export const ServerAddress = v.looseObject({
  addr: v.string(),
  version: v.number(),
  'OS-EXT-IPS:type': v.optional(v.string()),
  'OS-EXT-IPS-MAC:mac_addr': v.optional(v.string()),
});
export type ServerAddress = v.InferOutput<typeof ServerAddress>;
/** Addresses by network name. */
export const ServerAddresses = v.record(v.string(), v.array(ServerAddress));
export type ServerAddresses = v.InferOutput<typeof ServerAddresses>;

/**
 * A Nova server (detailed view). `flavor` has one of two shapes depending on the microversion in
 * use: `'original_name' in server.flavor` tells them apart. `image` is `''` for servers booted
 * from a volume.
 */
export const Server = v.looseObject({
  id: v.string(),
  name: v.string(),
  status: v.string(),
  tenant_id: v.optional(v.string()),
  user_id: v.optional(v.string()),
  flavor: v.optional(v.union([ServerFlavorEmbedded, ServerFlavorRef])),
  image: v.optional(v.union([v.looseObject({ id: v.string(), links }), v.literal('')])),
  addresses: v.optional(ServerAddresses),
  metadata: v.optional(v.record(v.string(), v.string())),
  key_name: str,
  hostId: v.optional(v.string()),
  accessIPv4: v.optional(v.string()),
  accessIPv6: v.optional(v.string()),
  created: v.optional(v.string()),
  updated: v.optional(v.string()),
  progress: num,
  locked: v.optional(v.boolean()),
  /** 2.73+. */
  locked_reason: str,
  /** 2.19+. */
  description: str,
  /** 2.26+. */
  tags: v.optional(v.array(v.string())),
  security_groups: v.optional(v.array(v.looseObject({ name: v.string() }))),
  fault: v.optional(v.looseObject({ code: v.optional(v.number()), message: v.optional(v.string()), details: v.optional(v.string()) })),
  'OS-EXT-STS:task_state': str,
  'OS-EXT-STS:vm_state': str,
  'OS-EXT-STS:power_state': num,
  'OS-EXT-AZ:availability_zone': str,
  'OS-EXT-SRV-ATTR:host': str,
  'OS-EXT-SRV-ATTR:hypervisor_hostname': str,
  'OS-DCF:diskConfig': v.optional(v.string()),
  'os-extended-volumes:volumes_attached': v.optional(v.array(v.looseObject({ id: v.string() }))),
  links,
});
export type Server = v.InferOutput<typeof Server>;
/** Filters of `servers()` (names are regular expressions in Nova). */
export type ServerQuery = Query & {
  name?: string;
  status?: string;
  image?: string;
  flavor?: string;
  ip?: string;
  ip6?: string;
  tags?: string;
  'tags-any'?: string;
  'changes-since'?: string;
  availability_zone?: string;
  key_name?: string;
  locked?: boolean;
  /** Admins: every project's servers. */
  all_tenants?: boolean;
  project_id?: string;
  host?: string;
  sort_key?: string;
  sort_dir?: 'asc' | 'desc';
};

/** What `POST /servers` answers: only the id and a few fields (the SDK then reads the server). */
export const ServerCreated = v.looseObject({
  id: v.string(),
  adminPass: v.optional(v.string()),
  links,
});

/** Changes of `updateServer`. */
export const ServerUpdate = v.strictObject({
  name: v.optional(v.pipe(v.string(), v.nonEmpty('must not be empty'))),
  description: v.optional(v.nullable(v.string())),
  accessIPv4: v.optional(v.string()),
  accessIPv6: v.optional(v.string()),
  /** 2.90+. */
  hostname: v.optional(v.string()),
});

/** A Nova flavor. */
export const Flavor = v.looseObject({
  id: v.string(),
  name: v.string(),
  ram: v.number(),
  vcpus: v.number(),
  disk: v.number(),
  /** `''` instead of 0 before 2.75. */
  swap: v.optional(v.union([v.number(), v.literal('')])),
  'OS-FLV-EXT-DATA:ephemeral': v.optional(v.number()),
  'OS-FLV-DISABLED:disabled': v.optional(v.boolean()),
  'os-flavor-access:is_public': v.optional(v.boolean()),
  rxtx_factor: v.optional(v.number()),
  /** 2.55+. */
  description: str,
  /** 2.61+. */
  extra_specs: v.optional(v.record(v.string(), v.string())),
  links,
});
export type Flavor = v.InferOutput<typeof Flavor>;
/** Filters of `flavors()`. */
export type FlavorQuery = Query & {
  /** `'true'` (default), `'false'`, or `'none'` for both (admins). */
  is_public?: 'true' | 'false' | 'none' | boolean;
  minRam?: number;
  minDisk?: number;
  sort_key?: string;
  sort_dir?: 'asc' | 'desc';
};

const count = (min: number) => v.pipe(v.number(), v.integer(), v.minValue(min));
/** Schema of a new Nova flavor's attributes, checked before the create request is sent. */
export const FlavorCreate = v.looseObject({
  name: v.pipe(v.string(), v.nonEmpty('a name is required')),
  ram: count(1),
  vcpus: count(1),
  disk: count(0),
  /** Chosen by Nova (a UUID) when left out. */
  id: v.optional(v.string()),
  swap: v.optional(count(0)),
  'OS-FLV-EXT-DATA:ephemeral': v.optional(count(0)),
  'os-flavor-access:is_public': v.optional(v.boolean()),
  rxtx_factor: v.optional(v.number()),
  /** 2.55+. */
  description: v.optional(v.string()),
});

/** Who may use a private flavor. */
export const FlavorAccess = v.looseObject({ flavor_id: v.string(), tenant_id: v.string() });
export type FlavorAccess = v.InferOutput<typeof FlavorAccess>;
/** Schema of a flavor's extra specs: string keys and values. */
export const FlavorExtraSpecs = v.record(v.string(), v.string());

/** An SSH (or x509) key pair. `private_key` is only in the answer to a generating create. */
export const Keypair = v.looseObject({
  name: v.string(),
  public_key: v.string(),
  fingerprint: v.optional(v.string()),
  private_key: v.optional(v.string()),
  type: v.optional(v.string()),
  user_id: v.optional(v.string()),
  created_at: v.optional(v.string()),
  id: v.optional(anyId),
});
export type Keypair = v.InferOutput<typeof Keypair>;
/** Schema of a new Nova keypair's attributes, checked before the create request is sent. */
export const KeypairCreate = v.strictObject({
  name: v.pipe(v.string(), v.nonEmpty('a name is required')),
  /** Import this public key; when left out Nova generates the pair (not possible from 2.92). */
  public_key: v.optional(v.pipe(v.string(), v.nonEmpty('must not be empty'))),
  /** `ssh` or `x509` (2.2+). */
  type: v.optional(v.picklist(['ssh', 'x509'])),
  /** Admins: owner of the key pair (2.10+). */
  user_id: v.optional(v.string()),
});

/** A server group: `policy`/`rules` from 2.64, `policies` before. */
export const ServerGroup = v.looseObject({
  id: v.string(),
  name: v.string(),
  policy: v.optional(v.string()),
  rules: v.optional(v.record(v.string(), v.unknown())),
  policies: v.optional(v.array(v.string())),
  members: v.optional(v.array(v.string())),
  metadata: v.optional(v.record(v.string(), v.unknown())),
  project_id: v.optional(v.string()),
  user_id: v.optional(v.string()),
});
export type ServerGroup = v.InferOutput<typeof ServerGroup>;
/** Schema of a new Nova server group's attributes, checked before the create request is sent. */
export const ServerGroupCreate = v.strictObject({
  name: v.pipe(v.string(), v.nonEmpty('a name is required')),
  policy: v.picklist(['affinity', 'anti-affinity', 'soft-affinity', 'soft-anti-affinity']),
  /** `{ max_server_per_host: n }` with anti-affinity (2.64+). */
  rules: v.optional(v.record(v.string(), v.unknown())),
});

/** Schema of a Nova availability zone and its state (and hosts, for an admin). */
export const ComputeAvailabilityZone = v.looseObject({
  zoneName: v.string(),
  zoneState: v.looseObject({ available: v.boolean() }),
  hosts: v.optional(v.nullable(v.record(v.string(), v.unknown()))),
});
/** A Nova availability zone and its state (and hosts, for an admin). */
export type ComputeAvailabilityZone = v.InferOutput<typeof ComputeAvailabilityZone>;

/** `GET /limits`: absolute limits and usage (`maxTotalCores`, `totalCoresUsed`...). */
export const ComputeLimits = v.looseObject({
  absolute: v.record(v.string(), v.number()),
  rate: v.optional(v.array(v.unknown())),
});
export type ComputeLimits = v.InferOutput<typeof ComputeLimits>;

/** A project's compute quotas; with `usage: true` each value is `{ limit, in_use, reserved }`. */
export const ComputeQuotaSet = v.looseObject({
  id: v.optional(v.string()),
  instances: v.optional(v.unknown()),
  cores: v.optional(v.unknown()),
  ram: v.optional(v.unknown()),
  key_pairs: v.optional(v.unknown()),
  server_groups: v.optional(v.unknown()),
  server_group_members: v.optional(v.unknown()),
  metadata_items: v.optional(v.unknown()),
});
export type ComputeQuotaSet = v.InferOutput<typeof ComputeQuotaSet>;
/** Schema of a Nova quota update: limits by name (-1 for unlimited). */
export const ComputeQuotaUpdate = v.record(v.string(), v.union([v.pipe(v.number(), v.integer(), v.minValue(-1)), v.boolean()]));

/** A hypervisor (admin). */
export const Hypervisor = v.looseObject({
  id: anyId,
  hypervisor_hostname: v.string(),
  state: v.optional(v.string()),
  status: v.optional(v.string()),
  hypervisor_type: v.optional(v.string()),
  host_ip: v.optional(v.string()),
  servers: v.optional(v.array(v.looseObject({ uuid: v.string(), name: v.string() }))),
  service: v.optional(v.looseObject({ host: v.optional(v.string()) })),
});
export type Hypervisor = v.InferOutput<typeof Hypervisor>;

/** A compute service (nova-compute, nova-scheduler...) on a host (admin). */
export const ComputeService = v.looseObject({
  id: anyId,
  binary: v.string(),
  host: v.string(),
  status: v.string(),
  state: v.string(),
  zone: v.optional(v.string()),
  disabled_reason: str,
  forced_down: v.optional(v.boolean()),
  updated_at: str,
});
export type ComputeService = v.InferOutput<typeof ComputeService>;
/** Schema of what an update of a Nova service can change: its status, the reason it is disabled, forced down. */
export const ComputeServiceUpdate = v.strictObject({
  status: v.optional(v.picklist(['enabled', 'disabled'])),
  disabled_reason: v.optional(v.string()),
  forced_down: v.optional(v.boolean()),
});

/** A host aggregate (admin). */
export const Aggregate = v.looseObject({
  id: anyId,
  name: v.string(),
  uuid: v.optional(v.string()),
  availability_zone: str,
  hosts: v.optional(v.nullable(v.array(v.string()))),
  metadata: v.optional(v.nullable(v.record(v.string(), v.string()))),
});
export type Aggregate = v.InferOutput<typeof Aggregate>;
/** Schema of a new Nova aggregate's attributes, checked before the create request is sent. */
export const AggregateCreate = v.strictObject({
  name: v.pipe(v.string(), v.nonEmpty('a name is required')),
  availability_zone: v.optional(v.string()),
});
/** Aggregate update. */
export const AggregateUpdate = v.partial(AggregateCreate);

/** Attributes of `createServerImage`: the snapshot's name and metadata (image properties). */
export const ServerImageCreate = v.strictObject({
  name: v.pipe(v.string(), v.nonEmpty('a name is required')),
  metadata: v.optional(v.record(v.string(), v.string())),
});

/** A port attached to a server. */
export const ServerInterface = v.looseObject({
  port_id: v.string(),
  net_id: v.string(),
  mac_addr: v.optional(v.string()),
  port_state: v.optional(v.string()),
  fixed_ips: v.optional(v.array(v.looseObject({ ip_address: v.string(), subnet_id: v.optional(v.string()) }))),
  tag: str,
});
export type ServerInterface = v.InferOutput<typeof ServerInterface>;
/** Schema of a new interface of a server: a port, or a network with optional fixed IPs. */
export const ServerInterfaceCreate = v.strictObject({
  port_id: v.optional(v.string()),
  net_id: v.optional(v.string()),
  fixed_ips: v.optional(v.array(v.strictObject({ ip_address: v.string() }))),
  tag: v.optional(v.string()),
});

/** A volume attached to a server. */
export const ServerVolumeAttachment = v.looseObject({
  volumeId: v.string(),
  serverId: v.optional(v.string()),
  device: str,
  id: v.optional(v.string()),
  tag: str,
  delete_on_termination: v.optional(v.boolean()),
  /** 2.89+. */
  attachment_id: v.optional(v.string()),
  bdm_uuid: v.optional(v.string()),
});
export type ServerVolumeAttachment = v.InferOutput<typeof ServerVolumeAttachment>;
/** Schema of a volume attachment to a server: the volume id, and optionally the device and a tag. */
export const ServerVolumeAttachmentCreate = v.strictObject({
  volumeId: v.pipe(v.string(), v.nonEmpty('a volume id is required')),
  device: v.optional(v.string()),
  tag: v.optional(v.string()),
  /** 2.79+. */
  delete_on_termination: v.optional(v.boolean()),
});
