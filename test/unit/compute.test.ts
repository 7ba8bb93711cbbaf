import { afterEach, describe, expect, expectTypeOf, test } from 'vitest';
import { Connection } from '../../src/core.js';
import { DuplicateResourceError, ValidationError } from '../../src/base/errors.js';
import {
  compute,
  MAX_USER_DATA,
  type ComputeQuotaAttrs,
  type ComputeQuotaUpdateAttrs,
  type ComputeServiceAttrs,
  type ComputeServiceUpdateAttrs,
  type Server,
} from '../../src/services/compute/index.js';
import { image, ImageProxy } from '../../src/services/image/index.js';
import { defineService } from '../../src/plugin.js';
import { encodeUserData } from '../../src/services/compute/user-data.js';
import { fakeAuth, fakeServer, json, keystoneRoute, type FakeServer, type Handler } from '../helpers/fake-server.js';

let srv: FakeServer;
afterEach(() => srv?.close());

/** A fake Nova offering microversions up to `max`, plus the given routes. */
async function nova(routes: [RegExp, Handler][], max = '2.93', extra: object = {}) {
  srv = await fakeServer([
    keystoneRoute(() => srv.url, { compute: '/compute/v2.1', image: '/image/v2' }),
    [/^GET \/compute\/v2\.1\/?$/, (_q, res) => json(res, 200, { version: { id: 'v2.1', status: 'CURRENT', version: max, min_version: '2.1' } })],
    ...routes,
  ]);
  return new Connection({ auth: fakeAuth(srv.url), services: [compute, image], retry: { retries: 0 }, ...extra });
}
const novaRequests = () => srv.requests.filter((r) => r.url.startsWith('/compute/v2.1/') && r.url !== '/compute/v2.1/');
const SERVER = { id: 's1', name: 'web', status: 'BUILD', flavor: { original_name: 'm1.small', vcpus: 1, ram: 512, disk: 1 } };

describe('user data', () => {
  test('is base64 of the UTF-8 bytes', () => {
    const encoded = encodeUserData('#!/bin/sh\necho héllo ✓');
    expect(new TextDecoder().decode(Uint8Array.from(atob(encoded), (c) => c.charCodeAt(0)))).toBe('#!/bin/sh\necho héllo ✓');
    expect(encodeUserData(new Uint8Array([0, 255, 1]))).toBe('AP8B');
  });
  test('over the limit after encoding is a ValidationError naming the field, and nothing is sent', async () => {
    const conn = await nova([]);
    // 49152 bytes encode to exactly 65536 characters: one over.
    const err = await conn.compute.createServer({ name: 'x', image: 'i', flavor: 'f', networks: 'none', user_data: 'a'.repeat(49152) }).catch((e) => e);
    expect(err).toBeInstanceOf(ValidationError);
    expect(err.field).toBe('attrs.user_data');
    expect(err.message).toContain(String(MAX_USER_DATA));
    expect(encodeUserData('a'.repeat(49149))).toHaveLength(65532);
    expect(novaRequests()).toHaveLength(0);
  });
});

describe('createServer', () => {
  test('sends Nova the ids, networks, encoded user data and hints, then reads the server', async () => {
    const conn = await nova([
      [/^POST \/compute\/v2\.1\/servers$/, (_q, res) => json(res, 202, { server: { id: 's1', adminPass: 'pw', links: [] } })],
      [/^GET \/compute\/v2\.1\/servers\/s1$/, (_q, res) => json(res, 200, { server: SERVER })],
    ]);
    const server = await conn.compute.createServer({
      name: 'web',
      image: { id: 'img-1' },
      flavor: { id: 'fl-1', name: 'm1.small' },
      networks: [{ uuid: 'net-1' }],
      key_name: 'k',
      user_data: 'hi',
      metadata: { role: 'web' },
      security_groups: ['default', { name: 'ssh' }],
      scheduler_hints: { group: 'g1' },
    });
    expect(server).toMatchObject({ id: 's1', status: 'BUILD', adminPass: 'pw' });
    const body = JSON.parse(novaRequests().find((r) => r.method === 'POST')!.body);
    expect(body).toEqual({
      server: {
        name: 'web',
        imageRef: 'img-1',
        flavorRef: 'fl-1',
        networks: [{ uuid: 'net-1' }],
        key_name: 'k',
        user_data: btoa('hi'),
        metadata: { role: 'web' },
        security_groups: [{ name: 'default' }, { name: 'ssh' }],
      },
      'os:scheduler_hints': { group: 'g1' },
    });
  });
  test('boots from a volume without an image', async () => {
    const conn = await nova([
      [/^POST \/compute\/v2\.1\/servers$/, (_q, res) => json(res, 202, { server: { id: 's1' } })],
      [/^GET \/compute\/v2\.1\/servers\/s1$/, (_q, res) => json(res, 200, { server: { ...SERVER, image: '' } })],
    ]);
    const bdm = [{ boot_index: 0, uuid: 'img-1', source_type: 'image' as const, destination_type: 'volume' as const, volume_size: 1, delete_on_termination: true }];
    const server = await conn.compute.createServer({ name: 'v', flavor: 'f', networks: 'auto', block_device_mapping_v2: bdm });
    expect(server.image).toBe('');
    const body = JSON.parse(novaRequests().find((r) => r.method === 'POST')!.body);
    expect(body.server).toEqual({ name: 'v', flavorRef: 'f', networks: 'auto', block_device_mapping_v2: bdm });
  });
  test.each([
    [{ name: 'x', image: 'i', networks: 'none' }, 'attrs.flavor'],
    [{ name: 'x', flavor: 'f', networks: 'none' }, 'attrs.image'],
    [{ name: '', image: 'i', flavor: 'f' }, 'attrs.name'],
    [{ name: 'x', image: 'i', flavor: 'f', networks: 'some' }, 'attrs.networks'],
    [{ name: 'x', image: 'i', flavor: { name: 'no id' } }, 'attrs.flavor'],
  ])('bad input %j is a ValidationError on %s before any request', async (attrs, field) => {
    const conn = await nova([]);
    const err = await conn.compute.createServer(attrs as never).catch((e) => e);
    expect(err).toBeInstanceOf(ValidationError);
    expect(err.field).toBe(field);
    expect(srv.requests).toHaveLength(0);
  });
});

describe('server.flavor in both shapes', () => {
  test('a reference before 2.47 and the embedded copy after', async () => {
    const conn = await nova([
      [/^GET \/compute\/v2\.1\/servers\/old$/, (_q, res) => json(res, 200, { server: { id: 'old', name: 'o', status: 'ACTIVE', flavor: { id: '1', links: [{ rel: 'bookmark', href: 'http://x/flavors/1' }] } } })],
      [/^GET \/compute\/v2\.1\/servers\/new$/, (_q, res) => json(res, 200, { server: { ...SERVER, id: 'new' } })],
    ]);
    const old = await conn.compute.getServer('old', { microversion: '2.46' });
    const flavorName = (s: Server) => (s.flavor && 'original_name' in s.flavor ? s.flavor.original_name : s.flavor?.id);
    expect(flavorName(old)).toBe('1');
    expect(flavorName(await conn.compute.getServer('new'))).toBe('m1.small');
  });
});

describe('microversions', () => {
  const headerOf = (url: string) => srv.requests.find((r) => r.url === url)?.headers;
  test('the lower of the cloud max and the SDK max, in both headers', async () => {
    const conn = await nova([[/^GET \/compute\/v2\.1\/servers\/s1$/, (_q, res) => json(res, 200, { server: SERVER })]], '2.95');
    expect(await conn.compute.microversion()).toBe('2.93');
    await conn.compute.getServer('s1');
    expect(headerOf('/compute/v2.1/servers/s1')).toMatchObject({ 'openstack-api-version': 'compute 2.93', 'x-openstack-nova-api-version': '2.93' });
  });
  test('pinned per Connection, overridden per call', async () => {
    const conn = await nova([[/^GET \/compute\/v2\.1\/servers\/s1$/, (_q, res) => json(res, 200, { server: SERVER })]], '2.93', { microversions: { compute: '2.60' } });
    await conn.compute.getServer('s1');
    expect(headerOf('/compute/v2.1/servers/s1')?.['openstack-api-version']).toBe('compute 2.60');
    await conn.compute.getServer('s1', { microversion: '2.79' });
    expect(srv.requests.filter((r) => r.url === '/compute/v2.1/servers/s1').map((r) => r.headers['openstack-api-version'])).toEqual(['compute 2.60', 'compute 2.79']);
  });
  test('a call needing a newer microversion fails before sending', async () => {
    const conn = await nova([], '2.93', { microversions: { compute: '2.60' } });
    const err = await conn.compute.lockServer('s1', { reason: 'maintenance' }).catch((e) => e);
    expect(err).toBeInstanceOf(ValidationError);
    expect(err.message).toMatch(/needs compute microversion 2\.73 or newer; 2\.60 was asked for/);
    expect(novaRequests()).toHaveLength(0);
  });
  test('a generated key pair is asked for at 2.91 (Nova stopped generating in 2.92)', async () => {
    const conn = await nova([[/^POST \/compute\/v2\.1\/os-keypairs$/, (_q, res) => json(res, 200, { keypair: { name: 'k', public_key: 'ssh-rsa A', private_key: 'PRIV' } })]]);
    const kp = await conn.compute.createKeypair({ name: 'k' });
    expect(kp.private_key).toBe('PRIV');
    expect(headerOf('/compute/v2.1/os-keypairs')?.['openstack-api-version']).toBe('compute 2.91');
    await conn.compute.importKeypair('k', 'ssh-rsa A');
    expect(srv.requests.filter((r) => r.url === '/compute/v2.1/os-keypairs').map((r) => r.headers['openstack-api-version'])).toEqual(['compute 2.91', 'compute 2.93']);
  });
  test('server groups: policy from 2.64, policies before', async () => {
    const conn = await nova([[/^POST \/compute\/v2\.1\/os-server-groups$/, (q, res) => json(res, 200, { server_group: { id: 'g', name: 'g', ...JSON.parse(q.body).server_group } })]]);
    await conn.compute.createServerGroup({ name: 'g', policy: 'anti-affinity', rules: { max_server_per_host: 2 } });
    const g = await conn.compute.createServerGroup({ name: 'g', policy: 'affinity' }, { microversion: '2.15' });
    expect(g.policies).toEqual(['affinity']);
    const err = await conn.compute.createServerGroup({ name: 'g', policy: 'anti-affinity', rules: { max_server_per_host: 2 } }, { microversion: '2.15' }).catch((e) => e);
    expect(err).toMatchObject({ name: 'ValidationError', field: 'attrs.rules' });
    const bodies = srv.requests.filter((r) => r.method === 'POST' && r.url.includes('server-groups')).map((r) => JSON.parse(r.body).server_group);
    expect(bodies).toEqual([{ name: 'g', policy: 'anti-affinity', rules: { max_server_per_host: 2 } }, { name: 'g', policies: ['affinity'] }]);
  });
});

describe('lists and sub-resources', () => {
  test('servers page through servers_links', async () => {
    const all = Array.from({ length: 5 }, (_, i) => ({ ...SERVER, id: `s${i}`, name: `n${i}` }));
    const conn = await nova([
      [/^GET \/compute\/v2\.1\/servers\/detail/, (q, res) => {
        const u = new URL(q.url!, 'http://x');
        const start = u.searchParams.get('marker') ? all.findIndex((s) => s.id === u.searchParams.get('marker')) + 1 : 0;
        const items = all.slice(start, start + Number(u.searchParams.get('limit')));
        const more = start + items.length < all.length;
        json(res, 200, { servers: items, ...(more && { servers_links: [{ rel: 'next', href: `http://nova:8774/v2.1/servers/detail?limit=2&marker=${items.at(-1)!.id}&status=ACTIVE` }] }) });
      }],
    ]);
    const got = await conn.compute.servers({ status: 'ACTIVE' }, { pageSize: 2 }).toArray();
    expect(got.map((s) => s.id)).toEqual(['s0', 's1', 's2', 's3', 's4']);
    expect(novaRequests().map((r) => r.url)).toEqual([
      '/compute/v2.1/servers/detail?status=ACTIVE&limit=2',
      '/compute/v2.1/servers/detail?limit=2&marker=s1&status=ACTIVE',
      '/compute/v2.1/servers/detail?limit=2&marker=s3&status=ACTIVE',
    ]);
  });
  test('listed key pairs are unwrapped', async () => {
    const conn = await nova([[/^GET \/compute\/v2\.1\/os-keypairs/, (_q, res) => json(res, 200, { keypairs: [{ keypair: { name: 'a', public_key: 'k', fingerprint: 'f' } }] })]]);
    expect(await conn.compute.keypairs().toArray()).toEqual([{ name: 'a', public_key: 'k', fingerprint: 'f' }]);
  });
  test('integer ids of older microversions become strings', async () => {
    const conn = await nova([[/^GET \/compute\/v2\.1\/os-aggregates$/, (_q, res) => json(res, 200, { aggregates: [{ id: 7, name: 'agg', hosts: [], metadata: {} }] })]]);
    expect((await conn.compute.aggregates().toArray())[0].id).toBe('7');
  });
  test('a snapshot is read back from Glance, with the id from the body or, before 2.45, the Location header', async () => {
    const conn = await nova([
      [/^POST \/compute\/v2\.1\/servers\/s1\/action$/, (q, res) => {
        if (q.headers['openstack-api-version'] === 'compute 2.44') res.writeHead(202, { location: 'http://glance/v2/images/img-old' }).end();
        else json(res, 202, { image_id: 'img-new' });
      }],
      [/^GET \/image\/v2\/images\/img-/, (q, res) => json(res, 200, { id: q.url!.split('/').pop(), name: 'snap', status: 'queued' })],
    ]);
    expect((await conn.compute.createServerImage('s1', 'snap')).id).toBe('img-new');
    expect((await conn.compute.createServerImage('s1', 'snap', { microversion: '2.44' })).id).toBe('img-old');
    expect(JSON.parse(novaRequests().find((r) => r.method === 'POST')!.body)).toEqual({ createImage: { name: 'snap' } });
  });
  test('actions send the documented bodies', async () => {
    const conn = await nova([
      [/^POST \/compute\/v2\.1\/servers\/s1\/action$/, (q, res) => {
        const body = JSON.parse(q.body);
        if ('os-getConsoleOutput' in body) json(res, 200, { output: 'line1\nline2' });
        else if ('rescue' in body) json(res, 200, { adminPass: 'rescue-pw' });
        else res.writeHead(202).end();
      }],
    ]);
    await conn.compute.rebootServer('s1', 'HARD');
    await conn.compute.resizeServer({ id: 's1' }, { id: '2' });
    await conn.compute.confirmServerResize('s1');
    await conn.compute.stopServer('s1');
    expect(await conn.compute.rescueServer('s1')).toBe('rescue-pw');
    expect(await conn.compute.getServerConsoleOutput('s1', { length: 2 })).toBe('line1\nline2');
    await expect(conn.compute.rebootServer('s1', 'MEDIUM' as never)).rejects.toBeInstanceOf(ValidationError);
    expect(novaRequests().filter((r) => r.method === 'POST').map((r) => JSON.parse(r.body))).toEqual([
      { reboot: { type: 'HARD' } },
      { resize: { flavorRef: '2' } },
      { confirmResize: null },
      { 'os-stop': null },
      { rescue: {} },
      { 'os-getConsoleOutput': { length: 2 } },
    ]);
  });
  test('a snapshot takes its name and metadata as one object; a name and metadata in the options still work (deprecated)', async () => {
    const conn = await nova([
      [/^POST \/compute\/v2\.1\/servers\/s1\/action$/, (_q, res) => json(res, 202, { image_id: 'img-1' })],
      [/^GET \/image\/v2\/images\/img-1$/, (_q, res) => json(res, 200, { id: 'img-1', name: 'snap', status: 'queued' })],
    ]);
    expect((await conn.compute.createServerImage('s1', { name: 'snap', metadata: { a: '1' } })).id).toBe('img-1');
    expect((await conn.compute.createServerImage('s1', 'snap', { metadata: { a: '1' } })).id).toBe('img-1');
    const bodies = novaRequests().filter((r) => r.method === 'POST').map((r) => JSON.parse(r.body));
    expect(bodies).toEqual([{ createImage: { name: 'snap', metadata: { a: '1' } } }, { createImage: { name: 'snap', metadata: { a: '1' } } }]);
    const err = await conn.compute.createServerImage('s1', { name: '' }).catch((e) => e);
    expect(err).toMatchObject({ name: 'ValidationError', field: 'attrs.name' });
  });
  test('lists that took options first take (filters, opts); options first still work (deprecated)', async () => {
    const conn = await nova([
      [/^GET \/compute\/v2\.1\/os-availability-zone/, (_q, res) => json(res, 200, { availabilityZoneInfo: [{ zoneName: 'nova', zoneState: { available: true } }] })],
      [/^GET \/compute\/v2\.1\/os-aggregates$/, (_q, res) => json(res, 200, { aggregates: [] })],
      [/^GET \/compute\/v2\.1\/servers\/s1\/os-interface$/, (_q, res) => json(res, 200, { interfaceAttachments: [] })],
      [/^GET \/compute\/v2\.1\/servers\/s1\/os-volume_attachments$/, (_q, res) => json(res, 200, { volumeAttachments: [] })],
    ]);
    const c = conn.compute;
    await c.availabilityZones({ details: true }, { microversion: '2.60' }).toArray();
    await c.availabilityZones({ details: true, microversion: '2.61' }).toArray();
    await c.availabilityZones({ microversion: '2.62' }).toArray();
    await c.aggregates({}, { microversion: '2.63' }).toArray();
    await c.aggregates({ microversion: '2.64' }).toArray();
    await c.serverInterfaces('s1', {}, { microversion: '2.65' }).toArray();
    await c.serverInterfaces('s1', { microversion: '2.66' }).toArray();
    await c.volumeAttachments('s1', {}, { microversion: '2.67' }).toArray();
    await c.volumeAttachments('s1', { microversion: '2.68' }).toArray();
    expect(novaRequests().map((r) => `${r.url} ${r.headers['openstack-api-version']}`)).toEqual([
      '/compute/v2.1/os-availability-zone/detail compute 2.60',
      '/compute/v2.1/os-availability-zone/detail compute 2.61',
      '/compute/v2.1/os-availability-zone compute 2.62',
      '/compute/v2.1/os-aggregates compute 2.63',
      '/compute/v2.1/os-aggregates compute 2.64',
      '/compute/v2.1/servers/s1/os-interface compute 2.65',
      '/compute/v2.1/servers/s1/os-interface compute 2.66',
      '/compute/v2.1/servers/s1/os-volume_attachments compute 2.67',
      '/compute/v2.1/servers/s1/os-volume_attachments compute 2.68',
    ]);
  });
  test('renamed attribute types keep their old names (deprecated)', () => {
    expectTypeOf<ComputeQuotaAttrs>().toEqualTypeOf<ComputeQuotaUpdateAttrs>();
    expectTypeOf<ComputeServiceAttrs>().toEqualTypeOf<ComputeServiceUpdateAttrs>();
  });
  test('findFlavor lists (Nova has no name filter) and reports a name held by two flavors', async () => {
    const flavor = (id: string, name: string) => ({ id, name, ram: 64, vcpus: 1, disk: 0 });
    const conn = await nova([
      [/^GET \/compute\/v2\.1\/flavors\/detail/, (_q, res) => json(res, 200, { flavors: [flavor('1', 'small'), flavor('2', 'small'), flavor('3', 'big')] })],
    ]);
    expect((await conn.compute.findFlavor('big'))?.id).toBe('3');
    const err = await conn.compute.findFlavor('small').catch((e) => e);
    expect(err).toBeInstanceOf(DuplicateResourceError);
    expect(err.matches).toEqual(['1', '2']);
    expect(novaRequests().filter((r) => r.url.startsWith('/compute/v2.1/flavors/detail')).every((r) => !r.url.includes('name='))).toBe(true);
  });
});

describe('compute reaches images through the Connection', () => {
  test("a replaced 'image' plugin is the one compute's findImage and getImage use", async () => {
    const asked: string[] = [];
    // Declared methods are overridden as fields (they are typed as properties of the proxy).
    class RecordingImages extends ImageProxy {
      override getImage: ImageProxy['getImage'] = (ref) => {
        asked.push(`get ${typeof ref === 'string' ? ref : ref.id}`);
        return Promise.resolve({ id: 'i1', name: 'mine' } as never);
      };
      override findImage: ImageProxy['findImage'] = (nameOrId) => {
        asked.push(`find ${nameOrId}`);
        return Promise.resolve({ id: 'i1', name: nameOrId } as never);
      };
    }
    const mine = defineService({ ...image, create: (ctx) => new RecordingImages(ctx) });
    const conn = await nova([], '2.93', { services: [compute, mine] });
    expect((await conn.compute.getImage('i1')).name).toBe('mine');
    expect((await conn.compute.findImage('cirros'))?.name).toBe('cirros');
    expect(asked).toEqual(['get i1', 'find cirros']);
    expect(srv.requests.filter((r) => r.url.startsWith('/image/'))).toEqual([]);
  });

  test('without an image service, an image call says which plugin to add and sends nothing', async () => {
    const conn = await nova([], '2.93', { services: [compute] });
    expect(() => conn.compute.getImage('i1')).toThrow(/no 'image' service/);
    expect(srv.requests.filter((r) => r.url.startsWith('/image/'))).toEqual([]);
  });
});
