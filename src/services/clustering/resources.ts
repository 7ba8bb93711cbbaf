import { defineResource, filters } from '../../resource/declare.js';
import * as s from './schemas.js';

// Senlin lists have no next links: they page by `limit` and the last item's id as `marker`.
const senlin = { paging: 'marker' } as const;

/** Sorting and project scope, which every Senlin list takes. */
export interface SenlinListFilters {
  /** `name:asc`, `created_at:desc`; several keys comma-separated. */
  sort?: string;
  /** Admin: list every project's. */
  global_project?: boolean;
}

/** Profile types (`os.heat.stack-1.0`), by `<name>-<version>`. */
export const profileTypes = defineResource({
  name: 'profile type',
  one: 'ProfileType',
  many: 'profileTypes',
  ops: ['list', 'get'],
  path: '/profile-types',
  key: 'profile_type',
  listKey: 'profile_types',
  schema: s.PluginType,
});

/** Policy types (`senlin.policy.deletion-1.0`), by `<name>-<version>`. */
export const policyTypes = defineResource({
  name: 'policy type',
  one: 'PolicyType',
  many: 'policyTypes',
  ops: ['list', 'get'],
  path: '/policy-types',
  key: 'policy_type',
  listKey: 'policy_types',
  schema: s.PluginType,
});

/** Profiles: what the nodes of a cluster are made from. */
export const profiles = defineResource({
  name: 'profile',
  one: 'Profile',
  many: 'profiles',
  ops: ['list', 'get', 'find', 'create', 'update', 'delete'],
  filters: filters<SenlinListFilters & { name?: string; type?: string; metadata?: string }>(),
  path: '/profiles',
  key: 'profile',
  listKey: 'profiles',
  schema: s.Profile,
  createSchema: s.ProfileCreate,
  updateSchema: s.ProfileUpdate,
  ...senlin,
});

/** Clusters: listed and found here; their changes go through actions (the proxy's own methods). */
export const clusters = defineResource({
  name: 'cluster',
  one: 'Cluster',
  many: 'clusters',
  ops: ['list', 'get', 'find'],
  filters: filters<SenlinListFilters & { name?: string; status?: string }>(),
  path: '/clusters',
  key: 'cluster',
  listKey: 'clusters',
  schema: s.Cluster,
  ...senlin,
});

/** Nodes: listed and found here; reading one with its details and every change are the proxy's own. */
export const nodes = defineResource({
  name: 'node',
  one: 'Node',
  many: 'nodes',
  ops: ['list', 'find'],
  filters: filters<SenlinListFilters & { cluster_id?: string; name?: string; status?: string }>(),
  path: '/nodes',
  key: 'node',
  listKey: 'nodes',
  schema: s.Node,
  ...senlin,
});

/** Policies, attached to clusters with `attachPolicyToCluster`. */
export const policies = defineResource({
  name: 'policy',
  one: 'Policy',
  many: 'policies',
  ops: ['list', 'get', 'find', 'create', 'update', 'delete'],
  filters: filters<SenlinListFilters & { name?: string; type?: string }>(),
  path: '/policies',
  key: 'policy',
  listKey: 'policies',
  schema: s.Policy,
  createSchema: s.PolicyCreate,
  updateSchema: s.PolicyUpdate,
  ...senlin,
});

/** Receivers: webhooks (and message queues) that run an action on a cluster. */
export const receivers = defineResource({
  name: 'receiver',
  one: 'Receiver',
  many: 'receivers',
  ops: ['list', 'get', 'find', 'create', 'update', 'delete'],
  filters: filters<SenlinListFilters & { name?: string; type?: string; cluster_id?: string; action?: string }>(),
  path: '/receivers',
  key: 'receiver',
  listKey: 'receivers',
  schema: s.Receiver,
  createSchema: s.ReceiverCreate,
  updateSchema: s.ReceiverUpdate,
  ...senlin,
});

/** Events of clusters and nodes. */
export const events = defineResource({
  name: 'event',
  one: 'Event',
  many: 'events',
  ops: ['list', 'get'],
  filters: filters<SenlinListFilters & { cluster_id?: string; oid?: string; oname?: string; otype?: 'CLUSTER' | 'NODE'; action?: string; level?: string }>(),
  path: '/events',
  key: 'event',
  listKey: 'events',
  schema: s.ClusteringEvent,
  ...senlin,
});

/** Actions: the operations Senlin carries out; `waitForAction` is the proxy's own. */
export const actions = defineResource({
  name: 'action',
  one: 'Action',
  many: 'actions',
  ops: ['list', 'get', 'find'],
  filters: filters<SenlinListFilters & { name?: string; action?: string; target?: string; status?: string; cluster_id?: string }>(),
  path: '/actions',
  key: 'action',
  listKey: 'actions',
  schema: s.Action,
  ...senlin,
});

/** The policies attached to a cluster: reached under the cluster, so no methods of their own. */
export const clusterPolicies = defineResource({
  name: 'cluster policy',
  one: 'ClusterPolicy',
  many: 'clusterPolicies',
  ops: [],
  path: '',
  key: 'cluster_policy',
  listKey: 'cluster_policies',
  schema: s.ClusterPolicy,
});
