import * as v from 'valibot';
import { bool, cidr, ipAddress, ipVersion, num, Route, RouteInput, standard, str, strings } from './common.js';
import { ipVersionOf, isCidr } from '../address.js';

/** Schema of a Neutron network as the cloud returns it (loose: newer fields pass through). */
export const Network = v.looseObject({
  id: v.string(),
  name: v.string(),
  status: str,
  admin_state_up: bool,
  shared: bool,
  subnets: strings,
  mtu: num,
  'router:external': bool,
  port_security_enabled: bool,
  'provider:network_type': str,
  'provider:physical_network': str,
  'provider:segmentation_id': num,
  availability_zone_hints: strings,
  availability_zones: strings,
  ipv4_address_scope: str,
  ipv6_address_scope: str,
  is_default: bool,
  qos_policy_id: str,
  dns_domain: str,
  ...standard,
});
/** A Neutron network, as the cloud returns it. */
export type Network = v.InferOutput<typeof Network>;

/** Schema of a new Neutron network's attributes, checked before the create request is sent. */
export const NetworkCreate = v.looseObject({
  name: v.optional(v.string()),
  description: v.optional(v.string()),
  admin_state_up: v.optional(v.boolean()),
  shared: v.optional(v.boolean()),
  mtu: v.optional(v.pipe(v.number(), v.integer(), v.minValue(68, 'must be at least 68'))),
  port_security_enabled: v.optional(v.boolean()),
  'router:external': v.optional(v.boolean()),
  'provider:network_type': v.optional(v.string()),
  'provider:physical_network': v.optional(v.string()),
  'provider:segmentation_id': v.optional(v.number()),
  availability_zone_hints: v.optional(v.array(v.string())),
  qos_policy_id: v.optional(v.nullable(v.string())),
  dns_domain: v.optional(v.string()),
  is_default: v.optional(v.boolean()),
  project_id: v.optional(v.string()),
});
/** Schema of what an update of a Neutron network can change, checked before the request is sent. */
export const NetworkUpdate = v.partial(v.omit(NetworkCreate, ['project_id', 'availability_zone_hints']));

/** Schema of an allocation pool of a subnet: its first and last address. */
export const SubnetAllocationPool = v.looseObject({ start: v.string(), end: v.string() });

/** Schema of a Neutron subnet as the cloud returns it (loose: newer fields pass through). */
export const Subnet = v.looseObject({
  id: v.string(),
  name: v.string(),
  network_id: v.string(),
  ip_version: v.number(),
  cidr: v.string(),
  gateway_ip: str,
  allocation_pools: v.optional(v.array(SubnetAllocationPool)),
  host_routes: v.optional(v.array(Route)),
  dns_nameservers: strings,
  enable_dhcp: bool,
  ipv6_ra_mode: str,
  ipv6_address_mode: str,
  subnetpool_id: str,
  segment_id: str,
  service_types: strings,
  dns_publish_fixed_ip: bool,
  ...standard,
});
/** A Neutron subnet, as the cloud returns it. */
export type Subnet = v.InferOutput<typeof Subnet>;

const ipv6Mode = v.picklist(['slaac', 'dhcpv6-stateful', 'dhcpv6-stateless']);
const subnetCommon = {
  name: v.optional(v.string()),
  description: v.optional(v.string()),
  gateway_ip: v.optional(v.nullable(ipAddress)),
  allocation_pools: v.optional(v.array(v.looseObject({ start: ipAddress, end: ipAddress }))),
  host_routes: v.optional(v.array(RouteInput)),
  dns_nameservers: v.optional(v.array(ipAddress)),
  enable_dhcp: v.optional(v.boolean()),
  service_types: v.optional(v.array(v.string())),
  segment_id: v.optional(v.nullable(v.string())),
  dns_publish_fixed_ip: v.optional(v.boolean()),
};

/** The CIDR, gateway and pools of a subnet must be of its `ip_version`. */
function sameVersion(a: { ip_version: number; cidr?: string | undefined; gateway_ip?: string | null | undefined }, field: 'cidr' | 'gateway_ip') {
  const value = a[field];
  if (!value) return true;
  const addr = field === 'cidr' && isCidr(value) ? value.split('/')[0]! : value;
  return ipVersionOf(addr) === a.ip_version;
}

/** Schema of a new Neutron subnet's attributes, checked before the create request is sent. */
export const SubnetCreate = v.pipe(
  v.looseObject({
    network_id: v.pipe(v.string(), v.nonEmpty('a network id is required')),
    ip_version: ipVersion,
    cidr: v.optional(cidr),
    subnetpool_id: v.optional(v.string()),
    use_default_subnetpool: v.optional(v.boolean()),
    prefixlen: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(128))),
    ipv6_ra_mode: v.optional(ipv6Mode),
    ipv6_address_mode: v.optional(ipv6Mode),
    project_id: v.optional(v.string()),
    ...subnetCommon,
  }),
  v.forward(
    v.check((a) => a.cidr !== undefined || a.subnetpool_id !== undefined || a.use_default_subnetpool === true, 'a cidr (or a subnet pool) is required'),
    ['cidr'],
  ),
  v.forward(v.check((a) => sameVersion(a, 'cidr'), (i) => `is not an IPv${String(i.input.ip_version)} CIDR`), ['cidr']),
  v.forward(v.check((a) => sameVersion(a, 'gateway_ip'), (i) => `is not an IPv${String(i.input.ip_version)} address`), ['gateway_ip']),
);
/** Schema of what an update of a Neutron subnet can change, checked before the request is sent. */
export const SubnetUpdate = v.partial(v.looseObject(subnetCommon));

/** Schema of a fixed IP of a port: the subnet and the address. */
export const PortFixedIp = v.looseObject({ subnet_id: v.string(), ip_address: v.string() });
/** Schema of an allowed address pair of a port: an IP address (or CIDR) and an optional MAC address. */
export const PortAddressPair = v.looseObject({ ip_address: v.string(), mac_address: str });

/** Schema of a Neutron port as the cloud returns it (loose: newer fields pass through). */
export const Port = v.looseObject({
  id: v.string(),
  name: v.string(),
  network_id: v.string(),
  mac_address: v.string(),
  status: str,
  admin_state_up: bool,
  device_id: str,
  device_owner: str,
  fixed_ips: v.optional(v.array(PortFixedIp)),
  allowed_address_pairs: v.optional(v.array(PortAddressPair)),
  security_groups: strings,
  port_security_enabled: bool,
  'binding:host_id': str,
  'binding:vif_type': str,
  'binding:vnic_type': str,
  'binding:profile': v.optional(v.nullable(v.record(v.string(), v.unknown()))),
  'binding:vif_details': v.optional(v.nullable(v.record(v.string(), v.unknown()))),
  dns_name: str,
  qos_policy_id: str,
  ...standard,
});
/** A Neutron port, as the cloud returns it. */
export type Port = v.InferOutput<typeof Port>;

const portCommon = {
  name: v.optional(v.string()),
  description: v.optional(v.string()),
  admin_state_up: v.optional(v.boolean()),
  fixed_ips: v.optional(
    v.array(v.looseObject({ subnet_id: v.optional(v.string()), ip_address: v.optional(ipAddress) })),
  ),
  allowed_address_pairs: v.optional(
    v.array(
      v.looseObject({
        ip_address: v.pipe(v.string(), v.check((s) => ipVersionOf(s) !== undefined || isCidr(s), 'is not an IP address or CIDR')),
        mac_address: v.optional(v.string()),
      }),
    ),
  ),
  security_groups: v.optional(v.array(v.string())),
  port_security_enabled: v.optional(v.boolean()),
  device_id: v.optional(v.string()),
  device_owner: v.optional(v.string()),
  'binding:host_id': v.optional(v.string()),
  'binding:vnic_type': v.optional(v.string()),
  'binding:profile': v.optional(v.record(v.string(), v.unknown())),
  dns_name: v.optional(v.string()),
  qos_policy_id: v.optional(v.nullable(v.string())),
};
/** Schema of a new Neutron port's attributes, checked before the create request is sent. */
export const PortCreate = v.looseObject({
  network_id: v.pipe(v.string(), v.nonEmpty('a network id is required')),
  mac_address: v.optional(v.string()),
  project_id: v.optional(v.string()),
  ...portCommon,
});
/** Schema of what an update of a Neutron port can change, checked before the request is sent. */
export const PortUpdate = v.partial(v.looseObject({ ...portCommon, mac_address: v.optional(v.string()) }));
