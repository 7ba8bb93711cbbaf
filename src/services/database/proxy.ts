import * as v from 'valibot';
import { declaredProxy, type DeleteOptions } from '../../resource/declare.js';
import type { ListOptions, Ref } from '../../resource/proxy.js';
import type { CallOptions, Query } from '../../base/types.js';
import { ValidationError } from '../../base/errors.js';
import { seg } from '../../base/url.js';
import { idOf, parseResponse, validateInput } from '../../base/validate.js';
import * as r from './resources.js';
import * as s from './schemas.js';

/** A database on an instance, by name (or the database itself). */
export type DatabaseRef = string | { name: string };
/**
 * A user of an instance: its name (`'app'`, or `'app@10.0.0.%'` with its host), or the user
 * itself (`{ name, host }`, as `users()` lists it).
 */
export type UserRef = string | { name: string; host?: string };
/** A flavor given by id (a string or Nova's number), or the flavor itself. */
export type FlavorRef = string | number | { id: string };

const path = (base: string, ref: Ref, field: string) => `${base}/${seg(idOf(ref, field))}`;
const instancePath = (instance: Ref) => path('/instances', instance, 'instance');
const configurationPath = (configuration: Ref) => path('/configurations', configuration, 'configuration');

function nameOf(x: DatabaseRef | UserRef | undefined | null, field: string): string {
  const name = typeof x === 'string' ? x : x?.name;
  if (typeof name !== 'string' || !name.trim()) throw new ValidationError('a name (or an object with a name) is required', field);
  return name;
}
/** `name` or `name@host`: how Trove names a user in a path. */
function userPath(instance: Ref, user: UserRef): string {
  const name = nameOf(user, 'user');
  const host = typeof user === 'object' ? user.host : undefined;
  return `${instancePath(instance)}/users/${seg(host ? `${name}@${host}` : name)}`;
}
function flavorIdOf(flavor: FlavorRef): string {
  if (typeof flavor === 'number' && Number.isInteger(flavor) && flavor >= 0) return String(flavor);
  if (typeof flavor === 'number') throw new ValidationError('must be a whole number, a string id or a flavor', 'flavor');
  return idOf(flavor, 'flavor');
}

/**
 * `conn.database`: Trove v1.0, the Database service. Datastores, flavors, instances, backups and
 * configuration groups are declared in `resources.ts` (list, get, find, create, delete, waits);
 * instance actions, databases, users and their access, datastore versions and configuration
 * parameters are here. Trove answers most changes with `202 Accepted` and does them in the
 * background: the calls that change an instance resolve when Trove accepted the change, and
 * `waitForInstance` waits for it to be `ACTIVE` again.
 */
export class DatabaseProxy extends declaredProxy(r) {
  // ---- datastores ------------------------------------------------------------------------
  /** Versions of a datastore (by name or id), active ones only unless the caller is an admin. */
  datastoreVersions(datastore: Ref, filters: Query = {}, opts?: ListOptions) {
    return this._list(r.datastoreVersions, filters, opts, `${path('/datastores', datastore, 'datastore')}/versions`);
  }
  /** The configuration parameters a datastore version (by id) accepts, with their types and bounds. */
  configurationParameters(version: Ref, filters: Query = {}, opts?: ListOptions) {
    return this._list(r.configurationParameters, filters, opts, `${path('/datastores/versions', version, 'version')}/parameters`);
  }
  /** One configuration parameter of a datastore version (by id); NotFoundError when the version has no such parameter. */
  async getConfigurationParameter(version: Ref, name: string, opts?: CallOptions): Promise<s.ConfigurationParameter> {
    const res = await this.request({ ...opts, path: `${path('/datastores/versions', version, 'version')}/parameters/${seg(nameOf(name, 'name'))}` });
    return parseResponse(s.ConfigurationParameter, res.data, 'configuration parameter');
  }

  // ---- instances -------------------------------------------------------------------------
  /** Renames an instance; resolves to the instance as Trove then shows it. */
  async updateInstance(instance: Ref, changes: s.InstanceChanges, opts?: CallOptions): Promise<s.Instance> {
    const body = validateInput(s.InstanceUpdate, changes, 'changes');
    await this.request({ ...opts, method: 'PUT', path: instancePath(instance), body: { instance: body }, responseType: 'none' });
    return this.getInstance(instance, opts);
  }
  /** Restarts the database of an instance (status `REBOOT`, then `ACTIVE`). */
  async restartInstance(instance: Ref, opts?: CallOptions): Promise<void> {
    await this.action(instance, { restart: {} }, opts);
  }
  /** Gives an instance another flavor (status `RESIZE`, then `ACTIVE` with the new flavor). */
  async resizeInstance(instance: Ref, flavor: FlavorRef, opts?: CallOptions): Promise<void> {
    await this.action(instance, { resize: { flavorRef: flavorIdOf(flavor) } }, opts);
  }
  /** Grows an instance's volume to `size` GB (Trove cannot shrink one). */
  async resizeInstanceVolume(instance: Ref, size: number, opts?: CallOptions): Promise<void> {
    const gb = validateInput(v.pipe(v.number('must be a number of GB'), v.integer('must be a whole number of GB'), v.minValue(1, 'must be 1 GB or more')), size, 'size');
    await this.action(instance, { resize: { volume: { size: gb } } }, opts);
  }
  /** Attaches a configuration group to an instance: its values apply to the instance's database. */
  async attachConfiguration(instance: Ref, configuration: Ref, opts?: CallOptions): Promise<void> {
    const id = idOf(configuration, 'configuration');
    await this.request({ ...opts, method: 'PUT', path: instancePath(instance), body: { instance: { configuration: id } }, responseType: 'none' });
  }
  /** Detaches the configuration group from an instance: its database goes back to the defaults. */
  async detachConfiguration(instance: Ref, opts?: CallOptions): Promise<void> {
    await this.request({ ...opts, method: 'PUT', path: instancePath(instance), body: { instance: { configuration: null } }, responseType: 'none' });
  }
  /** The datastore's default configuration of an instance (what applies without a configuration group). */
  async getInstanceDefaultConfiguration(instance: Ref, opts?: CallOptions): Promise<Record<string, unknown>> {
    const res = await this.request({ ...opts, path: `${instancePath(instance)}/configuration` });
    const body = parseResponse(v.looseObject({ instance: v.looseObject({ configuration: v.record(v.string(), v.unknown()) }) }), res.data, 'default configuration');
    return body.instance.configuration;
  }
  /** Backups of one instance. */
  instanceBackups(instance: Ref, filters: r.BackupQuery = {}, opts?: ListOptions) {
    return this._list(r.backups, filters, opts, `${instancePath(instance)}/backups`);
  }

  // ---- databases -------------------------------------------------------------------------
  /** Databases of an instance (the datastore's own, such as `mysql`, left out). */
  databases(instance: Ref, filters: Query = {}, opts?: ListOptions) {
    return this._list(r.databases, filters, opts, `${instancePath(instance)}/databases`);
  }
  /** Creates a database on an instance; resolves to what was asked for once Trove accepted it. */
  async createDatabase(instance: Ref, attrs: s.DatabaseAttrs, opts?: CallOptions): Promise<s.Database> {
    const db = validateInput(s.DatabaseCreate, attrs, 'attrs');
    await this.request({ ...opts, method: 'POST', path: `${instancePath(instance)}/databases`, body: { databases: [db] }, responseType: 'none' });
    return db;
  }
  /** Deletes a database of an instance (by name). */
  async deleteDatabase(instance: Ref, database: DatabaseRef, opts: DeleteOptions = {}): Promise<void> {
    const { ignoreMissing, ...call } = opts;
    await this.request({
      ...call,
      method: 'DELETE',
      path: `${instancePath(instance)}/databases/${seg(nameOf(database, 'database'))}`,
      okStatuses: ignoreMissing ? [404] : undefined,
      responseType: 'none',
    });
  }

  // ---- users -----------------------------------------------------------------------------
  /** Users of an instance, each with the databases it may use. */
  users(instance: Ref, filters: Query = {}, opts?: ListOptions) {
    return this._list(r.users, filters, opts, `${instancePath(instance)}/users`);
  }
  /** One user of an instance (`name`, `name@host` or `{ name, host }`). */
  async getUser(instance: Ref, user: UserRef, opts?: CallOptions): Promise<s.DatabaseUser> {
    const res = await this.request({ ...opts, path: userPath(instance, user) });
    return this.one(r.users, res.data);
  }
  /** Creates a user on an instance with access to the databases named; resolves to the user as Trove then shows it. */
  async createUser(instance: Ref, attrs: s.DatabaseUserAttrs, opts?: CallOptions): Promise<s.DatabaseUser> {
    const user = validateInput(s.DatabaseUserCreate, attrs, 'attrs');
    await this.request({ ...opts, method: 'POST', path: `${instancePath(instance)}/users`, body: { users: [user] }, responseType: 'none' });
    return this.getUser(instance, { name: user.name, host: user.host }, opts);
  }
  /** Changes a user's name, host or password; resolves to the user under its (new) name. */
  async updateUser(instance: Ref, user: UserRef, changes: s.DatabaseUserChanges, opts?: CallOptions): Promise<s.DatabaseUser> {
    const body = validateInput(s.DatabaseUserUpdate, changes, 'changes');
    const target = userPath(instance, user);
    await this.request({ ...opts, method: 'PUT', path: target, body: { user: body }, responseType: 'none' });
    const name = body.name ?? nameOf(user, 'user');
    const host = body.host ?? (typeof user === 'object' ? user.host : undefined);
    return this.getUser(instance, { name, host }, opts);
  }
  /** Deletes a user of an instance. */
  async deleteUser(instance: Ref, user: UserRef, opts: DeleteOptions = {}): Promise<void> {
    const { ignoreMissing, ...call } = opts;
    await this.request({ ...call, method: 'DELETE', path: userPath(instance, user), okStatuses: ignoreMissing ? [404] : undefined, responseType: 'none' });
  }
  /** The databases a user may use. */
  userDatabases(instance: Ref, user: UserRef, filters: Query = {}, opts?: ListOptions) {
    nameOf(user, 'user');
    return this._list(r.databases, filters, opts, `${userPath(instance, user)}/databases`);
  }
  /** Grants a user access to databases (by name); the access it had stays. */
  async grantUserAccess(instance: Ref, user: UserRef, databases: readonly DatabaseRef[], opts?: CallOptions): Promise<void> {
    const names = validateInput(s.DatabaseNames, databases, 'databases');
    await this.request({ ...opts, method: 'PUT', path: `${userPath(instance, user)}/databases`, body: { databases: names }, responseType: 'none' });
  }
  /** Takes a user's access to one database away. */
  async revokeUserAccess(instance: Ref, user: UserRef, database: DatabaseRef, opts?: CallOptions): Promise<void> {
    await this.request({ ...opts, method: 'DELETE', path: `${userPath(instance, user)}/databases/${seg(nameOf(database, 'database'))}`, responseType: 'none' });
  }

  // ---- configuration groups --------------------------------------------------------------
  /** Sets values in a configuration group (the others stay) and applies them to its instances; resolves to the group. */
  async updateConfiguration(configuration: Ref, values: s.ConfigurationValues, opts?: CallOptions): Promise<s.Configuration> {
    const body = validateInput(s.ConfigurationValues, values, 'values');
    await this.request({ ...opts, method: 'PATCH', path: configurationPath(configuration), body: { configuration: { values: body } }, responseType: 'none' });
    return this.getConfiguration(configuration, opts);
  }
  /** Replaces every value of a configuration group (and its name or description when given); resolves to the group. */
  async replaceConfiguration(configuration: Ref, attrs: s.ConfigurationReplacement, opts?: CallOptions): Promise<s.Configuration> {
    const body = validateInput(s.ConfigurationReplace, attrs, 'attrs');
    await this.request({ ...opts, method: 'PUT', path: configurationPath(configuration), body: { configuration: body }, responseType: 'none' });
    return this.getConfiguration(configuration, opts);
  }
  /** The instances a configuration group is attached to. */
  configurationInstances(configuration: Ref, filters: Query = {}, opts?: ListOptions) {
    return this._list(r.configurationInstances, filters, opts, `${configurationPath(configuration)}/instances`);
  }

  private async action(instance: Ref, body: Record<string, unknown>, opts?: CallOptions): Promise<void> {
    await this.request({ ...opts, method: 'POST', path: `${instancePath(instance)}/action`, body, responseType: 'none' });
  }
}
