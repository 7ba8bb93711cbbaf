/**
 * Pulls the human message out of the many error body shapes OpenStack services use:
 * `{"itemNotFound": {"message"}}` (Nova, Cinder), `{"NeutronError": {"message"}}`,
 * `{"error": {"message"}}` (Keystone), `{"title", "description"}` (Placement, Zaqar),
 * `{"cause", "reason"}` (Gnocchi), `{"explanation"}`, `{"errors": [{"title","detail"}]}` (api-wg), `{"message"}`, `{"faultstring"}`,
 * plain text, and HTML pages (Swift, Glance, webob).
 */
export function cloudMessage(body: unknown): string | undefined {
  if (body == null) return undefined;
  if (typeof body === 'string') return textMessage(body);
  if (typeof body !== 'object') return String(body);
  // Glance's messages carry the `<br /><br />` of the HTML page they were cut from.
  return fromObject(body as Record<string, unknown>, 0)?.replace(/(\s*<br\s*\/?>\s*)+/gi, ' ').trim();
}

function fromObject(o: Record<string, unknown>, depth: number): string | undefined {
  if (depth > 3) return undefined;
  const pick = (k: string) => (typeof o[k] === 'string' && (o[k] as string).trim() ? (o[k] as string).trim() : undefined);
  // Heat puts a generic `explanation` beside the real `error.message`: the nested one wins.
  const nested = o.error && typeof o.error === 'object' && !Array.isArray(o.error) ? fromObject(o.error as Record<string, unknown>, depth + 1) : undefined;
  const direct = pick('message') ?? pick('faultstring') ?? nested ?? pick('explanation') ?? pick('detail') ?? pick('error_description');
  const title = pick('title');
  const description = pick('description');
  if (direct) return direct;
  // Gnocchi: {"description": {"cause": "Invalid input", "reason": "..."}}
  const reason = pick('reason');
  if (reason) return pick('cause') ? `${pick('cause')}: ${reason}` : reason;
  if (description) return title && !description.startsWith(title) ? `${title}: ${description}` : description;
  if (Array.isArray(o.errors) && o.errors.length) {
    const msgs = o.errors
      .map((e) => (e && typeof e === 'object' ? fromObject(e as Record<string, unknown>, depth + 1) : String(e)))
      .filter(Boolean);
    if (msgs.length) return msgs.join('; ');
  }
  if (typeof o.error === 'string') return o.error;
  // Wrapped shapes: {"itemNotFound": {...}}, {"NeutronError": {...}}, {"error": {...}}
  for (const v of Object.values(o)) {
    if (v && typeof v === 'object' && !Array.isArray(v)) {
      const m = fromObject(v as Record<string, unknown>, depth + 1);
      if (m) return m;
    }
  }
  return title;
}

function textMessage(text: string): string | undefined {
  const t = text.trim();
  if (!t) return undefined;
  if (t.startsWith('{')) {
    try {
      return cloudMessage(JSON.parse(t));
    } catch {
      /* not JSON after all */
    }
  }
  if (/^<(!doctype|html|\?xml)|<body/i.test(t)) {
    // webob/Swift pages: <h1>Not Found</h1><p>The resource could not be found.</p>
    const h1 = /<h1[^>]*>([\s\S]*?)<\/h1>/i.exec(t)?.[1];
    const body = /<body[^>]*>([\s\S]*?)<\/body>/i.exec(t)?.[1] ?? t;
    const paragraph = stripTags(body.replace(/<h1[^>]*>[\s\S]*?<\/h1>/i, '')).trim();
    const heading = h1 ? stripTags(h1).trim() : '';
    if (heading && paragraph) return `${heading}: ${paragraph}`;
    return (heading || paragraph || stripTags(t).trim()) || undefined;
  }
  return t.length > 1000 ? `${t.slice(0, 1000)}…` : t;
}

function stripTags(s: string): string {
  return s
    .replace(/<[^>]+>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');
}
