import { ValidationError } from '../../base/errors.js';

/**
 * How `importImage` fetches the data (`POST /v2/images/{id}/import`). `glance-direct` takes what
 * `stageImage` uploaded; `web-download` has Glance fetch a URL; `copy-image` copies to more stores;
 * `glance-download` copies from another region. `GET /v2/info/import` says which the cloud enables.
 */
export type ImageImportMethod =
  | { name: 'glance-direct' }
  | { name: 'web-download'; uri: string }
  | { name: 'copy-image' }
  | { name: 'glance-download'; glance_image_id: string; glance_region: string; glance_service_interface?: string };

/** Options of an image import: the stores to import into, on a multi-store cloud. */
export interface ImageImportOptions {
  /** Stores to import into (multi-store clouds). */
  stores?: string[];
  /** Import into every store. */
  allStores?: boolean;
  /** With `allStores`: fail the import when one store fails (Glance's default is true). */
  allStoresMustSucceed?: boolean;
}

/** The body of an import request. */
export function importBody(method: ImageImportMethod, opts: ImageImportOptions): Record<string, unknown> {
  if (!method || typeof method !== 'object' || typeof method.name !== 'string' || !method.name)
    throw new ValidationError("must be an object with a name such as 'glance-direct'", 'method');
  if (method.name === 'web-download' && !(typeof method.uri === 'string' && /^https?:\/\//i.test(method.uri)))
    throw new ValidationError('web-download needs an http(s) uri', 'method.uri');
  const body: Record<string, unknown> = { method };
  if (opts.stores) body.stores = opts.stores;
  if (opts.allStores !== undefined) body.all_stores = opts.allStores;
  if (opts.allStoresMustSucceed !== undefined) body.all_stores_must_succeed = opts.allStoresMustSucceed;
  return body;
}
