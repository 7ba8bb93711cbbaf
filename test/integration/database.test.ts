import { afterAll, describe, expect, test } from 'vitest';
import { Connection } from '../../src/core.js';
import { BadRequestError, HttpError, NotFoundError, ResourceFailureError, ValidationError } from '../../src/index.js';
import { database, type Instance } from '../../src/services/database/index.js';
import { cloudOptions, uniqueName } from '../helpers/cloud.js';

// Trove runs in fake mode here (e2e/cloud/services/trove.sh): every call goes through the real
// Trove API and taskmanager, but the servers, volumes and guest agents behind an instance are
// Trove's in-memory fakes, so no database engine runs.

const sent: string[] = [];
const conn = new Connection({
  ...cloudOptions('local-demo'),
  services: [database],
  fetch: (input: RequestInfo | URL, init?: RequestInit) => {
    sent.push(`${init?.method ?? 'GET'} ${String(input)}`);
    return fetch(input, init);
  },
});
const db = conn.database;
const alt = new Connection({ ...cloudOptions('local-alt-demo'), services: [database] }).database;

const cleanup: (() => Promise<unknown>)[] = [];
afterAll(async () => {
  for (const f of cleanup.reverse()) await f().catch(() => undefined);
});
/** Every instance a test makes is deleted, and waited for, at the end. */
function forget(made: Instance): void {
  cleanup.push(async () => {
    await db.deleteInstance(made, { ignoreMissing: true });
    await db.waitForInstanceDelete(made, { interval: 1000, timeout: 60_000 });
  });
}
async function newInstance(attrs: Parameters<typeof db.createInstance>[0]): Promise<Instance> {
  const made = await db.createInstance(attrs);
  forget(made);
  return made;
}
/** Nothing is sent while `f` runs. */
async function sendsNothing(f: () => Promise<unknown>): Promise<unknown> {
  const before = sent.length;
  const err = await f().then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(sent.length).toBe(before);
  return err;
}
const fast = { interval: 1000, timeout: 120_000 };

describe('datastores, versions, configuration parameters and flavors', () => {
  test('datastores list mysql and mariadb with their versions; by name or id', async () => {
    const all = await db.datastores().toArray();
    expect(all.map((d) => d.name)).toEqual(expect.arrayContaining(['mysql', 'mariadb']));
    const mysql = all.find((d) => d.name === 'mysql')!;
    expect(mysql.versions?.map((x) => x.name)).toContain('5.7.29');
    expect(mysql.default_version).toBe(mysql.versions!.find((x) => x.name === '5.7.29')!.id);
    expect((await db.getDatastore('mysql')).id).toBe(mysql.id);
    expect((await db.getDatastore(mysql.id)).name).toBe('mysql');
    expect((await db.findDatastore('mariadb'))?.versions?.[0]?.name).toBe('10.4');
    expect(await db.findDatastore('no-such-datastore')).toBeUndefined();
    await expect(db.getDatastore('no-such-datastore')).rejects.toThrow(/Datastore 'no-such-datastore' cannot be found/);
  });

  test('versions of a datastore, one version by id, and the configuration parameters it accepts', async () => {
    const versions = await db.datastoreVersions('mysql').toArray();
    const v5 = versions.find((x) => x.name === '5.7.29')!;
    const mysql = await db.getDatastore('mysql');
    expect(v5).toMatchObject({ datastore: mysql.id, version: '5.7.29' });
    expect(await db.getDatastoreVersion(v5.id)).toMatchObject({ id: v5.id, name: '5.7.29', datastore: mysql.id });
    // Trove answers an unknown version id with 400, not 404
    const missing = await db.getDatastoreVersion('00000000-0000-0000-0000-000000000000').catch((e: unknown) => e);
    expect(missing).toBeInstanceOf(BadRequestError);
    expect((missing as BadRequestError).cloudMessage).toBe("Datastore version '00000000-0000-0000-0000-000000000000' cannot be found.");

    const params = await db.configurationParameters(v5).toArray();
    expect(params.length).toBeGreaterThan(50);
    expect(params.find((p) => p.name === 'max_connections')).toMatchObject({ type: 'integer', min: 1, max: 100000, restart_required: false });
    expect(await db.getConfigurationParameter(v5.id, 'innodb_buffer_pool_size')).toMatchObject({ name: 'innodb_buffer_pool_size', type: 'integer', restart_required: true });
    await expect(db.getConfigurationParameter(v5, 'no_such_parameter')).rejects.toBeInstanceOf(NotFoundError);
  });

  test('flavors: ids are strings, by id or name', async () => {
    const flavors = await db.flavors().toArray();
    const small = flavors.find((f) => f.name === 'm1.small')!;
    expect(small).toMatchObject({ id: '2', ram: 2048 });
    expect((await db.getFlavor('2')).name).toBe('m1.small');
    expect((await db.findFlavor('m1.medium'))?.id).toBe('3');
    expect(await db.findFlavor('m1.none')).toBeUndefined();
    // A Nova flavor whose id is not a number: Trove says `id: null, str_id: 'custom'`
    expect(flavors.find((f) => f.name === 'custom.small')).toMatchObject({ id: 'custom', str_id: 'custom' });
  });
});

describe('an instance, its databases, users, configuration group, actions and backups', () => {
  let inst: Instance;
  const name = uniqueName('orders');

  // The README's example (README.md, "Database instances")
  test('create is accepted in BUILD; waitForInstance sees it become ACTIVE; list, get, find', async () => {
    const flavor = await db.findFlavor('m1.small', { ignoreMissing: false });
    const created = await db.createInstance({
      name,
      flavorRef: flavor!.id,
      volume: { size: 1 },
      datastore: { type: 'mysql', version: '5.7.29' },
      databases: [{ name: 'orders' }],
      users: [{ name: 'app', password: 'app-secret-1', databases: ['orders'] }],
    });
    forget(created);
    inst = created;
    expect(inst).toMatchObject({ name, status: 'BUILD', flavor: { id: '2' }, volume: { size: 1 }, datastore: { type: 'mysql', version: '5.7.29' } });
    const ready = await db.waitForInstance(created, { timeout: 120_000 });
    expect(ready).toMatchObject({ id: inst.id, status: 'ACTIVE', operating_status: 'HEALTHY' });
    expect((await db.instances().toArray()).map((i) => i.id)).toContain(inst.id);
    expect((await db.getInstance(inst.id)).name).toBe(name);
    expect((await db.findInstance(name))?.id).toBe(inst.id);
    expect(await db.findInstance(`${name}-none`)).toBeUndefined();
    // Another project neither sees nor reaches it
    expect((await alt.instances().toArray()).map((i) => i.id)).not.toContain(inst.id);
    await expect(alt.getInstance(inst.id)).rejects.toBeInstanceOf(NotFoundError);
    // The databases and users made with the instance
    expect((await db.databases(inst).toArray()).map((d) => d.name)).toEqual(['orders']);
    expect(await db.users(inst).toArray()).toEqual([{ name: 'app', host: '%', databases: [{ name: 'orders' }] }]);
    // Its default configuration (without a configuration group)
    expect(await db.getInstanceDefaultConfiguration(inst)).toMatchObject({ port: 3306, datadir: '/var/lib/mysql/data' });
  }, 150_000);

  test('databases: create, list, delete', async () => {
    expect(await db.createDatabase(inst, { name: 'reports', character_set: 'utf8mb4', collate: 'utf8mb4_general_ci' })).toMatchObject({ name: 'reports' });
    expect((await db.databases(inst).toArray()).map((d) => d.name).sort()).toEqual(['orders', 'reports']);
    const firstPage = (await db.databases(inst, {}, { pageSize: 1 }).pages()[Symbol.asyncIterator]().next()).value;
    expect(firstPage).toHaveLength(1);
    expect((await db.databases(inst, {}, { pageSize: 1 }).toArray()).map((d) => d.name).sort()).toEqual(['orders', 'reports']);
    await db.deleteDatabase(inst, 'reports');
    expect((await db.databases(inst).toArray()).map((d) => d.name)).toEqual(['orders']);
  });

  test('users: create with access, get, grant and revoke databases, rename, delete', async () => {
    await db.createDatabase(inst, { name: 'audit' });
    cleanup.push(() => db.deleteDatabase(inst, 'audit', { ignoreMissing: true }));
    const u = await db.createUser(inst, { name: 'reader', password: 'reader-secret-1', host: '%', databases: ['orders'] });
    expect(u).toEqual({ name: 'reader', host: '%', databases: [{ name: 'orders' }] });
    expect((await db.getUser(inst, 'reader')).databases).toEqual([{ name: 'orders' }]);
    expect((await db.getUser(inst, { name: 'reader', host: '%' })).name).toBe('reader');
    expect((await db.users(inst).toArray()).map((x) => x.name).sort()).toEqual(['app', 'reader']);

    await db.grantUserAccess(inst, u, ['audit']);
    expect((await db.userDatabases(inst, u).toArray()).map((d) => d.name).sort()).toEqual(['audit', 'orders']);
    await db.revokeUserAccess(inst, u, 'orders');
    expect((await db.userDatabases(inst, 'reader').toArray()).map((d) => d.name)).toEqual(['audit']);

    const renamed = await db.updateUser(inst, u, { name: 'auditor' });
    expect(renamed.name).toBe('auditor');
    expect((await db.users(inst).toArray()).map((x) => x.name).sort()).toEqual(['app', 'auditor']);
    await db.deleteUser(inst, 'auditor');
    expect((await db.users(inst).toArray()).map((x) => x.name)).toEqual(['app']);
    await expect(db.getUser(inst, 'auditor')).rejects.toBeInstanceOf(NotFoundError);
  });

  test('a configuration group: created, read, patched, replaced, attached to the instance, listed with it, detached, deleted', async () => {
    const cfgName = uniqueName('tuned');
    const cfg = await db.createConfiguration({ name: cfgName, description: 'more connections', values: { max_connections: 200, connect_timeout: 20 }, datastore: { type: 'mysql', version: '5.7.29' } });
    cleanup.push(() => db.deleteConfiguration(cfg, { ignoreMissing: true }));
    expect(cfg).toMatchObject({ name: cfgName, values: { max_connections: 200, connect_timeout: 20 }, datastore_name: 'mysql', datastore_version_name: '5.7.29', instance_count: 0 });
    expect((await db.configurations().toArray()).map((c) => c.id)).toContain(cfg.id);
    expect((await db.findConfiguration(cfgName))?.id).toBe(cfg.id);

    const patched = await db.updateConfiguration(cfg, { wait_timeout: 100 });
    expect(patched.values).toEqual({ max_connections: 200, connect_timeout: 20, wait_timeout: 100 });
    const replaced = await db.replaceConfiguration(cfg, { values: { max_connections: 300 }, description: 'replaced' });
    expect(replaced).toMatchObject({ name: cfgName, description: 'replaced', values: { max_connections: 300 } });

    await db.attachConfiguration(inst, cfg);
    expect((await db.getInstance(inst)).configuration?.id).toBe(cfg.id);
    expect(await db.configurationInstances(cfg).toArray()).toEqual([{ id: inst.id, name }]);
    expect((await db.getConfiguration(cfg)).instance_count).toBe(1);
    await db.waitForInstance(inst, fast);

    await db.detachConfiguration(inst);
    expect(await db.configurationInstances(cfg).toArray()).toEqual([]);
    expect((await db.getInstance(inst)).configuration ?? undefined).toBeUndefined();
    await db.waitForInstance(inst, fast);

    await db.deleteConfiguration(cfg);
    await expect(db.getConfiguration(cfg)).rejects.toThrow(/Configuration group with ID .* could not be found/);
    await db.deleteConfiguration(cfg, { ignoreMissing: true });
  }, 150_000);

  test('restart: REBOOT, then ACTIVE again', async () => {
    await db.restartInstance(inst);
    expect((await db.getInstance(inst)).status).toBe('REBOOT');
    expect((await db.waitForInstance(inst, fast)).status).toBe('ACTIVE');
  }, 150_000);

  test('resize: another flavor, then a larger volume', async () => {
    await db.resizeInstance(inst, (await db.findFlavor('m1.medium'))!);
    expect((await db.getInstance(inst)).status).toBe('RESIZE');
    expect((await db.waitForInstance(inst, fast)).flavor?.id).toBe('3');
    await db.resizeInstanceVolume(inst, 2);
    expect((await db.getInstance(inst)).status).toBe('RESIZE');
    expect((await db.waitForInstance(inst, fast)).volume?.size).toBe(2);
  }, 240_000);

  test('backups: create, wait for COMPLETED, list (all and the instance\'s), find, delete', async () => {
    const bName = uniqueName('nightly');
    const b = await db.createBackup({ name: bName, instance: inst.id, description: 'before the migration' });
    cleanup.push(() => db.deleteBackup(b, { ignoreMissing: true }));
    expect(b).toMatchObject({ name: bName, status: 'NEW', instance_id: inst.id, description: 'before the migration', datastore: { type: 'mysql', version: '5.7.29' } });
    const done = await db.waitForBackup(b, fast);
    expect(done.status).toBe('COMPLETED');
    expect(done.size).toBeGreaterThan(0);
    expect((await db.backups().toArray()).map((x) => x.id)).toContain(b.id);
    expect((await db.instanceBackups(inst).toArray()).map((x) => x.id)).toEqual([b.id]);
    expect((await db.findBackup(bName))?.id).toBe(b.id);
    await db.waitForInstance(inst, fast);
    await db.deleteBackup(b);
    await db.waitForBackupDelete(b, fast);
    await expect(db.getBackup(b)).rejects.toBeInstanceOf(NotFoundError);
  }, 150_000);

  test('rename, then delete and wait for it to be gone', async () => {
    const renamed = await db.updateInstance(inst, { name: `${name}-renamed` });
    expect(renamed.name).toBe(`${name}-renamed`);
    expect((await db.findInstance(`${name}-renamed`))?.id).toBe(inst.id);
    await db.deleteInstance(inst);
    await db.waitForInstanceDelete(inst, fast);
    await expect(db.getInstance(inst)).rejects.toBeInstanceOf(NotFoundError);
    await db.deleteInstance(inst, { ignoreMissing: true });
  }, 150_000);
});

describe('failures and bad input', () => {
  test('an instance whose server cannot be built ends its wait with ResourceFailureError (ERROR)', async () => {
    // Trove's fake compute refuses to build a server whose name ends in SERVER_ERROR.
    const broken = await newInstance({ name: `${uniqueName('broken')}-SERVER_ERROR`, flavorRef: '1', volume: { size: 1 } });
    const err = await db.waitForInstance(broken, fast).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ResourceFailureError);
    expect((err as ResourceFailureError).message).toMatch(/reached status ERROR while waiting for active/i);
  }, 150_000);

  test('an unknown flavor or datastore is refused with Trove\'s message', async () => {
    const name = uniqueName('nope');
    const flavor = await db.createInstance({ name, flavorRef: '999', volume: { size: 1 } }).catch((e: unknown) => e);
    expect(flavor).toBeInstanceOf(BadRequestError);
    expect((flavor as BadRequestError).cloudMessage).toBe('Resource 999 cannot be found.');
    const store = await db.createInstance({ name, flavorRef: '2', volume: { size: 1 }, datastore: { type: 'no-such-db' } }).catch((e: unknown) => e);
    expect(store).toBeInstanceOf(NotFoundError);
    expect((store as NotFoundError).cloudMessage).toBe("Datastore 'no-such-db' cannot be found.");
    const version = await db.createInstance({ name, flavorRef: '2', volume: { size: 1 }, datastore: { type: 'mysql', version: '1.0' } }).catch((e: unknown) => e);
    expect(version).toBeInstanceOf(BadRequestError);
    expect((version as BadRequestError).cloudMessage).toMatch(/Datastore version '1\.0'/);
    expect((await db.instances().toArray()).filter((i) => i.name === name)).toEqual([]);
  });

  test('values a configuration group cannot take are refused with Trove\'s message', async () => {
    const unknown = await db.createConfiguration({ name: uniqueName('bad'), values: { no_such_parameter: 1 } }).catch((e: unknown) => e);
    expect(unknown).toBeInstanceOf(HttpError);
    expect(unknown).toMatchObject({ status: 422, cloudMessage: 'The configuration parameter no_such_parameter is not supported for this datastore: mysql 5.7.29.' });
    const tooMany = await db.createConfiguration({ name: uniqueName('bad'), values: { max_connections: 999_999_999 } }).catch((e: unknown) => e);
    expect(tooMany).toMatchObject({ status: 422, cloudMessage: 'The value for the configuration parameter max_connections is greater than the maximum allowed: 100000' });
  });

  test('what the SDK can tell is a ValidationError naming the field, and nothing is sent', async () => {
    const cases: [() => Promise<unknown>, string][] = [
      [() => db.createInstance({ flavorRef: '2' } as never), 'attrs.name'],
      [() => db.createInstance({ name: 'x' } as never), 'attrs.flavorRef'],
      [() => db.createInstance({ name: 'x', flavorRef: '2', volume: { size: 0 } }), 'attrs.volume.size'],
      [() => db.createInstance({ name: 'x', flavorRef: '2', volume: { size: 1.5 } }), 'attrs.volume.size'],
      [() => db.createInstance({ name: 'x', flavorRef: '2', users: [{ name: 'u' } as never] }), 'attrs.users.0.password'],
      [() => db.createInstance({ name: 'x', flavorRef: '2', locality: 'nearby' as never }), 'attrs.locality'],
      [() => db.updateInstance('some-id', {} as never), 'changes.name'],
      [() => db.resizeInstance('some-id', -1), 'flavor'],
      [() => db.resizeInstanceVolume('some-id', 0), 'size'],
      [() => db.createDatabase('some-id', { name: ' ' }), 'attrs.name'],
      [() => db.deleteDatabase('some-id', ''), 'database'],
      [() => db.createUser('some-id', { name: 'u', password: '' }), 'attrs.password'],
      [() => db.getUser('some-id', ''), 'user'],
      [() => db.updateUser('some-id', 'u', {}), 'changes'],
      [() => db.grantUserAccess('some-id', 'u', []), 'databases'],
      [() => db.createConfiguration({ name: 'c', values: { max_connections: { more: true } as never } }), 'attrs.values.max_connections'],
      [() => db.updateConfiguration('some-id', {}), 'values'],
      [() => db.attachConfiguration('some-id', ''), 'configuration'],
      [() => db.createBackup({ name: 'b' } as never), 'attrs.instance'],
      [() => db.getInstance(''), 'id'],
    ];
    for (const [call, field] of cases) {
      const err = await sendsNothing(call);
      expect(err, field).toBeInstanceOf(ValidationError);
      expect((err as ValidationError).field, field).toBe(field);
    }
  });
});
