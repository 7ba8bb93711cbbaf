import type * as v from 'valibot';
import type { FindOptions } from '../../session/find.js';
import { ServiceProxy, type ListOptions, type Ref, type ResourceDef } from '../../session/proxy.js';
import type { CallOptions } from '../../session/types.js';
import { seg } from '../../session/url.js';
import { idOf, parseResponse, validateInput } from '../../session/validate.js';
import { toQuery } from './filters.js';
import * as r from './resources.js';
import * as s from './schemas/index.js';
import { RouteInput, TagList, type Filters } from './schemas/common.js';

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

type DeleteOptions = CallOptions & { ignoreMissing?: boolean };
type Find = FindOptions & CallOptions;

/**
 * `conn.network`: Neutron v2.0. Lists take filters on any attribute (a list of values matches any
 * of them) and on tags, and page through `<collection>_links` when given a `pageSize`.
 */
export class NetworkProxy extends ServiceProxy {
  private list<D extends ResourceDef>(def: D, filters: Record<string, unknown> | undefined, opts?: ListOptions, path?: string) {
    return this._list(def, toQuery(filters), opts, path);
  }

  // --- Networks ---

  /** Networks, e.g. `networks({ 'router:external': true })` or `networks({ tags: ['a', 'b'] })`. */
  networks(filters?: Filters<s.Network>, opts?: ListOptions) {
    return this.list(r.networks, filters, opts);
  }
  getNetwork(network: Ref, opts?: CallOptions) {
    return this._get(r.networks, network, opts);
  }
  findNetwork(nameOrId: string, opts?: Find) {
    return this._find(r.networks, nameOrId, opts);
  }
  createNetwork(attrs: NetworkAttrs = {}, opts?: CallOptions) {
    return this._create(r.networks, attrs, opts);
  }
  updateNetwork(network: Ref, attrs: v.InferInput<typeof s.NetworkUpdate>, opts?: CallOptions) {
    return this._update(r.networks, network, attrs, opts);
  }
  /** Fails with ConflictError while ports other than DHCP's are still on it. */
  deleteNetwork(network: Ref, opts?: DeleteOptions) {
    return this._delete(r.networks, network, opts);
  }

  // --- Subnets ---

  subnets(filters?: Filters<s.Subnet>, opts?: ListOptions) {
    return this.list(r.subnets, filters, opts);
  }
  getSubnet(subnet: Ref, opts?: CallOptions) {
    return this._get(r.subnets, subnet, opts);
  }
  findSubnet(nameOrId: string, opts?: Find) {
    return this._find(r.subnets, nameOrId, opts);
  }
  /** The CIDR, gateway, pools and routes are checked (and against `ip_version`) before sending. */
  createSubnet(attrs: SubnetAttrs, opts?: CallOptions) {
    return this._create(r.subnets, attrs, opts);
  }
  updateSubnet(subnet: Ref, attrs: v.InferInput<typeof s.SubnetUpdate>, opts?: CallOptions) {
    return this._update(r.subnets, subnet, attrs, opts);
  }
  deleteSubnet(subnet: Ref, opts?: DeleteOptions) {
    return this._delete(r.subnets, subnet, opts);
  }

  // --- Ports ---

  /** Ports, e.g. `ports({ network_id, device_owner: 'network:router_interface' })`. */
  ports(filters?: Filters<s.Port>, opts?: ListOptions) {
    return this.list(r.ports, filters, opts);
  }
  getPort(port: Ref, opts?: CallOptions) {
    return this._get(r.ports, port, opts);
  }
  findPort(nameOrId: string, opts?: Find) {
    return this._find(r.ports, nameOrId, opts);
  }
  createPort(attrs: PortAttrs, opts?: CallOptions) {
    return this._create(r.ports, attrs, opts);
  }
  updatePort(port: Ref, attrs: v.InferInput<typeof s.PortUpdate>, opts?: CallOptions) {
    return this._update(r.ports, port, attrs, opts);
  }
  deletePort(port: Ref, opts?: DeleteOptions) {
    return this._delete(r.ports, port, opts);
  }

  // --- Routers ---

  routers(filters?: Filters<s.Router>, opts?: ListOptions) {
    return this.list(r.routers, filters, opts);
  }
  getRouter(router: Ref, opts?: CallOptions) {
    return this._get(r.routers, router, opts);
  }
  findRouter(nameOrId: string, opts?: Find) {
    return this._find(r.routers, nameOrId, opts);
  }
  /** Join the external network with `external_gateway_info: { network_id }`. */
  createRouter(attrs: RouterAttrs = {}, opts?: CallOptions) {
    return this._create(r.routers, attrs, opts);
  }
  /** Also sets (`external_gateway_info`), clears (`null`) the gateway, or replaces all `routes`. */
  updateRouter(router: Ref, attrs: RouterUpdateAttrs, opts?: CallOptions) {
    return this._update(r.routers, router, attrs, opts);
  }
  /** Fails with ConflictError while the router still has interfaces. */
  deleteRouter(router: Ref, opts?: DeleteOptions) {
    return this._delete(r.routers, router, opts);
  }
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

  // --- Floating IPs ---

  floatingIps(filters?: Filters<s.FloatingIp>, opts?: ListOptions) {
    return this.list(r.floatingIps, filters, opts);
  }
  getFloatingIp(floatingIp: Ref, opts?: CallOptions) {
    return this._get(r.floatingIps, floatingIp, opts);
  }
  /** By id, or by address (`172.24.4.10`). */
  findFloatingIp(idOrAddress: string, opts: Find = {}) {
    return this._find(r.floatingIps, idOrAddress, opts);
  }
  /** Allocates an address from an external network, optionally associated at once (`port_id`). */
  createFloatingIp(attrs: FloatingIpAttrs, opts?: CallOptions) {
    return this._create(r.floatingIps, attrs, opts);
  }
  updateFloatingIp(floatingIp: Ref, attrs: v.InferInput<typeof s.FloatingIpUpdate>, opts?: CallOptions) {
    return this._update(r.floatingIps, floatingIp, attrs, opts);
  }
  /** Releases the address. */
  deleteFloatingIp(floatingIp: Ref, opts?: DeleteOptions) {
    return this._delete(r.floatingIps, floatingIp, opts);
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

  // --- Security groups and rules ---

  securityGroups(filters?: Filters<s.SecurityGroup>, opts?: ListOptions) {
    return this.list(r.securityGroups, filters, opts);
  }
  getSecurityGroup(group: Ref, opts?: CallOptions) {
    return this._get(r.securityGroups, group, opts);
  }
  findSecurityGroup(nameOrId: string, opts?: Find & { query?: { project_id?: string } }) {
    return this._find(r.securityGroups, nameOrId, opts);
  }
  /** A new group comes with rules allowing all egress traffic. */
  createSecurityGroup(attrs: SecurityGroupAttrs = {}, opts?: CallOptions) {
    return this._create(r.securityGroups, attrs, opts);
  }
  updateSecurityGroup(group: Ref, attrs: v.InferInput<typeof s.SecurityGroupUpdate>, opts?: CallOptions) {
    return this._update(r.securityGroups, group, attrs, opts);
  }
  deleteSecurityGroup(group: Ref, opts?: DeleteOptions) {
    return this._delete(r.securityGroups, group, opts);
  }
  securityGroupRules(filters?: Filters<s.SecurityGroupRule>, opts?: ListOptions) {
    return this.list(r.securityGroupRules, filters, opts);
  }
  getSecurityGroupRule(rule: Ref, opts?: CallOptions) {
    return this._get(r.securityGroupRules, rule, opts);
  }
  /** Rules have no name: by id. */
  findSecurityGroupRule(id: string, opts?: Find) {
    return this._find(r.securityGroupRules, id, opts);
  }
  /** e.g. `{ security_group_id, direction: 'ingress', protocol: 'tcp', port_range_min: 22, port_range_max: 22 }`. */
  createSecurityGroupRule(attrs: SecurityGroupRuleAttrs, opts?: CallOptions) {
    return this._create(r.securityGroupRules, attrs, opts);
  }
  deleteSecurityGroupRule(rule: Ref, opts?: DeleteOptions) {
    return this._delete(r.securityGroupRules, rule, opts);
  }

  // --- Subnet pools and address scopes ---

  subnetPools(filters?: Filters<s.SubnetPool>, opts?: ListOptions) {
    return this.list(r.subnetPools, filters, opts);
  }
  getSubnetPool(pool: Ref, opts?: CallOptions) {
    return this._get(r.subnetPools, pool, opts);
  }
  findSubnetPool(nameOrId: string, opts?: Find) {
    return this._find(r.subnetPools, nameOrId, opts);
  }
  createSubnetPool(attrs: SubnetPoolAttrs, opts?: CallOptions) {
    return this._create(r.subnetPools, attrs, opts);
  }
  updateSubnetPool(pool: Ref, attrs: v.InferInput<typeof s.SubnetPoolUpdate>, opts?: CallOptions) {
    return this._update(r.subnetPools, pool, attrs, opts);
  }
  deleteSubnetPool(pool: Ref, opts?: DeleteOptions) {
    return this._delete(r.subnetPools, pool, opts);
  }
  addressScopes(filters?: Filters<s.AddressScope>, opts?: ListOptions) {
    return this.list(r.addressScopes, filters, opts);
  }
  getAddressScope(scope: Ref, opts?: CallOptions) {
    return this._get(r.addressScopes, scope, opts);
  }
  findAddressScope(nameOrId: string, opts?: Find) {
    return this._find(r.addressScopes, nameOrId, opts);
  }
  createAddressScope(attrs: AddressScopeAttrs, opts?: CallOptions) {
    return this._create(r.addressScopes, attrs, opts);
  }
  updateAddressScope(scope: Ref, attrs: v.InferInput<typeof s.AddressScopeUpdate>, opts?: CallOptions) {
    return this._update(r.addressScopes, scope, attrs, opts);
  }
  deleteAddressScope(scope: Ref, opts?: DeleteOptions) {
    return this._delete(r.addressScopes, scope, opts);
  }

  // --- RBAC policies ---

  /** Sharing rules, e.g. `rbacPolicies({ object_type: 'network', object_id })`. */
  rbacPolicies(filters?: Filters<s.RbacPolicy>, opts?: ListOptions) {
    return this.list(r.rbacPolicies, filters, opts);
  }
  getRbacPolicy(policy: Ref, opts?: CallOptions) {
    return this._get(r.rbacPolicies, policy, opts);
  }
  /** Policies have no name: by id. */
  findRbacPolicy(id: string, opts?: Find) {
    return this._find(r.rbacPolicies, id, opts);
  }
  /** Shares an object with a project (`target_tenant`), or with every project (`'*'`). */
  createRbacPolicy(attrs: RbacPolicyAttrs, opts?: CallOptions) {
    return this._create(r.rbacPolicies, attrs, opts);
  }
  updateRbacPolicy(policy: Ref, attrs: v.InferInput<typeof s.RbacPolicyUpdate>, opts?: CallOptions) {
    return this._update(r.rbacPolicies, policy, attrs, opts);
  }
  deleteRbacPolicy(policy: Ref, opts?: DeleteOptions) {
    return this._delete(r.rbacPolicies, policy, opts);
  }

  // --- Quotas ---

  /** Projects whose quotas differ from the defaults (admin). */
  quotas(opts?: ListOptions) {
    return this._list(r.quotas, {}, opts);
  }
  /** A project's limits. */
  getQuota(project: Ref, opts?: CallOptions) {
    return this._get(r.quotas, project, opts);
  }
  /** A project's limits with what it uses: `{ port: { limit, used, reserved }, ... }`. */
  async getQuotaDetails(project: Ref, opts?: CallOptions) {
    return this._get(r.quotaDetails, project, opts, `/quotas/${seg(idOf(project, 'project'))}/details`);
  }
  /** The limits a project gets unless told otherwise. */
  async getDefaultQuota(project: Ref, opts?: CallOptions) {
    return this._get(r.quotas, project, opts, `/quotas/${seg(idOf(project, 'project'))}/default`);
  }
  /** Sets some limits (admin), e.g. `{ port: 100 }`; `-1` is unlimited. */
  updateQuota(project: Ref, attrs: Record<string, number>, opts?: CallOptions) {
    return this._update(r.quotas, project, attrs, opts);
  }
  /** Back to the defaults (admin). */
  deleteQuota(project: Ref, opts?: DeleteOptions) {
    return this._delete(r.quotas, project, opts);
  }

  // --- Extensions, availability zones, agents ---

  extensions(opts?: ListOptions) {
    return this._list(r.extensions, {}, opts);
  }
  /** An extension by alias (`router`, `extraroute-atomic`, ...). */
  getExtension(alias: string, opts?: CallOptions) {
    return this._get(r.extensions, alias, opts);
  }
  /** By alias or by name. */
  findExtension(aliasOrName: string, opts?: Find) {
    return this._find(r.extensions, aliasOrName, opts);
  }
  /** True when the cloud offers the extension with this alias. */
  async hasExtension(alias: string, opts?: CallOptions): Promise<boolean> {
    return (await this._find(r.extensions, alias, opts)) !== undefined;
  }
  availabilityZones(filters?: Filters<s.NetworkAvailabilityZone>, opts?: ListOptions) {
    return this.list(r.availabilityZones, filters, opts);
  }
  /** Neutron's agents (admin), e.g. `agents({ agent_type: 'L3 agent', alive: true })`. */
  agents(filters?: Filters<s.NetworkAgent>, opts?: ListOptions) {
    return this.list(r.agents, filters, opts);
  }
  getAgent(agent: Ref, opts?: CallOptions) {
    return this._get(r.agents, agent, opts);
  }
  updateAgent(agent: Ref, attrs: v.InferInput<typeof s.NetworkAgentUpdate>, opts?: CallOptions) {
    return this._update(r.agents, agent, attrs, opts);
  }
  /** Removes a dead agent's record. */
  deleteAgent(agent: Ref, opts?: DeleteOptions) {
    return this._delete(r.agents, agent, opts);
  }

  // --- Tags ---

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
