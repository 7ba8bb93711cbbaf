import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ConflictError, NotFoundError, ValidationError, type Network, type Port, type Router, type SecurityGroup, type Subnet } from '../../src/index.js';
import { connectTo, uniqueName } from '../helpers/cloud.js';

// One topology built step by step (tests run in order): network, IPv4 and IPv6 subnets, a router
// on the external network, a port, a floating IP on that port, a security group.
describe('network: a project topology against Neutron', () => {
  let sent: string[] = [];
  const conn = connectTo('local-demo', { log: (e) => e.type === 'request' && sent.push(`${e.method} ${e.url}`) });
  const net = conn.network;
  const name = uniqueName('sdk-net');
  let publicNet: Network;
  let network: Network;
  let v4: Subnet;
  let v6: Subnet;
  let router: Router;
  let port: Port;
  let group: SecurityGroup;
  let fipId: string | undefined;
  const extraPorts: string[] = [];

  beforeAll(async () => {
    publicNet = (await net.findNetwork('public', { ignoreMissing: false }))!;
  });

  afterAll(async () => {
    if (fipId) await net.deleteFloatingIp(fipId, { ignoreMissing: true });
    for (const id of extraPorts) await net.deletePort(id, { ignoreMissing: true });
    if (port) await net.deletePort(port, { ignoreMissing: true });
    if (router) {
      if (v4) await net.removeRouterInterface(router, { subnet_id: v4.id }).catch(() => undefined);
      await net.deleteRouter(router, { ignoreMissing: true });
    }
    if (group) await net.deleteSecurityGroup(group, { ignoreMissing: true });
    if (network) await net.deleteNetwork(network, { ignoreMissing: true });
  });

  test('creates a network and finds it by name and by id', async () => {
    network = await net.createNetwork({ name, description: 'made by the SDK tests' });
    expect(network.status).toBe('ACTIVE');
    expect((await net.findNetwork(name))?.id).toBe(network.id);
    expect((await net.findNetwork(network.id))?.name).toBe(name);
    expect(await net.findNetwork(uniqueName('missing'))).toBeUndefined();
  });

  test('IPv4 subnet with allocation pools, host routes and DNS servers', async () => {
    v4 = await net.createSubnet({
      network_id: network.id,
      name: `${name}-v4`,
      ip_version: 4,
      cidr: '10.77.0.0/24',
      gateway_ip: '10.77.0.1',
      allocation_pools: [{ start: '10.77.0.10', end: '10.77.0.200' }],
      host_routes: [{ destination: '192.168.50.0/24', nexthop: '10.77.0.254' }],
      dns_nameservers: ['10.77.0.2'],
    });
    expect(v4).toMatchObject({
      cidr: '10.77.0.0/24',
      ip_version: 4,
      allocation_pools: [{ start: '10.77.0.10', end: '10.77.0.200' }],
      host_routes: [{ destination: '192.168.50.0/24', nexthop: '10.77.0.254' }],
      dns_nameservers: ['10.77.0.2'],
    });
  });

  test('IPv6 SLAAC subnet', async () => {
    v6 = await net.createSubnet({
      network_id: network.id,
      name: `${name}-v6`,
      ip_version: 6,
      cidr: 'fd00:77::/64',
      ipv6_ra_mode: 'slaac',
      ipv6_address_mode: 'slaac',
    });
    expect(v6).toMatchObject({ ip_version: 6, cidr: 'fd00:77::/64', ipv6_address_mode: 'slaac' });
    const sixes = await net.subnets({ network_id: network.id, ip_version: 6 }).toArray();
    expect(sixes.map((s) => s.id)).toEqual([v6.id]);
  });

  test('bad input fails with a typed error naming the field, before anything is sent', async () => {
    sent = [];
    const bad = [
      net.createSubnet({ network_id: network.id, ip_version: 4, cidr: '10.77.1.0/33' }),
      net.createSubnet({ network_id: network.id, ip_version: 4, cidr: 'not-a-cidr' }),
      net.createSubnet({ network_id: network.id, ip_version: 4, cidr: 'fd00:78::/64' }),
      net.createSubnet({ network_id: network.id, ip_version: 4, cidr: '10.77.2.0/24', gateway_ip: '10.77.2.300' }),
      net.createSecurityGroupRule({ security_group_id: 'x', direction: 'sideways' as 'ingress' }),
    ];
    const errors = await Promise.all(bad.map((p) => p.catch((e: unknown) => e)));
    for (const e of errors) expect(e).toBeInstanceOf(ValidationError);
    expect(errors.map((e) => (e as ValidationError).field)).toEqual(['attrs.cidr', 'attrs.cidr', 'attrs.cidr', 'attrs.gateway_ip', 'attrs.direction']);
    expect(sent).toEqual([]);
    expect((await net.subnets({ network_id: network.id }).toArray()).length).toBe(2);
  });

  test('what Neutron refuses comes back as an HTTP error, and nothing is created', async () => {
    // Overlaps the IPv4 subnet: only the cloud can know.
    await expect(net.createSubnet({ network_id: network.id, ip_version: 4, cidr: '10.77.0.128/25' })).rejects.toMatchObject({ status: 400 });
    await expect(net.getNetwork('00000000-0000-0000-0000-000000000000')).rejects.toBeInstanceOf(NotFoundError);
    expect((await net.subnets({ network_id: network.id }).toArray()).length).toBe(2);
  });

  test('a router on the external network with an interface on the subnet and a static route', async () => {
    router = await net.createRouter({ name: `${name}-router`, external_gateway_info: { network_id: publicNet.id } });
    expect(router.external_gateway_info?.network_id).toBe(publicNet.id);
    expect(router.external_gateway_info?.external_fixed_ips?.[0]?.ip_address).toMatch(/^172\.24\.4\./);
    const iface = await net.addRouterInterface(router, { subnet_id: v4.id });
    expect(iface.subnet_id).toBe(v4.id);
    const gwPort = await net.getPort(iface.port_id);
    expect(gwPort).toMatchObject({ device_id: router.id, fixed_ips: [{ subnet_id: v4.id, ip_address: '10.77.0.1' }] });
    const routed = await net.addRouterRoutes(router, [{ destination: '10.99.0.0/16', nexthop: '10.77.0.50' }]);
    expect(routed.routes).toEqual([{ destination: '10.99.0.0/16', nexthop: '10.77.0.50' }]);
    const cleared = await net.removeRouterRoutes(router, [{ destination: '10.99.0.0/16', nexthop: '10.77.0.50' }]);
    expect(cleared.routes).toEqual([]);
    // A subnet still routed cannot go away with its network.
    await expect(net.deleteNetwork(network)).rejects.toBeInstanceOf(ConflictError);
  });

  test('a port with a fixed IP, an allowed address pair and binding info', async () => {
    port = await net.createPort({
      network_id: network.id,
      name: `${name}-port`,
      fixed_ips: [{ subnet_id: v4.id, ip_address: '10.77.0.20' }],
      allowed_address_pairs: [{ ip_address: '10.77.0.250/32' }],
    });
    expect(port.fixed_ips).toContainEqual({ subnet_id: v4.id, ip_address: '10.77.0.20' });
    expect(port.fixed_ips?.some((f) => f.subnet_id === v6.id)).toBe(true);
    expect(port.allowed_address_pairs?.[0]?.ip_address).toBe('10.77.0.250/32');
    expect(port['binding:vnic_type']).toBe('normal');
    expect((await net.findPort(`${name}-port`))?.id).toBe(port.id);
    const byIp = await net.ports({ network_id: network.id, fixed_ips: `ip_address=10.77.0.20` }).toArray();
    expect(byIp.map((p) => p.id)).toEqual([port.id]);
  });

  test('a floating IP from the external network, associated with the port, then disassociated', async () => {
    const fip = await net.createFloatingIp({ floating_network_id: publicNet.id });
    fipId = fip.id;
    expect(fip.floating_ip_address).toMatch(/^172\.24\.4\./);
    expect(fip.port_id ?? null).toBeNull();
    const on = await net.associateFloatingIp(fip, port);
    expect(on).toMatchObject({ port_id: port.id, fixed_ip_address: '10.77.0.20', router_id: router.id });
    expect((await net.findFloatingIp(fip.floating_ip_address))?.id).toBe(fip.id);
    expect((await net.findFloatingIp(fip.id))?.floating_ip_address).toBe(fip.floating_ip_address);
    expect((await net.floatingIps({ port_id: port.id }).toArray()).map((f) => f.id)).toEqual([fip.id]);
    const off = await net.disassociateFloatingIp(fip);
    expect(off.port_id ?? null).toBeNull();
    await net.deleteFloatingIp(fip);
    fipId = undefined;
    expect(await net.findFloatingIp(fip.floating_ip_address)).toBeUndefined();
  });

  test('a security group with rules, applied to the port', async () => {
    group = await net.createSecurityGroup({ name: `${name}-sg`, description: 'ssh and ping' });
    const ssh = await net.createSecurityGroupRule({
      security_group_id: group.id,
      direction: 'ingress',
      ethertype: 'IPv4',
      protocol: 'tcp',
      port_range_min: 22,
      port_range_max: 22,
      remote_ip_prefix: '192.0.2.0/24',
    });
    const ping = await net.createSecurityGroupRule({ security_group_id: group.id, direction: 'ingress', protocol: 'icmp', port_range_min: 8, port_range_max: 0 });
    expect(ssh).toMatchObject({ protocol: 'tcp', port_range_min: 22, port_range_max: 22, remote_ip_prefix: '192.0.2.0/24' });
    const rules = await net.securityGroupRules({ security_group_id: group.id, direction: 'ingress' }).toArray();
    expect(rules.map((r) => r.id).sort()).toEqual([ssh.id, ping.id].sort());
    expect((await net.getSecurityGroup(group)).security_group_rules?.length).toBeGreaterThanOrEqual(4); // plus default egress
    expect((await net.findSecurityGroupRule(ssh.id))?.id).toBe(ssh.id);
    await net.deleteSecurityGroupRule(ping);
    expect(await net.findSecurityGroupRule(ping.id)).toBeUndefined();
    const updated = await net.updatePort(port, { security_groups: [group.id] });
    expect(updated.security_groups).toEqual([group.id]);
    expect((await net.findSecurityGroup(`${name}-sg`))?.id).toBe(group.id);
  });

  test('updates', async () => {
    expect((await net.updateNetwork(network, { description: 'renamed', mtu: 1400 })).mtu).toBe(1400);
    expect((await net.updateSubnet(v4, { dns_nameservers: ['10.77.0.3'] })).dns_nameservers).toEqual(['10.77.0.3']);
    expect((await net.updatePort(port, { name: `${name}-port2` })).name).toBe(`${name}-port2`);
    expect((await net.updateRouter(router, { description: 'edge' })).description).toBe('edge');
    expect((await net.updateSecurityGroup(group, { description: 'ssh only' })).description).toBe('ssh only');
  });

  test('tags: set, add, remove, and filter lists by them', async () => {
    const t1 = uniqueName('t');
    const t2 = uniqueName('t');
    expect((await net.setTags('networks', network, [t1, t2])).sort()).toEqual([t1, t2].sort());
    await net.addTag('ports', port, t1);
    expect(await net.tags('ports', port)).toEqual([t1]);
    expect((await net.networks({ tags: [t1, t2] }).toArray()).map((n) => n.id)).toEqual([network.id]);
    expect((await net.networks({ 'tags-any': [t2, 'nope'] }).toArray()).map((n) => n.id)).toEqual([network.id]);
    expect((await net.ports({ tags: t1 }).toArray()).map((p) => p.id)).toEqual([port.id]);
    expect((await net.networks({ 'not-tags': t1, name }).toArray())).toEqual([]);
    await net.removeTag('networks', network, t2);
    expect(await net.tags('networks', network)).toEqual([t1]);
    await net.clearTags('networks', network);
    expect((await net.getNetwork(network)).tags).toEqual([]);
  });

  test('25 ports listed with a page size of 4', async () => {
    const pageName = `${name}-paged`;
    for (let i = 0; i < 25; i += 5) {
      const batch = await Promise.all(Array.from({ length: 5 }, () => net.createPort({ network_id: network.id, name: pageName })));
      extraPorts.push(...batch.map((p) => p.id));
    }
    sent = [];
    const sizes: number[] = [];
    for await (const page of net.ports({ name: pageName }, { pageSize: 4 }).pages()) sizes.push(page.length);
    expect(sizes).toEqual([4, 4, 4, 4, 4, 4, 1]);
    expect(sent.every((u) => u.includes('limit=4'))).toBe(true);
    expect(new Set(sent).size).toBe(sent.length);
    const all = await net.ports({ name: pageName }, { pageSize: 4 }).toArray();
    expect(new Set(all.map((p) => p.id))).toEqual(new Set(extraPorts));
    // Any attribute filters, and a list of values matches any of them.
    const two = await net.ports({ id: extraPorts.slice(0, 2) }).toArray();
    expect(two.map((p) => p.id).sort()).toEqual(extraPorts.slice(0, 2).sort());
  });

  test('everything deleted, in order', async () => {
    const paged = extraPorts.splice(0);
    for (let i = 0; i < paged.length; i += 5) await Promise.all(paged.slice(i, i + 5).map((id) => net.deletePort(id)));
    await net.deletePort(port);
    await net.removeRouterInterface(router, { subnet_id: v4.id });
    await net.deleteRouter(router);
    await net.deleteSecurityGroup(group);
    await net.deleteSubnet(v6);
    await net.deleteNetwork(network);
    expect(await net.findNetwork(network.id)).toBeUndefined();
    expect(await net.findRouter(router.id)).toBeUndefined();
    expect(await net.findSubnet(v4.id)).toBeUndefined();
    expect(await net.findSecurityGroup(group.id)).toBeUndefined();
    await expect(net.deletePort(port)).rejects.toBeInstanceOf(NotFoundError);
    await net.deletePort(port, { ignoreMissing: true });
  });
});
