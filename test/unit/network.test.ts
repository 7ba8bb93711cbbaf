import { afterEach, describe, expect, test } from 'vitest';
import { Connection, DuplicateResourceError, NotFoundError, ValidationError } from '../../src/core.js';
import { network } from '../../src/services/network/index.js';
import { ipVersionOf, isCidr } from '../../src/services/network/address.js';
import { neutronQuery } from '../../src/services/network/filters.js';
import { toQuery } from '../../src/resource/query.js';
import { fakeAuth, fakeServer, json, keystoneRoute, type FakeServer } from '../helpers/fake-server.js';

let srv: FakeServer;
afterEach(() => srv?.close());

const NET = { id: 'n1', name: 'net' };
const FIP = { id: 'f1', floating_ip_address: '172.24.4.9', floating_network_id: 'pub' };

async function neutron(routes: Parameters<typeof fakeServer>[0] = []) {
  srv = await fakeServer([keystoneRoute(() => srv.url, { network: '/v2.0' }), ...routes]);
  return new Connection({ auth: fakeAuth(srv.url), services: [network] }).network;
}
const calls = () => srv.requests.filter((r) => r.url.startsWith('/v2.0'));

describe('addresses', () => {
  test.each([
    ['10.0.0.1', 4],
    ['255.255.255.255', 4],
    ['fd00::1', 6],
    ['::', 6],
    ['2001:db8:0:0:0:0:0:1', 6],
    ['::ffff:192.0.2.1', 6],
    ['10.0.0.256', undefined],
    ['10.0.0', undefined],
    ['01.2.3.4', undefined],
    ['fd00:::1', undefined],
    ['1:2:3:4:5:6:7:8:9', undefined],
    ['gggg::1', undefined],
    ['', undefined],
  ])('%s is IPv%s', (addr, version) => expect(ipVersionOf(addr)).toBe(version));

  test.each([
    ['10.0.0.0/24', true],
    ['10.0.0.5/32', true],
    ['fd00::/64', true],
    ['::/0', true],
    ['10.0.0.0/33', false],
    ['fd00::/129', false],
    ['10.0.0.0', false],
    ['not-a-cidr', false],
    ['10.0.0.0/24/1', false],
  ])('%s is a CIDR: %s', (cidr, ok) => expect(isCidr(cidr)).toBe(ok));
});

describe('filters', () => {
  test('tag filters are sent comma-separated, other lists repeat the key', () => {
    expect(toQuery({ tags: ['a', 'b'], 'not-tags-any': 'c', id: ['x', 'y'], shared: false, name: undefined }, neutronQuery)).toEqual({
      tags: 'a,b',
      'not-tags-any': 'c',
      id: ['x', 'y'],
      shared: false,
    });
  });

  test('reach the cloud as Neutron reads them', async () => {
    const net = await neutron([[/^GET \/v2.0\/networks/, (_q, res) => json(res, 200, { networks: [NET] })]]);
    await net.networks({ tags: ['a', 'b'], id: ['x', 'y'], 'router:external': true }, { pageSize: 3 }).toArray();
    const u = new URL(calls()[0]!.url, 'http://x');
    expect(u.searchParams.get('tags')).toBe('a,b');
    expect(u.searchParams.getAll('id')).toEqual(['x', 'y']);
    expect(u.searchParams.get('router:external')).toBe('true');
    expect(u.searchParams.get('limit')).toBe('3');
  });
});

describe('requests', () => {
  test('updates are PUT with the resource key', async () => {
    const net = await neutron([[/^PUT \/v2.0\/networks\/n1$/, (req, res) => json(res, 200, { network: { ...NET, ...JSON.parse(req.body).network } })]]);
    const updated = await net.updateNetwork('n1', { name: 'renamed' });
    expect(updated.name).toBe('renamed');
    expect(JSON.parse(calls()[0]!.body)).toEqual({ network: { name: 'renamed' } });
  });

  test('a floating IP is associated and disassociated through its port_id', async () => {
    const net = await neutron([[/^PUT \/v2.0\/floatingips\/f1$/, (req, res) => json(res, 200, { floatingip: { ...FIP, ...JSON.parse(req.body).floatingip } })]]);
    await net.associateFloatingIp(FIP, { id: 'p1' }, { fixedIpAddress: '10.0.0.5' });
    await net.disassociateFloatingIp('f1');
    expect(calls().map((c) => JSON.parse(c.body))).toEqual([{ floatingip: { port_id: 'p1', fixed_ip_address: '10.0.0.5' } }, { floatingip: { port_id: null } }]);
  });

  test('a floating IP is found by address', async () => {
    let fips = [FIP];
    const net = await neutron([[/^GET \/v2.0\/floatingips\?/, (_q, res) => json(res, 200, { floatingips: fips })]]);
    expect((await net.findFloatingIp('172.24.4.9'))?.id).toBe('f1');
    const list = calls().find((c) => c.url.includes('?'))!;
    expect(new URL(list.url, 'http://x').searchParams.get('floating_ip_address')).toBe('172.24.4.9');
    fips = [FIP, { ...FIP, id: 'f2' }];
    await expect(net.findFloatingIp('172.24.4.9')).rejects.toBeInstanceOf(DuplicateResourceError);
    fips = [];
    expect(await net.findFloatingIp('172.24.4.9')).toBeUndefined();
    await expect(net.findFloatingIp('172.24.4.9', { ignoreMissing: false })).rejects.toBeInstanceOf(NotFoundError);
  });

  test('router interfaces take exactly one of a subnet or a port', async () => {
    const net = await neutron([
      [/^PUT \/v2.0\/routers\/r1\/add_router_interface$/, (_q, res) => json(res, 200, { id: 'r1', subnet_id: 's1', port_id: 'p1' })],
    ]);
    expect((await net.addRouterInterface('r1', { subnet_id: 's1' })).port_id).toBe('p1');
    await expect(net.addRouterInterface('r1', { subnet_id: 's1', port_id: 'p1' } as never)).rejects.toBeInstanceOf(ValidationError);
    expect(calls().length).toBe(1);
  });

  test('tags are read, replaced, added and removed', async () => {
    const net = await neutron([
      [/^PUT \/v2.0\/security-groups\/g1\/tags$/, (req, res) => json(res, 200, JSON.parse(req.body))],
      [/^PUT \/v2.0\/security-groups\/g1\/tags\/a%20b$/, (_q, res) => res.writeHead(201).end()],
      [/^DELETE \/v2.0\/security-groups\/g1\/tags\/x$/, (_q, res) => json(res, 404, { NeutronError: { message: 'Tag x could not be found.' } })],
    ]);
    expect(await net.setTags('security-groups', 'g1', ['a', 'b'])).toEqual(['a', 'b']);
    await net.addTag('security-groups', { id: 'g1' }, 'a b');
    await net.removeTag('security-groups', 'g1', 'x', { ignoreMissing: true });
    await expect(net.removeTag('security-groups', 'g1', 'x')).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe('bad input is refused before anything is sent', () => {
  const cases: [string, (net: Awaited<ReturnType<typeof neutron>>) => Promise<unknown>, string][] = [
    ['subnet CIDR', (n) => n.createSubnet({ network_id: 'n1', ip_version: 4, cidr: '10.0.0.0/40' }), 'attrs.cidr'],
    ['subnet without CIDR or pool', (n) => n.createSubnet({ network_id: 'n1', ip_version: 4 }), 'attrs.cidr'],
    ['CIDR of the other IP version', (n) => n.createSubnet({ network_id: 'n1', ip_version: 6, cidr: '10.0.0.0/24' }), 'attrs.cidr'],
    ['ip_version', (n) => n.createSubnet({ network_id: 'n1', ip_version: 5 as 4, cidr: '10.0.0.0/24' }), 'attrs.ip_version'],
    ['allocation pool', (n) => n.createSubnet({ network_id: 'n1', ip_version: 4, cidr: '10.0.0.0/24', allocation_pools: [{ start: '10.0.0.2', end: 'x' }] }), 'attrs.allocation_pools.0.end'],
    ['host route', (n) => n.createSubnet({ network_id: 'n1', ip_version: 4, cidr: '10.0.0.0/24', host_routes: [{ destination: '1.2.3.4', nexthop: '10.0.0.1' }] }), 'attrs.host_routes.0.destination'],
    ['port fixed IP', (n) => n.createPort({ network_id: 'n1', fixed_ips: [{ ip_address: '10.0.0.300' }] }), 'attrs.fixed_ips.0.ip_address'],
    ['port without network', (n) => n.createPort({ network_id: '' }), 'attrs.network_id'],
    ['rule direction', (n) => n.createSecurityGroupRule({ security_group_id: 'g', direction: 'in' as 'ingress' }), 'attrs.direction'],
    ['rule port range', (n) => n.createSecurityGroupRule({ security_group_id: 'g', direction: 'ingress', protocol: 'tcp', port_range_min: 90, port_range_max: 80 }), 'attrs.port_range_max'],
    ['rule port', (n) => n.createSecurityGroupRule({ security_group_id: 'g', direction: 'ingress', protocol: 'tcp', port_range_min: 70000 }), 'attrs.port_range_min'],
    ['floating IP network', (n) => n.createFloatingIp({ floating_network_id: '' }), 'attrs.floating_network_id'],
    ['router route', (n) => n.addRouterRoutes('r1', [{ destination: '10.0.0.0/8', nexthop: 'nope' }]), 'routes.routes.0.nexthop'],
    ['quota', (n) => n.updateQuota('p1', { port: -5 }), 'attrs.port'],
    ['missing id', (n) => n.getNetwork(''), 'id'],
  ];
  for (const [what, call, field] of cases)
    test(what, async () => {
      const net = await neutron();
      const e = await call(net).catch((x: unknown) => x);
      expect(e).toBeInstanceOf(ValidationError);
      expect((e as ValidationError).field).toBe(field);
      expect(calls()).toEqual([]);
    });

  test('ICMP rules may give the type above the code', async () => {
    const net = await neutron([[/^POST \/v2.0\/security-group-rules$/, (req, res) => json(res, 201, { security_group_rule: { id: 'r', ...JSON.parse(req.body).security_group_rule } })]]);
    await net.createSecurityGroupRule({ security_group_id: 'g', direction: 'ingress', protocol: 'icmp', port_range_min: 8, port_range_max: 0 });
    expect(calls().length).toBe(1);
  });
});
