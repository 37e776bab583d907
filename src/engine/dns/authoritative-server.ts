/**
 * An authoritative name server (RFC 1034 §4.3.2 answer algorithm): for the closest zone it
 * serves, a name below a delegation gets a referral (NS in authority, glue in additional, no AA);
 * a name with records of the type gets them, AA set; a CNAME is answered and followed while the
 * target stays in the zone; a name that exists (or has names below it) without the type gets
 * NODATA, and any other name NXDOMAIN — both with the zone's SOA, its TTL lowered to the SOA
 * MINIMUM (RFC 2308 §3). Queries outside its zones are REFUSED.
 */

import type { ResourceRecord, TraceActor, TraceHop } from '../../shared/dns-types';
import type { DnsQuestion } from './dns-message';
import type { DnsEndpoint, ServerReply } from './upstream';
import { fqdn, isSubdomain } from './dns-name';
import { parseSoa, replyTo, withTtl } from './dns-message';

/** A zone as an authoritative server holds it; names lowercase and absolute. */
export interface AuthZone {
  apex: string;
  soa: ResourceRecord;
  /** The apex NS records. */
  ns: ResourceRecord[];
  /** Records by owner name (lowercase, absolute), apex NS included. */
  records: Map<string, ResourceRecord[]>;
  /** Child zones: their NS records and glue. */
  delegations: Map<string, { ns: ResourceRecord[]; glue: ResourceRecord[] }>;
}

/** A name server serving some zones. */
export class AuthoritativeServer implements DnsEndpoint {
  readonly actor: TraceActor;
  #zones: AuthZone[];

  constructor(actor: TraceActor, zones: AuthZone[]) {
    this.actor = actor;
    this.#zones = zones;
  }

  handle(q: DnsQuestion, _hops: TraceHop[]): ServerReply {
    const name = fqdn(q.name).toLowerCase();
    let zone: AuthZone | undefined;
    for (const z of this.#zones) if (isSubdomain(z.apex, name) && (!zone || z.apex.length > zone.apex.length)) zone = z;
    if (!zone) return { message: replyTo(q, 'REFUSED') };

    // A delegation at or above the name (but below the apex) → referral; DS would stay here, but is not modelled.
    let cut: string | undefined;
    for (const child of zone.delegations.keys()) {
      if (isSubdomain(child, name) && (!cut || child.length > cut.length)) cut = child;
    }
    if (cut) {
      const d = zone.delegations.get(cut)!;
      const m = replyTo(q, 'NOERROR');
      m.authority = d.ns.slice();
      m.additional = d.glue.slice();
      return { message: m, note: `referral to ${cut}` };
    }

    const m = replyTo(q, 'NOERROR', { aa: true });
    let current = name;
    let owner = q.name.endsWith('.') ? q.name : `${q.name}.`;
    for (let i = 0; i < 8; i++) {
      const records = zone.records.get(current) ?? [];
      const match = records.filter((r) => r.type === q.type);
      if (match.length > 0) {
        m.answer.push(...match.map((r) => ({ ...r, name: owner })));
        return { message: m };
      }
      const cname = records.find((r) => r.type === 'CNAME');
      if (cname && q.type !== 'CNAME') {
        m.answer.push({ ...cname, name: owner });
        const target = cname.data.toLowerCase();
        if (!isSubdomain(zone.apex, target)) return { message: m };
        current = target;
        owner = cname.data;
        continue;
      }
      if (m.answer.length > 0) return { message: m }; // chased into a name without the type
      const exists = records.length > 0 || [...zone.records.keys()].some((n) => n.endsWith(`.${current}`));
      m.rcode = exists ? 'NOERROR' : 'NXDOMAIN';
      const soa = parseSoa(zone.soa.data);
      m.authority = [withTtl(zone.soa, Math.min(zone.soa.ttl, soa.minimum))];
      return { message: m };
    }
    return { message: m };
  }
}

/** Builds an AuthZone from plain records. */
export function authZone(apex: string, soa: ResourceRecord, ns: ResourceRecord[], records: ResourceRecord[]): AuthZone {
  const map = new Map<string, ResourceRecord[]>();
  for (const r of [...ns, ...records]) {
    const key = r.name.toLowerCase();
    map.set(key, [...(map.get(key) ?? []), r]);
  }
  return { apex, soa, ns, records: map, delegations: new Map() };
}

