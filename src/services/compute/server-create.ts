import * as v from 'valibot';
import { ValidationError } from '../../base/errors.js';
import { validateInput } from '../../base/validate.js';
import { encodeUserData } from './user-data.js';

const id = v.pipe(v.string(), v.nonEmpty('must not be empty'));
const ref = (what: string) => v.union([id, v.looseObject({ id })], `${what} must be an id or an object with an id`);

/** One network of a new server: a network (`uuid`), a port, optionally a fixed IP and a tag. */
export const ServerNetwork = v.strictObject({
  uuid: v.optional(id),
  port: v.optional(id),
  fixed_ip: v.optional(v.string()),
  tag: v.optional(v.string()),
});

/** One entry of `block_device_mapping_v2` (boot from volume, extra volumes, ephemeral disks). */
export const BlockDeviceMapping = v.looseObject({
  source_type: v.picklist(['image', 'volume', 'snapshot', 'blank']),
  destination_type: v.optional(v.picklist(['volume', 'local'])),
  uuid: v.optional(v.string()),
  boot_index: v.optional(v.nullable(v.union([v.number(), v.string()]))),
  volume_size: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1))),
  delete_on_termination: v.optional(v.boolean()),
  device_name: v.optional(v.string()),
  volume_type: v.optional(v.string()),
  disk_bus: v.optional(v.string()),
  device_type: v.optional(v.string()),
  guest_format: v.optional(v.string()),
  tag: v.optional(v.string()),
});
export type BlockDeviceMapping = v.InferInput<typeof BlockDeviceMapping>;

/** Attributes of `createServer`. Nova's own keys, except `image`/`flavor` (ids or objects) and `user_data` (raw). */
export const ServerCreate = v.looseObject({
  name: v.pipe(v.string(), v.nonEmpty('a name is required')),
  flavor: ref('flavor'),
  /** Leave out when booting from a volume (`block_device_mapping_v2`). */
  image: v.optional(ref('image')),
  /** `'auto'` (a network is found or made), `'none'`, or a list; required by Nova from 2.37. */
  networks: v.optional(v.union([v.picklist(['auto', 'none']), v.array(ServerNetwork)], "must be 'auto', 'none' or a list of { uuid | port, fixed_ip?, tag? }")),
  key_name: v.optional(v.string()),
  /** Raw user data (cloud-init...), text or bytes: the SDK base64-encodes it. */
  user_data: v.optional(v.union([v.string(), v.instance(Uint8Array)])),
  metadata: v.optional(v.record(v.string(), v.string())),
  /** Security group names (default: the project's `default`). */
  security_groups: v.optional(v.array(v.union([v.string(), v.looseObject({ name: v.string() })]))),
  block_device_mapping_v2: v.optional(v.array(BlockDeviceMapping)),
  availability_zone: v.optional(v.string()),
  config_drive: v.optional(v.boolean()),
  adminPass: v.optional(v.string()),
  description: v.optional(v.string()),
  /** 2.52+. */
  tags: v.optional(v.array(v.string())),
  /** 2.90+. */
  hostname: v.optional(v.string()),
  min_count: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1))),
  max_count: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1))),
  /** Sent as `os:scheduler_hints` (`{ group: serverGroupId }`, ...). */
  scheduler_hints: v.optional(v.record(v.string(), v.unknown())),
});
/** The attributes of a new Nova server (`image` and `flavor` as ids or objects): the input of `ServerCreate`. */
export type ServerAttrs = v.InferInput<typeof ServerCreate>;

/** Checks the attributes and builds Nova's `POST /servers` body; throws ValidationError before anything is sent. */
export function serverCreateBody(attrs: ServerAttrs): Record<string, unknown> {
  if (!attrs || typeof attrs !== 'object') throw new ValidationError('must be an object', 'attrs');
  if (attrs.flavor === undefined || attrs.flavor === null)
    throw new ValidationError('a flavor (an id or an object with an id) is required', 'attrs.flavor');
  const a = validateInput(ServerCreate, attrs, 'attrs');
  const { flavor, image, user_data, security_groups, scheduler_hints, ...rest } = a;
  const bootsFromVolume = a.block_device_mapping_v2?.some((b) => Number(b.boot_index) === 0 && b.destination_type === 'volume');
  if (image === undefined && !bootsFromVolume)
    throw new ValidationError('an image is required unless block_device_mapping_v2 has a boot volume (boot_index 0)', 'attrs.image');
  const server: Record<string, unknown> = { ...rest, flavorRef: typeof flavor === 'string' ? flavor : flavor.id };
  if (image !== undefined) server.imageRef = typeof image === 'string' ? image : image.id;
  if (user_data !== undefined) server.user_data = encodeUserData(user_data);
  if (security_groups) server.security_groups = security_groups.map((g) => (typeof g === 'string' ? { name: g } : g));
  const body: Record<string, unknown> = { server };
  if (scheduler_hints) body['os:scheduler_hints'] = scheduler_hints;
  return body;
}
