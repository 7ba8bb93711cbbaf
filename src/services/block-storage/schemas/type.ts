import * as v from 'valibot';
import { bool, str } from './common.js';

/** Schema of a Cinder volume type as the cloud returns it (loose: newer fields pass through). */
export const VolumeType = v.looseObject({
  id: v.string(),
  name: v.string(),
  description: str,
  is_public: bool,
  'os-volume-type-access:is_public': bool,
  extra_specs: v.optional(v.nullable(v.record(v.string(), v.string()))),
  qos_specs_id: str,
});
/** A Cinder volume type, as the cloud returns it. */
export type VolumeType = v.InferOutput<typeof VolumeType>;

const specs = v.record(v.pipe(v.string(), v.nonEmpty('keys must not be empty')), v.string('extra spec values are strings'));
/** Schema of a new Cinder volume type's attributes, checked before the create request is sent. */
export const VolumeTypeCreate = v.looseObject({
  name: v.pipe(v.string(), v.nonEmpty('a name is required')),
  description: v.optional(v.string()),
  /** Private types are usable only by projects given access. */
  'os-volume-type-access:is_public': v.optional(v.boolean()),
  extra_specs: v.optional(specs),
});
/** Schema of what an update of a Cinder volume type can change, checked before the request is sent. */
export const VolumeTypeUpdate = v.looseObject({
  name: v.optional(v.string()),
  description: v.optional(v.string()),
  is_public: v.optional(v.boolean()),
});
/** Schema of a volume type's extra specs: string keys and values. */
export const VolumeTypeExtraSpecs = specs;
/** Schema of Cinder's answer that carries a volume type's extra specs. */
export const VolumeTypeExtraSpecsBody = v.looseObject({ extra_specs: v.record(v.string(), v.string()) });

/** Schema of a project's access to a private volume type. */
export const VolumeTypeAccess = v.looseObject({ volume_type_id: v.string(), project_id: v.string() });
/** A project's access to a private volume type. */
export type VolumeTypeAccess = v.InferOutput<typeof VolumeTypeAccess>;
