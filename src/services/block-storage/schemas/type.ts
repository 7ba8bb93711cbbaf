import * as v from 'valibot';
import { bool, str } from './common.js';

export const VolumeType = v.looseObject({
  id: v.string(),
  name: v.string(),
  description: str,
  is_public: bool,
  'os-volume-type-access:is_public': bool,
  extra_specs: v.optional(v.nullable(v.record(v.string(), v.string()))),
  qos_specs_id: str,
});
export type VolumeType = v.InferOutput<typeof VolumeType>;

const specs = v.record(v.pipe(v.string(), v.nonEmpty('keys must not be empty')), v.string('extra spec values are strings'));
export const VolumeTypeCreate = v.looseObject({
  name: v.pipe(v.string(), v.nonEmpty('a name is required')),
  description: v.optional(v.string()),
  /** Private types are usable only by projects given access. */
  'os-volume-type-access:is_public': v.optional(v.boolean()),
  extra_specs: v.optional(specs),
});
export const VolumeTypeUpdate = v.looseObject({
  name: v.optional(v.string()),
  description: v.optional(v.string()),
  is_public: v.optional(v.boolean()),
});
export const VolumeTypeExtraSpecs = specs;
export const VolumeTypeExtraSpecsBody = v.looseObject({ extra_specs: v.record(v.string(), v.string()) });

export const VolumeTypeAccess = v.looseObject({ volume_type_id: v.string(), project_id: v.string() });
export type VolumeTypeAccess = v.InferOutput<typeof VolumeTypeAccess>;
