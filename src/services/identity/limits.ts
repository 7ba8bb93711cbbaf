import * as v from 'valibot';
import type { Resource, ResourceDef } from '../../resource/proxy.js';
import type { CallOptions } from '../../base/types.js';
import { parseResponse, validateInput } from '../../base/validate.js';
import { ApplicationCredentialsProxy } from './application-credentials.js';
import * as r from './resources.js';
import * as s from './schemas.js';
import type { LimitAttrs, RegisteredLimitAttrs } from './types.js';

const LimitModelBody = v.looseObject({ model: s.LimitModel });

/** Unified limits: Keystone creates them in batches, and has one model of enforcing them. */
export class LimitsProxy extends ApplicationCredentialsProxy {
  /** Creates one registered limit (a default for every project). */
  async createRegisteredLimit(attrs: RegisteredLimitAttrs, opts?: CallOptions) {
    validateInput(s.RegisteredLimitCreate, attrs, 'attrs');
    return (await this.createRegisteredLimits([attrs], opts))[0]!;
  }
  /** Creates several registered limits in one request (all or none). */
  async createRegisteredLimits(list: RegisteredLimitAttrs[], opts?: CallOptions) {
    return this.createMany(r.registeredLimits, 'registered_limits', list, opts);
  }
  /** Creates one project (or domain) limit; a registered limit for the resource must exist. */
  async createLimit(attrs: LimitAttrs, opts?: CallOptions) {
    validateInput(s.LimitCreate, attrs, 'attrs');
    return (await this.createLimits([attrs], opts))[0]!;
  }
  /** Creates several limits in one request (all or none). */
  async createLimits(list: LimitAttrs[], opts?: CallOptions) {
    return this.createMany(r.limits, 'limits', list, opts);
  }
  /** How the cloud enforces limits across a project hierarchy (`flat`, `strict-two-level`). */
  async limitModel(opts?: CallOptions): Promise<s.LimitModel> {
    const res = await this.request({ ...opts, path: '/limits/model' });
    return parseResponse(LimitModelBody, res.data, 'limit model').model;
  }

  private async createMany<D extends ResourceDef>(def: D, bodyKey: string, list: unknown[], opts?: CallOptions) {
    const items = validateInput(v.pipe(v.array(def.createSchema!), v.minLength(1, 'at least one is required')), list, bodyKey);
    const res = await this.request({ ...opts, method: 'POST', path: def.path, body: { [bodyKey]: items } });
    const out = parseResponse(v.looseObject({ [bodyKey]: v.array(def.schema) }), res.data, `${def.name} list`);
    return out[bodyKey] as Resource<D>[];
  }
}
