/**
 * Each fault alone, through the fault proxy in front of the real local cloud, gives the documented
 * behaviour; then a seeded run of mixed operations loses, corrupts, duplicates and leaks nothing.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { Connection, ConnectionError, OpenStackError, RateLimitError, ServerError, type ConnectionOptions, type LogEvent } from '../../src/index.js';
import { cloud, cloudOptions, uniqueName } from '../../test/helpers/cloud.js';
import { adminToken, revokeToken } from './admin.js';
import { throughProxy } from './connect.js';
import { FAULT_KINDS, startFaultProxy, type FaultProxy } from './proxy.js';
import { clean, printFigures, runFaults } from './run.js';

const UPSTREAMS = {
  identity: 'http://127.0.0.1:5000',
  'object-store': 'http://127.0.0.1:8080',
  compute: 'http://127.0.0.1:8774',
  image: 'http://127.0.0.1:9292',
  network: 'http://127.0.0.1:9696',
};

describe('each fault alone, through the proxy', () => {
  let proxy: FaultProxy;
  let conn: Connection;
  let direct: Connection;
  const events: LogEvent[] = [];
  const C = uniqueName('faults-focus');
  const data = new Uint8Array(20_000).map((_, i) => (i * 31) % 251);

  beforeAll(async () => {
    proxy = await startFaultProxy({
      upstreams: UPSTREAMS,
      seed: 1,
      rate: 0,
      maxLifetimeMs: 15 * 60_000,
    });
    const base = cloudOptions('local-demo');
    conn = throughProxy(proxy, {
      retry: { retries: 3, baseDelay: 100, maxDelay: 5_000 },
      timeout: 10_000,
      log: (e) => events.push(e),
    });
    direct = new Connection(base as ConnectionOptions<[]>);
    await direct.objectStore.createContainer(C);
    await direct.objectStore.uploadObject({ container: C, name: 'seed', data });
    // log in through the proxy, without faults
    await conn.objectStore.getContainer(C);
  });

  afterAll(async () => {
    await proxy?.close();
    await direct?.objectStore.deleteContainer(C, {
      recursive: true,
      ignoreMissing: true,
    });
  });

  const retriesSince = (n: number) => events.slice(n).filter((e) => e.type === 'retry').length;

  test('the SDK sees only the proxy: the catalog it got names the proxy for every proxied service', async () => {
    const state = await conn.auth.getAuthState();
    const urls = state.catalog.flatMap((s) => s.endpoints.map((e) => ({ type: s.type, url: e.url })));
    for (const { type, url } of urls) if (type in UPSTREAMS) expect(url.startsWith(proxy.origins[type as keyof typeof UPSTREAMS]), `${type} ${url}`).toBe(true);
  });

  test('a reset before the response of a GET is retried and succeeds', async () => {
    const n = events.length;
    proxy.schedule({
      kind: 'reset-before-response',
      method: 'GET',
      path: /\/seed$/,
    });
    const got = new Uint8Array(await conn.objectStore.downloadObjectAsArrayBuffer(C, 'seed'));
    expect(got).toEqual(data);
    expect(retriesSince(n)).toBe(1);
    expect(proxy.counts['reset-before-response']).toBe(1);
  });

  test('a reset in the middle of a PUT body is retried from the bytes, and the object is whole', async () => {
    const n = events.length;
    proxy.schedule({
      kind: 'reset-mid-request',
      method: 'PUT',
      path: /\/midput$/,
    });
    const r = await conn.objectStore.uploadObject({
      container: C,
      name: 'midput',
      data,
    });
    expect(r.bytes).toBe(data.length);
    expect(retriesSince(n)).toBe(1);
    expect(new Uint8Array(await direct.objectStore.downloadObjectAsArrayBuffer(C, 'midput'))).toEqual(data);
  });

  test('a 500 after a POST did its work is not retried: ServerError, and the network exists once', async () => {
    const name = uniqueName('faults-500');
    const n = events.length;
    proxy.schedule({
      kind: '500-after-post',
      method: 'POST',
      path: /\/v2\.0\/networks$/,
    });
    try {
      const e = await conn.network.createNetwork({ name }).catch((x: unknown) => x);
      expect(e).toBeInstanceOf(ServerError);
      expect((e as ServerError).status).toBe(500);
      expect((e as Error).message).toMatch(/POST \S+\/v2\.0\/networks/);
      expect(retriesSince(n)).toBe(0);
      const same = (await direct.network.networks({ name }).toArray()).filter((x) => x.name === name);
      expect(same).toHaveLength(1);
    } finally {
      for (const x of await direct.network.networks({ name }).toArray()) await direct.network.deleteNetwork(x.id, { ignoreMissing: true });
    }
  });

  test('a 503 with Retry-After: 1 on a GET is retried after about one second', async () => {
    const n = events.length;
    proxy.schedule({
      kind: '503-retry-after-seconds',
      method: 'GET',
      path: /\/seed$/,
    });
    const t0 = Date.now();
    const got = new Uint8Array(await conn.objectStore.downloadObjectAsArrayBuffer(C, 'seed'));
    const took = Date.now() - t0;
    expect(got).toEqual(data);
    const retry = events.slice(n).find((e) => e.type === 'retry');
    expect(retry?.status).toBe(503);
    expect(retry?.delayMs).toBe(1000);
    expect(took).toBeGreaterThanOrEqual(950);
    expect(took).toBeLessThan(8_000);
  });

  test('a 429 with Retry-After as an HTTP date is retried after that date', async () => {
    const n = events.length;
    proxy.schedule({
      kind: '429-retry-after-date',
      method: 'GET',
      path: new RegExp(`/${C}(\\?|$)`),
    });
    const t0 = Date.now();
    const list = await conn.objectStore.objects(C).toArray();
    expect(list.map((x) => ('name' in x ? x.name : ''))).toContain('seed');
    const retry = events.slice(n).find((e) => e.type === 'retry');
    expect(retry?.status).toBe(429);
    // the date has a one-second resolution: between 0.5 and 2.5 s ahead
    expect(retry!.delayMs!).toBeLessThanOrEqual(2_500);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(retry!.delayMs! - 50);
  });

  test('429 on every attempt ends with RateLimitError once the retries are spent', async () => {
    proxy.schedule({
      kind: '429-retry-after-date',
      method: 'GET',
      path: new RegExp(`/${C}(\\?|$)`),
      times: 4,
    });
    const e = await conn.objectStore
      .objects(C)
      .toArray()
      .catch((x: unknown) => x);
    expect(e).toBeInstanceOf(RateLimitError);
    expect((e as Error).message).toMatch(/GET \S+/);
  });

  test('a truncated JSON answer is a typed ConnectionError naming the call, not a hang', async () => {
    proxy.schedule({
      kind: 'truncated-body',
      method: 'GET',
      path: /\/v2\.0\/networks/,
    });
    const t0 = Date.now();
    const e = await conn.network
      .networks()
      .toArray()
      .catch((x: unknown) => x);
    expect(e).toBeInstanceOf(ConnectionError);
    expect((e as Error).message).toMatch(/GET \S+\/v2\.0\/networks/);
    expect(Date.now() - t0).toBeLessThan(10_000);
  });

  test('a reset in the middle of a JSON answer is a typed ConnectionError', async () => {
    proxy.schedule({
      kind: 'reset-mid-response',
      method: 'GET',
      path: /\/v2\.0\/networks/,
    });
    const e = await conn.network
      .networks()
      .toArray()
      .catch((x: unknown) => x);
    expect(e).toBeInstanceOf(ConnectionError);
  });

  test('a slow body arrives whole', async () => {
    proxy.schedule({ kind: 'slow-body', method: 'GET', path: /\/seed$/ });
    const t0 = Date.now();
    const got = new Uint8Array(await conn.objectStore.downloadObjectAsArrayBuffer(C, 'seed'));
    expect(got).toEqual(data);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(500);
  });

  test('a duplicated ETag on a download: the bytes are still right (the check is skipped, not failed)', async () => {
    proxy.schedule({
      kind: 'duplicated-header',
      method: 'GET',
      path: /\/seed$/,
      header: 'etag',
    });
    const got = new Uint8Array(await conn.objectStore.downloadObjectAsArrayBuffer(C, 'seed'));
    expect(got).toEqual(data);
    expect(proxy.counts['duplicated-header']).toBeGreaterThanOrEqual(1);
  });

  test('a duplicated X-Subject-Token at login: the bad token is rejected and the SDK logs in again', async () => {
    const ev: LogEvent[] = [];
    const fresh = throughProxy(proxy, {
      retry: { retries: 2, baseDelay: 100 },
      timeout: 10_000,
      log: (e) => ev.push(e),
    });
    proxy.schedule({
      kind: 'duplicated-header',
      method: 'POST',
      path: /\/v3\/auth\/tokens$/,
      header: 'x-subject-token',
    });
    // The two values arrive joined ("t, t"): that token is rejected, the SDK logs in again once.
    const info = await fresh.objectStore.getContainer(C);
    expect(info.name).toBe(C);
    expect(ev.filter((e) => e.type === 'auth')).toHaveLength(1);
  });

  test('a token revoked at Keystone mid-run: the SDK logs in again once and the call succeeds', async () => {
    const admin = await adminToken();
    await conn.identity.getUser(cloud.users.demo.id);
    const old = proxy.lastToken!;
    expect(await revokeToken(admin, old)).toBe(true);
    const n = events.length;
    const me = await conn.identity.getUser(cloud.users.demo.id);
    expect(me.id).toBe(cloud.users.demo.id);
    expect(events.slice(n).some((e) => e.type === 'auth')).toBe(true);
    expect(proxy.lastToken).not.toBe(old);
  });

  test('a POST with a reset before the response is not retried: a typed ConnectionError', async () => {
    const name = uniqueName('faults-reset-post');
    const n = events.length;
    proxy.schedule({
      kind: 'reset-before-response',
      method: 'POST',
      path: /\/v2\.0\/networks$/,
    });
    try {
      const e = await conn.network.createNetwork({ name }).catch((x: unknown) => x);
      expect(e).toBeInstanceOf(ConnectionError);
      expect(retriesSince(n)).toBe(0);
      expect((await direct.network.networks({ name }).toArray()).filter((x) => x.name === name)).toHaveLength(1);
    } finally {
      for (const x of await direct.network.networks({ name }).toArray()) await direct.network.deleteNetwork(x.id, { ignoreMissing: true });
    }
  });
});

describe('a seeded run of mixed operations through every fault', () => {
  test('1,000 operations: nothing lost, corrupted, duplicated, leaked, untyped or hung; every fault kind injected', async () => {
    const f = await runFaults({
      ops: Number(process.env.OSSDK_FAULT_OPS ?? 1000),
      seed: 20261207,
      concurrency: 8,
      rate: 0.12,
    });
    printFigures(f);
    expect(f.samples.untyped).toEqual([]);
    expect(f.opsFailedUntyped).toBe(0);
    expect(f.failuresUnhelpful).toBe(0);
    expect(f.duplicates).toBe(0);
    expect(f.bytesCorrupted).toBe(0);
    expect(f.corruptedInRun).toBe(0);
    expect(f.objectsMissing).toBe(0);
    expect(f.unknownObjects).toBe(0);
    expect(f.secretsLeaked).toBe(0);
    expect(f.hung).toBe(0);
    expect(f.requestsElsewhere).toBe(0);
    expect(f.objectsVerified).toBeGreaterThan(100);
    expect(f.retries).toBeGreaterThan(0);
    for (const k of [...FAULT_KINDS, 'token-revoked'] as const) expect(f.faults[k], k).toBeGreaterThan(0);
    expect(clean(f)).toBe(true);
  });
});
