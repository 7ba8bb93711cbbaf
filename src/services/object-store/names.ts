import { ValidationError } from '../../base/errors.js';
import { seg } from '../../base/url.js';
import { LIMITS } from './schemas.js';

export const utf8Length = (s: string) => new TextEncoder().encode(s).length;

function checkName(name: unknown, field: string, what: string, max: number): string {
  if (typeof name !== 'string' || !name) throw new ValidationError(`${what} is required`, field);
  if (utf8Length(name) > max) throw new ValidationError(`must be at most ${max} bytes (UTF-8)`, field);
  return name;
}

/** Checks a container name (non-empty, no `/`, within Swift's length limit). */
export function checkContainer(container: string, field = 'container'): string {
  checkName(container, field, 'a container name', LIMITS.containerName);
  if (container.includes('/')) throw new ValidationError("must not contain '/'", field);
  return container;
}

/** Checks an object name (non-empty, at most 1024 bytes). */
export function checkObject(name: string, field = 'name'): string {
  return checkName(name, field, 'an object name', LIMITS.objectName);
}

/** `/<container>`, checked and encoded. */
export function containerPath(container: string): string {
  return `/${seg(checkContainer(container))}`;
}

/**
 * `/<container>/<object>`. Slashes in object names stay path separators (Swift treats `a/b` and
 * `a%2Fb` alike) unless a segment is `.` or `..`, which URL parsers would resolve away: then the
 * whole name is encoded.
 */
export function objectPath(container: string, name: string): string {
  checkObject(name);
  const parts = name.split('/');
  const encoded = parts.some((p) => p === '.' || p === '..') ? seg(name) : parts.map(seg).join('/');
  return `${containerPath(container)}/${encoded}`;
}
