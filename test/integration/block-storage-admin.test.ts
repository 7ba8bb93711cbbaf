import { afterAll, describe, expect, test } from 'vitest';
import { ForbiddenError, ValidationError } from '../../src/index.js';
import { cloud, connectTo, uniqueName } from '../helpers/cloud.js';

const fast = { interval: 500, maxInterval: 2000, timeout: 180_000 };

describe('block storage: types, backups, quotas and cloud facts', () => {
  const demo = connectTo('local-demo');
  const admin = connectTo('local-admin');
  const cleanup: (() => Promise<unknown>)[] = [];
  afterAll(async () => {
    for (const f of cleanup.reverse()) await f().catch(() => undefined);
  });

  test('a volume type with extra specs, used by a volume, then a retype', async () => {
    const name = uniqueName('sdk-type');
    const type = await admin.blockStorage.createVolumeType({ name, description: 'tests', extra_specs: { 'sdk:tier': 'gold' } });
    cleanup.push(() => admin.blockStorage.deleteVolumeType(type, { ignoreMissing: true }));
    // Scoped keys (`scope:key`) are not matched against backend capabilities, so any backend will do.
    expect(type.extra_specs).toEqual({ 'sdk:tier': 'gold' });
    expect(await admin.blockStorage.setVolumeTypeExtraSpecs(type, { 'sdk:replicas': '2' })).toEqual({ 'sdk:replicas': '2' });
    expect(await admin.blockStorage.volumeTypeExtraSpecs(type)).toEqual({ 'sdk:tier': 'gold', 'sdk:replicas': '2' });
    await admin.blockStorage.deleteVolumeTypeExtraSpec(type, 'sdk:replicas');
    expect((await admin.blockStorage.getVolumeType(type)).extra_specs).toEqual({ 'sdk:tier': 'gold' });
    expect((await demo.blockStorage.findVolumeType(name))?.id).toBe(type.id);
    expect((await admin.blockStorage.updateVolumeType(type, { description: 'renamed' })).description).toBe('renamed');
    await expect(demo.blockStorage.createVolumeType({ name: uniqueName('nope') })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(admin.blockStorage.setVolumeTypeExtraSpecs(type, { n: 1 as unknown as string })).rejects.toBeInstanceOf(ValidationError);

    const volume = await demo.blockStorage.createVolume({ size: 1, name, volume_type: name });
    cleanup.push(() => demo.blockStorage.deleteVolume(volume, { ignoreMissing: true }));
    expect((await demo.blockStorage.waitForVolume(volume, fast)).volume_type).toBe(name);
    expect((await demo.blockStorage.volumes({ name }).toArray())[0]?.volume_type).toBe(name);
    await demo.blockStorage.retypeVolume(volume, '__DEFAULT__');
    expect((await demo.blockStorage.waitForVolume(volume, fast)).volume_type).toBe('__DEFAULT__');
    await demo.blockStorage.deleteVolume(volume);
    await demo.blockStorage.waitForVolumeDelete(volume, fast);
    await admin.blockStorage.deleteVolumeType(type);
    expect(await admin.blockStorage.findVolumeType(type.id)).toBeUndefined();
  });

  test('a private volume type is usable by the projects given access', async () => {
    const name = uniqueName('sdk-private');
    const type = await admin.blockStorage.createVolumeType({ name, 'os-volume-type-access:is_public': false });
    cleanup.push(() => admin.blockStorage.deleteVolumeType(type, { ignoreMissing: true }));
    expect(await demo.blockStorage.findVolumeType(name)).toBeUndefined();
    await admin.blockStorage.addVolumeTypeAccess(type, cloud.projects.demo.id);
    expect(await admin.blockStorage.volumeTypeAccess(type)).toEqual([{ volume_type_id: type.id, project_id: cloud.projects.demo.id }]);
    expect((await demo.blockStorage.findVolumeType(name))?.id).toBe(type.id);
    await admin.blockStorage.removeVolumeTypeAccess(type, cloud.projects.demo.id);
    expect(await admin.blockStorage.volumeTypeAccess(type)).toEqual([]);
    await admin.blockStorage.deleteVolumeType(type);
  });

  test('a backup of a volume, restored onto a new volume', async () => {
    const name = uniqueName('sdk-backup');
    const volume = await demo.blockStorage.createVolume({ size: 1, name });
    cleanup.push(() => demo.blockStorage.deleteVolume(volume, { ignoreMissing: true }));
    await demo.blockStorage.waitForVolume(volume, fast);
    const created = await demo.blockStorage.createBackup({ volume_id: volume.id, name, metadata: { kind: 'nightly' } });
    cleanup.push(() => demo.blockStorage.deleteBackup(created, { ignoreMissing: true }));
    const backup = await demo.blockStorage.waitForBackup(created, fast);
    expect(backup).toMatchObject({ status: 'available', volume_id: volume.id, metadata: { kind: 'nightly' } });
    expect((await demo.blockStorage.findBackup(name))?.id).toBe(backup.id);
    expect((await demo.blockStorage.updateBackup(backup, { description: 'kept' })).description).toBe('kept');
    const restore = await demo.blockStorage.restoreBackup(backup, { name: `${name}-restored` });
    cleanup.push(() => demo.blockStorage.deleteVolume(restore.volume_id, { ignoreMissing: true }));
    expect((await demo.blockStorage.waitForVolume(restore.volume_id, fast)).name).toBe(`${name}-restored`);
    await demo.blockStorage.waitForBackup(backup, fast);
    await demo.blockStorage.deleteBackup(backup);
    await demo.blockStorage.waitForBackupDelete(backup, fast);
    await demo.blockStorage.deleteVolume(restore.volume_id);
    await demo.blockStorage.deleteVolume(volume);
    await Promise.all([demo.blockStorage.waitForVolumeDelete(volume, fast), demo.blockStorage.waitForVolumeDelete(restore.volume_id, fast)]);
  });

  test('quotas: read with usage; set and reset by an admin', async () => {
    const quota = await demo.blockStorage.getQuotaSet(cloud.projects.demo.id);
    expect(quota.volumes).toBeGreaterThan(0);
    const usage = await demo.blockStorage.getQuotaSetUsage(cloud.projects.demo.id);
    expect(usage.volumes).toMatchObject({ limit: quota.volumes, in_use: expect.any(Number) });

    const project = await admin.identity.createProject({ name: uniqueName('sdk-quota'), domain_id: 'default' });
    cleanup.push(() => admin.identity.deleteProject(project, { ignoreMissing: true }));
    const defaults = await admin.blockStorage.getDefaultQuotaSet(project);
    expect(await admin.blockStorage.updateQuotaSet(project, { volumes: 3, gigabytes: -1 })).toMatchObject({ volumes: 3, gigabytes: -1 });
    expect((await admin.blockStorage.getQuotaSet(project)).volumes).toBe(3);
    await expect(admin.blockStorage.updateQuotaSet(project, { volumes: 1.5 })).rejects.toMatchObject({ field: 'attrs.volumes' });
    await admin.blockStorage.deleteQuotaSet(project);
    expect((await admin.blockStorage.getQuotaSet(project)).volumes).toBe(defaults.volumes);
  });

  test('limits, availability zones and services', async () => {
    const limits = await demo.blockStorage.getLimits();
    expect(limits.absolute.maxTotalVolumes).toBeGreaterThan(0);
    expect(limits.absolute.totalVolumesUsed).toBeGreaterThanOrEqual(0);
    const zones = await demo.blockStorage.availabilityZones().toArray();
    expect(zones.some((z) => z.zoneState.available)).toBe(true);
    const services = await admin.blockStorage.services({ binary: 'cinder-volume' }).toArray();
    expect(services.length).toBeGreaterThan(0);
    expect(services.every((s) => s.binary === 'cinder-volume')).toBe(true);
    expect(services[0]?.state).toBe('up');
    await expect(demo.blockStorage.services().toArray()).rejects.toBeInstanceOf(ForbiddenError);
  });
});
