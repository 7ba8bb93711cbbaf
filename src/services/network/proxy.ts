import type * as v from 'valibot';
import { declaredProxy, type DeleteOptions } from '../../resource/declare.js';
import type { Ref } from '../../resource/proxy.js';
import type { CallOptions } from '../../base/types.js';
import { seg } from '../../base/url.js';
import { idOf, parseResponse, validateInput } from '../../base/validate.js';
import { neutronQuery } from './filters.js';
import * as r from './resources.js';
import * as s from './schemas/index.js';
import { RouteInput, TagList } from './schemas/common.js';

/** The attributes of a new Neutron network: the input of `NetworkCreate`. */
export type NetworkAttrs = v.InferInput<typeof s.NetworkCreate>;
/** The attributes of a new Neutron subnet: the input of `SubnetCreate`. */
export type SubnetAttrs = v.InferInput<typeof s.SubnetCreate>;
/** The attributes of a new Neutron port: the input of `PortCreate`. */
export type PortAttrs = v.InferInput<typeof s.PortCreate>;
/** The attributes of a new Neutron router: the input of `RouterCreate`. */
export type RouterAttrs = v.InferInput<typeof s.RouterCreate>;
/** What an update of a Neutron router can change: the input of `RouterUpdate`. */
export type RouterUpdateAttrs = v.InferInput<typeof s.RouterUpdate>;
/** The attributes of a new Neutron floating IP: the input of `FloatingIpCreate`. */
export type FloatingIpAttrs = v.InferInput<typeof s.FloatingIpCreate>;
/** The attributes of a new Neutron security group: the input of `SecurityGroupCreate`. */
export type SecurityGroupAttrs = v.InferInput<typeof s.SecurityGroupCreate>;
/** The attributes of a new Neutron security group rule: the input of `SecurityGroupRuleCreate`. */
export type SecurityGroupRuleAttrs = v.InferInput<typeof s.SecurityGroupRuleCreate>;
/** The attributes of a new Neutron subnet pool: the input of `SubnetPoolCreate`. */
export type SubnetPoolAttrs = v.InferInput<typeof s.SubnetPoolCreate>;
/** The attributes of a new Neutron address scope: the input of `AddressScopeCreate`. */
export type AddressScopeAttrs = v.InferInput<typeof s.AddressScopeCreate>;
/** The attributes of a new Neutron RBAC policy: the input of `RbacPolicyCreate`. */
export type RbacPolicyAttrs = v.InferInput<typeof s.RbacPolicyCreate>;
/** A static route of a router: a destination CIDR and the next hop's address. */
export type RouterRoute = v.InferInput<typeof RouteInput>;


/**
 * `conn.network`: Neutron v2.0. Lists take filters on any attribute (a list of values matches any
 * of them) and on tags, and page through `<collection>_links` when given a `pageSize`. The standard
 * operations of networks, subnets, ports, routers, floating IPs, security groups and their rules,
 * subnet pools, address scopes, RBAC policies, quotas, extensions, availability zones and agents
 * come from their declarations in `resources.ts`; what is particular to Neutron is here.
 */
export class NetworkProxy extends declaredProxy(r, neutronQuery) {








  /** Joins a subnet (through a new port at its gateway address) or an existing port to the router. */
  addRouterInterface(router: Ref, target: { subnet_id: string } | { port_id: string }, opts?: CallOptions) {
    return this.routerInterface('add_router_interface', router, target, opts);
  }
  /** Takes a subnet or a port off the router. */
  removeRouterInterface(router: Ref, target: { subnet_id: string } | { port_id: string }, opts?: CallOptions) {
    return this.routerInterface('remove_router_interface', router, target, opts);
  }
  private async routerInterface(action: string, router: Ref, target: unknown, opts: CallOptions = {}) {
    const body = validateInput(s.RouterInterfaceInput, target, 'target');
    const res = await this.request({ ...opts, method: 'PUT', path: `/routers/${seg(idOf(router, 'router'))}/${action}`, body });
    return parseResponse(s.RouterInterface, res.data, 'router interface');
  }
  /** Adds static routes, keeping the others (extension `extraroute-atomic`). */
  addRouterRoutes(router: Ref, routes: readonly RouterRoute[], opts?: CallOptions) {
    return this.routerRoutes('add_extraroutes', router, routes, opts);
  }
  /** Removes these static routes, keeping the others. */
  removeRouterRoutes(router: Ref, routes: readonly RouterRoute[], opts?: CallOptions) {
    return this.routerRoutes('remove_extraroutes', router, routes, opts);
  }
  private async routerRoutes(action: string, router: Ref, routes: readonly RouterRoute[], opts: CallOptions = {}) {
    const body = validateInput(s.RouterUpdate, { routes }, 'routes');
    const res = await this.request({ ...opts, method: 'PUT', path: `/routers/${seg(idOf(router, 'router'))}/${action}`, body: { router: body } });
    return this.one(r.routers, res.data);
  }


  /**
   * Sends the floating IP's traffic to a port (the port's network must reach the external network
   * through a router); `fixedIpAddress` picks one when the port has several.
   */
  async associateFloatingIp(floatingIp: Ref, port: Ref, opts: CallOptions & { fixedIpAddress?: string } = {}) {
    const { fixedIpAddress, ...call } = opts;
    const attrs = { port_id: idOf(port, 'port'), ...(fixedIpAddress ? { fixed_ip_address: fixedIpAddress } : {}) };
    return this._update(r.floatingIps, floatingIp, attrs, call);
  }
  /** Detaches the floating IP from its port; the address stays allocated to the project. */
  disassociateFloatingIp(floatingIp: Ref, opts?: CallOptions) {
    return this._update(r.floatingIps, floatingIp, { port_id: null }, opts);
  }








  /** A project's limits with what it uses: `{ port: { limit, used, reserved }, ... }`. */
  async getQuotaDetails(project: Ref, opts?: CallOptions) {
    return this._get(r.quotaDetails, project, opts, `/quotas/${seg(idOf(project, 'project'))}/details`);
  }
  /** The limits a project gets unless told otherwise. */
  async getDefaultQuota(project: Ref, opts?: CallOptions) {
    return this._get(r.quotas, project, opts, `/quotas/${seg(idOf(project, 'project'))}/default`);
  }


  /** True when the cloud offers the extension with this alias. */
  async hasExtension(alias: string, opts?: CallOptions): Promise<boolean> {
    return (await this._find(r.extensions, alias, opts)) !== undefined;
  }


  /** The tags of a network, port, router... (`kind` is its collection: `'networks'`, `'security-groups'`...). */
  async tags(kind: r.TaggableKind, resource: Ref, opts: CallOptions = {}): Promise<string[]> {
    const res = await this.request({ ...opts, path: this.tagsPath(kind, resource) });
    return parseResponse(TagList, res.data, 'tag list').tags;
  }
  /** Replaces every tag. */
  async setTags(kind: r.TaggableKind, resource: Ref, tags: readonly string[], opts: CallOptions = {}): Promise<string[]> {
    const body = validateInput(TagList, { tags }, 'tags');
    const res = await this.request({ ...opts, method: 'PUT', path: this.tagsPath(kind, resource), body });
    return parseResponse(TagList, res.data, 'tag list').tags;
  }
  async addTag(kind: r.TaggableKind, resource: Ref, tag: string, opts: CallOptions = {}): Promise<void> {
    await this.request({ ...opts, method: 'PUT', path: `${this.tagsPath(kind, resource)}/${seg(idOf(tag, 'tag'))}`, responseType: 'none' });
  }
  async removeTag(kind: r.TaggableKind, resource: Ref, tag: string, opts: DeleteOptions = {}): Promise<void> {
    const { ignoreMissing = false, ...call } = opts;
    await this.request({
      ...call,
      method: 'DELETE',
      path: `${this.tagsPath(kind, resource)}/${seg(idOf(tag, 'tag'))}`,
      okStatuses: ignoreMissing ? [404] : undefined,
      responseType: 'none',
    });
  }
  async clearTags(kind: r.TaggableKind, resource: Ref, opts: CallOptions = {}): Promise<void> {
    await this.request({ ...opts, method: 'DELETE', path: this.tagsPath(kind, resource), responseType: 'none' });
  }
  private tagsPath(kind: r.TaggableKind, resource: Ref) {
    return `/${kind}/${seg(idOf(resource))}/tags`;
  }
}
