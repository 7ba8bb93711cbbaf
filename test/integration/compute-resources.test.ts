import { afterAll, describe, expect, test } from 'vitest';
import { ForbiddenError, NotFoundError, type Flavor } from '../../src/index.js';
import { cloud, connectTo, uniqueName } from '../helpers/cloud.js';

const admin = connectTo('local-admin');
const demo = connectTo('local-demo');
const PUBLIC_KEY =
  'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIBPmbl0Gg6GAOLl9rpUr5nNgqgrAyr3ZJrzXjBXGpQ3f test@example';

describe('flavors', () => {
  const created: Flavor[] = [];
  afterAll(async () => {
    for (const f of created) await admin.compute.deleteFlavor(f, { ignoreMissing: true });
  });

  test('30 flavors listed with a page size of 7: exact count, no duplicates', async () => {
    const prefix = uniqueName('pg');
    for (let i = 0; i < 30; i++) created.push(await admin.compute.createFlavor({ name: `${prefix}-${i}`, ram: 64, vcpus: 1, disk: 0 }));
    const pages: number[] = [];
    const ids: string[] = [];
    for await (const page of admin.compute.flavors({}, { pageSize: 7 }).pages()) {
      pages.push(page.length);
      ids.push(...page.map((f) => f.id));
    }
    expect(pages.every((n) => n <= 7)).toBe(true);
    expect(pages.length).toBeGreaterThanOrEqual(5);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.filter((id) => created.some((f) => f.id === id))).toHaveLength(30);
  });

  test('create with a description, extra specs, private access', async () => {
    const flavor = await admin.compute.createFlavor({
      name: uniqueName('priv'),
      ram: 128,
      vcpus: 1,
      disk: 1,
      description: 'for tests',
      'os-flavor-access:is_public': false,
    });
    created.push(flavor);
    expect(flavor).toMatchObject({ description: 'for tests', 'os-flavor-access:is_public': false });

    expect(await admin.compute.setFlavorExtraSpecs(flavor, { 'hw:cpu_policy': 'shared', 'quota:disk_read_iops_sec': '100' })).toEqual({
      'hw:cpu_policy': 'shared',
      'quota:disk_read_iops_sec': '100',
    });
    await admin.compute.deleteFlavorExtraSpec(flavor, 'quota:disk_read_iops_sec');
    expect(await admin.compute.getFlavorExtraSpecs(flavor)).toEqual({ 'hw:cpu_policy': 'shared' });
    expect((await admin.compute.getFlavor(flavor)).extra_specs).toEqual({ 'hw:cpu_policy': 'shared' });

    // private: the demo project cannot see it until given access
    expect(await demo.compute.findFlavor(flavor.name)).toBeUndefined();
    await admin.compute.addFlavorAccess(flavor, cloud.projects.demo.id);
    expect((await admin.compute.flavorAccess(flavor)).map((a) => a.tenant_id)).toEqual([cloud.projects.demo.id]);
    expect((await demo.compute.findFlavor(flavor.name))?.id).toBe(flavor.id);
    await admin.compute.removeFlavorAccess(flavor, cloud.projects.demo.id);
    expect(await admin.compute.flavorAccess(flavor)).toEqual([]);

    await admin.compute.deleteFlavor(flavor);
    await expect(admin.compute.getFlavor(flavor)).rejects.toBeInstanceOf(NotFoundError);
  });

  test('non-admins cannot create flavors', async () => {
    await expect(demo.compute.createFlavor({ name: uniqueName('no'), ram: 64, vcpus: 1, disk: 0 })).rejects.toBeInstanceOf(ForbiddenError);
  });
});

describe('key pairs', () => {
  const names: string[] = [];
  afterAll(async () => {
    for (const n of names) await demo.compute.deleteKeypair(n, { ignoreMissing: true });
  });

  test('generate, import, list, get, delete', async () => {
    const generated = await demo.compute.createKeypair({ name: uniqueName('gen') });
    names.push(generated.name);
    expect(generated.private_key).toMatch(/PRIVATE KEY/);
    const imported = await demo.compute.importKeypair(uniqueName('imp'), PUBLIC_KEY);
    names.push(imported.name);
    expect(imported.public_key).toBe(PUBLIC_KEY);
    expect(imported.private_key).toBeUndefined();

    const listed = (await demo.compute.keypairs().toArray()).map((k) => k.name);
    expect(listed).toEqual(expect.arrayContaining(names));
    expect((await demo.compute.getKeypair(imported.name)).fingerprint).toBe(imported.fingerprint);

    await demo.compute.deleteKeypair(imported);
    await expect(demo.compute.getKeypair(imported.name)).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe('server groups, zones, limits, quotas', () => {
  test('server groups', async () => {
    const group = await demo.compute.createServerGroup({ name: uniqueName('grp'), policy: 'anti-affinity', rules: { max_server_per_host: 2 } });
    try {
      expect(group).toMatchObject({ policy: 'anti-affinity', rules: { max_server_per_host: 2 }, members: [] });
      expect((await demo.compute.findServerGroup(group.name))?.id).toBe(group.id);
      expect((await demo.compute.serverGroups().toArray()).map((g) => g.id)).toContain(group.id);
    } finally {
      await demo.compute.deleteServerGroup(group);
    }
    expect(await demo.compute.findServerGroup(group.id)).toBeUndefined();
  });

  test('server groups page by offset: every group comes back, a page at a time', async () => {
    const groups = await Promise.all([1, 2, 3].map((i) => demo.compute.createServerGroup({ name: uniqueName(`grp-page-${i}`), policy: 'affinity' })));
    try {
      const all = await demo.compute.serverGroups().toArray();
      const pages: string[][] = [];
      for await (const page of demo.compute.serverGroups({}, { pageSize: 2 }).pages()) pages.push(page.map((g) => g.id));
      expect(pages.flat()).toEqual(all.map((g) => g.id));
      expect(pages.flat()).toEqual(expect.arrayContaining(groups.map((g) => g.id)));
      expect(pages.every((p) => p.length <= 2)).toBe(true);
      expect(pages.length).toBe(Math.ceil(all.length / 2));
    } finally {
      await Promise.all(groups.map((g) => demo.compute.deleteServerGroup(g)));
    }
  });

  test('availability zones', async () => {
    const zones = await demo.compute.availabilityZones().toArray();
    expect(zones.find((z) => z.zoneName === 'nova')?.zoneState.available).toBe(true);
    const detailed = await admin.compute.availabilityZones({ details: true }).toArray();
    expect(detailed.some((z) => z.hosts && Object.keys(z.hosts).length > 0)).toBe(true);
  });

  test('limits and quota sets', async () => {
    const limits = await demo.compute.getLimits();
    expect(limits.absolute.maxTotalInstances).toBeGreaterThan(0);
    expect(typeof limits.absolute.totalInstancesUsed).toBe('number');

    const project = cloud.projects.altDemo.id;
    const before = await admin.compute.getQuotaSet(project);
    try {
      expect((await admin.compute.updateQuotaSet(project, { key_pairs: 42 })).key_pairs).toBe(42);
      const detail = await admin.compute.getQuotaSet(project, { usage: true });
      expect(detail.key_pairs).toMatchObject({ limit: 42, in_use: 0 });
    } finally {
      await admin.compute.revertQuotaSet(project);
    }
    expect((await admin.compute.getQuotaSet(project)).key_pairs).toBe(before.key_pairs);
    expect((await admin.compute.getDefaultQuotaSet(project)).instances).toBeTypeOf('number');
  });
});

describe('admin: hypervisors, services, aggregates', () => {
  test('hypervisors and services', async () => {
    const hypervisors = await admin.compute.hypervisors().toArray();
    expect(hypervisors.length).toBeGreaterThan(0);
    expect((await admin.compute.getHypervisor(hypervisors[0])).hypervisor_hostname).toBe(hypervisors[0].hypervisor_hostname);
    const services = await admin.compute.services({ binary: 'nova-compute' }).toArray();
    expect(services.length).toBeGreaterThan(0);
    expect(services[0]).toMatchObject({ binary: 'nova-compute', state: 'up' });
    await expect(demo.compute.hypervisors().toArray()).rejects.toBeInstanceOf(ForbiddenError);
  });

  test('aggregates: create, hosts, metadata, delete', async () => {
    const host = (await admin.compute.services({ binary: 'nova-compute' }).toArray())[0].host;
    const agg = await admin.compute.createAggregate({ name: uniqueName('agg') });
    try {
      expect((await admin.compute.addAggregateHost(agg, host)).hosts).toEqual([host]);
      expect((await admin.compute.setAggregateMetadata(agg, { ssd: 'true' })).metadata).toMatchObject({ ssd: 'true' });
      expect((await admin.compute.updateAggregate(agg, { name: `${agg.name}-2` })).name).toBe(`${agg.name}-2`);
      expect((await admin.compute.findAggregate(`${agg.name}-2`))?.id).toBe(agg.id);
      expect((await admin.compute.setAggregateMetadata(agg, { ssd: null })).metadata).not.toHaveProperty('ssd');
      expect((await admin.compute.removeAggregateHost(agg, host)).hosts).toEqual([]);
    } finally {
      await admin.compute.deleteAggregate(agg);
    }
    await expect(admin.compute.getAggregate(agg)).rejects.toBeInstanceOf(NotFoundError);
  });
});
