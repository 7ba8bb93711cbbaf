import { BadRequestError, DuplicateResourceError, ForbiddenError, NotFoundError } from '../base/errors.js';

/** Options of the `find*` calls. */
export interface FindOptions {
  /** Return undefined instead of throwing NotFoundError when nothing matches (default true). */
  ignoreMissing?: boolean;
  signal?: AbortSignal;
}

/**
 * Find by id first, then by name, as openstacksdk does: a 400/403/404 on the id lookup falls back
 * to the name filter; several matches by name are a {@link DuplicateResourceError}.
 */
export async function findResource<T>(
  what: string,
  nameOrId: string,
  byId: () => Promise<T>,
  byName: () => Promise<T[]>,
  ignoreMissing: boolean,
  /** The attribute a name is matched against (`name`; `floating_ip_address` for floating IPs). */
  nameAttribute = 'name',
): Promise<T | undefined> {
  try {
    return await byId();
  } catch (e) {
    if (!(e instanceof NotFoundError || e instanceof BadRequestError || e instanceof ForbiddenError)) throw e;
  }
  // The server-side filter is a hint; some APIs ignore unknown filters, so match names here too.
  const named = (x: T) => x as Record<string, unknown>;
  const matches = (await byName()).filter((x) => named(x)[nameAttribute] === nameOrId || named(x).id === nameOrId);
  if (matches.length > 1)
    throw new DuplicateResourceError(
      `More than one ${what} is named '${nameOrId}' (${matches.map((m) => named(m).id).join(', ')}); use an id`,
      matches.map((m) => String(named(m).id)),
    );
  if (matches.length === 1) return matches[0];
  if (ignoreMissing) return undefined;
  throw new NotFoundError({ status: 404, method: 'GET', url: '', cloudMessage: `No ${what} with name or id '${nameOrId}'` });
}
