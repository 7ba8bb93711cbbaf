import { defineResource, filters } from '../../resource/declare.js';
import type { Query } from '../../base/types.js';
import * as s from './schemas.js';

/** Filters of `conn.image.images()`. */
export type ImageQuery = Query & {
  name?: string;
  visibility?: 'public' | 'private' | 'shared' | 'community' | 'all';
  member_status?: 'accepted' | 'pending' | 'rejected' | 'all';
  owner?: string;
  status?: string;
  tag?: string | string[];
  os_hidden?: boolean;
  container_format?: string;
  disk_format?: string;
  size_min?: number;
  size_max?: number;
  protected?: boolean;
  sort_key?: string;
  sort_dir?: 'asc' | 'desc';
  /** `name:asc,created_at:desc`. */
  sort?: string;
};
export const images
 = defineResource({
  name: 'image',
  one: 'Image',
  many: 'images',
  ops: ['list', 'get', 'find', 'create', 'delete', 'waitFor', 'waitForDelete'],
  // A new image is `queued` until data is uploaded or imported; `killed` and `deleted` are failures.
  wait: { status: 'active', failures: ['killed', 'deleted'] },
  filters: filters<ImageQuery>(),
  path: '/images',
  key: null,
  listKey: 'images',
  schema: s.Image,
  createSchema: s.ImageCreate,
  updateSchema: s.ImagePatch,
  updateContentType: 'application/openstack-images-v2.1-json-patch',
});

/** Projects an image is shared with: reached under the image, so no methods of its own. */
export const members = defineResource({ name: 'image member', one: 'ImageMember', many: 'imageMembers', ops: [], path: '', key: null, listKey: 'members', schema: s.ImageMember });

/** Backing stores of a multi-store cloud: `stores(opts)` lists them. */
export const stores = defineResource({ name: 'image store', one: 'ImageStore', many: 'stores', ops: [], path: '/info/stores', key: null, listKey: 'stores', schema: s.ImageStore });
