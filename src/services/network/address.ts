/**
 * IP address and CIDR checks, so a subnet or route with a malformed address fails with a
 * ValidationError before anything is sent (Neutron would answer 400 only after the request).
 */

function isIPv4(s: string): boolean {
  const parts = s.split('.');
  return parts.length === 4 && parts.every((p) => /^\d{1,3}$/.test(p) && Number(p) <= 255 && (p === '0' || !p.startsWith('0')));
}

function isIPv6(s: string): boolean {
  const halves = s.split('::');
  if (halves.length > 2) return false;
  const groups = (h: string) => (h === '' ? [] : h.split(':'));
  const head = groups(halves[0] ?? '');
  const tail = halves.length === 2 ? groups(halves[1] ?? '') : [];
  const all = [...head, ...tail];
  // An embedded IPv4 address (::ffff:1.2.3.4) stands for the last two groups.
  const last = all[all.length - 1];
  let count = all.length;
  if (last !== undefined && last.includes('.')) {
    if (!isIPv4(last)) return false;
    all.pop();
    count++;
  }
  if (!all.every((g) => /^[0-9a-fA-F]{1,4}$/.test(g))) return false;
  return halves.length === 2 ? count <= 7 : count === 8;
}

/** 4 or 6 for a valid IP address, undefined otherwise. */
export function ipVersionOf(address: string): 4 | 6 | undefined {
  if (isIPv4(address)) return 4;
  if (isIPv6(address)) return 6;
  return undefined;
}

/** True for `10.0.0.0/24` or `fd00::/64` (host bits may be set, as Neutron allows). */
export function isCidr(value: string): boolean {
  const m = /^([^/]+)\/(\d{1,3})$/.exec(value);
  if (!m) return false;
  const version = ipVersionOf(m[1] ?? '');
  const prefix = Number(m[2]);
  return version === 4 ? prefix <= 32 : version === 6 ? prefix <= 128 : false;
}
