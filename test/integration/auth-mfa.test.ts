import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { AuthReceiptRequiredError, Connection, UnauthorizedError, totpCode } from '../../src/index.js';
import { cloud, connectTo, uniqueName } from '../helpers/cloud.js';

/**
 * TOTP and multi-factor logins with a real `totp` credential registered in Keystone
 * (`[auth] methods` of the local cloud includes totp).
 */
const admin = connectTo('local-admin');
const authUrl: string = cloud.authUrl;
const demoProject: string = cloud.projects.demo.id;
const password = `pw-${crypto.randomUUID()}`;
/** 32 base32 characters: a 160-bit secret, as authenticator apps use. */
const secret = Array.from(crypto.getRandomValues(new Uint8Array(32)), (b) => 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'[b % 32]).join('');
let userId: string;

const totpWithReceipt = (receipt: string) =>
  new Connection({ auth: { type: 'totp', authUrl, userId, passcode: () => totpCode(secret), receipt, projectId: demoProject } });

beforeAll(async () => {
  userId = (await admin.identity.createUser({ name: uniqueName('sdk-mfa'), domain_id: 'default', password })).id;
  const member = await admin.identity.findRole('member', { ignoreMissing: false });
  await admin.identity.grantRole(member!, { user: userId, project: demoProject });
  await admin.identity.createCredential({ type: 'totp', user_id: userId, blob: secret });
});
afterAll(async () => {
  // Deleting the user deletes its credentials too.
  if (userId) await admin.identity.deleteUser(userId, { ignoreMissing: true });
});

describe('TOTP', () => {
  test('a code from the registered secret logs in', async () => {
    const conn = new Connection({ auth: { type: 'totp', authUrl, userId, passcode: () => totpCode(secret), projectId: demoProject } });
    const state = await conn.auth.getAuthState();
    expect(state.methods).toEqual(['totp']);
    expect(state.user?.id).toBe(userId);
    expect(state.project?.id).toBe(demoProject);
  });

  test('a code from another secret is refused', async () => {
    const conn = new Connection({ auth: { type: 'v3totp', authUrl, userId, passcode: await totpCode('JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP') } });
    await expect(conn.auth.getToken()).rejects.toBeInstanceOf(UnauthorizedError);
  });
});

describe('multi-factor with auth receipts', () => {
  beforeAll(async () => {
    await admin.identity.updateUser(userId, {
      options: { multi_factor_auth_enabled: true, multi_factor_auth_rules: [['password', 'totp']] },
    });
  });

  test('password alone is refused with AuthReceiptRequiredError naming the missing method', async () => {
    const first = new Connection({ auth: { type: 'password', authUrl, userId, password, projectId: demoProject } });
    const err = await first.auth.getToken().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AuthReceiptRequiredError);
    const receiptErr = err as AuthReceiptRequiredError;
    expect(receiptErr.methods).toEqual(['password']);
    expect(receiptErr.requiredMethods.map((rule) => [...rule].sort())).toEqual([['password', 'totp']]);
    expect(receiptErr.message).toMatch(/password\+totp|totp\+password/);
  });

  test('the error carries the receipt, and TOTP with it completes the login', async () => {
    const first = new Connection({ auth: { type: 'password', authUrl, userId, password, projectId: demoProject } });
    const err = (await first.auth.getToken().catch((e: unknown) => e)) as AuthReceiptRequiredError;
    expect(err.receipt).not.toBe('***');
    expect(err.message).not.toContain(err.receipt);
    expect(JSON.stringify(err)).not.toContain(err.receipt);
    const state = await totpWithReceipt(err.receipt).auth.getAuthState();
    expect(state.methods.sort()).toEqual(['password', 'totp']);
  });

  test('TOTP with the receipt of a password login completes it (receipt read off the wire)', async () => {
    let receipt: string | undefined;
    const first = new Connection({
      auth: { type: 'password', authUrl, userId, password, projectId: demoProject },
      fetch: async (input, init) => {
        const res = await fetch(input, init);
        receipt ??= res.headers.get('openstack-auth-receipt') ?? undefined;
        return res;
      },
    });
    await expect(first.auth.getToken()).rejects.toBeInstanceOf(AuthReceiptRequiredError);
    expect(receipt).toMatch(/.{20,}/);
    const second = totpWithReceipt(receipt!);
    const state = await second.auth.getAuthState();
    expect(state.methods.sort()).toEqual(['password', 'totp']);
    expect(state.project?.id).toBe(demoProject);
    expect((await second.identity.authProjects().toArray()).map((p) => p.id)).toEqual([demoProject]);
  });

  test('TOTP alone is not enough either', async () => {
    const conn = new Connection({ auth: { type: 'totp', authUrl, userId, passcode: () => totpCode(secret) } });
    const err = await conn.auth.getToken().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AuthReceiptRequiredError);
    expect((err as AuthReceiptRequiredError).methods).toEqual(['totp']);
  });

  test('password and TOTP in one request (MultiFactorAuth) log in directly', async () => {
    const conn = new Connection({
      auth: { type: 'multiFactor', authUrl, userId, password, passcode: () => totpCode(secret), projectId: demoProject },
    });
    const state = await conn.auth.getAuthState();
    expect(state.methods.sort()).toEqual(['password', 'totp']);
    expect(state.user?.id).toBe(userId);
  });
});
