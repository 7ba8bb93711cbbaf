import { ConflictError } from '../../base/errors.js';
import type { CallOptions } from '../../base/types.js';
import { seg } from '../../base/url.js';
import { checkContainer, checkObject, objectPath } from './names.js';
import { forEachLimit } from './pool.js';
import { readBulk, type BulkDeleteResult } from './bulk-result.js';
import type { ObjectStoreClient } from './client.js';
import { isSwiftPseudoFolder, type ObjectStoreObject } from './schemas.js';

export type { BulkDeleteResult } from './bulk-result.js';

/**
 * Deletes many objects of one container, `max_deletes_per_request` per request through the bulk
 * middleware (one DELETE each, 8 at a time, where it is not installed). Without `names`, every
 * object in the container is deleted.
 */
export async function bulkDelete(
  store: ObjectStoreClient,
  container: string,
  names?: Iterable<string> | AsyncIterable<string>,
  opts: CallOptions = {},
): Promise<BulkDeleteResult> {
  checkContainer(container);
  if (Array.isArray(names)) for (const n of names) checkObject(n, 'names');
  const info = await store.info(opts).catch(() => undefined);
  const perRequest = info?.bulk_delete ? (info.bulk_delete.max_deletes_per_request ?? 10_000) : 0;
  const source = names ?? allNames(store, container, opts);
  const total: BulkDeleteResult = { deleted: 0, notFound: 0, errors: [] };
  const prefix = `/${container}/`;
  const send = async (batch: string[]) => {
    if (!perRequest) return deleteOneByOne(store, container, batch, total, opts);
    const body = batch.map((n) => `/${seg(container)}/${seg(n)}`).join('\n');
    const res = await store.request({
      ...opts,
      method: 'POST',
      path: '',
      query: { 'bulk-delete': '' },
      headers: { ...opts.headers, 'content-type': 'text/plain' },
      body,
    });
    const r = readBulk(res.data, 'POST', res.url);
    total.deleted += r.deleted;
    total.notFound += r.notFound;
    for (const e of r.errors) total.errors.push({ ...e, name: e.name.startsWith(prefix) ? e.name.slice(prefix.length) : e.name });
  };
  let batch: string[] = [];
  const size = perRequest || 1000;
  for await (const name of source) {
    batch.push(name);
    if (batch.length >= size) {
      await send(batch);
      batch = [];
    }
  }
  if (batch.length) await send(batch);
  return total;
}

async function deleteOneByOne(store: ObjectStoreClient, container: string, names: string[], total: BulkDeleteResult, opts: CallOptions) {
  await forEachLimit(
    names,
    8,
    async (name, signal) => {
      try {
        const res = await store.request({ ...opts, signal, method: 'DELETE', path: objectPath(container, name), okStatuses: [404], responseType: 'none' });
        if (res.status === 404) total.notFound++;
        else total.deleted++;
      } catch (e) {
        const status = (e as { status?: number }).status;
        if (typeof status !== 'number') throw e;
        total.errors.push({ name, status, message: (e as Error).message });
      }
    },
    opts.signal,
  );
}

async function* allNames(store: ObjectStoreClient, container: string, opts: CallOptions) {
  for await (const o of store.objects(container, {}, opts)) if (!isSwiftPseudoFolder(o)) yield o.name;
}

/**
 * Deletes every object of a container, page by page: large objects one by one with their
 * segments (listings mark their manifests with `slo_etag`), the rest through the bulk middleware.
 * A `<name>_segments` container left empty by that is deleted too.
 */
export async function emptyContainer(store: ObjectStoreClient, name: string, opts: CallOptions): Promise<void> {
  let large = 0;
  for await (const page of store.objects(name, {}, opts).pages()) {
    const objects = page.filter((e): e is ObjectStoreObject => !isSwiftPseudoFolder(e));
    const manifests = objects.filter((o) => o.slo_etag !== undefined).map((o) => o.name);
    large += manifests.length;
    await forEachLimit(manifests, 4, (n, signal) => store.deleteObject(name, n, { ...opts, signal, ignoreMissing: true }), opts.signal);
    const rest = objects.filter((o) => o.slo_etag === undefined).map((o) => o.name);
    if (rest.length) await bulkDelete(store, name, rest, opts);
  }
  if (large)
    await store.deleteContainer(`${name}_segments`, { ...opts, ignoreMissing: true }).catch((e) => {
      if (!(e instanceof ConflictError)) throw e; // still holds segments of other objects
    });
}
