import { defineService, identity, IdentityProxy, type CallOptions } from '../../src/index.js';

/** The built-in identity proxy plus a method of the vendor's own. */
export class VendorIdentityProxy extends IdentityProxy {
  /** Sorted names of the projects the current user can work in. */
  async projectNames(opts: CallOptions = {}): Promise<string[]> {
    const projects = await this.authProjects({}, opts).toArray();
    return projects.map((p) => p.name).sort();
  }
}

/** Registered under the built-in's name, so `conn.identity` becomes a {@link VendorIdentityProxy}. */
export const vendorIdentity = defineService({ ...identity, create: (ctx) => new VendorIdentityProxy(ctx) });
