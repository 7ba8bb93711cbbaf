import { httpErrorFor } from '../../session/errors.js';
import type { CallOptions } from '../../session/types.js';
import { seg } from '../../session/url.js';
import { checkContainer, checkObject } from './names.js';
import { forEachLimit } from './pool.js';
import { isSwiftPseudoFolder } from './schemas.js';
import type { ObjectStoreProxy } from './proxy.js';

/** What a bulk delete did. Swift answers 200 even when some names failed: they are listed here. */
export interface BulkDeleteResult {
  deleted: number;
  notFound: number;
  /** Names that could not be deleted, with the status Swift gave each. */
  errors: { name: string; status: number; message: string }[];
}

/** Swift's bulk-style answer (bulk delete and `multipart-manifest=delete`). */
interface BulkBody {
  'Number Deleted'?: number;
  'Number Not Found'?: number;
  'Response Status'?: string;
  'Response Body'?: string;
  Errors?: [string, string][];
}

/** Reads a bulk-style answer; a failed request as a whole becomes the HttpError of its status. */
export function readBulk(data: unknown, method: string, url: string): BulkDeleteResult & { status: number } {
  const body = (data ?? {}) as BulkBody;
  const status = Number.parseInt(body['Response Status'] ?? '200', 10) || 200;
  const errors = (body.Errors ?? []).map(([name, why]) => ({
    name,
    status: Number.parseInt(why, 10) || status,
    message: why,
  }));
  const result = { deleted: body['Number Deleted'] ?? 0, notFound: body['Number Not Found'] ?? 0, errors, status };
  if (status >= 400 && !errors.length)
    throw httpErrorFor({ status, method, url, cloudMessage: body['Response Body'] || body['Response Status'], body });
  return result;
}

/**
 * Deletes many objects of one container, `max_deletes_per_request` per request through the bulk
 * middleware (one DELETE each, 8 at a time, where it is not installed). Without `names`, every
 * object in the container is deleted.
 */
export async function bulkDelete(
  store: ObjectStoreProxy,
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

async function deleteOneByOne(store: ObjectStoreProxy, container: string, names: string[], total: BulkDeleteResult, opts: CallOptions) {
  await forEachLimit(
    names,
    8,
    async (name, signal) => {
      try {
        const res = await store.request({ ...opts, signal, method: 'DELETE', path: store.objectPath(container, name), okStatuses: [404], responseType: 'none' });
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

async function* allNames(store: ObjectStoreProxy, container: string, opts: CallOptions) {
  for await (const o of store.objects(container, {}, opts)) if (!isSwiftPseudoFolder(o)) yield o.name;
}
