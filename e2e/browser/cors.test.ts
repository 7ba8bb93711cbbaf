/**
 * The UMD bundle in real Chromium, on an origin different from the cloud's: login with a password and
 * with an application credential, typed errors for what browsers hide (a wrong password, an endpoint
 * without CORS), and a CORS check of every service in the catalog.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cloud } from '../../test/helpers/cloud.js';
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
    const report = await browser.page.evaluate(
      async ({ authUrl, user }) => {
        const { Connection } = (window as any).OpenStack;
        const conn = new Connection({
          auth: {
            type: 'password',
            authUrl,
            username: user.name,
            password: user.password,
            userDomainName: 'Default',
            projectName: user.projectName,
            projectDomainName: 'Default',
          },
        });
        const state = await conn.auth.getAuthState();
        // An authenticated resource per service: version documents carry no request id.
        const probes: Record<string, string> = {
          identity: '/auth/projects',
          image: '/v2/images',
          network: '/v2.0/networks',
          placement: '/resource_providers',
          compute: '/servers',
          'block-storage': '/volumes',
          volumev3: '/volumes',
          'object-store': '',
        };
        const rows: Record<string, unknown>[] = [];
        for (const entry of state.catalog) {
          const ep = entry.endpoints.find((e: any) => e.interface === 'public');
          if (!ep) continue;
          const url = ep.url.replace(/\/+$/, '') + (probes[entry.type] ?? '');
          // A custom header makes this a preflighted request, like every authenticated SDK call.
          try {
            const res = await fetch(url, {
              headers: {
                'x-auth-token': state.token,
                accept: 'application/json',
              },
            });
            const has = (h: string) => res.headers.get(h) !== null;
            rows.push({
              type: entry.type,
              url,
              status: res.status,
              requestId: has('x-openstack-request-id') || has('x-compute-request-id') || has('x-trans-id'),
              exposed: [
                'x-openstack-request-id',
                'x-compute-request-id',
                'x-trans-id',
                'openstack-api-version',
                'x-openstack-nova-api-version',
                'etag',
                'location',
                'content-range',
                'x-subject-token',
              ].filter(has),
            });
          } catch (e: any) {
            rows.push({ type: entry.type, url, error: String(e) });
          }
        }
        return rows;
      },
      { authUrl: cloud.authUrl, user: demo },
    );
    console.log('CORS from a browser, per catalog service:\n' + report.map((r) => `  ${JSON.stringify(r)}`).join('\n'));
    const types = report.map((r) => r.type);
    for (const t of ['identity', 'object-store']) expect(types).toContain(t);
    for (const row of report) {
      expect(row, `${row.type} at ${row.url}`).not.toHaveProperty('error');
      expect(row.status as number, `${row.type} at ${row.url}`).toBeLessThan(500);
      if (['compute', 'block-storage', 'volumev3', 'placement'].includes(row.type as string))
        expect(row.exposed, `${row.type}: microversion header not readable`).toContain('openstack-api-version');
      expect(row.requestId, `${row.type} at ${row.url}: no request id header readable`).toBe(true);
    }
  });
});
