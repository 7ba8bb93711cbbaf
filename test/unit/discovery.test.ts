import { afterEach, describe, expect, test } from 'vitest';
import { defineService, ServiceProxy, ValidationError } from '../../src/index.js';
import { Connection } from '../../src/core.js';
import { fakeAuth, fakeServer, json, keystoneRoute, type FakeServer } from '../helpers/fake-server.js';

let srv: FakeServer;
afterEach(() => srv?.close());

describe('version discovery', () => {
  test('a catalog URL without a version is resolved through the version document, once', async () => {
    srv = await fakeServer([
      keystoneRoute(() => srv.url, { image: '/image' }),
      [
        /^GET \/image\/$/,
        (_q, res) =>
          json(res, 300, {
            versions: [
              { id: 'v2.16', status: 'CURRENT', links: [{ rel: 'self', href: 'http://internal:9292/v2/' }] },
              { id: 'v1.1', status: 'DEPRECATED', links: [{ rel: 'self', href: 'http://internal:9292/v1/' }] },
            ],
          }),
      ],
      [/^GET \/image\/v2\/images/, (_q, res) => json(res, 200, { images: [] })],
    ]);
    const image = defineService({ name: 'img', type: 'image', version: '2', create: (ctx) => new ServiceProxy(ctx) });
    const conn = new Connection({ auth: fakeAuth(srv.url), services: [image] });
    expect(await conn.img.endpoint()).toBe(`${srv.url}/image/v2`);
    await conn.img.request({ path: '/images' });
    await conn.img.request({ path: '/images' });
    expect(srv.requests.filter((r) => r.url === '/image/').length).toBe(1);
  });

  test('endpoint overrides, region and interface pick the right URL', async () => {
    srv = await fakeServer([keystoneRoute(() => srv.url, { thing: '/thing/v1' })]);
    const thing = defineService({ name: 'thing', type: 'thing', create: (ctx) => new ServiceProxy(ctx) });
    const conn = new Connection({ auth: fakeAuth(srv.url), services: [thing], endpointOverrides: { thing: 'http://elsewhere/v9/%(project_id)s' } });
    expect(await conn.thing.endpoint()).toBe('http://elsewhere/v9/p1');
    const wrongRegion = new Connection({ auth: fakeAuth(srv.url), services: [thing], region: 'Mars' });
    await expect(wrongRegion.thing.endpoint()).rejects.toThrow(/region Mars.*thing \(public@RegionOne\)/);
  });

  test('block-storage is found under its volumev3 alias', async () => {
    srv = await fakeServer([keystoneRoute(() => srv.url, { volumev3: '/volume/v3/p1' })]);
    const bs = defineService({ name: 'bs', type: 'block-storage', version: '3', create: (ctx) => new ServiceProxy(ctx) });
    const conn = new Connection({ auth: fakeAuth(srv.url), services: [bs] });
    expect(await conn.bs.endpoint()).toBe(`${srv.url}/volume/v3/p1`);
  });
});

describe('microversions', () => {
  async function nova() {
    srv = await fakeServer([
      keystoneRoute(() => srv.url, { compute: '/compute/v2.1' }),
      [/^GET \/compute\/v2\.1\/$/, (_q, res) => json(res, 200, { version: { id: 'v2.1', status: 'CURRENT', version: '2.93', min_version: '2.1' } })],
      [/^GET \/compute\/v2\.1\/servers/, (_q, res) => json(res, 200, { servers: [] })],
    ]);
    const compute = defineService({
      name: 'nova',
      type: 'compute',
      version: '2.1',
      microversion: { headerType: 'compute', legacyHeader: 'X-OpenStack-Nova-API-Version', max: '2.90' },
      create: (ctx) => new ServiceProxy(ctx),
    });
    return compute;
  }
  const sent = () => srv.requests.filter((r) => r.url.startsWith('/compute/v2.1/servers')).map((r) => [r.headers['openstack-api-version'], r.headers['x-openstack-nova-api-version']]);

  test('the lower of the cloud maximum and the SDK maximum is sent, in both headers', async () => {
    const compute = await nova();
    const conn = new Connection({ auth: fakeAuth(srv.url), services: [compute] });
    expect(await conn.nova.microversion()).toBe('2.90');
    await conn.nova.request({ path: '/servers' });
    expect(sent()).toEqual([['compute 2.90', '2.90']]);
  });

  test('a version pinned per Connection or per call is sent', async () => {
    const compute = await nova();
    const conn = new Connection({ auth: fakeAuth(srv.url), services: [compute], microversions: { compute: '2.60' } });
    await conn.nova.request({ path: '/servers' });
    await conn.nova.request({ path: '/servers', microversion: '2.37' });
    expect(sent()).toEqual([['compute 2.60', '2.60'], ['compute 2.37', '2.37']]);
  });

  test('asking for more than the cloud offers fails before sending', async () => {
    const compute = await nova();
    const conn = new Connection({ auth: fakeAuth(srv.url), services: [compute] });
    await expect(conn.nova.request({ path: '/servers', microversion: '2.99' })).rejects.toThrow(/2\.99 is outside what the cloud offers \(2\.1 to 2\.93\)/);
    const pinnedLow = new Connection({ auth: fakeAuth(srv.url), services: [compute], microversions: { compute: '2.10' } });
    const err = await pinnedLow.nova.request({ path: '/servers', minMicroversion: '2.60' }).catch((e) => e);
    expect(err).toBeInstanceOf(ValidationError);
    expect(err.message).toMatch(/needs compute microversion 2\.60 or newer; 2\.10 was asked for/);
    await expect(conn.nova.request({ path: '/servers', microversion: 'latest-ish' })).rejects.toBeInstanceOf(ValidationError);
    expect(sent()).toEqual([]);
  });
});
