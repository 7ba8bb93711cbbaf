import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { Connection, EndpointNotFoundError, ValidationError, type Endpoint, type Service } from '../../src/index.js';
import { vendorAuth, vendorIdentity, VendorIdentityProxy, vendorStatus } from '../../examples/plugin/index.js';
import { cloud, connectTo, uniqueName } from '../helpers/cloud.js';

/** The example third-party plugin (examples/plugin) against the local cloud. */
const admin = connectTo('local-admin');
const account = { login: cloud.users.demo.name, secret: cloud.users.demo.password, tenant: cloud.projects.demo.name };
let service: Service;
let endpoint: Endpoint;

const vendorConnection = () =>
  new Connection({
    auth: { type: 'vendorPassword', endpoint: cloud.authUrl, account },
    authTypes: [vendorAuth],
    services: [vendorIdentity, vendorStatus],
  });

beforeAll(async () => {
  // The vendor's service in the catalog: its own type, answering at Keystone's URL.
  service = await admin.identity.createService({ type: 'vendor-status', name: uniqueName('sdk-vendor') });
  endpoint = await admin.identity.createEndpoint({ service_id: service.id, interface: 'public', url: cloud.authUrl, region_id: cloud.region });
});
afterAll(async () => {
  if (endpoint) await admin.identity.deleteEndpoint(endpoint, { ignoreMissing: true });
  if (service) await admin.identity.deleteService(service, { ignoreMissing: true });
});

describe('an auth type added by name', () => {
  test("`type: 'vendorPassword'` logs in with the vendor's account object", async () => {
    const state = await vendorConnection().auth.getAuthState();
    expect(state.methods).toEqual(['password']);
    expect(state.user?.id).toBe(cloud.users.demo.id);
    expect(state.project?.id).toBe(cloud.projects.demo.id);
  });

  test('without the plugin the name is unknown; the error lists what is known', () => {
    const err = (() => {
      try {
        new Connection({ auth: { type: 'vendorPassword', endpoint: cloud.authUrl, account } });
      } catch (e) {
        return e;
      }
    })();
    expect(err).toBeInstanceOf(ValidationError);
    expect((err as ValidationError).field).toBe('auth.type');
    expect((err as Error).message).toMatch(/known: password/);
  });

  test('its own input checks name the field', () => {
    expect(() => new Connection({ auth: { type: 'vendorPassword', endpoint: cloud.authUrl }, authTypes: [vendorAuth] })).toThrow(
      expect.objectContaining({ field: 'auth.account' }),
    );
    expect(
      () => new Connection({ auth: { type: 'vendorPassword', endpoint: cloud.authUrl, account: { ...account, secret: '' } }, authTypes: [vendorAuth] }),
    ).toThrow(expect.objectContaining({ field: 'auth.password' }));
  });
});

describe('the identity service extended', () => {
  test('conn.identity is the subclass: its own method and every built-in one', async () => {
    const conn = vendorConnection();
    expect(conn.identity).toBeInstanceOf(VendorIdentityProxy);
    expect(await conn.identity.projectNames()).toEqual([cloud.projects.demo.name]);
    expect((await conn.identity.getProject(cloud.projects.demo.id)).name).toBe(cloud.projects.demo.name);
  });

  test('a Connection without the plugin keeps the built-in proxy', () => {
    expect(connectTo('local-demo').identity).not.toBeInstanceOf(VendorIdentityProxy);
  });
});

describe('a service of another catalog type', () => {
  test('conn.vendorStatus finds its endpoint in the catalog and calls it', async () => {
    const conn = vendorConnection();
    expect(await conn.auth.getEndpoint('vendor-status')).toBe(cloud.authUrl);
    const status = await conn.vendorStatus.status();
    expect(status.id).toMatch(/^v3\.\d+$/);
    expect(status.status).toBe('stable');
  });

  test('once the catalog entry is gone, a new login cannot find it', async () => {
    await admin.identity.deleteEndpoint(endpoint);
    await admin.identity.deleteService(service);
    const err = await vendorConnection().vendorStatus.status().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(EndpointNotFoundError);
    expect((err as Error).message).toMatch(/'vendor-status'/);
  });
});
