import type { ListFilters } from '../../../resource/declare.js';
import * as v from 'valibot';

/** An optional string the cloud may also send as null. */
export const str = v.optional(v.nullable(v.string()));
export const num = v.optional(v.nullable(v.number()));
export const bool = v.optional(v.nullable(v.boolean()));
export const metadata = v.optional(v.nullable(v.record(v.string(), v.string())));
export const links = v.optional(v.array(v.looseObject({ rel: v.optional(v.string()), href: v.string() })));

/** Cinder's metadata: string keys and values. */
export const MetadataInput = v.record(v.pipe(v.string(), v.nonEmpty('keys must not be empty')), v.string());
/** What metadata endpoints answer. */
export const MetadataBody = v.looseObject({ metadata: v.record(v.string(), v.string()) });

/** A size in GiB: a whole number, at least 1. */
export const sizeGiB = v.pipe(v.number('must be a number of GiB'), v.integer('must be a whole number of GiB'), v.minValue(1, 'must be at least 1 GiB'));

/** What every Cinder list takes besides the resource's attributes: sorting, every project, metadata. */
export interface CinderFilters {
  /** `name:asc,size:desc`. */
  sort?: string;
  /** Every project's resources (admin). */
  all_tenants?: boolean;
  /** Cinder's filter on metadata, e.g. `{ role: 'db' }` (sent as JSON). */
  metadata?: Record<string, string>;
}

/** Filters of a Cinder list: any attribute Cinder filters on, sorting, plus whatever else the cloud accepts. */
export type Filters<T> = ListFilters<T, CinderFilters>;
