/**
 * Turning backend records into resource records, as CoreDNS's plugin/backend_lookup.go does for
 * every backend plugin: A/AAAA (following in-zone CNAMEs, asking upstream for the rest), SRV
 * with weights shared out per priority and the targets' addresses in the additional section,
 * TXT, CNAME, PTR, NS (with glue) and the zone's SOA.
 */

import type { DnsMessage, ResourceRecord, RRType } from '../../shared/dns-types';
import { fqdn, isSubdomain } from './dns-name';
import { rr } from './dns-message';
import type { BackendRecord, BackendResult, NameError } from './records';
import { recordHostType } from './records';

/** request.Request as the lookups need it. */
export interface RequestState {
  /** The name as asked (case kept): answers are owned by it. */
  qname: string;
  /** Lowercase qname. */
  name: string;
  type: RRType;
  /** The zone, as the tail of qname (so it keeps the query's case too). */
  zone: string;
}

/** plugin.ServiceBackend. */
export interface ServiceBackend {
  services(state: RequestState, exact: boolean): BackendResult;
  reverse(state: RequestState): BackendResult;
  /** Upstream lookup through the whole server (plugin/pkg/upstream): for names outside the zone. */
  lookup(name: string, type: RRType): DnsMessage;
  serial(): number;
  minTtl(): number;
}

/** Records or a name error. */
export interface LookupResult {
  records: ResourceRecord[];
  extra: ResourceRecord[];
  err?: NameError;
}

/** A state for another name, keeping the zone (state.NewWithQuestion). */
export function withQuestion(state: RequestState, qname: string, type: RRType): RequestState {
  return { qname: fqdn(qname), name: fqdn(qname.toLowerCase()), type, zone: state.zone };
}

function checkForApex(b: ServiceBackend, state: RequestState): BackendResult {
  if (state.name !== state.zone.toLowerCase()) return b.services(state, false);
  // The zone itself: look for a special `apex.dns.<zone>` entry first, then the apex proper.
  const apex = b.services(withQuestion(state, `apex.dns.${state.zone}`, state.type), false);
  if (!apex.err) return apex;
  return b.services(state, false);
}

function isDuplicateCname(target: string, previous: readonly ResourceRecord[], owner: string): boolean {
  return previous.some((p) => p.type === 'CNAME' && p.name.toLowerCase() === owner.toLowerCase() && p.data.toLowerCase() === target.toLowerCase());
}

/** A or AAAA records (plugin.A / plugin.AAAA). */
export function address(b: ServiceBackend, state: RequestState, family: 'A' | 'AAAA', previous: readonly ResourceRecord[] = []): LookupResult {
  const res = checkForApex(b, state);
  if (res.err) return { records: [], extra: [], err: res.err };
  const records: ResourceRecord[] = [];
  // Few records are the rule; a set only pays off for big headless services.
  const seenSet = res.records.length > 16 ? new Set<string>() : undefined;
  const seenList: string[] = [];
  for (const serv of res.records) {
    const what = recordHostType(serv);
    if (what === 'CNAME') {
      const target = fqdn(serv.host);
      // `x CNAME x` (or a name under x) is a loop; so is a CNAME seen before; stop after 8.
      if (isSubdomain(state.name, target)) continue;
      if (previous.length > 7) continue;
      const cname = rr(state.qname, 'CNAME', serv.ttl, target);
      if (isDuplicateCname(target, previous, state.qname)) continue;
      if (isSubdomain(state.zone, target)) {
        const next = address(b, withQuestion(state, serv.host, state.type), family, [...previous, cname]);
        if (!next.err && next.records.length > 0) records.push(cname, ...next.records);
        continue;
      }
      // Outside the zone: resolve through the whole server (and so its forward plugin).
      const m = b.lookup(target, state.type);
      records.push(cname, ...m.answer);
      continue;
    }
    if (what === family && !(seenSet ? seenSet.has(serv.host) : seenList.includes(serv.host))) {
      if (seenSet) seenSet.add(serv.host);
      else seenList.push(serv.host);
      records.push(rr(state.qname, family, serv.ttl, serv.host));
    }
  }
  return { records, extra: [] };
}

/** SRV records (plugin.SRV): weight = 100 / (100 × n) × 100 per priority; targets' addresses go in extra. */
export function srv(b: ServiceBackend, state: RequestState): LookupResult {
  const res = b.services(state, false);
  if (res.err) return { records: [], extra: [], err: res.err };
  const records: ResourceRecord[] = [];
  const extra: ResourceRecord[] = [];
  const dup = new Set<string>();
  // All kubernetes records have priority 0 and weight 0 (counted as 100), so the total is 100 × n,
  // counting entries later dropped as duplicates or port-less — as CoreDNS does.
  const total = 100 * res.records.length;
  const weight = Math.max(1, Math.floor((100 / total) * 100));
  for (const serv of res.records) {
    if (serv.port === -1) continue;
    const what = recordHostType(serv);
    if (what === 'CNAME') continue; // Services() removed these for SRV already
    const target = fqdn(serv.key);
    const srvKey = `${target.toLowerCase()}|${serv.port}`;
    if (!dup.has(srvKey)) {
      dup.add(srvKey);
      records.push(rr(state.qname, 'SRV', serv.ttl, `0 ${weight} ${serv.port} ${target}`));
    }
    const addrKey = `${target.toLowerCase()}|@${serv.host}`;
    if (!dup.has(addrKey)) {
      dup.add(addrKey);
      extra.push(rr(target, what, serv.ttl, serv.host));
    }
  }
  return { records, extra };
}

/** TXT records (plugin.TXT). */
export function txt(b: ServiceBackend, state: RequestState): LookupResult {
  const res = b.services(state, false);
  if (res.err) return { records: [], extra: [], err: res.err };
  const records: ResourceRecord[] = [];
  const seen = new Set<string>();
  for (const serv of res.records) {
    if (serv.text === undefined || seen.has(serv.text)) continue;
    seen.add(serv.text);
    records.push(rr(state.qname, 'TXT', serv.ttl, `"${serv.text}"`));
  }
  return { records, extra: [] };
}

/** CNAME (plugin.CNAME): the first record, when its host is a name. */
export function cname(b: ServiceBackend, state: RequestState): LookupResult {
  const res = b.services(state, true);
  if (res.err) return { records: [], extra: [], err: res.err };
  const first = res.records[0];
  if (first && recordHostType(first) === 'CNAME') return { records: [rr(state.qname, 'CNAME', first.ttl, fqdn(first.host))], extra: [] };
  return { records: [], extra: [] };
}

/** PTR (plugin.PTR): reverse records whose host is a name, deduplicated. */
export function ptr(b: ServiceBackend, state: RequestState): LookupResult {
  const res = b.reverse(state);
  if (res.err) return { records: [], extra: [], err: res.err };
  const records: ResourceRecord[] = [];
  const seen = new Set<string>();
  for (const serv of res.records) {
    if (recordHostType(serv) !== 'CNAME' || seen.has(serv.host)) continue;
    seen.add(serv.host);
    records.push(rr(state.qname, 'PTR', serv.ttl, fqdn(serv.host)));
  }
  return { records, extra: [] };
}

/** NS at the apex (plugin.NS): the name servers live under `ns.dns.<zone>`; their addresses are glue. */
export function ns(b: ServiceBackend, state: RequestState): LookupResult {
  const res = b.services(withQuestion(state, `ns.dns.${state.zone}`, 'NS'), false);
  if (res.err) return { records: [], extra: [], err: res.err };
  const records: ResourceRecord[] = [];
  const extra: ResourceRecord[] = [];
  const seen = new Set<string>();
  for (const serv of res.records) {
    const what = recordHostType(serv);
    if (what === 'CNAME') continue;
    const target = fqdn(serv.key);
    extra.push(rr(target, what, serv.ttl, serv.host));
    if (seen.has(target)) continue;
    seen.add(target);
    records.push(rr(state.qname, 'NS', serv.ttl, target));
  }
  return { records, extra };
}

/** The zone's SOA (plugin.SOA): TTL min(300, minTTL), serial from the backend, fixed timers. */
export function soa(b: ServiceBackend, zone: string): ResourceRecord {
  const minTtl = b.minTtl();
  const ttl = Math.min(300, minTtl);
  const join = (label: string): string => (zone === '.' ? `${label}.` : `${label}.${zone}`);
  return rr(zone, 'SOA', ttl, `${join('ns.dns')} ${join('hostmaster')} ${b.serial()} 7200 1800 86400 ${minTtl}`);
}

export type { BackendRecord };
