import * as v from 'valibot';
import { defineResource, filters } from '../../resource/declare.js';
import * as s from './schemas.js';
import type { FlavorQuery, ServerQuery } from './schemas.js';

/**
 * Servers, listed with details and paged through `servers_links`. `waitForServer` waits for
 * `ACTIVE` unless told otherwise; `ERROR` ends the wait with ResourceFailureError. `createServer`
 * is the proxy's own (it builds Nova's body and reads the server back).
 */
export const servers = defineResource({
  one: 'Server',
  many: 'servers',
  ops: ['list', 'get', 'find', 'update', 'delete', 'waitFor', 'waitForDelete'],
  wait: { status: 'ACTIVE', failures: ['ERROR'], reason: 'fault.message' },
  filters: filters<ServerQuery>(),
  name: 'server',
  path: '/servers',
  listPath: '/servers/detail',
  key: 'server',
  listKey: 'servers',
  schema: s.Server,
  updateSchema: s.ServerUpdate,
  updateMethod: 'PUT',
});
/**
 * Flavors, listed with details and paged through `flavors_links`; `findFlavor` lists them and
 * matches the name (DuplicateResourceError when several match). Creating them is for admins
 * (`createFlavor` is the proxy's own: a description needs 2.55).
 */
export const flavors = defineResource({
  one: 'Flavor',
  many: 'flavors',
  ops: ['list', 'get', 'find', 'delete'],
  filters: filters<FlavorQuery>(),
  name: 'flavor',
  path: '/flavors',
  listPath: '/flavors/detail',
  key: 'flavor',
  listKey: 'flavors',
  schema: s.Flavor,
  createSchema: s.FlavorCreate,
  // Nova has no name filter for flavors: list and match.
  nameFilter: null,
});
/** Key pairs, reached by name with the proxy's own methods (admins may name another user). */
export const keypairs = defineResource({
  one: 'Keypair',
  many: 'keypairs',
  ops: [],
  name: 'key pair',
  path: '/os-keypairs',
  key: 'keypair',
  listKey: 'keypairs',
  schema: s.Keypair,
  createSchema: s.KeypairCreate,
});
/**
 * The caller's key pairs (admins: another user's with `user_id`), paged from 2.35. Listed key pairs
 * come wrapped one by one: `{ keypairs: [{ keypair: {...} }] }`.
 */
export const keypairList = defineResource({
  ...keypairs,
  ops: ['list'],
  filters: filters<{ user_id?: string }>(),
  schema: v.pipe(v.looseObject({ keypair: s.Keypair }), v.transform((x) => x.keypair)),
});
/**
 * Server groups of the project (admins: every project's with `all_projects`), paged by offset.
 * `createServerGroup` is the proxy's own (`policy` or `policies` by microversion).
 */
export const serverGroups = defineResource({
  one: 'ServerGroup',
  many: 'serverGroups',
  ops: ['list', 'get', 'find', 'delete'],
  filters: filters<{ all_projects?: boolean }>(),
  name: 'server group',
  path: '/os-server-groups',
  key: 'server_group',
  listKey: 'server_groups',
  schema: s.ServerGroup,
  nameFilter: null,
  paging: 'offset',
});
/** Listed by `availabilityZones`. */
export const availabilityZones = defineResource({
  one: 'AvailabilityZone',
  many: 'availabilityZones',
  ops: [],
  name: 'availability zone',
  path: '/os-availability-zone',
  key: null,
  listKey: 'availabilityZoneInfo',
  schema: s.ComputeAvailabilityZone,
});
/** Hypervisors with details (admins), paged from 2.33. */
export const hypervisors = defineResource({
  one: 'Hypervisor',
  many: 'hypervisors',
  ops: ['list', 'get'],
  filters: filters<{ hypervisor_hostname_pattern?: string; with_servers?: boolean }>(),
  name: 'hypervisor',
  path: '/os-hypervisors',
  listPath: '/os-hypervisors/detail',
  key: 'hypervisor',
  listKey: 'hypervisors',
  schema: s.Hypervisor,
});
/**
 * Compute services (admins): nova-compute, nova-scheduler... `updateService` is the proxy's own
 * (by id, 2.53+).
 */
export const services = defineResource({
  one: 'Service',
  many: 'services',
  ops: ['list', 'delete'],
  name: 'compute service',
  path: '/os-services',
  key: 'service',
  listKey: 'services',
  schema: s.ComputeService,
  updateSchema: s.ComputeServiceUpdate,
  updateMethod: 'PUT',
});
/** Host aggregates (admins); `aggregates` is the proxy's own. */
export const aggregates = defineResource({
  one: 'Aggregate',
  many: 'aggregates',
  ops: ['get', 'find', 'create', 'update', 'delete'],
  name: 'aggregate',
  path: '/os-aggregates',
  key: 'aggregate',
  listKey: 'aggregates',
  schema: s.Aggregate,
  createSchema: s.AggregateCreate,
  updateSchema: s.AggregateUpdate,
  updateMethod: 'PUT',
  nameFilter: null,
});
/** A server's ports, reached through the server (`/servers/{id}/os-interface`). */
export const interfaces = defineResource({
  one: 'ServerInterface',
  many: 'serverInterfaces',
  ops: [],
  name: 'interface attachment',
  path: '',
  key: 'interfaceAttachment',
  listKey: 'interfaceAttachments',
  schema: s.ServerInterface,
  createSchema: s.ServerInterfaceCreate,
});
/** A server's volumes, reached through the server (`/servers/{id}/os-volume_attachments`). */
export const volumeAttachments = defineResource({
  one: 'VolumeAttachment',
  many: 'volumeAttachments',
  ops: [],
  name: 'volume attachment',
  path: '',
  key: 'volumeAttachment',
  listKey: 'volumeAttachments',
  schema: s.ServerVolumeAttachment,
  createSchema: s.ServerVolumeAttachmentCreate,
});
