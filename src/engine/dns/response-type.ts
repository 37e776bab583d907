/**
 * Classifying a reply the way CoreDNS's plugin/pkg/response `Typify` does, which is what the
 * cache keys its success/denial split on, and the TTL it may be cached for
 * (plugin/pkg/dnsutil/ttl.go `MinimalTTL`).
 */

import type { DnsMessage } from '../../shared/dns-types';

export type ResponseType = 'NoError' | 'NameError' | 'NoData' | 'Delegation' | 'ServerError' | 'OtherError';

/**
 * Typify (plugin/pkg/response/typify.go): answers → NoError; SOA in authority → NoData (NOERROR)
 * or NameError (NXDOMAIN); SERVFAIL/NOTIMP → ServerError; NS only → Delegation; an empty NOERROR
 * → NoError; anything else (an NXDOMAIN without SOA, REFUSED) → OtherError, which is never cached.
 */
export function typify(m: DnsMessage): ResponseType {
  if (m.answer.length > 0 && m.rcode === 'NOERROR') return 'NoError';
  let soa = false;
  let ns = 0;
  for (const r of m.authority) {
    if (r.type === 'SOA') soa = true;
    else if (r.type === 'NS') ns++;
  }
  if (soa && m.rcode === 'NOERROR') return 'NoData';
  if (soa && m.rcode === 'NXDOMAIN') return 'NameError';
  if (m.rcode === 'SERVFAIL' || m.rcode === 'NOTIMP') return 'ServerError';
  if (ns > 0 && m.rcode === 'NOERROR') return 'Delegation';
  if (m.rcode === 'NOERROR') return 'NoError';
  return 'OtherError';
}

/** Seconds: the smallest TTL in the message, 5 when there is nothing to look at, capped at 3600. */
export function minimalTtl(m: DnsMessage, type: ResponseType): number {
  const MINIMAL_DEFAULT = 5;
  const MAXIMUM_DEFAULT = 3600;
  if (type !== 'NoError' && type !== 'NameError' && type !== 'NoData') return MINIMAL_DEFAULT;
  if (m.answer.length + m.authority.length + m.additional.length === 0) return MINIMAL_DEFAULT;
  let min = MAXIMUM_DEFAULT;
  for (const r of m.answer) if (r.ttl < min) min = r.ttl;
  for (const r of m.authority) if (r.ttl < min) min = r.ttl;
  for (const r of m.additional) if (r.ttl < min) min = r.ttl;
  return min;
}
