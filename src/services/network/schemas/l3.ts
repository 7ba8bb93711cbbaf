import * as v from 'valibot';
import { bool, ipAddress, Route, RouteInput, standard, str, strings } from './common.js';

/** Schema of a router's external gateway: the external network, SNAT, and its fixed IPs. */
export const RouterGateway = v.looseObject({
  network_id: v.string(),
  enable_snat: bool,
  external_fixed_ips: v.optional(v.array(v.looseObject({ subnet_id: v.string(), ip_address: v.string() }))),
});

/** Schema of a Neutron router as the cloud returns it (loose: newer fields pass through). */
export const Router = v.looseObject({
  id: v.string(),
  name: v.string(),
  status: str,
  admin_state_up: bool,
  external_gateway_info: v.optional(v.nullable(RouterGateway)),
  routes: v.optional(v.array(Route)),
  distributed: bool,
  ha: bool,
  availability_zone_hints: strings,
  availability_zones: strings,
  flavor_id: str,
  ...standard,
});
/** A Neutron router, as the cloud returns it. */
export type Router = v.InferOutput<typeof Router>;

const gatewayInput = v.nullable(
  v.looseObject({
    network_id: v.pipe(v.string(), v.nonEmpty('a network id is required')),
    enable_snat: v.optional(v.boolean()),
    external_fixed_ips: v.optional(v.array(v.looseObject({ subnet_id: v.optional(v.string()), ip_address: v.optional(ipAddress) }))),
  }),
);
const routerCommon = {
  name: v.optional(v.string()),
  description: v.optional(v.string()),
  admin_state_up: v.optional(v.boolean()),
  external_gateway_info: v.optional(gatewayInput),
  distributed: v.optional(v.boolean()),
  ha: v.optional(v.boolean()),
};
/** Schema of a new Neutron router's attributes, checked before the create request is sent. */
export const RouterCreate = v.looseObject({
  ...routerCommon,
  availability_zone_hints: v.optional(v.array(v.string())),
  flavor_id: v.optional(v.string()),
  project_id: v.optional(v.string()),
});
/** Schema of what an update of a Neutron router can change, checked before the request is sent. */
export const RouterUpdate = v.partial(v.looseObject({ ...routerCommon, routes: v.optional(v.array(RouteInput)) }));

/** What adding or removing a router interface answers. */
export const RouterInterface = v.looseObject({
  id: v.string(),
  subnet_id: v.string(),
  port_id: v.string(),
  network_id: str,
  subnet_ids: strings,
  project_id: str,
  tenant_id: str,
  tags: strings,
});
export type RouterInterface = v.InferOutput<typeof RouterInterface>;

/** Exactly one of a subnet or a port joins a router. */
export const RouterInterfaceInput = v.union(
  [
    v.strictObject({ subnet_id: v.pipe(v.string(), v.nonEmpty()) }),
    v.strictObject({ port_id: v.pipe(v.string(), v.nonEmpty()) }),
  ],
  'give either subnet_id or port_id',
);

/** Schema of a Neutron floating IP as the cloud returns it (loose: newer fields pass through). */
export const FloatingIp = v.looseObject({
  id: v.string(),
  floating_ip_address: v.string(),
  floating_network_id: v.string(),
  router_id: str,
  port_id: str,
  fixed_ip_address: str,
  status: str,
  dns_domain: str,
  dns_name: str,
  qos_policy_id: str,
  port_details: v.optional(v.nullable(v.record(v.string(), v.unknown()))),
  ...standard,
});
/** A Neutron floating IP, as the cloud returns it. */
export type FloatingIp = v.InferOutput<typeof FloatingIp>;

/** Schema of a new Neutron floating IP's attributes, checked before the create request is sent. */
export const FloatingIpCreate = v.looseObject({
  floating_network_id: v.pipe(v.string(), v.nonEmpty('the external network id is required')),
  floating_ip_address: v.optional(ipAddress),
  subnet_id: v.optional(v.string()),
  port_id: v.optional(v.string()),
  fixed_ip_address: v.optional(ipAddress),
  description: v.optional(v.string()),
  dns_domain: v.optional(v.string()),
  dns_name: v.optional(v.string()),
  qos_policy_id: v.optional(v.string()),
  project_id: v.optional(v.string()),
});
/** Schema of what an update of a Neutron floating IP can change, checked before the request is sent. */
export const FloatingIpUpdate = v.partial(
  v.looseObject({
    port_id: v.nullable(v.string()),
    fixed_ip_address: v.nullable(ipAddress),
    description: v.string(),
    qos_policy_id: v.nullable(v.string()),
  }),
);
