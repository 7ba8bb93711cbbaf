import { defineAuth, PasswordAuth, ValidationError } from '../../src/index.js';

/** Credentials as a vendor's portal hands them out, instead of Keystone's own option names. */
export interface VendorAccountOptions {
  /** Keystone's URL. */
  endpoint: string;
  account: {
    login: string;
    secret: string;
    /** The project to work in. */
    tenant: string;
    /** Domain of both the user and the project (default `Default`). */
    domain?: string;
  };
}

/**
 * The `vendorPassword` auth type: a password login fed from a {@link VendorAccountOptions}.
 * Use it with `new Connection({ auth: { type: 'vendorPassword', endpoint, account }, authTypes: [vendorAuth] })`.
 */
export const vendorAuth = defineAuth<VendorAccountOptions>({
  names: ['vendorPassword'],
  create: (o) => {
    const a = o?.account;
    if (!a || typeof a !== 'object') throw new ValidationError('the vendor account is required', 'auth.account');
    const domain = a.domain ?? 'Default';
    // PasswordAuth checks the rest (URL, login, secret) and names the field it misses.
    return new PasswordAuth({
      authUrl: o.endpoint,
      username: a.login,
      password: a.secret,
      userDomainName: domain,
      projectName: a.tenant,
      projectDomainName: domain,
    });
  },
});
