/**
 * Query name → request, as CoreDNS's plugin/kubernetes/parse.go `parseRequest` (v1.11, no
 * multicluster): the labels in front of the zone read right to left as `svc|pod`, namespace,
 * service (or the pod's dashed IP), then either one endpoint label or `_port._protocol`.
 * Wildcards (`*`, `any`) were removed in CoreDNS 1.9.0 and are ordinary labels here.
 */

import { splitLabels, trimZone } from './dns-name';

/** The parsed name; absent parts are ''. */
export interface RecordRequest {
  port: string;
  protocol: string;
  endpoint: string;
  service: string;
  namespace: string;
  /** 'svc' or 'pod'; '' for the apex, `svc.<zone>` and `pod.<zone>` (answered NODATA). */
  podOrSvc: '' | 'svc' | 'pod';
}

/** errInvalidRequest: a name the schema has no place for; answered NXDOMAIN. */
export const INVALID_REQUEST = 'invalid query name';

/**
 * Parses, remembered: the parse depends only on the name, the zone's length (trimZone cuts by
 * length) and whether the zone is the root. Results are shared and frozen. Pods ask for the same
 * few names again and again.
 */
const parsed = new Map<number, Map<string, Readonly<RecordRequest> | typeof INVALID_REQUEST>>();
let parsedCount = 0;

/** parseRequest, remembered; the result is shared (read-only). */
export function parseRequestCached(name: string, zone: string): Readonly<RecordRequest> | typeof INVALID_REQUEST {
  const cut = zone === '.' ? -1 : zone.length;
  let byName = parsed.get(cut);
  if (!byName) {
    byName = new Map();
    parsed.set(cut, byName);
  }
  let r = byName.get(name);
  if (r === undefined) {
    if (parsedCount >= 8192) {
      parsed.clear();
      parsedCount = 0;
      byName = new Map();
      parsed.set(cut, byName);
    }
    const fresh = parseRequest(name, zone);
    r = fresh === INVALID_REQUEST ? fresh : Object.freeze(fresh);
    byName.set(name, r);
    parsedCount++;
  }
  return r;
}

/** Parses lowercase `name` within `zone`; returns INVALID_REQUEST for names outside the schema. */
export function parseRequest(name: string, zone: string): RecordRequest | typeof INVALID_REQUEST {
  const r: RecordRequest = { port: '', protocol: '', endpoint: '', service: '', namespace: '', podOrSvc: '' };
  const base = trimZone(name, zone);
  // NODATA for apex queries (parse.go: base == "" || base == Svc || base == Pod).
  if (base === '' || base === 'svc' || base === 'pod') return r;
  const segs = splitLabels(base);
  let last = segs.length - 1;
  if (last < 0) return r;
  const kind = segs[last];
  if (kind !== 'svc' && kind !== 'pod') return INVALID_REQUEST;
  r.podOrSvc = kind;
  last--;
  if (last < 0) return r;
  r.namespace = segs[last];
  last--;
  if (last < 0) return r;
  r.service = segs[last];
  last--;
  if (last < 0) return r;
  if (last === 0) {
    r.endpoint = segs[0];
  } else if (last === 1) {
    r.protocol = stripUnderscore(segs[1]);
    r.port = stripUnderscore(segs[0]);
  } else {
    return INVALID_REQUEST; // too long
  }
  return r;
}

function stripUnderscore(s: string): string {
  return s.startsWith('_') ? s.slice(1) : s;
}
