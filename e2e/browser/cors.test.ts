/**
 * The UMD bundle in real Chromium, on an origin different from the cloud's: login with a password and
 * with an application credential, typed errors for what browsers hide (a wrong password, an endpoint
 * without CORS), and a CORS check of every service in the catalog.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cloud, uniqueName } from '../../test/helpers/cloud.js';
import { launchBrowser, requireDist, ROOT, serveStatic, umdPage, type Browser, type StaticServer } from './harness.js';

const demo = cloud.users.demo;

describe('UMD bundle in Chromium over CORS', () => {
  let site: StaticServer;
  let browser: Browser;
  let noCors: Server;
  let noCorsUrl: string;

  beforeAll(async () => {
    requireDist();
    site = await serveStatic(ROOT, { '/umd.html': umdPage() });
    // An identity endpoint that answers but sends no CORS headers: the browser hides its answer.
    noCors = createServer((_req, res) => {
      res.writeHead(201, {
        'content-type': 'application/json',
        'x-subject-token': 'nope',
      });
      res.end('{"token":{}}');
    });
    await new Promise<void>((r) => noCors.listen(0, '127.0.0.1', r));
    noCorsUrl = `http://127.0.0.1:${(noCors.address() as AddressInfo).port}/v3`;
    browser = await launchBrowser();
    await browser.page.goto(`${site.origin}/umd.html`);
    await browser.page.waitForFunction(() => typeof (window as any).OpenStack?.Connection === 'function');
  });

  afterAll(async () => {
    await browser?.close();
    await site?.close();
    noCors?.closeAllConnections();
    await new Promise((r) => noCors?.close(r));
  });

  it('the page is on another origin than the cloud', () => {
    expect(new URL(site.origin).origin).not.toBe(new URL(cloud.authUrl).origin);
  });

  it('logs in with a password and reads the catalog', async () => {
    const r = await browser.page.evaluate(
      async ({ authUrl, user }) => {
        const { Connection } = (window as any).OpenStack;
        const conn = new Connection({
          auth: {
            type: 'password',
            authUrl,
            username: user.name,
            password: user.password,
            userDomainName: user.userDomainName,
            projectName: user.projectName,
            projectDomainName: user.projectDomainName,
          },
        });
        const state = await conn.auth.getAuthState();
        return {
          token: state.token,
          project: state.project?.id,
          types: state.catalog.map((c: any) => c.type),
        };
      },
      { authUrl: cloud.authUrl, user: demo },
    );
    expect(r.token).toMatch(/.{20,}/);
    expect(r.project).toBe(demo.projectId);
    expect(r.types).toContain('object-store');
  });

  it('logs in with an application credential', async () => {
    const r = await browser.page.evaluate(
      async ({ authUrl, id, secret }) => {
        const { Connection } = (window as any).OpenStack;
        const conn = new Connection({
          auth: {
            type: 'applicationCredential',
            authUrl,
            applicationCredentialId: id,
            applicationCredentialSecret: secret,
          },
        });
        const state = await conn.auth.getAuthState();
        return { project: state.project?.id, user: state.user?.id };
      },
      {
        authUrl: cloud.authUrl,
        id: cloud.appCredential.id,
        secret: cloud.appCredential.secret,
      },
    );
    expect(r).toEqual({
      project: cloud.appCredential.projectId,
      user: cloud.appCredential.userId,
    });
  });

  it('a wrong password is an UnauthorizedError with the status, not a bare TypeError', async () => {
    const r = await browser.page.evaluate(
      async ({ authUrl, user }) => {
        const { Connection, UnauthorizedError, OpenStackError } = (window as any).OpenStack;
        const conn = new Connection({
          auth: {
            type: 'password',
            authUrl,
            username: user.name,
            password: 'wrong',
            userDomainName: 'Default',
            projectName: user.projectName,
            projectDomainName: 'Default',
          },
        });
        try {
          await conn.auth.getAuthState();
          return { thrown: false };
        } catch (e: any) {
          return {
            thrown: true,
            name: e.name,
            status: e.status,
            message: e.message,
            unauthorized: e instanceof UnauthorizedError,
            sdk: e instanceof OpenStackError,
          };
        }
      },
      { authUrl: cloud.authUrl, user: demo },
    );
    expect(r).toMatchObject({
      thrown: true,
      name: 'UnauthorizedError',
      status: 401,
      unauthorized: true,
      sdk: true,
    });
    expect(r.message).not.toContain('wrong');
  });

  it('an endpoint without CORS headers is a ConnectionError that says to check CORS', async () => {
    const r = await browser.page.evaluate(async (authUrl) => {
      const { Connection, ConnectionError } = (window as any).OpenStack;
      const conn = new Connection({
        auth: {
          type: 'password',
          authUrl,
          username: 'u',
          password: 'p',
          userDomainName: 'Default',
          projectName: 'p',
          projectDomainName: 'Default',
        },
        retry: { retries: 0 },
      });
      try {
        await conn.auth.getAuthState();
        return { thrown: false };
      } catch (e: any) {
        return {
          thrown: true,
          name: e.name,
          message: String(e.message),
          connection: e instanceof ConnectionError,
          url: e.url,
        };
      }
    }, noCorsUrl);
    expect(r).toMatchObject({
      thrown: true,
      name: 'ConnectionError',
      connection: true,
    });
    expect(r.message).toContain(noCorsUrl);
    expect(r.message).toMatch(/CORS/);
  });

  it('an unreachable endpoint is a ConnectionError too', async () => {
    const r = await browser.page.evaluate(async () => {
      const { Connection } = (window as any).OpenStack;
      const conn = new Connection({
        auth: {
          type: 'password',
          authUrl: 'http://127.0.0.1:9/v3',
          username: 'u',
          password: 'p',
          userDomainName: 'Default',
          projectName: 'p',
          projectDomainName: 'Default',
        },
        retry: { retries: 0 },
      });
      try {
        await conn.auth.getAuthState();
        return { name: 'none' };
      } catch (e: any) {
        return { name: e.name, message: String(e.message) };
      }
    });
    expect(r.name).toBe('ConnectionError');
    expect(r.message).toContain('http://127.0.0.1:9/v3');
  });

  it('every service in the catalog answers preflights and exposes the headers a client reads', async () => {
    const container = uniqueName('cors');
    const report = await browser.page.evaluate(
      async ({ authUrl, user, container }) => {
        const { Connection } = (window as any).OpenStack;
        const auth = {
          type: 'password',
          authUrl,
          username: user.name,
          password: user.password,
          userDomainName: 'Default',
          projectName: user.projectName,
          projectDomainName: 'Default',
        };
        const conn = new Connection({ auth });
        const state = await conn.auth.getAuthState();
        // A container and objects with metadata, an expiry and a large object, and the image the
        // cloud comes with, to read their headers.
        await conn.objectStore.createContainer(container, { metadata: { owner: 'cors' } });
        await conn.objectStore.uploadObject({ container, name: 'o.txt', data: 'cors', contentType: 'text/plain', metadata: { color: 'blue' }, deleteAfter: 3600 });
        await conn.objectStore.uploadObject({ container, name: 'large', data: new Uint8Array(10), segmentSize: 4 });
        const imageId = (await conn.image.findImage('cirros-fake'))?.id;
        // Every request carries the token (or another non-safelisted header): each is preflighted,
        // as every authenticated SDK call is. Each names the status it must get and the response
        // headers the SDK reads from it, which the page can only see when the service exposes them.
        type Probe = { path: string; method?: string; headers?: Record<string, string>; body?: string; status: number; expose: string[] };
        const token = { 'x-auth-token': state.token, accept: 'application/json' };
        const ids = ['x-openstack-request-id'];
        const probes: Record<string, Probe[]> = {
          identity: [
            {
              path: '/auth/tokens',
              method: 'POST',
              headers: { 'content-type': 'application/json' },
              body: JSON.stringify({
                auth: {
                  identity: { methods: ['password'], password: { user: { name: user.name, password: user.password, domain: { name: 'Default' } } } },
                  scope: { project: { name: user.projectName, domain: { name: 'Default' } } },
                },
              }),
              status: 201,
              expose: [...ids, 'x-subject-token'],
            },
            { path: '/auth/projects', headers: token, status: 200, expose: ids },
          ],
          'object-store': [
            { path: '?format=json', headers: token, status: 200, expose: ['x-trans-id', ...ids, 'x-account-container-count', 'x-account-object-count', 'x-account-bytes-used'] },
            { path: `/${container}?format=json`, headers: token, status: 200, expose: ['x-trans-id', ...ids, 'x-container-object-count', 'x-container-bytes-used', 'x-container-meta-owner', 'x-storage-policy'] },
            {
              path: `/${container}/o.txt`,
              headers: token,
              status: 200,
              expose: ['x-trans-id', ...ids, 'etag', 'content-length', 'content-type', 'last-modified', 'x-timestamp', 'x-object-meta-color', 'x-delete-at'],
            },
            { path: `/${container}/large`, headers: token, status: 200, expose: ['x-trans-id', 'etag', 'content-length', 'x-static-large-object'] },
            { path: `/${container}/o.txt`, headers: { ...token, range: 'bytes=1-2' }, status: 206, expose: ['x-trans-id', 'etag', 'content-range'] },
          ],
          image: [
            { path: '/v2/images', headers: token, status: 200, expose: ids },
            { path: `/v2/images/${imageId}/file`, headers: token, status: 200, expose: [...ids, 'content-md5', 'content-length'] },
          ],
          placement: [{ path: '/', headers: { ...token, 'openstack-api-version': 'placement 1.0' }, status: 200, expose: [...ids, 'openstack-api-version'] }],
          compute: [
            {
              path: '/servers',
              headers: { ...token, 'openstack-api-version': 'compute 2.1', 'x-openstack-nova-api-version': '2.1' },
              status: 200,
              expose: [...ids, 'x-compute-request-id', 'openstack-api-version', 'x-openstack-nova-api-version'],
            },
          ],
          network: [{ path: '/v2.0/networks', headers: token, status: 200, expose: ids }],
          'block-storage': [{ path: '/volumes', headers: { ...token, 'openstack-api-version': 'volume 3.0' }, status: 200, expose: [...ids, 'openstack-api-version'] }],
          volumev3: [{ path: '/volumes', headers: { ...token, 'openstack-api-version': 'volume 3.0' }, status: 200, expose: [...ids, 'openstack-api-version'] }],
          orchestration: [{ path: '/stacks', headers: token, status: 200, expose: ids }],
          'key-manager': [{ path: '/v1/secrets', headers: token, status: 200, expose: ids }],
          // Zaqar refuses every call without a Client-ID, so it must be allowed in preflights.
          messaging: [{ path: '/v2/queues', headers: { ...token, 'client-id': crypto.randomUUID() }, status: 200, expose: [] }],
          metric: [{ path: '/v1/metric', headers: token, status: 200, expose: [] }],
          alarming: [{ path: '/v2/alarms', headers: token, status: 200, expose: ids }],
          clustering: [{ path: '/v1/clusters', headers: { ...token, 'openstack-api-version': 'clustering 1.0' }, status: 200, expose: [...ids, 'openstack-api-version'] }],
          // Trove sends no request id.
          database: [{ path: '/flavors', headers: token, status: 200, expose: [] }],
        };
        const rows: Record<string, unknown>[] = [];
        try {
          for (const entry of state.catalog) {
            const ep = entry.endpoints.find((e: any) => e.interface === 'public');
            if (!ep) {
              rows.push({ type: entry.type, error: 'no public endpoint' });
              continue;
            }
            // A type without probes fails below: every registered service must be checked.
            for (const probe of probes[entry.type] ?? [{ path: '', status: -1, expose: [] }]) {
              const url = ep.url.replace(/\/+$/, '') + probe.path;
              try {
                const res = await fetch(url, { method: probe.method ?? 'GET', headers: probe.headers, body: probe.body });
                await res.arrayBuffer();
                rows.push({
                  type: entry.type,
                  url,
                  status: res.status,
                  expected: probe.status,
                  hidden: probe.expose.filter((h) => res.headers.get(h) === null),
                });
              } catch (e: any) {
                rows.push({ type: entry.type, url, error: String(e) });
              }
            }
          }
        } finally {
          await conn.objectStore.deleteContainer(container, { recursive: true });
        }
        return { types: state.catalog.map((c: any) => c.type), rows };
      },
      { authUrl: cloud.authUrl, user: demo, container },
    );
    console.log('CORS from a browser, per catalog service:\n' + report.rows.map((r) => `  ${JSON.stringify(r)}`).join('\n'));
    // Every service the local cloud registers, none left out.
    expect(report.types.slice().sort()).toEqual([
      'alarming', 'block-storage', 'clustering', 'compute', 'database', 'identity', 'image', 'key-manager',
      'messaging', 'metric', 'network', 'object-store', 'orchestration', 'placement', 'volumev3',
    ]);
    for (const row of report.rows) {
      const where = `${row.type} at ${row.url}`;
      expect(row, where).not.toHaveProperty('error');
      expect(row.status, where).toBe(row.expected);
      expect(row.hidden, `${where}: response headers the page cannot read`).toEqual([]);
    }
  });
});
