import * as v from 'valibot';
import { defineService, parseResponse, ServiceProxy, type CallOptions } from '../../src/index.js';

const VersionDocument = v.looseObject({
  version: v.looseObject({ id: v.string(), status: v.string(), updated: v.optional(v.string()) }),
});
export type VendorStatus = v.InferOutput<typeof VersionDocument>['version'];

/** A vendor service found in the catalog under its own type, `vendor-status`. */
export class VendorStatusProxy extends ServiceProxy {
  /** What the service's endpoint says about itself (its version document). */
  async status(opts: CallOptions = {}): Promise<VendorStatus> {
    const res = await this.request({ ...opts, path: '' });
    return parseResponse(VersionDocument, res.data, 'status').version;
  }
}

/** `conn.vendorStatus`: resolved from the token's catalog like any built-in service. */
export const vendorStatus = defineService({
  name: 'vendorStatus',
  type: 'vendor-status',
  create: (ctx) => new VendorStatusProxy(ctx),
});
