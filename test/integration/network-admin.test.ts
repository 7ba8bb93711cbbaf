import { afterAll, describe, expect, test } from 'vitest';
import { ForbiddenError, ValidationError } from '../../src/index.js';
import { cloud, connectTo, uniqueName } from '../helpers/cloud.js';

describe('network: pools, scopes, sharing, quotas and cloud facts', () => {
  const demo = connectTo('local-demo');
  const admin = connectTo('local-admin');
  const cleanup: (() => Promise<unknown>)[] = [];
  afterAll(async () => {
    for (const f of cleanup.reverse()) await f().catch(() => undefined);
  });

  test('an address scope and a subnet pool in it; a subnet carved from the pool', async () => {
    const name = uniqueName('sdk-pool');
    const scope = await demo.network.createAddressScope({ name: `${name}-scope`, ip_version: 4 });
    cleanup.push(() => demo.network.deleteAddressScope(scope, { ignoreMissing: true }));
    const pool = await demo.network.createSubnetPool({
      name,
      prefixes: ['10.210.0.0/16'],
      default_prefixlen: 26,
      address_scope_id: scope.id,
    });
    cleanup.push(() => demo.network.deleteSubnetPool(pool, { ignoreMissing: true }));
    expect(pool).toMatchObject({ prefixes: ['10.210.0.0/16'], address_scope_id: scope.id });
    expect(Number(pool.default_prefixlen)).toBe(26);
    expect((await demo.network.findSubnetPool(name))?.id).toBe(pool.id);
    expect((await demo.network.findAddressScope(`${name}-scope`))?.id).toBe(scope.id);
    expect((await demo.network.subnetPools({ address_scope_id: scope.id }).toArray()).map((p) => p.id)).toEqual([pool.id]);

    const grown = await demo.network.updateSubnetPool(pool, { prefixes: ['10.210.0.0/16', '10.220.0.0/16'] });
    expect(grown.prefixes.sort()).toEqual(['10.210.0.0/16', '10.220.0.0/16']);
    expect((await demo.network.updateAddressScope(scope, { name: `${name}-scope2` })).name).toBe(`${name}-scope2`);

    const network = await demo.network.createNetwork({ name });
    cleanup.push(() => demo.network.deleteNetwork(network, { ignoreMissing: true }));
    const subnet = await demo.network.createSubnet({ network_id: network.id, ip_version: 4, subnetpool_id: pool.id });
    expect(subnet.cidr).toMatch(/^10\.2[12]0\.\d+\.\d+\/26$/);
    expect((await demo.network.getNetwork(network)).ipv4_address_scope).toBe(scope.id);

    await expect(demo.network.createSubnetPool({ name, prefixes: ['10.212.0.0'] })).rejects.toMatchObject({ field: 'attrs.prefixes.0' });
    await demo.network.deleteSubnet(subnet);
    await demo.network.deleteNetwork(network);
    await demo.network.deleteSubnetPool(pool);
    await demo.network.deleteAddressScope(scope);
    expect(await demo.network.findSubnetPool(pool.id)).toBeUndefined();
  });

  test('an RBAC policy shares a network with another project', async () => {
    const alt = connectTo('local-alt-demo');
    const network = await demo.network.createNetwork({ name: uniqueName('sdk-shared') });
    cleanup.push(() => demo.network.deleteNetwork(network, { ignoreMissing: true }));
    expect(await alt.network.findNetwork(network.id)).toBeUndefined();
    const policy = await demo.network.createRbacPolicy({
      object_type: 'network',
      object_id: network.id,
      action: 'access_as_shared',
      target_tenant: cloud.projects.altDemo.id,
    });
    cleanup.push(() => demo.network.deleteRbacPolicy(policy, { ignoreMissing: true }));
    expect((await alt.network.findNetwork(network.id))?.id).toBe(network.id);
    expect((await demo.network.rbacPolicies({ object_id: network.id }).toArray()).map((p) => p.id)).toEqual([policy.id]);
    expect((await demo.network.findRbacPolicy(policy.id))?.target_tenant).toBe(cloud.projects.altDemo.id);
    await demo.network.deleteRbacPolicy(policy);
    expect(await alt.network.findNetwork(network.id)).toBeUndefined();
    await expect(demo.network.createRbacPolicy({ object_type: 'network', object_id: network.id, action: 'share' as 'access_as_shared', target_tenant: '*' })).rejects.toBeInstanceOf(
      ValidationError,
    );
    await demo.network.deleteNetwork(network);
  });

  test('quotas: read with usage; set and reset by an admin', async () => {
    const quota = await demo.network.getQuota(cloud.projects.demo.id);
    expect(quota.network).toBeGreaterThan(0);
    const details = await demo.network.getQuotaDetails(cloud.projects.demo.id);
    expect(details.network?.used).toBeGreaterThanOrEqual(1);
    expect(details.network?.limit).toBe(quota.network);

    const project = await admin.identity.createProject({ name: uniqueName('sdk-quota'), domain_id: 'default' });
    cleanup.push(() => admin.identity.deleteProject(project, { ignoreMissing: true }));
    const defaults = await admin.network.getDefaultQuota(project);
    const set = await admin.network.updateQuota(project, { port: 77, floatingip: -1 });
    expect(set).toMatchObject({ port: 77, floatingip: -1 });
    expect((await admin.network.quotas().toArray()).some((q) => q.project_id === project.id)).toBe(true);
    await expect(demo.network.updateQuota(project, { port: 1 })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(admin.network.updateQuota(project, { port: -2 })).rejects.toMatchObject({ field: 'attrs.port' });
    await admin.network.deleteQuota(project);
    expect((await admin.network.getQuota(project)).port).toBe(defaults.port);
  });

  test('extensions, availability zones and agents', async () => {
    expect((await demo.network.getExtension('router')).alias).toBe('router');
    expect(await demo.network.hasExtension('extraroute-atomic')).toBe(true);
    expect(await demo.network.hasExtension('no-such-extension')).toBe(false);
    const l3 = await demo.network.getExtension('router');
    expect((await demo.network.findExtension(l3.name))?.alias).toBe('router');
    // This cloud runs Neutron without agents (ML2 with a no-op driver), and Neutron's availability
    // zones are those of its agents: both lists are empty. What the filter does is seen in the
    // request it makes and in Neutron's answer to a value it cannot read.
    const sent: string[] = [];
    const watched = connectTo('local-admin', {
      fetch: (input, init) => {
        sent.push(`${init?.method ?? 'GET'} ${input instanceof Request ? input.url : String(input)}`);
        return fetch(input, init);
      },
    });
    expect(await demo.network.availabilityZones().toArray()).toEqual([]);
    expect(await watched.network.agents().toArray()).toEqual([]);
    expect(await watched.network.agents({ alive: true }).toArray()).toEqual([]);
    await expect(watched.network.agents({ alive: 'maybe' as unknown as boolean }).toArray()).rejects.toMatchObject({
      status: 400,
      message: expect.stringContaining("'maybe' cannot be converted to boolean"),
    });
    expect(sent.filter((r) => r.includes('/agents')).map((r) => r.replace(/^(\w+) https?:\/\/[^/]+/, '$1 '))).toEqual([
      'GET /v2.0/agents',
      'GET /v2.0/agents?alive=true',
      'GET /v2.0/agents?alive=maybe',
    ]);
  });
});
