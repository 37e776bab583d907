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
