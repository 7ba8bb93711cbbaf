import { ValidationError } from '../../base/errors.js';
import { idOf } from '../../base/validate.js';
import type { Ref } from '../../resource/proxy.js';

/**
 * The id in a Barbican reference: the last segment of its path
 * (`http://host:9311/v1/secrets/<id>` gives `<id>`).
 */
export function idFromRef(ref: string): string {
  const path = ref.split(/[?#]/)[0]!.replace(/\/+$/, '');
  return decodeURIComponent(path.slice(path.lastIndexOf('/') + 1));
}

/** An absolute URL (a reference), as opposed to a bare id. */
export const URL_LIKE = /^[a-z][a-z0-9+.-]*:\/\//i;

/**
 * The id of a Barbican resource given as its id, its reference URL (`secret_ref`...), or the
 * resource itself. A reference must point into `collection` (`secrets`) when it is given.
 */
export function barbicanId(ref: Ref, field = 'id', collection?: string): string {
  const id = idOf(ref, field);
  if (!URL_LIKE.test(id)) return id;
  let url: URL;
  try {
    url = new URL(id);
  } catch {
    throw new ValidationError(`'${id}' is not a valid reference`, field);
  }
  const parts = url.pathname.split('/').filter(Boolean);
  const last = parts.pop();
  if (!last || (collection && parts.pop() !== collection)) throw new ValidationError(`'${id}' is not a reference to one of the ${collection ?? 'resources'}`, field);
  return decodeURIComponent(last);
}
