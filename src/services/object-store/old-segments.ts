import * as v from 'valibot';
import type { CallOptions } from '../../base/types.js';
import { parseResponse } from '../../base/validate.js';
import { bulkDelete } from './bulk.js';
import type { ObjectStoreClient } from './client.js';
import { objectPath } from './names.js';
import { isSwiftPseudoFolder } from './schemas.js';

/** One segment of a large object. */
export interface SegmentRef {
  container: string;
  name: string;
}

/** `GET ?multipart-manifest=get`: the segments of a Static Large Object, each named `/<container>/<object>`. */
const Manifest = v.array(v.looseObject({ name: v.string() }));

/**
 * The segments of the large object at `container/name`: a Static Large Object's from its manifest,
 * a Dynamic Large Object's by listing `<container>/<prefix>` of its decoded `X-Object-Manifest` (`dlo`).
 */
export async function segmentsOf(store: ObjectStoreClient, container: string, name: string, dlo: string | null, opts: CallOptions): Promise<SegmentRef[]> {
  if (dlo !== null) {
    const [segmentContainer = '', ...rest] = dlo.split('/');
    const out: SegmentRef[] = [];
    for await (const e of store.objects(segmentContainer, { prefix: rest.join('/') }, opts)) if (!isSwiftPseudoFolder(e)) out.push({ container: segmentContainer, name: e.name });
    return out;
  }
  const res = await store.request({ ...opts, path: objectPath(container, name), query: { 'multipart-manifest': 'get' } });
  return parseResponse(Manifest, res.data, 'large object manifest').map((s) => {
    const [, segmentContainer = '', ...rest] = s.name.split('/');
    return { container: segmentContainer, name: rest.join('/') };
  });
}

/**
 * Deletes the segments of a large object that an upload has just replaced, except those the new
 * object still uses (a resumed upload of the same input keeps its segment names). Returns how many
 * went. Best effort: the upload itself has succeeded, so a segment that cannot be deleted (no
 * write access to its container, say) is left and not reported as a failure.
 */
export async function deleteReplacedSegments(
  store: ObjectStoreClient,
  old: readonly SegmentRef[],
  now: { container: string; name: string; segments: number },
  opts: CallOptions,
): Promise<number> {
  const key = (s: SegmentRef) => `${s.container}/${s.name}`;
  let kept = new Set<string>();
  if (now.segments > 0) {
    const current = await segmentsOf(store, now.container, now.name, null, opts).catch(() => undefined);
    // Without the new manifest nothing is known to be unused: leave everything.
    if (!current) return 0;
    kept = new Set(current.map(key));
  }
  const byContainer = new Map<string, string[]>();
  for (const s of old) {
    if (kept.has(key(s))) continue;
    const names = byContainer.get(s.container) ?? [];
    names.push(s.name);
    byContainer.set(s.container, names);
  }
  let deleted = 0;
  for (const [container, names] of byContainer) deleted += (await bulkDelete(store, container, names, opts).catch(() => undefined))?.deleted ?? 0;
  return deleted;
}
