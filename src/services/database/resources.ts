import { defineResource, filters } from '../../resource/declare.js';
import type { Query } from '../../base/types.js';
import * as s from './schemas.js';

/** Filters of `instances()`. */
export type InstanceQuery = Query & {
  /** Include the instances of clusters (default false). */
  include_clustered?: boolean;
};

/** Filters of `backups()` and `instanceBackups()`. */
export type BackupQuery = Query & {
  /** Backups of this datastore (name or id). */
  datastore?: string;
  /** Backups of this instance (id). */
  instance_id?: string;
  /** Every project's backups (admin). */
  all_projects?: boolean;
};

// Trove has no name filters: finding by name lists and matches here.
const byName = { nameFilter: null } as const;

/** Datastores (database engines), with their versions; read-only for users. */
export const datastores = defineResource({
  name: 'datastore',
  one: 'Datastore',
  many: 'datastores',
  ops: ['list', 'get', 'find'],
  path: '/datastores',
  key: 'datastore',
  listKey: 'datastores',
  schema: s.Datastore,
  ...byName,
});

/** Versions of a datastore: listed under the datastore (`datastoreVersions(datastore)`), read by id. */
export const datastoreVersions = defineResource({
  name: 'datastore version',
  one: 'DatastoreVersion',
  many: 'allDatastoreVersions',
  ops: ['get'],
  path: '/datastores/versions',
  key: 'version',
  listKey: 'versions',
  schema: s.DatastoreVersion,
});

/** Configuration parameters of a datastore version: reached under the version. */
export const configurationParameters = defineResource({
  name: 'configuration parameter',
  one: 'ConfigurationParameter',
  many: 'configurationParameters',
  ops: [],
  path: '',
  key: null,
  listKey: 'configuration-parameters',
  schema: s.ConfigurationParameter,
});

/** Flavors an instance can have (Nova's, as Trove shows them). */
export const flavors = defineResource({
  name: 'flavor',
  one: 'Flavor',
  many: 'flavors',
  ops: ['list', 'get', 'find'],
  path: '/flavors',
  key: 'flavor',
  listKey: 'flavors',
  schema: s.DatabaseFlavor,
  ...byName,
});

/**
 * Database instances: `waitForInstance` waits for `ACTIVE` and fails on `ERROR` with the
 * instance's fault message. Their name changes through `updateInstance`, their actions (restart,
 * resize, configuration) are the proxy's own.
 */
export const instances = defineResource({
  name: 'database instance',
  one: 'Instance',
  many: 'instances',
  ops: ['list', 'get', 'find', 'create', 'delete', 'waitFor', 'waitForDelete'],
  wait: { status: 'ACTIVE', failures: ['ERROR'], reason: 'fault.message' },
  filters: filters<InstanceQuery>(),
  path: '/instances',
  key: 'instance',
  listKey: 'instances',
  schema: s.Instance,
  createSchema: s.InstanceCreate,
  ...byName,
});

/** Backups: `waitForBackup` waits for `COMPLETED` and fails on `FAILED`. */
export const backups = defineResource({
  name: 'database backup',
  one: 'Backup',
  many: 'backups',
  ops: ['list', 'get', 'find', 'create', 'delete', 'waitFor', 'waitForDelete'],
  wait: { status: 'COMPLETED', failures: ['FAILED'] },
  filters: filters<BackupQuery>(),
  path: '/backups',
  key: 'backup',
  listKey: 'backups',
  schema: s.Backup,
  createSchema: s.BackupCreate,
  ...byName,
});

/** Configuration groups; their values change through `updateConfiguration` / `replaceConfiguration`. */
export const configurations = defineResource({
  name: 'configuration group',
  one: 'Configuration',
  many: 'configurations',
  ops: ['list', 'get', 'find', 'create', 'delete'],
  path: '/configurations',
  key: 'configuration',
  listKey: 'configurations',
  schema: s.Configuration,
  createSchema: s.ConfigurationCreate,
  ...byName,
});

/** Instances a configuration group is attached to: reached under the group. */
export const configurationInstances = defineResource({ name: 'configuration instance', one: 'ConfigurationInstance', many: 'configurationInstances', ops: [], path: '', key: null, listKey: 'instances', schema: s.ConfigurationInstance });

/** Databases of an instance: reached under the instance. */
export const databases = defineResource({ name: 'database', one: 'Database', many: 'databases', ops: [], path: '', key: null, listKey: 'databases', schema: s.Database });

/** Users of an instance: reached under the instance. */
export const users = defineResource({ name: 'database user', one: 'User', many: 'users', ops: [], path: '', key: 'user', listKey: 'users', schema: s.DatabaseUser });
