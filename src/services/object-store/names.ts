import { seg } from '../../session/url.js';
import { validateInput } from '../../session/validate.js';
import { ContainerName, ObjectName } from './schemas.js';

/** Checks a container name (non-empty, no `/`, within Swift's length limit). */
export function checkContainer(container: string, field = 'container'): string {
  return validateInput(ContainerName, container, field);
}

/** Checks an object name (non-empty, at most 1024 bytes). */
export function checkObject(name: string, field = 'name'): string {
  return validateInput(ObjectName, name, field);
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
