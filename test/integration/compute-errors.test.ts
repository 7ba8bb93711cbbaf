import { afterAll, describe, expect, test } from 'vitest';
import { BadRequestError, DuplicateResourceError, NotFoundError, ResourceFailureError, ValidationError, type FetchLike } from '../../src/index.js';
import { connectTo, uniqueName } from '../helpers/cloud.js';

/** A connection whose requests are recorded (method, URL, microversion header). */
function recorded(extra: Parameters<typeof connectTo>[1] = {}) {
  const sent: { method: string; url: string; microversion: string | null }[] = [];
  const fetch: FetchLike = (input, init) => {
    const headers = new Headers(init?.headers);
    sent.push({ method: init?.method ?? 'GET', url: String(input), microversion: headers.get('openstack-api-version') });
    return globalThis.fetch(input, init);
  };
  return { conn: connectTo('local-demo', { fetch, ...extra }), sent };
}
const serverPosts = (sent: { method: string; url: string }[]) => sent.filter((r) => r.method === 'POST' && /\/servers$/.test(r.url));

describe('bad input: typed errors, nothing created', () => {
  const { conn, sent } = recorded();
  const name = uniqueName('bad');
  const imageIds: string[] = [];
  afterAll(async () => {
    for (const id of imageIds) await conn.image.deleteImage(id, { ignoreMissing: true });
    for await (const s of conn.compute.servers({ name })) await conn.compute.deleteServer(s, { ignoreMissing: true });
  });

  test('no flavor', async () => {
    const image = (await conn.compute.findImage('cirros-fake'))!;
    const err = await conn.compute.createServer({ name, image, networks: 'none' } as never).catch((e) => e);
    expect(err).toBeInstanceOf(ValidationError);
    expect(err.field).toBe('attrs.flavor');
    expect(serverPosts(sent)).toHaveLength(0);
  });

  test('an unknown image name is not found; an unknown image id is refused by Nova', async () => {
    expect(await conn.compute.findImage('no-such-image-anywhere')).toBeUndefined();
    await expect(conn.compute.findImage('no-such-image-anywhere', { ignoreMissing: false })).rejects.toBeInstanceOf(NotFoundError);
    const err = await conn.compute.createServer({ name, image: '00000000-0000-4000-8000-000000000000', flavor: '42', networks: 'none' }).catch((e) => e);
    expect(err).toBeInstanceOf(BadRequestError);
    expect(err.message).toMatch(/image/i);
  });

  test('a name matching two images is a DuplicateResourceError naming both', async () => {
    // Nova keeps flavor names unique, so two Glance images stand in for the duplicate.
    const dup = uniqueName('dup');
    for (let i = 0; i < 2; i++) imageIds.push((await conn.image.createImage({ name: dup, disk_format: 'raw', container_format: 'bare' })).id);
    const err = await conn.compute.findImage(dup).catch((e) => e);
    expect(err).toBeInstanceOf(DuplicateResourceError);
    expect([...err.matches].sort()).toEqual([...imageIds].sort());
  });

  test('user data over 65535 bytes once base64-encoded', async () => {
    const before = serverPosts(sent).length;
    const err = await conn.compute.createServer({ name, image: 'x', flavor: '42', networks: 'none', user_data: '#!/bin/sh\n' + 'x'.repeat(50_000) }).catch((e) => e);
    expect(err).toBeInstanceOf(ValidationError);
    expect(err.field).toBe('attrs.user_data');
    expect(serverPosts(sent)).toHaveLength(before);
  });

  test('no server was created by any of these', async () => {
    expect(await conn.compute.servers({ name }).toArray()).toEqual([]);
  });
});

describe('microversions against the real Nova', () => {
  test('negotiated: the lower of the cloud max and the SDK max, exposed and sent', async () => {
    const { conn, sent } = recorded();
    const range = await conn.compute.microversionRange();
    expect(range).toEqual({ min: '2.1', max: expect.stringMatching(/^2\.\d+$/) });
    const mv = await conn.compute.microversion();
    expect(mv).toBe(Number(range!.max.split('.')[1]) < 93 ? range!.max : '2.93');
    await conn.compute.flavors().toArray();
    expect(sent.find((r) => r.url.includes('/flavors/detail'))?.microversion).toBe(`compute ${mv}`);
  });

  test('pinned per Connection and per call, sent in the header', async () => {
    const { conn, sent } = recorded({ microversions: { compute: '2.60' } });
    expect(await conn.compute.microversion()).toBe('2.60');
    await conn.compute.getFlavor('42');
    await conn.compute.getFlavor('42', { microversion: '2.55' });
    expect(sent.filter((r) => r.url.endsWith('/flavors/42')).map((r) => r.microversion)).toEqual(['compute 2.60', 'compute 2.55']);
  });

  test('a call needing more than the cloud offers fails before sending', async () => {
    const { conn, sent } = recorded();
    const max = (await conn.compute.microversionRange())!.max;
    const newer = `2.${Number(max.split('.')[1]) + 1}`;
    const before = sent.length;
    const err = await conn.compute.request({ path: '/servers', minMicroversion: newer }).catch((e) => e);
    expect(err).toBeInstanceOf(ValidationError);
    expect(err.message).toContain(`needs compute microversion ${newer} or newer; the cloud offers up to ${max}`);
    // a pinned version below what a method needs fails the same way
    const old = recorded({ microversions: { compute: '2.60' } });
    const lockErr = await old.conn.compute.lockServer('any', { reason: 'x' }).catch((e) => e);
    expect(lockErr.message).toContain('needs compute microversion 2.73 or newer; 2.60 was asked for');
    expect(sent.length).toBe(before);
    expect(old.sent.filter((r) => r.url.includes('/servers'))).toEqual([]);
  });
});

describe('a server that cannot be placed', () => {
  const admin = connectTo('local-admin');
  const demo = connectTo('local-demo');
  const made: { flavor?: string; server?: string } = {};
  afterAll(async () => {
    if (made.server) await demo.compute.deleteServer(made.server, { ignoreMissing: true });
    if (made.flavor) await admin.compute.deleteFlavor(made.flavor, { ignoreMissing: true });
  });

  test("goes to ERROR: the wait ends with ResourceFailureError carrying Nova's fault message", async () => {
    // More disk than the host has: the scheduler finds no host.
    const flavor = await admin.compute.createFlavor({ name: uniqueName('huge'), ram: 64, vcpus: 1, disk: 1_000_000, 'os-flavor-access:is_public': true });
    made.flavor = flavor.id;
    const image = (await demo.compute.findImage('cirros-fake'))!;
    const server = await demo.compute.createServer({ name: uniqueName('noplace'), image, flavor, networks: 'none' });
    made.server = server.id;
    const err = await demo.compute.waitForServer(server, { interval: 500, timeout: 120_000 }).catch((e) => e);
    expect(err).toBeInstanceOf(ResourceFailureError);
    expect(err.status).toBe('ERROR');
    expect(err.message).toMatch(/reached status ERROR while waiting for active: No valid host was found/);
  }, 150_000);
});
