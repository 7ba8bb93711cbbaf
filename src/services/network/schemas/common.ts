import type { ListFilters } from '../../../resource/declare.js';
import * as v from 'valibot';
import { ipVersionOf, isCidr } from '../address.js';

/** An optional string the cloud may also send as null. */
export const str = v.optional(v.nullable(v.string()));
export const strings = v.optional(v.array(v.string()));
export const num = v.optional(v.nullable(v.number()));
export const bool = v.optional(v.nullable(v.boolean()));

/** Attributes most Neutron resources carry (standard attributes and ownership). */
export const standard = {
  description: str,
  project_id: str,
  tenant_id: str,
  tags: strings,
  created_at: str,
  updated_at: str,
  revision_number: num,
};

/** An IPv4 or IPv6 address. */
export const ipAddress = v.pipe(
  v.string(),
  v.check((s) => ipVersionOf(s) !== undefined, (i) => `'${String(i.input)}' is not an IP address`),
);
/** A CIDR such as `10.0.0.0/24` or `fd00::/64`. */
export const cidr = v.pipe(
  v.string(),
  v.check(isCidr, (i) => `'${String(i.input)}' is not a CIDR (expected e.g. 10.0.0.0/24 or fd00::/64)`),
);
export const ipVersion = v.picklist([4, 6], 'must be 4 or 6');

/** A route (`host_routes` of a subnet, `routes` of a router). */
export const Route = v.looseObject({ destination: v.string(), nexthop: v.string() });
export const RouteInput = v.looseObject({ destination: cidr, nexthop: ipAddress });

/** Tag filters every taggable collection accepts; a list is sent comma-separated. */
export interface TagFilters {
  /** Resources having every one of these tags. */
  tags?: string | readonly string[];
  /** Resources having at least one of these tags. */
  'tags-any'?: string | readonly string[];
  /** Resources lacking at least one of these tags. */
  'not-tags'?: string | readonly string[];
  /** Resources having none of these tags. */
  'not-tags-any'?: string | readonly string[];
}

/** What every Neutron list takes besides the resource's attributes: tags, sorting, `fields`. */
export interface NeutronFilters extends TagFilters {
  sort_key?: string | readonly string[];
  sort_dir?: 'asc' | 'desc' | readonly ('asc' | 'desc')[];
  /** Only these attributes in the result (the typed fields may then be missing). */
  fields?: string | readonly string[];
}

/**
 * Filters for a Neutron list: any attribute of the resource (a list of values matches any of them),
 * tags, sorting, plus whatever else the cloud accepts.
 */
export type Filters<T> = ListFilters<T, NeutronFilters>;

/** What the tags endpoints answer. */
export const TagList = v.looseObject({ tags: v.array(v.string()) });
