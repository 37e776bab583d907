/**
 * A public recursive resolver (RFC 1034 §5.3.3, RFC 2308): starting from the root hints, it
 * follows referrals down to the zone's servers, chases CNAMEs across zones, and caches what it
 * learns — answers, delegations (NS + glue) and negative answers (for min(SOA TTL, MINIMUM)) —
 * with TTLs that run down in virtual time. Cached answers are served with the time left, which
 * is what clients see decrease between two lookups.
 */

import type { DnsMessage, ResourceRecord, TraceActor, TraceHop } from '../../shared/dns-types';
import type { VirtualClock } from '../virtual-clock';
import type { DnsQuestion } from './dns-message';
import type { DnsEndpoint, DnsNetwork, ServerReply } from './upstream';
import { fqdn, isSubdomain } from './dns-name';
import { parseSoa, replyTo, withTtl } from './dns-message';
import { TtlCache } from './ttl-cache';

/** Configuration of a resolver. */
export interface RecursiveResolverOptions {
  actor: TraceActor;
  rootHints: string[];
  network: DnsNetwork;
  clock: VirtualClock;
}

interface Negative {
  rcode: 'NXDOMAIN' | 'NOERROR';
  soa: ResourceRecord;
}

const MAX_REFERRALS = 16;
const MAX_CNAMES = 8;

/** The resolver; a DnsEndpoint for queries with RD set. */
export class RecursiveResolver implements DnsEndpoint {
  readonly actor: TraceActor;
  #opts: RecursiveResolverOptions;
  /** RRsets by `name|type`. */
  #rrsets = new TtlCache<ResourceRecord[]>();
  /** Negative answers by `name|type`. */
  #negative = new TtlCache<Negative>();
  /** Zone cuts: zone apex → name server addresses. */
  #cuts = new TtlCache<string[]>();

  constructor(opts: RecursiveResolverOptions) {
    this.actor = opts.actor;
    this.#opts = opts;
  }

  /** Forgets everything (a flushed cache). */
  flush(): void {
    this.#rrsets.clear();
    this.#negative.clear();
    this.#cuts.clear();
  }

  handle(q: DnsQuestion, hops: TraceHop[], opts: { rd: boolean }): ServerReply {
    if (!opts.rd) return { message: replyTo(q, 'REFUSED', { ra: true }) };
    const m = replyTo(q, 'NOERROR', { ra: true });
    let name = q.name;
    let fromCache = true;
    for (let i = 0; i <= MAX_CNAMES; i++) {
      const key = `${fqdn(name).toLowerCase()}|${q.type}`;
      const now = this.#opts.clock.now();
      const cached = this.#rrsets.get(key, now);
      if (cached) {
        m.answer.push(...cached.value.map((r) => withTtl({ ...r, name: i === 0 ? fqdn(name) : r.name }, Math.max(0, r.ttl - cached.elapsed))));
        return { message: m, cache: fromCache ? 'hit' : 'miss' };
      }
      const neg = this.#negative.get(key, now);
      if (neg) {
        m.rcode = neg.value.rcode;
        m.authority = [withTtl(neg.value.soa, neg.remaining)];
        return { message: m, cache: fromCache ? 'hit' : 'miss' };
      }
      if (q.type !== 'CNAME') {
        const cname = this.#rrsets.get(`${fqdn(name).toLowerCase()}|CNAME`, now);
        if (cname) {
          const rec = cname.value[0];
          m.answer.push(withTtl(i === 0 ? { ...rec, name: fqdn(name) } : rec, Math.max(0, rec.ttl - cname.elapsed)));
          name = rec.data;
          continue;
        }
      }
      fromCache = false;
      const res = this.#iterate({ name: fqdn(name), type: q.type }, hops);
      if (!res) {
        m.rcode = 'SERVFAIL';
        return { message: m, cache: 'miss' };
      }
      this.#storeAnswer(res, now);
      if (res.rcode === 'NXDOMAIN' || (res.rcode === 'NOERROR' && res.answer.length === 0)) {
        const soa = res.authority.find((r) => r.type === 'SOA');
        m.rcode = res.rcode;
        if (soa) {
          const negTtl = Math.min(soa.ttl, parseSoa(soa.data).minimum);
          this.#negative.set(key, { rcode: res.rcode as Negative['rcode'], soa: withTtl(soa, negTtl) }, negTtl, now);
          m.authority = [withTtl(soa, negTtl)];
        }
        return { message: m, cache: 'miss' };
      }
      if (res.rcode !== 'NOERROR') {
        m.rcode = res.rcode;
        return { message: m, cache: 'miss' };
      }
      m.answer.push(...res.answer);
      // Follow the chain inside this answer; if it ends in a name without the type, chase it.
      let last = fqdn(name).toLowerCase();
      for (;;) {
        const step = res.answer.find((r) => r.type === 'CNAME' && r.name.toLowerCase() === last);
        if (!step || q.type === 'CNAME') break;
        last = step.data.toLowerCase();
      }
      if (q.type === 'CNAME' || res.answer.some((r) => r.type === q.type && r.name.toLowerCase() === last)) return { message: m, cache: 'miss' };
      name = last;
    }
    m.rcode = 'SERVFAIL';
    return { message: m, cache: fromCache ? 'hit' : 'miss' };
  }

  /** Caches every RRset of an answer section under its own name and type. */
  #storeAnswer(m: DnsMessage, now: number): void {
    const sets = new Map<string, ResourceRecord[]>();
    for (const r of m.answer) {
      const key = `${r.name.toLowerCase()}|${r.type}`;
      sets.set(key, [...(sets.get(key) ?? []), { ...r, name: r.name.toLowerCase() }]);
    }
    for (const [key, records] of sets) this.#rrsets.set(key, records, Math.min(...records.map((r) => r.ttl)), now);
  }

  /** Asks from the closest known zone cut down, following referrals. */
  #iterate(q: DnsQuestion, hops: TraceHop[]): DnsMessage | undefined {
    const now = this.#opts.clock.now();
    let servers = this.#closestCut(q.name, now);
    for (let i = 0; i < MAX_REFERRALS; i++) {
      let reply: DnsMessage | undefined;
      for (const ip of servers) {
        const out = this.#opts.network.query(this.actor, ip, q, hops, { rd: false });
        if (out.message && out.message.rcode !== 'REFUSED' && out.message.rcode !== 'SERVFAIL') {
          reply = out.message;
          break;
        }
      }
      if (!reply) return undefined;
      const isReferral = reply.rcode === 'NOERROR' && reply.answer.length === 0 && !reply.aa && reply.authority.some((r) => r.type === 'NS') && !reply.authority.some((r) => r.type === 'SOA');
      if (!isReferral) return reply;
      const ns = reply.authority.filter((r) => r.type === 'NS');
      const names = new Set(ns.map((r) => r.data.toLowerCase()));
      const ips = reply.additional.filter((r) => r.type === 'A' && names.has(r.name.toLowerCase())).map((r) => r.data);
      if (ips.length === 0) return undefined; // glueless referral: not modelled
      const cut = ns[0].name.toLowerCase();
      this.#cuts.set(cut, ips, Math.min(...ns.map((r) => r.ttl)), now);
      servers = ips;
    }
    return undefined;
  }

  #closestCut(name: string, now: number): string[] {
    const labels = name.toLowerCase().split('.').filter((l) => l !== '');
    for (let i = 0; i < labels.length; i++) {
      const zone = `${labels.slice(i).join('.')}.`;
      const hit = this.#cuts.get(zone, now);
      if (hit && isSubdomain(zone, name)) return hit.value;
    }
    return this.#opts.rootHints;
  }
}
