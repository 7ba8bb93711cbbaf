/**
 * A third-party plugin, written against the public API only: an auth type (`vendorPassword`),
 * an extended identity service (`conn.identity.projectNames()`), and a service of its own
 * catalog type (`conn.vendorStatus`).
 *
 * ```ts
 * const conn = new Connection({
 *   auth: { type: 'vendorPassword', endpoint: 'https://keystone.example.com/v3', account: { login, secret, tenant } },
 *   authTypes: [vendorAuth],
 *   services: [vendorIdentity, vendorStatus],
 * });
 * await conn.identity.projectNames();
 * await conn.vendorStatus.status();
 * ```
 */
export { vendorAuth, type VendorAccountOptions } from './vendor-auth.js';
export { vendorIdentity, VendorIdentityProxy } from './identity-extension.js';
export { vendorStatus, VendorStatusProxy, type VendorStatus } from './vendor-status.js';
