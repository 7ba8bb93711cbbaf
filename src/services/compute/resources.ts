import * as v from 'valibot';
import type { ResourceDef } from '../../resource/proxy.js';
import * as s from './schemas.js';

/** How each Nova resource is reached. */
export const servers = {
  name: 'server',
  path: '/servers',
  listPath: '/servers/detail',
  key: 'server',
  listKey: 'servers',
  schema: s.Server,
  updateSchema: s.ServerUpdate,
  updateMethod: 'PUT',
} satisfies ResourceDef;
export const flavors = {
  name: 'flavor',
  path: '/flavors',
  listPath: '/flavors/detail',
  key: 'flavor',
  listKey: 'flavors',
  schema: s.Flavor,
  createSchema: s.FlavorCreate,
  // Nova has no name filter for flavors: list and match.
  nameFilter: null,
} satisfies ResourceDef;
export const keypairs = {
  name: 'key pair',
  path: '/os-keypairs',
  key: 'keypair',
  listKey: 'keypairs',
  schema: s.Keypair,
  createSchema: s.KeypairCreate,
} satisfies ResourceDef;
/** Listed key pairs come wrapped one by one: `{ keypairs: [{ keypair: {...} }] }`. */
export const keypairList = {
  ...keypairs,
  schema: v.pipe(v.looseObject({ keypair: s.Keypair }), v.transform((x) => x.keypair)),
} satisfies ResourceDef;
export const serverGroups = {
  name: 'server group',
  path: '/os-server-groups',
  key: 'server_group',
  listKey: 'server_groups',
  schema: s.ServerGroup,
  nameFilter: null,
  paging: 'offset',
} satisfies ResourceDef;
export const availabilityZones = {
  name: 'availability zone',
  path: '/os-availability-zone',
  key: null,
  listKey: 'availabilityZoneInfo',
  schema: s.ComputeAvailabilityZone,
} satisfies ResourceDef;
export const hypervisors = {
  name: 'hypervisor',
  path: '/os-hypervisors',
  listPath: '/os-hypervisors/detail',
  key: 'hypervisor',
  listKey: 'hypervisors',
  schema: s.Hypervisor,
} satisfies ResourceDef;
export const services = {
  name: 'compute service',
  path: '/os-services',
  key: 'service',
  listKey: 'services',
  schema: s.ComputeService,
  updateSchema: s.ComputeServiceUpdate,
  updateMethod: 'PUT',
} satisfies ResourceDef;
export const aggregates = {
  name: 'aggregate',
  path: '/os-aggregates',
  key: 'aggregate',
  listKey: 'aggregates',
  schema: s.Aggregate,
  createSchema: s.AggregateCreate,
  updateSchema: v.partial(s.AggregateCreate),
  updateMethod: 'PUT',
  nameFilter: null,
} satisfies ResourceDef;
export const interfaces = {
  name: 'interface attachment',
  path: '',
  key: 'interfaceAttachment',
  listKey: 'interfaceAttachments',
  schema: s.ServerInterface,
  createSchema: s.ServerInterfaceCreate,
} satisfies ResourceDef;
export const volumeAttachments = {
  name: 'volume attachment',
  path: '',
  key: 'volumeAttachment',
  listKey: 'volumeAttachments',
  schema: s.ServerVolumeAttachment,
  createSchema: s.ServerVolumeAttachmentCreate,
} satisfies ResourceDef;
