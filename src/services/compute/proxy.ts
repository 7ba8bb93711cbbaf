import * as v from 'valibot';
import { ValidationError } from '../../base/errors.js';
import { compareMicroversions } from '../../session/microversion.js';
import type { DeleteOptions, FindCallOptions } from '../../resource/declare.js';
import type { Paged } from '../../resource/paginate.js';
import type { ListOptions, Ref } from '../../resource/proxy.js';
import type { CallOptions } from '../../base/types.js';
import { seg } from '../../base/url.js';
import { idOf, parseResponse, validateInput } from '../../base/validate.js';
import type { ImageQuery } from '../image/proxy.js';
import * as r from './resources.js';
import * as s from './schemas.js';
import { serverCreateBody, type ServerAttrs } from './server-create.js';
import { ServerActionsProxy } from './server-actions.js';

/** Changes to a server, checked before the update is sent. */
export type ServerUpdateAttrs = v.InferInput<typeof s.ServerUpdate>;
/** Attributes of a new flavor, checked before the create is sent. */
export type FlavorAttrs = v.InferInput<typeof s.FlavorCreate>;
/** Attributes of a new keypair, checked before the create is sent. */
export type KeypairAttrs = v.InferInput<typeof s.KeypairCreate>;
/** Attributes of a new server group, checked before the create is sent. */
export type ServerGroupAttrs = v.InferInput<typeof s.ServerGroupCreate>;
/** Changes to a compute quota, checked before the update is sent. */
export type ComputeQuotaUpdateAttrs = v.InferInput<typeof s.ComputeQuotaUpdate>;
/** @deprecated Renamed {@link ComputeQuotaUpdateAttrs}. */
export type ComputeQuotaAttrs = ComputeQuotaUpdateAttrs;
/** Changes to a compute service, checked before the update is sent. */
export type ComputeServiceUpdateAttrs = v.InferInput<typeof s.ComputeServiceUpdate>;
/** @deprecated Renamed {@link ComputeServiceUpdateAttrs}. */
export type ComputeServiceAttrs = ComputeServiceUpdateAttrs;
/** Attributes of a new aggregate, checked before the create is sent. */
export type AggregateAttrs = v.InferInput<typeof s.AggregateCreate>;
/** Changes to a aggregate, checked before the update is sent. */
export type AggregateUpdateAttrs = v.InferInput<typeof s.AggregateUpdate>;

/** Key pairs created without a public key need this or older: Nova stopped generating them in 2.92. */
const LAST_GENERATING_MICROVERSION = '2.91';
/** Server groups take `policy` + `rules` from 2.64, `policies: [..]` before. */
const SINGLE_POLICY_MICROVERSION = '2.64';

/**
 * `conn.compute`: Nova. The standard operations of servers, flavors, key pairs, server groups,
 * hypervisors, services and aggregates come from their declarations in `resources.ts`; what is
 * particular to Nova is here and in {@link ServerActionsProxy}.
 */
export class ComputeProxy extends ServerActionsProxy {
  /**
   * Creates a server and returns it as Nova then shows it (status `BUILD`), with `adminPass` when
   * Nova made one; `waitForServer` follows it to `ACTIVE`. Input is checked before sending.
   *
   * @example
   * ```ts
   * const image = await conn.compute.findImage('cirros');
   * const flavor = await conn.compute.findFlavor('m1.small');
   * let server = await conn.compute.createServer({ name: 'web', image, flavor, networks: 'auto' });
   * server = await conn.compute.waitForServer(server, { status: 'ACTIVE', failures: ['ERROR'] });
   * ```
   */
  async createServer(attrs: ServerAttrs, opts?: CallOptions): Promise<s.Server & { adminPass?: string }> {
    const body = serverCreateBody(attrs);
    const res = await this.request({ ...opts, method: 'POST', path: '/servers', body });
    const created = parseResponse(s.ServerCreated, (res.data as { server?: unknown } | undefined)?.server, 'server');
    const server = await this.getServer(created.id, { signal: opts?.signal });
    return created.adminPass === undefined ? server : { ...server, adminPass: created.adminPass };
  }
  /** Deletes a soft-deleted server now (clouds with `reclaim_instance_interval`; a ConflictError otherwise). */
  async forceDeleteServer(server: Ref, opts?: CallOptions): Promise<void> {
    await this.serverAction(server, { forceDelete: null }, opts);
  }
  /** A Glance image, by id or exact name (compute's own image API is gone since 2.36). */
  findImage(nameOrId: string, opts?: FindCallOptions<ImageQuery>) {
    return this.imageService.findImage(nameOrId, opts);
  }
  /** A Glance image by id. */
  getImage(image: Ref, opts?: CallOptions) {
    return this.imageService.getImage(image, opts);
  }

  /** Admins; a `description` needs microversion 2.55. */
  createFlavor(attrs: FlavorAttrs, opts?: CallOptions) {
    const mv = attrs?.description === undefined ? {} : { minMicroversion: '2.55' };
    return this._create(r.flavors, attrs, { ...opts, ...mv } as CallOptions);
  }
  async getFlavorExtraSpecs(flavor: Ref, opts?: CallOptions): Promise<Record<string, string>> {
    const res = await this.request({ ...opts, path: `${this.flavorPath(flavor)}/os-extra_specs` });
    return parseResponse(v.looseObject({ extra_specs: s.FlavorExtraSpecs }), res.data, 'extra specs').extra_specs;
  }
  /** Adds or changes extra specs (others are kept); returns those sent as Nova stored them. */
  async setFlavorExtraSpecs(flavor: Ref, specs: Record<string, string>, opts?: CallOptions): Promise<Record<string, string>> {
    const body = { extra_specs: validateInput(s.FlavorExtraSpecs, specs, 'specs') };
    const res = await this.request({ ...opts, method: 'POST', path: `${this.flavorPath(flavor)}/os-extra_specs`, body });
    return parseResponse(v.looseObject({ extra_specs: s.FlavorExtraSpecs }), res.data, 'extra specs').extra_specs;
  }
  async deleteFlavorExtraSpec(flavor: Ref, key: string, opts?: DeleteOptions): Promise<void> {
    return this._delete(r.flavors, key, opts, `${this.flavorPath(flavor)}/os-extra_specs/${seg(idOf(key, 'key'))}`);
  }
  /** Projects allowed to use a private flavor. */
  async flavorAccess(flavor: Ref, opts?: CallOptions): Promise<s.FlavorAccess[]> {
    const res = await this.request({ ...opts, path: `${this.flavorPath(flavor)}/os-flavor-access` });
    return parseResponse(v.looseObject({ flavor_access: v.array(s.FlavorAccess) }), res.data, 'flavor access').flavor_access;
  }
  async addFlavorAccess(flavor: Ref, project: Ref, opts?: CallOptions): Promise<s.FlavorAccess[]> {
    return this.flavorAccessAction(flavor, { addTenantAccess: { tenant: idOf(project, 'project') } }, opts);
  }
  async removeFlavorAccess(flavor: Ref, project: Ref, opts?: CallOptions): Promise<s.FlavorAccess[]> {
    return this.flavorAccessAction(flavor, { removeTenantAccess: { tenant: idOf(project, 'project') } }, opts);
  }
  private async flavorAccessAction(flavor: Ref, body: Record<string, unknown>, opts?: CallOptions) {
    const res = await this.request({ ...opts, method: 'POST', path: `${this.flavorPath(flavor)}/action`, body });
    return parseResponse(v.looseObject({ flavor_access: v.array(s.FlavorAccess) }), res.data, 'flavor access').flavor_access;
  }
  private flavorPath(flavor: Ref): string {
    return `/flavors/${seg(idOf(flavor, 'flavor'))}`;
  }

  /** A key pair by name. */
  getKeypair(name: string | { name: string }, opts: CallOptions & { userId?: string } = {}) {
    const { userId, ...call } = opts;
    return this._get(r.keypairs, keypairName(name), { ...call, query: userId ? { user_id: userId } : undefined });
  }
  /**
   * Creates a key pair. With `public_key` it imports that key; without, Nova generates the pair
   * and the answer holds `private_key` (the only time it is shown), which needs microversion 2.91
   * or older: that is what is sent unless the call pins another.
   */
  async createKeypair(attrs: KeypairAttrs, opts: CallOptions = {}) {
    let microversion = opts.microversion;
    if (!microversion && attrs && typeof attrs === 'object' && attrs.public_key === undefined) {
      const current = await this.microversion(opts);
      if (current && compareMicroversions(current, LAST_GENERATING_MICROVERSION) > 0) microversion = LAST_GENERATING_MICROVERSION;
    }
    return this._create(r.keypairs, attrs, { ...opts, microversion });
  }
  /** Imports a public key as a key pair. */
  importKeypair(name: string, publicKey: string, opts?: CallOptions & Omit<KeypairAttrs, 'name' | 'public_key'>) {
    const { type, user_id, ...call } = opts ?? {};
    return this.createKeypair({ name, public_key: publicKey, ...(type && { type }), ...(user_id && { user_id }) }, call);
  }
  /** A key pair by name (admins: another user's with `userId`). */
  deleteKeypair(name: string | { name: string }, opts: DeleteOptions & { userId?: string } = {}) {
    const { userId, ...call } = opts;
    const q = userId ? `?user_id=${encodeURIComponent(userId)}` : '';
    return this._delete(r.keypairs, keypairName(name), call, `/os-keypairs/${seg(keypairName(name))}${q}`);
  }

  /** Creates a server group, sending `policy` (2.64+) or `policies` as the microversion in use wants. */
  async createServerGroup(attrs: ServerGroupAttrs, opts: CallOptions = {}) {
    const a = validateInput(s.ServerGroupCreate, attrs, 'attrs');
    const current = await this.microversion(opts);
    const single = current !== undefined && compareMicroversions(current, SINGLE_POLICY_MICROVERSION) >= 0;
    if (!single && a.rules) throw new ValidationError(`needs microversion ${SINGLE_POLICY_MICROVERSION} or newer`, 'attrs.rules');
    const body = single ? a : { name: a.name, policies: [a.policy] };
    return this._create(r.serverGroups, body, opts);
  }
  /** Availability zones; `details: true` (admins) adds their hosts and services. */
  availabilityZones(filters?: { details?: boolean }, opts?: ListOptions): Paged<s.ComputeAvailabilityZone>;
  /** @deprecated Call options go second now: `availabilityZones({ details }, opts)`. */
  availabilityZones(opts: CallOptions & { details?: boolean }): Paged<s.ComputeAvailabilityZone>;
  availabilityZones(filters: { details?: boolean } = {}, opts?: ListOptions) {
    // Nothing else filters this list, so with no second argument the rest is call options: the released form, deprecated.
    const { details, ...rest } = filters;
    return this._list(r.availabilityZones, {}, opts ?? rest, details ? '/os-availability-zone/detail' : undefined);
  }

  /** Absolute limits and current usage of the project (admins: of `project`). */
  async getLimits(opts: CallOptions & { project?: Ref } = {}): Promise<s.ComputeLimits> {
    const { project, ...call } = opts;
    const res = await this.request({ ...call, path: '/limits', query: project ? { tenant_id: idOf(project, 'project') } : undefined });
    return parseResponse(v.looseObject({ limits: s.ComputeLimits }), res.data, 'limits').limits;
  }

  /** A project's quotas; `usage: true` gives `{ limit, in_use, reserved }` for each. */
  getQuotaSet(project: Ref, opts: CallOptions & { usage?: boolean } = {}) {
    const { usage, ...call } = opts;
    return this.quotaRequest(`/os-quota-sets/${seg(idOf(project, 'project'))}${usage ? '/detail' : ''}`, call);
  }
  getDefaultQuotaSet(project: Ref, opts?: CallOptions) {
    return this.quotaRequest(`/os-quota-sets/${seg(idOf(project, 'project'))}/defaults`, opts);
  }
  /** Admins: changes some quotas (`-1` for unlimited). */
  updateQuotaSet(project: Ref, quotas: ComputeQuotaUpdateAttrs, opts?: CallOptions) {
    const body = { quota_set: validateInput(s.ComputeQuotaUpdate, quotas, 'quotas') };
    return this.quotaRequest(`/os-quota-sets/${seg(idOf(project, 'project'))}`, { ...opts, method: 'PUT', body });
  }
  /** Admins: puts a project's quotas back to the defaults. */
  async revertQuotaSet(project: Ref, opts?: CallOptions): Promise<void> {
    await this.request({ ...opts, method: 'DELETE', path: `/os-quota-sets/${seg(idOf(project, 'project'))}`, responseType: 'none' });
  }
  private async quotaRequest(path: string, spec: CallOptions & { method?: string; body?: unknown } = {}) {
    const res = await this.request({ ...spec, path });
    return parseResponse(v.looseObject({ quota_set: s.ComputeQuotaSet }), res.data, 'quota set').quota_set;
  }

  /** Admins: enables or disables a service, or forces it down (by id, microversion 2.53+). */
  updateService(service: Ref, attrs: ComputeServiceUpdateAttrs, opts?: CallOptions) {
    return this._update(r.services, service, attrs, { ...opts, minMicroversion: '2.53' } as CallOptions);
  }

  /** Admins: host aggregates (the list takes no filters). */
  aggregates(filters?: Record<string, never>, opts?: ListOptions): Paged<s.Aggregate>;
  /** @deprecated Call options go second now: `aggregates({}, opts)`. */
  aggregates(opts: CallOptions): Paged<s.Aggregate>;
  aggregates(filters?: object, opts?: ListOptions) {
    // Nothing filters this list, so a first argument alone is call options: the released form, deprecated.
    return this._list(r.aggregates, {}, opts ?? filters);
  }
  addAggregateHost(aggregate: Ref, host: string, opts?: CallOptions) {
    return this.aggregateAction(aggregate, { add_host: { host: idOf(host, 'host') } }, opts);
  }
  removeAggregateHost(aggregate: Ref, host: string, opts?: CallOptions) {
    return this.aggregateAction(aggregate, { remove_host: { host: idOf(host, 'host') } }, opts);
  }
  /** Sets metadata keys; a `null` value removes the key. */
  setAggregateMetadata(aggregate: Ref, metadata: Record<string, string | null>, opts?: CallOptions) {
    const md = validateInput(v.record(v.string(), v.nullable(v.string())), metadata, 'metadata');
    return this.aggregateAction(aggregate, { set_metadata: { metadata: md } }, opts);
  }
  private async aggregateAction(aggregate: Ref, body: Record<string, unknown>, opts?: CallOptions) {
    const res = await this.request({ ...opts, method: 'POST', path: `/os-aggregates/${seg(idOf(aggregate, 'aggregate'))}/action`, body });
    return this.one(r.aggregates, res.data);
  }
}

function keypairName(k: string | { name: string }): string {
  return idOf(typeof k === 'string' ? k : { id: k?.name }, 'name');
}
