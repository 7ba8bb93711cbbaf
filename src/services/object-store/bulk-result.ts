import { httpErrorFor } from '../../base/errors.js';

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
