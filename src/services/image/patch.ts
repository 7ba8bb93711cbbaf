import type { ImagePatchOp } from './schemas.js';

/** JSON pointer escaping (RFC 6901) of one key. */
function pointer(key: string): string {
  return `/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`;
}

/**
 * JSON patch operations for a plain object of changes: a value sets the attribute (`add` replaces
 * an existing one under Glance's v2.1 patch), `null` removes it, `undefined` is skipped.
 */
export function patchOps(attrs: Record<string, unknown>): ImagePatchOp[] {
  const ops: ImagePatchOp[] = [];
  for (const [k, value] of Object.entries(attrs)) {
    if (value === undefined) continue;
    ops.push(value === null ? { op: 'remove', path: pointer(k) } : { op: 'add', path: pointer(k), value });
  }
  return ops;
}
