import * as v from 'valibot';

const link = v.looseObject({ href: v.string(), rel: v.string() });
const links = v.optional(v.array(link));
const text = (what = 'must not be empty') => v.pipe(v.string(), v.trim(), v.nonEmpty(what));
/** Trove names flavors by number or string; the SDK always gives the string. */
const flavorId = v.pipe(v.union([v.string(), v.number()]), v.transform(String));
const stamp = v.optional(v.nullable(v.string()));

/** A datastore version as listed inside its datastore or on its own. */
export const DatastoreVersion = v.looseObject({
  id: v.string(),
  name: v.string(),
  /** The version number (`5.7.29`); several versions of one number may differ by image. */
  version: v.optional(v.nullable(v.string())),
  /** Id of the datastore it belongs to (absent inside a datastore's own listing). */
  datastore: v.optional(v.string()),
  active: v.optional(v.union([v.boolean(), v.number()])),
  image: v.optional(v.nullable(v.string())),
  image_tags: v.optional(v.nullable(v.array(v.string()))),
  packages: v.optional(v.nullable(v.union([v.string(), v.array(v.string())]))),
  links,
});
export type DatastoreVersion = v.InferOutput<typeof DatastoreVersion>;

/** A database engine (`mysql`, `mariadb`) with its versions and the one an instance gets by default. */
export const Datastore = v.looseObject({
  id: v.string(),
  name: v.string(),
  versions: v.optional(v.array(DatastoreVersion)),
  default_version: v.optional(v.nullable(v.string())),
  links,
});
export type Datastore = v.InferOutput<typeof Datastore>;

/** A configuration parameter a datastore version accepts, with its type and bounds. */
export const ConfigurationParameter = v.looseObject({
  name: v.string(),
  type: v.string(),
  restart_required: v.optional(v.boolean()),
  min: v.optional(v.nullable(v.number())),
  max: v.optional(v.nullable(v.number())),
  datastore_version_id: v.optional(v.string()),
});
export type ConfigurationParameter = v.InferOutput<typeof ConfigurationParameter>;

/**
 * The size of an instance (a Nova flavor): `id` is always a string. Trove gives a flavor whose Nova
 * id is not a number `id: null` and its id in `str_id`; the SDK puts it in `id`.
 */
export const DatabaseFlavor = v.pipe(
  v.looseObject({
    id: v.nullable(v.union([v.string(), v.number()])),
    name: v.string(),
    ram: v.optional(v.number()),
    vcpus: v.optional(v.nullable(v.number())),
    disk: v.optional(v.nullable(v.number())),
    ephemeral: v.optional(v.nullable(v.number())),
    str_id: v.optional(v.string()),
    links,
  }),
  v.check((f) => f.id !== null || !!f.str_id, 'a flavor needs an id'),
  v.transform((f) => ({ ...f, id: f.str_id ?? String(f.id) })),
);
export type DatabaseFlavor = v.InferOutput<typeof DatabaseFlavor>;

/** A database instance. `status` is Trove's (`BUILD`, `ACTIVE`, `RESIZE`, `REBOOT`, `ERROR`...); `operating_status` is the database's own health. */
export const Instance = v.looseObject({
  id: v.string(),
  name: v.string(),
  status: v.string(),
  operating_status: v.optional(v.nullable(v.string())),
  flavor: v.optional(v.looseObject({ id: flavorId, links })),
  datastore: v.optional(v.looseObject({ type: v.string(), version: v.optional(v.string()), version_number: v.optional(v.string()) })),
  volume: v.optional(v.nullable(v.looseObject({ size: v.optional(v.number()), used: v.optional(v.nullable(v.number())), type: v.optional(v.nullable(v.string())) }))),
  /** The configuration group attached, if any. */
  configuration: v.optional(v.nullable(v.looseObject({ id: v.string(), name: v.optional(v.string()), links }))),
  region: v.optional(v.nullable(v.string())),
  ip: v.optional(v.array(v.string())),
  addresses: v.optional(v.array(v.looseObject({ address: v.string(), type: v.optional(v.string()) }))),
  access: v.optional(v.nullable(v.looseObject({}))),
  replica_of: v.optional(v.nullable(v.looseObject({ id: v.string() }))),
  replicas: v.optional(v.array(v.looseObject({ id: v.string() }))),
  /** Why the instance failed (`message`, `details`), when it did. */
  fault: v.optional(v.nullable(v.looseObject({ message: v.optional(v.string()), details: v.optional(v.nullable(v.string())), created: stamp }))),
  created: stamp,
  updated: stamp,
  links,
});
export type Instance = v.InferOutput<typeof Instance>;

/** A database (schema) on an instance. */
export const Database = v.looseObject({
  name: v.string(),
  character_set: v.optional(v.string()),
  collate: v.optional(v.string()),
});
export type Database = v.InferOutput<typeof Database>;

/** A database user: `name@host` is what identifies it; `databases` are those it may use. */
export const DatabaseUser = v.looseObject({
  name: v.string(),
  host: v.optional(v.string()),
  databases: v.optional(v.array(v.looseObject({ name: v.string() }))),
});
export type DatabaseUser = v.InferOutput<typeof DatabaseUser>;

/** A backup of an instance, stored by Trove (`NEW`, `BUILDING`, `COMPLETED`, `FAILED`...). */
export const Backup = v.looseObject({
  id: v.string(),
  name: v.string(),
  status: v.string(),
  description: v.optional(v.nullable(v.string())),
  instance_id: v.optional(v.nullable(v.string())),
  parent_id: v.optional(v.nullable(v.string())),
  locationRef: v.optional(v.nullable(v.string())),
  size: v.optional(v.nullable(v.number())),
  datastore: v.optional(v.looseObject({ type: v.optional(v.string()), version: v.optional(v.string()), version_id: v.optional(v.string()) })),
  project_id: v.optional(v.string()),
  storage_driver: v.optional(v.nullable(v.string())),
  created: stamp,
  updated: stamp,
});
export type Backup = v.InferOutput<typeof Backup>;

/** A configuration value: a number, a string or a boolean. */
const configValue = v.union([v.string(), v.pipe(v.number(), v.finite()), v.boolean()]);
const configValues = v.record(v.pipe(v.string(), v.nonEmpty('a parameter name must not be empty')), configValue);

/** A configuration group: datastore parameters (`max_connections`...) applied to the instances it is attached to. */
export const Configuration = v.looseObject({
  id: v.string(),
  name: v.string(),
  description: v.optional(v.nullable(v.string())),
  /** The parameters and their values (only when one configuration is read, not in lists). */
  values: v.optional(v.record(v.string(), v.unknown())),
  datastore_name: v.optional(v.string()),
  datastore_version_id: v.optional(v.string()),
  datastore_version_name: v.optional(v.string()),
  datastore_version_number: v.optional(v.string()),
  instance_count: v.optional(v.number()),
  created: stamp,
  updated: stamp,
});
export type Configuration = v.InferOutput<typeof Configuration>;

/** An instance a configuration group is attached to. */
export const ConfigurationInstance = v.looseObject({ id: v.string(), name: v.optional(v.string()) });
export type ConfigurationInstance = v.InferOutput<typeof ConfigurationInstance>;

// ---- input ------------------------------------------------------------------------

/** A datastore and its version by name or id (the cloud's default when `type` or `version` is left out). */
const DatastoreChoice = v.strictObject({ type: v.optional(text()), version: v.optional(text()) });

/** A new database: its name, and optionally its character set and collation. */
export const DatabaseCreate = v.looseObject({
  name: v.pipe(text(), v.maxLength(64, 'must be at most 64 characters')),
  character_set: v.optional(text()),
  collate: v.optional(text()),
});
/** The attributes `DatabaseCreate` takes, checked before anything is sent. */
export type DatabaseAttrs = v.InferInput<typeof DatabaseCreate>;

/** Databases by name (`['orders']` or `[{ name: 'orders' }]`), sent as Trove wants them. */
const databaseNames = v.pipe(
  v.array(v.union([text(), v.looseObject({ name: text() })])),
  v.transform((list) => list.map((d) => (typeof d === 'string' ? { name: d } : d))),
);

/** At least one database, by name: what `grantUserAccess` takes. */
export const DatabaseNames = v.pipe(databaseNames, v.minLength(1, 'names no database'));

/** A new user: name, password, optionally its host (`%` for anywhere) and the databases it may use (names). */
export const DatabaseUserCreate = v.looseObject({
  name: v.pipe(text(), v.maxLength(32, 'must be at most 32 characters')),
  password: v.pipe(v.string(), v.nonEmpty('must not be empty')),
  host: v.optional(text()),
  databases: v.optional(databaseNames),
});
/** The attributes `DatabaseUserCreate` takes, checked before anything is sent. */
export type DatabaseUserAttrs = v.InferInput<typeof DatabaseUserCreate>;

/** What an update of a user changes: its name, host or password. */
export const DatabaseUserUpdate = v.pipe(
  v.looseObject({ name: v.optional(text()), host: v.optional(text()), password: v.optional(v.pipe(v.string(), v.nonEmpty('must not be empty'))) }),
  v.check((u) => Object.keys(u).length > 0, 'names nothing to change'),
);
/** The attributes `DatabaseUserUpdate` takes, checked before anything is sent. */
export type DatabaseUserChanges = v.InferInput<typeof DatabaseUserUpdate>;

/**
 * A new instance: its name, its flavor (`flavorRef`, an id), its volume size in GB (when the cloud
 * gives instances volumes), the datastore, and databases and users made with it.
 */
export const InstanceCreate = v.looseObject({
  name: v.pipe(text(), v.maxLength(255, 'must be at most 255 characters')),
  flavorRef: v.pipe(v.union([text('is required'), v.pipe(v.number(), v.integer(), v.minValue(0))]), v.transform(String)),
  volume: v.optional(v.looseObject({ size: v.pipe(v.number('must be a number of GB'), v.integer('must be a whole number of GB'), v.minValue(1, 'must be 1 GB or more')), type: v.optional(text()) })),
  datastore: v.optional(DatastoreChoice),
  databases: v.optional(v.array(DatabaseCreate)),
  users: v.optional(v.array(DatabaseUserCreate)),
  /** A configuration group to attach (its id). */
  configuration: v.optional(text()),
  availability_zone: v.optional(text()),
  nics: v.optional(v.array(v.looseObject({}))),
  /** Restore a backup into the new instance: `{ backupRef: id }`. */
  restorePoint: v.optional(v.looseObject({ backupRef: text() })),
  /** Create a replica of this instance (its id). */
  replica_of: v.optional(text()),
  replica_count: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1))),
  locality: v.optional(v.picklist(['affinity', 'anti-affinity'])),
  region_name: v.optional(text()),
  access: v.optional(v.looseObject({ is_public: v.optional(v.boolean()), allowed_cidrs: v.optional(v.array(v.string())) })),
});
/** The attributes `InstanceCreate` takes, checked before anything is sent. */
export type InstanceAttrs = v.InferInput<typeof InstanceCreate>;

/** What an update of an instance changes: its name. */
export const InstanceUpdate = v.strictObject({ name: text() });
/** The attributes `InstanceUpdate` takes, checked before anything is sent. */
export type InstanceChanges = v.InferInput<typeof InstanceUpdate>;

/** A new backup of an instance (`instance` is its id); `parent_id` makes it incremental on that backup. */
export const BackupCreate = v.looseObject({
  name: text(),
  instance: text('is required (the id of the instance to back up)'),
  description: v.optional(v.string()),
  parent_id: v.optional(text()),
  incremental: v.optional(v.boolean()),
  swift_container: v.optional(text()),
});
/** The attributes `BackupCreate` takes, checked before anything is sent. */
export type BackupAttrs = v.InferInput<typeof BackupCreate>;

/** A new configuration group: its name, parameter values and datastore (the default one unless named). */
export const ConfigurationCreate = v.looseObject({
  name: text(),
  values: configValues,
  description: v.optional(v.string()),
  datastore: v.optional(DatastoreChoice),
});
/** The attributes `ConfigurationCreate` takes, checked before anything is sent. */
export type ConfigurationAttrs = v.InferInput<typeof ConfigurationCreate>;

/** Values to set in a configuration group (the others stay). */
export const ConfigurationValues = v.pipe(configValues, v.check((o) => Object.keys(o).length > 0, 'names no parameter'));
/** The attributes `ConfigurationValues` takes, checked before anything is sent. */
export type ConfigurationValues = v.InferInput<typeof ConfigurationValues>;

/** A configuration group's new content: every value (those not named are removed), and optionally a new name and description. */
export const ConfigurationReplace = v.looseObject({
  values: configValues,
  name: v.optional(text()),
  description: v.optional(v.string()),
});
/** The attributes `ConfigurationReplace` takes, checked before anything is sent. */
export type ConfigurationReplacement = v.InferInput<typeof ConfigurationReplace>;
