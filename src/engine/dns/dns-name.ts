/**
 * Domain-name helpers as CoreDNS uses them (plugin/normalize.go, miekg/dns `IsSubDomain`,
 * `SplitDomainName`, plugin/pkg/dnsutil `TrimZone`). Names handled here are absolute, with the
 * trailing dot; comparisons are case-insensitive (RFC 4343) while answers keep the query's case.
 */

/** An absolute name: adds the trailing dot (`cluster.local` → `cluster.local.`); `.` stays `.`. */
export function fqdn(name: string): string {
  return name.endsWith('.') ? name : `${name}.`;
}

/** CoreDNS's `plugin.Name(x).Normalize()`: lowercase and absolute. */
export function normalizeName(name: string): string {
  return fqdn(name.toLowerCase());
}

/** True when `child` equals `parent` or lies under it (miekg/dns IsSubDomain, case-insensitive). */
export function isSubdomain(parent: string, child: string): boolean {
  const p = parent.toLowerCase();
  const c = child.toLowerCase();
  if (p === '.') return true;
  return c === p || (c.endsWith(p) && c.charCodeAt(c.length - p.length - 1) === 46 /* . */);
}

/** plugin.Zones.Matches: the longest zone that `name` lies in, or '' when none (zones are normalized). */
export function matchZone(zones: readonly string[], name: string): string {
  return matchZoneLower(zones, name.toLowerCase());
}

/** matchZone for a name already lowercase. */
export function matchZoneLower(zones: readonly string[], child: string): string {
  let best = '';
  for (const zone of zones) {
    if (zone.length > best.length && isSubdomainLower(zone, child)) best = zone;
  }
  return best;
}

/** isSubdomain for names already lowercase. */
export function isSubdomainLower(parent: string, child: string): boolean {
  if (parent === '.') return true;
  return child === parent || (child.endsWith(parent) && child.charCodeAt(child.length - parent.length - 1) === 46);
}

/** The labels of a name, left to right, without the root (`a.b.` → ['a','b']; `.` → []). */
export function splitLabels(name: string): string[] {
  if (name === '.' || name === '') return [];
  return (name.endsWith('.') ? name.slice(0, -1) : name).split('.');
}

/** dnsutil.TrimZone: the part of `name` in front of `zone` (no trailing dot), '' at the apex. */
export function trimZone(name: string, zone: string): string {
  if (zone === '.') return name.endsWith('.') ? name.slice(0, -1) : name;
  if (name.length <= zone.length) return '';
  return name.slice(0, name.length - zone.length - 1);
}

/** Joins labels and a zone into an absolute name (`['a','b']`, `cluster.local.` → `a.b.cluster.local.`). */
export function joinName(labels: readonly string[], zone: string): string {
  const head = labels.join('.');
  if (head === '') return zone;
  return zone === '.' ? `${head}.` : `${head}.${zone}`;
}

/** Counts dots the way glibc's res_search does (a trailing dot counts too). */
export function countDots(name: string): number {
  let dots = 0;
  for (let i = 0; i < name.length; i++) if (name.charCodeAt(i) === 46) dots++;
  return dots;
}

/** dnsutil.IsReverse: 1 for in-addr.arpa, 2 for ip6.arpa, 0 otherwise. */
export function reverseKind(name: string): 0 | 1 | 2 {
  // /arpa\.$/i, without the regex: most names asked are not reverse names.
  const n0 = name.length;
  if (n0 < 5 || name.charCodeAt(n0 - 1) !== 46) return 0;
  // c | 32 lowercases an ASCII letter, and only 'X' and 'x' map to 'x'.
  if ((name.charCodeAt(n0 - 2) | 32) !== 97 || (name.charCodeAt(n0 - 3) | 32) !== 112 || (name.charCodeAt(n0 - 4) | 32) !== 114 || (name.charCodeAt(n0 - 5) | 32) !== 97) return 0;
  const n = name.toLowerCase();
  if (n.endsWith('in-addr.arpa.') || n === 'in-addr.arpa.') return 1;
  if (n.endsWith('ip6.arpa.') || n === 'ip6.arpa.') return 2;
  return 0;
}
