/**
 * Keeps secrets out of everything the SDK prints: error messages, `toJSON()`, and the log hook.
 * Known secret strings (passwords, tokens, application credential secrets, temp URL keys) are
 * registered as they are seen and replaced wherever they appear; secret-bearing headers and
 * query parameters are masked by name.
 */
export const REDACTED = '***';

const SECRET_HEADERS = new Set([
  'x-auth-token',
  'x-subject-token',
  'x-service-token',
  'x-storage-token',
  'authorization',
  'openstack-auth-receipt',
  'x-auth-key',
]);
const SECRET_HEADER_PATTERN = /temp-url-key/i;
const SECRET_QUERY = new Set(['temp_url_sig', 'signature', 'token']);

/** Hides secrets (passwords, tokens, temp URL keys) in headers, bodies and messages before they reach an error or the log hook. */
export class Redactor {
  private readonly secrets = new Set<string>();

  /** Remember a secret so that it is masked wherever it would otherwise appear. */
  add(secret: string | undefined | null): void {
    // Very short values would mask ordinary words; real secrets are longer.
    if (secret && secret.length >= 4) this.secrets.add(secret);
  }

  text(value: string): string {
    let out = value;
    for (const s of this.secrets) if (out.includes(s)) out = out.split(s).join(REDACTED);
    return out;
  }

  /** A parsed body with every known secret masked (objects are copied, never changed in place). */
  value(value: unknown): unknown {
    if (typeof value === 'string') return this.text(value);
    if (value === undefined || value === null || typeof value !== 'object') return value;
    try {
      return JSON.parse(this.text(JSON.stringify(value)));
    } catch {
      return undefined;
    }
  }

  url(value: string): string {
    let out = value;
    try {
      const u = new URL(value);
      let touched = false;
      for (const key of [...u.searchParams.keys()]) {
        if (SECRET_QUERY.has(key.toLowerCase())) {
          u.searchParams.set(key, REDACTED);
          touched = true;
        }
      }
      if (touched) out = u.toString();
    } catch {
      // not an absolute URL: only the known-secret pass applies
    }
    return this.text(out);
  }

  headers(headers: Headers | Record<string, string> | undefined): Record<string, string> {
    const out: Record<string, string> = {};
    if (!headers) return out;
    const entries = headers instanceof Headers ? [...headers.entries()] : Object.entries(headers);
    for (const [k, v] of entries) {
      const lower = k.toLowerCase();
      out[lower] = SECRET_HEADERS.has(lower) || SECRET_HEADER_PATTERN.test(lower) ? REDACTED : this.text(String(v));
    }
    return out;
  }
}
